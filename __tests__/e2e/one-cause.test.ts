/**
 * Issue 31, "causes, not symptoms": when one cause explains other findings (a malformed Bedrock
 * API key, a profile that is not defined, a region the inference profile does not serve), the run
 * has one finding for it and the others are skipped under it (`explainedBy`), in the user's words,
 * never dropped from the report. Through the bundled action and CLI against the fake AWS.
 */
import { rest, useFakeAws } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { runCli } from '../harness/cli.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { SONNET_45 } from '../harness/fake-bedrock.js'
import type { Finding } from '../../src/engine/types.js'

const fake = useFakeAws(healthyAccount)

const PROFILE = `us.${SONNET_45}`
/** Not a Bedrock API key: an Anthropic API key pasted into AWS_BEARER_TOKEN_BEDROCK. */
const MALFORMED_KEY = 'sk-ant-api03-notABedrockKeyAtAll000000000000'
/** A long-term key's shape (AWS UG api-keys-how): ABSK + base64("BedrockAPIKey-<id>-at-<account>:<secret>"). */
const LONG_TERM_SECRET = 'b25lQ2F1c2VTZWNyZXRGb3JUaGVGYWtlT25seQ=='
const LONG_TERM_KEY = `ABSK${Buffer.from(`BedrockAPIKey-c4u5-at-111122223333:${LONG_TERM_SECRET}`).toString('base64')}`
const NO_IAM_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined
}

const findings = (run: ActionRun): Finding[] => run.report?.findings ?? []
const of = (run: ActionRun, checkId: string) => findings(run).filter((f) => f.checkId === checkId)
/** What the run says is wrong: the findings that fail or could not verify. */
const problems = (run: ActionRun) =>
  findings(run).filter((f) => f.status === 'fail' || f.status === 'unverified')
/** Everything a person reads about the run. */
const said = (run: ActionRun) => `${run.stdout}\n${run.summary}\n${JSON.stringify(run.report)}`

/** The words `invalid-client-token` uses to blame an access key (src/catalog/entries.ts). */
const ACCESS_KEY_BLAME = [
  /does not know this access key/i,
  /key sent without its `AWS_SESSION_TOKEN`/,
  /Check the key in IAM/
]

/**
 * The CLI twice, as a person runs it: the terminal text, and `--json` for the report (the CLI
 * prints one or the other).
 */
async function cliRun(
  args: string[],
  options: Parameters<typeof runCli>[2]
): Promise<ActionRun & { report: NonNullable<ActionRun['report']> }> {
  const text = await runCli(fake.env, args, options)
  const json = await runCli(fake.env, [...args, '--json'], options)
  return { ...text, report: JSON.parse(json.stdout) as NonNullable<ActionRun['report']> }
}

function expectSkippedUnder(list: Finding[], cause: Finding['explainedBy'], words: string) {
  expect(list.length).toBeGreaterThan(0)
  for (const f of list) {
    expect(f).toMatchObject({ status: 'skipped', explainedBy: cause })
    expect(f.title).toContain(words)
    expect(f.title).not.toMatch(/ended (fail|skipped)|skipped because/)
  }
}

describe('a malformed Bedrock API key is one finding, the Bedrock checks skipped under it', () => {
  const action = (env: Record<string, string | undefined>) =>
    runAction({
      endpoints: fake.env,
      env: { AWS_REGION: 'us-east-1', ...env, AWS_BEARER_TOKEN_BEDROCK: MALFORMED_KEY },
      inputs: { 'model-id': PROFILE }
    })

  it('with a role at hand: "1 failed" for the key, no access key blamed, every finding kept', async () => {
    const run = await action(OIDC_SESSION_ENV)
    expect(leakedSecrets(run, [MALFORMED_KEY])).toEqual([])
    expect(problems(run).map((f) => [f.checkId, f.messageId])).toEqual([['api-key', 'malformed']])
    const bedrock = ['model-resolve', 'model-access', 'invoke-permission', 'api-key-permission']
    const skipped = bedrock.flatMap((id) => of(run, id))
    expect(new Set(skipped.map((f) => f.checkId))).toEqual(new Set(bedrock))
    expectSkippedUnder(
      skipped,
      { checkId: 'api-key', subject: 'us-east-1' },
      'Skipped: the Bedrock API key is malformed (see the api-key finding)'
    )
    // The report keeps every finding; counts are findings by status, skipped ones included.
    const counted = Object.values(run.report!.counts).reduce((a, b) => a + b, 0)
    expect(counted).toBe(findings(run).length)
    expect(run.report!.counts.skipped).toBe(skipped.length)
    for (const blame of ACCESS_KEY_BLAME) expect(said(run)).not.toMatch(blame)
    expect(findings(run).some((f) => f.catalogId === 'invalid-client-token')).toBe(false)
    expect(run.outputs.result).toBe('fail')
  })

  it('with only the key: the key is the one failure', async () => {
    const run = await action(NO_IAM_CREDENTIALS)
    expect(
      findings(run)
        .filter((f) => f.status === 'fail')
        .map((f) => f.checkId)
    ).toEqual(['api-key'])
    expectSkippedUnder(
      [...of(run, 'model-resolve'), ...of(run, 'model-access')],
      { checkId: 'api-key', subject: 'us-east-1' },
      'the Bedrock API key is malformed'
    )
    for (const blame of ACCESS_KEY_BLAME) expect(said(run)).not.toMatch(blame)
  })

  it('in the terminal: one failure, the Bedrock checks listed under the key as skipped because of it', async () => {
    const run = await cliRun(['--region', 'us-east-1', '--model', PROFILE], {
      env: { ...OIDC_SESSION_ENV, AWS_BEARER_TOKEN_BEDROCK: MALFORMED_KEY }
    })
    expect(run.exitCode).toBe(1)
    expect(leakedSecrets(run, [MALFORMED_KEY])).toEqual([])
    // The skipped checks are listed under their cause, not as failures of their own.
    expect(run.stdout).toMatch(/Also skipped because of this: model-resolve \(us-east-1/)
    expect(run.stdout).not.toMatch(/✖ fail\s+(Could not|STS|Access key)/)
    expect(problems(run).map((f) => f.checkId)).toEqual(['api-key'])
    for (const blame of ACCESS_KEY_BLAME) expect(run.stdout).not.toMatch(blame)
  })
})

describe('an authentication error to a request sent with a Bedrock API key never blames an access key', () => {
  // A well-formed key the fake accepts at the door; the operation then answers with the code AWS
  // uses for an unknown credential (UnrecognizedClientException, HTTP 403: AWS's common errors,
  // src/catalog/inventory/aws-common-errors.json) and each of the texts it comes with: the common
  // one, and the one Bedrock gives a bearer token (reference bedrock.md §0).
  it.each([
    ['the common text', 'The security token included in the request is invalid.'],
    ['the bearer text', 'The bearer token included in the request is invalid.']
  ])('%s: the Bedrock API key is named, in the action and in the terminal', async (_, text) => {
    fake.bearer({ longTermKeys: { [LONG_TERM_KEY]: 'us-east-1' } })
    fake.handle({
      'bedrock:GetInferenceProfile': rest.error('UnrecognizedClientException', text, 403)
    })
    const env = { ...NO_IAM_CREDENTIALS, AWS_BEARER_TOKEN_BEDROCK: LONG_TERM_KEY }
    const run = await runAction({
      endpoints: fake.env,
      env: { ...env, AWS_REGION: 'us-east-1' },
      inputs: { 'model-id': PROFILE }
    })
    expect(leakedSecrets(run, [LONG_TERM_KEY, LONG_TERM_SECRET])).toEqual([])
    const [resolve] = of(run, 'model-resolve')
    expect(resolve?.observed?.join('\n')).toContain(text)
    expect(resolve?.error).toMatchObject({ code: 'UnrecognizedClientException', auth: 'api-key' })
    expect(resolve?.catalogId).toBe('bedrock-api-key-invalid')
    for (const blame of ACCESS_KEY_BLAME) expect(said(run)).not.toMatch(blame)

    const cli = await cliRun(['--region', 'us-east-1', '--model', PROFILE], { env })
    expect(cli.report?.findings.find((f) => f.checkId === 'model-resolve')?.catalogId).toBe(
      'bedrock-api-key-invalid'
    )
    for (const blame of ACCESS_KEY_BLAME) expect(cli.stdout).not.toMatch(blame)
  })
})

describe('a profile that is not defined is one finding with a fix that works here', () => {
  const cli = (files?: Record<string, string>, args: string[] = []) =>
    cliRun(['--region', 'us-east-1', '--model', PROFILE, ...args], {
      env: { ...NO_IAM_CREDENTIALS, AWS_PROFILE: 'nosuch' },
      ...(files ? { files } : {})
    })
  const expectOneCause = (run: ActionRun) => {
    expect(problems(run).map((f) => [f.checkId, f.messageId])).toEqual([
      ['credentials', 'profileMissing']
    ])
    expect(of(run, 'credentials').map((f) => f.messageId)).toEqual(['profileMissing'])
    const rest = findings(run).filter(
      (f) => !['credentials', 'region', 'model-id'].includes(f.checkId)
    )
    expectSkippedUnder(
      rest,
      { checkId: 'credentials' },
      'Skipped: the AWS profile to use is not defined (see the credentials finding)'
    )
    expect(run.stdout).not.toContain('No AWS credentials found')
    expect(run.exitCode).toBe(1)
  }

  it('with a config file that lacks it: lists the profiles it defines, in the words of the CLI', async () => {
    const run = await cli({
      '.aws/config': '[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n',
      '.aws/credentials': '[ci]\naws_access_key_id = AKIAFAKEPREFLIGHT7QX\n'
    })
    expectOneCause(run)
    const [f] = of(run, 'credentials')
    expect(f?.cause).toContain('`AWS_PROFILE=nosuch`')
    expect(f?.fix).toContain('`ci`, `default`, `dev`')
    expect(f?.fix).toContain(
      '(`--profile ci` or `export AWS_PROFILE=ci`; `unset AWS_PROFILE` uses `default`), or create `nosuch`:'
    )
    expect(f?.fix).toContain('aws configure sso --profile nosuch')
    expect(f?.observed?.join('\n')).toContain('profiles defined: ci, default, dev (in ')
  })

  it('with no AWS config file at all: says so, and how to create the profile (which writes it)', async () => {
    const run = await cli()
    expectOneCause(run)
    const [f] = of(run, 'credentials')
    expect(f?.cause).toMatch(/neither \S+\/\.aws\/config nor \S+\/\.aws\/credentials exists/)
    expect(f?.fix).toMatch(/^Create the profile \(this writes \S+\/\.aws\/config\):/)
    expect(f?.fix).toContain('aws configure sso --profile nosuch')
    expect(f?.fix).toContain('aws configure --profile nosuch')
    expect(f?.fix).not.toContain('unset AWS_PROFILE')
  })

  it('named with --profile: the fix says --profile', async () => {
    const run = await cliRun(['--region', 'us-east-1', '--model', PROFILE, '--profile', 'nosuch'], {
      env: NO_IAM_CREDENTIALS,
      files: { '.aws/config': '[profile dev]\nregion = us-east-1\n' }
    })
    const [f] = of(run, 'credentials')
    expect(f?.cause).toContain('`--profile nosuch`')
    expect(f?.fix).toContain('`--profile dev`')
  })

  it('quotes hostile profile names so every printed command works when pasted', async () => {
    // Names as they can be written in the user's files and environment: a space, `;`, backticks.
    const hostile = 'no such; rm -rf ~ `x`'
    const defined = "dev team's`"
    const run = await cliRun(['--region', 'us-east-1', '--model', PROFILE], {
      env: { ...NO_IAM_CREDENTIALS, AWS_PROFILE: hostile },
      files: { '.aws/config': `[profile ${defined}]\nregion = us-east-1\n` }
    })
    const [f] = of(run, 'credentials')
    expect(f?.messageId).toBe('profileMissing')
    const fix = f?.fix ?? ''
    expect(fix).toContain("aws configure sso --profile 'no such; rm -rf ~ `x`'")
    expect(fix).toContain("aws configure --profile 'no such; rm -rf ~ `x`'")
    expect(fix).toContain("``--profile 'dev team'\\''s`'``")
    expect(fix).toContain("``export AWS_PROFILE='dev team'\\''s`'``")
    expect(fix).not.toContain('--profile no such')
    // The block's fence is longer than any run of backticks inside, so no name can close it.
    const block = /^(`{3,})sh\n([\s\S]*?)\n\1$/m.exec(fix)
    expect(block?.[2]?.split('\n')).toEqual([
      '# IAM Identity Center (SSO)',
      "aws configure sso --profile 'no such; rm -rf ~ `x`'",
      '# or an access key pair',
      "aws configure --profile 'no such; rm -rf ~ `x`'"
    ])
    expect(f?.cause).toContain("``AWS_PROFILE='no such; rm -rf ~ `x`'``")
  })

  it('in a job: says to drop AWS_PROFILE for configure-aws-credentials, not to run aws configure', async () => {
    const run = await runAction({
      endpoints: fake.env,
      env: { ...NO_IAM_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_PROFILE: 'nosuch' },
      inputs: { 'model-id': PROFILE }
    })
    expect(problems(run).map((f) => f.checkId)).toEqual(['credentials'])
    const [f] = of(run, 'credentials')
    expect(f?.fix).toContain('remove `AWS_PROFILE`')
    expect(f?.fix).toContain('aws-actions/configure-aws-credentials')
    expect(f?.fix).not.toContain('--profile')
  })
})

describe('a region the inference profile does not serve is the cause for that pair', () => {
  it("us. from eu-west-1: model-resolve fails, the pair's other checks are skipped under it", async () => {
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'eu-west-1,us-east-1', 'model-id': PROFILE }
    })
    const pair = (f: Finding) => f.scope?.region === 'eu-west-1' && f.scope?.model === PROFILE
    const [cause] = of(run, 'model-resolve').filter(pair)
    expect(cause).toMatchObject({ status: 'fail', catalogId: 'invalid-model-identifier' })
    expect(problems(run)).toEqual([cause])
    const skipped = findings(run).filter((f) => pair(f) && f.checkId !== 'model-resolve')
    expect(new Set(skipped.map((f) => f.checkId))).toEqual(
      new Set(['model-access', 'invoke-permission', 'quota'])
    )
    expectSkippedUnder(
      skipped,
      { checkId: 'model-resolve', subject: `eu-west-1 · ${PROFILE}` },
      'Skipped: this region cannot call the inference profile (see the model-resolve finding)'
    )
    // us-east-1, which the profile serves, is checked in full.
    const served = findings(run).filter((f) => f.scope?.region === 'us-east-1' && f.scope.model)
    expect(served.map((f) => f.status)).not.toContain('skipped')
    expect(run.outputs.result).toBe('fail')
  })
})
