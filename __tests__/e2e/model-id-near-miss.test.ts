/**
 * A model ID one edit away from one the region lists (issue 31 part 3): the finding says "did you
 * mean …?" with the ID from Bedrock's own listing, the fix sets exactly that ID, and no region is
 * blamed for an ID Bedrock does not know. Through the bundled action and the bundled CLI.
 */
import {
  useFakeAws,
  rest,
  type FakeReply,
  type Handler,
  type Handlers
} from '../harness/fake-aws.js'
import { runAction, finding, leakedSecrets, FAKE } from '../harness/run-action.js'
import { runCli } from '../harness/cli.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  documentedWorld,
  SONNET_37,
  SONNET_45,
  SONNET_46,
  type BedrockWorld
} from '../harness/fake-bedrock.js'
import type { Report } from '../../src/engine/types.js'

const fake = useFakeAws(() => healthyAccount())

const NO_SUFFIX = `us.${SONNET_45.replace(/:0$/, '')}`

function action(region: string, model: string) {
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': region, 'model-id': model }
  })
}

async function cliReport(region: string, model: string): Promise<Report> {
  const run = await runCli(fake.env, ['--json', '--region', region, '--model', model], {
    env: { ...OIDC_SESSION_ENV }
  })
  expect(run.exitCode).toBe(1)
  return JSON.parse(run.stdout) as Report
}

describe('a model ID one edit away from a listed one, through the bundled action', () => {
  it('a profile ID without its :0 suffix: "did you mean" the listed ID, no region blamed', async () => {
    const run = await action('us-east-1', NO_SUFFIX)
    expect(run.exitCode).toBe(1)
    const f = finding(run, 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId: 'nearMiss' })
    expect(f?.title).toBe(
      `${NO_SUFFIX} is not an ID Bedrock lists in us-east-1: did you mean us.${SONNET_45}?`
    )
    expect(f?.cause).toContain('differs by the version suffix')
    expect(f?.cause).toContain('not a region problem')
    expect(f?.fix).toContain(`model-id: us.${SONNET_45}`)
    // Never the false claim of issue 31, nor a correction without its suffix.
    expect(run.summary).not.toContain('does not list us-east-1')
    expect(run.summary).not.toContain(`global.${NO_SUFFIX}\``)
    expect(run.summary).toContain(`did you mean us.${SONNET_45}?`)
    expect(leakedSecrets(run)).toEqual([])
  })

  it("a geography prefix of another region: did you mean the region's own profile", async () => {
    const run = await action('us-east-1', `eu.${SONNET_45}`)
    const f = finding(run, 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId: 'profileNotHereOthersListed' })
    expect(f?.title).toBe(
      `eu.${SONNET_45} cannot be called from us-east-1: did you mean us.${SONNET_45}?`
    )
    expect(f?.fix).toContain(`model-id: us.${SONNET_45}`)
  })

  it('a wrong prefix and no suffix at once: the listed ID of this region', async () => {
    const run = await action('eu-west-1', NO_SUFFIX)
    const f = finding(run, 'model-resolve')
    expect(f?.messageId).toBe('nearMiss')
    expect(f?.title).toContain(`did you mean eu.${SONNET_45}?`)
    expect(f?.cause).toContain('the geography prefix (`eu.` for `us.`) and the version suffix')
  })

  it('a typo in the model name: did you mean the listed ID', async () => {
    const run = await action('us-east-1', 'us.anthropic.claude-sonet-4-6')
    const f = finding(run, 'model-resolve')
    expect(f?.messageId).toBe('nearMiss')
    expect(f?.title).toContain(`did you mean us.${SONNET_46}?`)
    expect(f?.fix).toContain(`model-id: us.${SONNET_46}`)
    expect(f?.observed?.join('\n')).toContain(`nearest listed in us-east-1: \`us.${SONNET_46}\``)
  })

  it('a bare ID without its suffix: the profile the region lists for it', async () => {
    const run = await action('us-east-1', SONNET_45.replace(/:0$/, ''))
    const f = finding(run, 'model-resolve')
    expect(f?.messageId).toBe('nearMiss')
    expect(f?.title).toContain(`did you mean us.${SONNET_45}?`)
  })

  it('nothing near: the ID is not listed, and no region is blamed', async () => {
    const run = await action('us-east-1', 'us.anthropic.claude-haiku-3-9')
    const f = finding(run, 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId: 'notListed' })
    expect(f?.title).toBe('us.anthropic.claude-haiku-3-9 is not an ID Bedrock lists in us-east-1')
    expect(f?.observed?.join('\n')).toContain('nothing listed in us-east-1 is near it')
  })

  it('a listing it may not read: could not verify, no guessed correction', async () => {
    const caller = `arn:aws:sts::${FAKE.account}:assumed-role/github-actions-bedrock/GitHubActions`
    // IAM's AccessDenied text (fake-authorizer.ts quotes its form).
    fake.handle({
      'bedrock:ListFoundationModels': rest.error(
        'AccessDeniedException',
        `User: ${caller} is not authorized to perform: bedrock:ListFoundationModels because no identity-based policy allows the bedrock:ListFoundationModels action`,
        403
      )
    })
    const run = await action('us-east-1', NO_SUFFIX)
    const f = finding(run, 'model-resolve')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'notListedUnverified' })
    expect(f?.title).toContain('its listing could not be read (AccessDeniedException)')
    expect(run.summary).not.toContain('did you mean')
    expect(run.summary).not.toContain('does not list us-east-1')
  })
})

/**
 * The documented world, but `model` is known only in `regions` and its profiles are callable only
 * from there (a model not yet offered in us-east-1, say).
 */
function offeredOnlyIn(model: string, regions: string[]): BedrockWorld {
  const world = documentedWorld()
  for (const m of world.models.filter((x) => x.id === model))
    m.regions = Object.fromEntries(regions.map((r) => [r, m.regions[r] ?? []]))
  for (const p of world.profiles.filter((x) => x.id.endsWith(`.${model}`)))
    p.sources = Object.fromEntries(
      Object.entries(p.sources).filter(([source]) => regions.includes(source))
    )
  return world
}

const CALLER = `arn:aws:sts::${FAKE.account}:assumed-role/github-actions-bedrock/GitHubActions`

/** That world, with GetFoundationModel in `region` answering `reply` instead. */
function readRefusedIn(world: BedrockWorld, region: string, reply: FakeReply): Handlers {
  const handlers = bedrockHandlers(world)
  const answer = handlers['bedrock:GetFoundationModel'] as Handler
  return {
    ...handlers,
    'bedrock:GetFoundationModel': (req) => (req.region === region ? reply : answer(req))
  }
}

describe('a correct ID in a region that does not offer the model: never "did you mean"', () => {
  it('a correct profile ID: the region cannot call it, the ID is not called mistyped', async () => {
    fake.handle(bedrockHandlers(offeredOnlyIn(SONNET_46, ['us-west-2'])))
    const run = await action('us-east-1', `us.${SONNET_46}`)
    expect(run.exitCode).toBe(1)
    const f = finding(run, 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId: 'profileNotHereNoAlternative' })
    expect(f?.title).toBe(`us.${SONNET_46} cannot be called from us-east-1`)
    expect(f?.observed).toContain(`GetFoundationModel knows ${SONNET_46} in: us-west-2`)
    expect(run.summary).not.toContain('did you mean')
    expect(run.summary).not.toContain('mistyped')
    expect(run.summary).not.toContain('is not an ID Bedrock lists')
  })

  it("a bare ID whose other region's read an SCP denies: could not verify, no correction", async () => {
    // An SCP's region deny, in IAM's words for it (the form
    // __tests__/catalog/bedrock-reference.test.ts quotes from reference bedrock.md).
    const denied = rest.error(
      'AccessDeniedException',
      `User: ${CALLER} is not authorized to perform: bedrock:GetFoundationModel on resource: arn:aws:bedrock:us-west-2::foundation-model/${SONNET_37} with an explicit deny in a service control policy`,
      403
    )
    fake.handle(readRefusedIn(offeredOnlyIn(SONNET_37, ['us-west-2']), 'us-west-2', denied))
    const run = await action('us-east-1', SONNET_37)
    const f = finding(run, 'model-resolve')
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'elsewhereUnverified',
      permission: 'bedrock:GetFoundationModel'
    })
    expect(f?.title).toBe(
      `Could not verify ${SONNET_37} in us-east-1: Bedrock does not know it there, and GetFoundationModel in us-west-2 could not be read (AccessDeniedException)`
    )
    expect(f?.observed?.join('\n')).toContain(
      `GetFoundationModel did not find ${SONNET_37} in eu-central-1, ap-northeast-1 either`
    )
    expect(f?.observed).toContain(
      `GetFoundationModel ${SONNET_37} in us-west-2: not read (AccessDeniedException)`
    )
    expect(f?.fix).toContain('`bedrock:GetFoundationModel`')
    // An explicit Deny in an SCP: no Allow overrides it, so no statement is offered to paste.
    expect(f?.cause).toContain('an explicit Deny in a service control policy refuses it')
    expect(f?.fix).toContain('Ask whoever owns a service control policy to exempt')
    expect(f?.fix).not.toContain('"Effect": "Allow"')
    expect(run.summary).not.toContain('did you mean')
    expect(run.summary).not.toContain('mistyped')
    expect(run.summary).not.toContain('(a typo?)')
    expect(run.summary).not.toContain(`is not offered in us-east-1`)
  })

  it("a profile ID whose model's other-region read a gateway answers: could not verify, no correction", async () => {
    // A proxy's sign-in page with HTTP 200 (malformed-answers.test.ts): no answer either way.
    const portal: FakeReply = {
      kind: 'response',
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>Sign in</title></head><body><p>Welcome</p></body></html>',
      outside: 'a proxy or gateway answering for AWS: deliberately not an AWS answer'
    }
    fake.handle(readRefusedIn(offeredOnlyIn(SONNET_37, ['us-west-2']), 'us-west-2', portal))
    const run = await action('us-east-1', `us.${SONNET_37}`)
    const f = finding(run, 'model-resolve')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'elsewhereUnverified' })
    expect(f?.title).toContain('GetFoundationModel in us-west-2 could not be read')
    expect(run.summary).not.toContain('did you mean')
    expect(run.summary).not.toContain('mistyped')
    expect(run.summary).not.toContain('cannot be called from us-east-1')
  })
})

describe('a model ID one edit away from a listed one, through the bundled CLI', () => {
  it('a missing :0, a wrong prefix and a typo each get the listed ID', async () => {
    const cases: [string, string][] = [
      [NO_SUFFIX, `us.${SONNET_45}`],
      [`eu.${SONNET_45}`, `us.${SONNET_45}`],
      ['us.anthropic.claude-sonet-4-6', `us.${SONNET_46}`]
    ]
    for (const [model, meant] of cases) {
      const report = await cliReport('us-east-1', model)
      const f = report.findings.find((x) => x.checkId === 'model-resolve')
      expect(f?.status).toBe('fail')
      expect(f?.title).toContain(`did you mean ${meant}?`)
      expect(f?.fix).toContain(meant)
    }
  })

  it('a missing :0 in the .env file: the finding points at its line, the fix sets the listed ID there', async () => {
    const run = await runCli(fake.env, ['--json'], {
      env: { ...OIDC_SESSION_ENV },
      files: {
        '.insightworker/.env': ['AWS_REGION=us-east-1', `BEDROCK_MODEL=${NO_SUFFIX}`].join('\n')
      }
    })
    const report = JSON.parse(run.stdout) as Report
    const f = report.findings.find((x) => x.checkId === 'model-resolve')
    expect(f?.messageId).toBe('nearMiss')
    expect(f?.location?.line).toBe(2)
    expect(f?.location?.file).toMatch(/\.insightworker\/\.env$/)
    expect(f?.fix).toContain(`BEDROCK_MODEL=us.${SONNET_45}\` in the agent's .env`)
  })
})

describe('a profile listing that never ends', () => {
  it('is no evidence: could not verify, never "not listed" and never a correction', async () => {
    // Every page names another one (a listing cut by a proxy, or more profiles than the read's
    // bound): what was read is not the whole list.
    fake.handle({
      'bedrock:ListInferenceProfiles': () =>
        rest.ok({ inferenceProfileSummaries: [], nextToken: 'next-page' })
    })
    const run = await action('us-east-1', NO_SUFFIX)
    const f = finding(run, 'model-resolve')
    expect(f?.status).toBe('unverified')
    expect(f?.error?.code).toBe('IncompleteAnswer')
    expect(run.summary).not.toContain('did you mean')
    expect(run.summary).not.toContain('mistyped')
  })
})
