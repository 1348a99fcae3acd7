/**
 * A fix changes only what it fixes, in the words of the face the user runs (issue 31, parts 4
 * and 7): pasted, the lines a fix prints leave every setting its cause is not about as the user
 * has it, and they name the CLI's flags in the CLI, the action's inputs in the action, and the
 * agent's own variable and file where the value came from there.
 */
import { runCli } from '../harness/cli.js'
import { useFakeAws } from '../harness/fake-aws.js'
import { runAction } from '../harness/run-action.js'
import { healthyAccount, SCENARIOS, useTokenEndpoint } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV, STATIC_KEY_ENV } from '../harness/scenarios.js'
import { HAIKU_45, SONNET_45 } from '../harness/fake-bedrock.js'
import type { Finding, Report } from '../../src/engine/types.js'

const fake = useFakeAws(() => healthyAccount())
const token = useTokenEndpoint()

/** The settings a printed line can change, by the words that name them. */
const KIND: Record<string, 'region' | 'model' | 'profile'> = {
  AWS_REGION: 'region',
  AWS_DEFAULT_REGION: 'region',
  '--region': 'region',
  'aws-region': 'region',
  AWS_PROFILE: 'profile',
  '--profile': 'profile',
  BEDROCK_MODEL: 'model',
  ANTHROPIC_MODEL: 'model',
  '--model': 'model',
  'model-id': 'model'
}

/** Every setting a fix's printed lines (code blocks and code spans) set, with the value set. */
function settingsPrinted(fix: string): { name: string; value: string }[] {
  const code = [
    ...[...fix.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n')),
    ...[...fix.replace(/```[\s\S]*?```/g, '').matchAll(/`+([^`]+)`+/g)].map((m) => m[1]!)
  ]
  const out: { name: string; value: string }[] = []
  for (const line of code) {
    if (/^\s*#/.test(line)) continue // commented out: changes nothing
    for (const m of line.matchAll(
      /(?:^|\s)(?:export\s+)?([A-Z][A-Z0-9_]*)=('[^']*'|\S+)|(--(?:region|profile|model))\s+('[^']*'|\S+)|\b(aws-region|model-id):\s+(\S+)/g
    )) {
      const name = m[1] ?? m[3] ?? m[5]!
      const value = (m[2] ?? m[4] ?? m[6]!).replace(/^'|'$/g, '')
      if (KIND[name] && !/^<.*>$/.test(value)) out.push({ name, value })
    }
  }
  return out
}

/**
 * The settings a finding may change: those its title or cause is about (a region finding may
 * move the region; a credentials finding may not).
 */
const about = (f: Finding, kind: string): boolean =>
  new RegExp(`\\b${kind}`, 'i').test(`${f.title} ${f.cause ?? ''}`)

/** What a world's user has set, by kind. */
type Current = Partial<Record<'region' | 'model' | 'profile', string>>

/** The lines each fix prints that would change a setting its cause is not about. */
function unrelatedChanges(report: Report, current: Current): string[] {
  const bad: string[] = []
  for (const f of report.findings) {
    if (!f.fix) continue
    for (const { name, value } of settingsPrinted(f.fix)) {
      const kind = KIND[name]!
      if (current[kind] !== undefined && current[kind] !== value && !about(f, kind))
        bad.push(`${f.checkId}/${f.messageId}: ${name}=${value} (the user has ${current[kind]})`)
    }
  }
  return bad
}

const STATIC_KEY_WITH_PROFILE = [
  '# the agent',
  `AWS_ACCESS_KEY_ID=${STATIC_KEY_ENV.AWS_ACCESS_KEY_ID}`,
  `AWS_SECRET_ACCESS_KEY=${STATIC_KEY_ENV.AWS_SECRET_ACCESS_KEY}`,
  'AWS_PROFILE=dev',
  'AWS_REGION=eu-west-1'
].join('\n')

const PROFILE_CONFIG = ['[profile dev]', 'region = eu-west-1', ''].join('\n')

describe('a fix changes only what it fixes', () => {
  it('the static-key fix comments the key out and leaves the region and profile as they are', async () => {
    const run = await runCli(fake.env, ['--json'], {
      files: { '.insightworker/.env': STATIC_KEY_WITH_PROFILE, '.aws/config': PROFILE_CONFIG }
    })
    const report = JSON.parse(run.stdout) as Report
    const shadow = report.findings.find((f) => f.messageId === 'staticKeyShadowsProfile')
    expect(shadow?.fix).toContain('# AWS_ACCESS_KEY_ID=AKIA...')
    expect(shadow?.fix).toContain('profile "dev"')
    expect(shadow?.fix).not.toMatch(/^AWS_REGION=/m)
    expect(shadow?.fix).not.toContain('us-east-1')
    expect(unrelatedChanges(report, { region: 'eu-west-1', profile: 'dev' })).toEqual([])
    // Words a user knows: the agent is "your agent", never a name the user was not told.
    expect(run.stdout).not.toContain('InsightWorker')
  })

  // Worlds the e2e suites produce, through the CLI: each finding's printed lines are applied in
  // thought, and only the settings its cause names may change.
  const WORLDS: {
    name: string
    args: string[]
    files?: Record<string, string>
    current: Current
  }[] = [
    {
      name: 'a static key beside a profile, region from the agent’s .env',
      args: ['--json'],
      files: { '.insightworker/.env': STATIC_KEY_WITH_PROFILE, '.aws/config': PROFILE_CONFIG },
      current: { region: 'eu-west-1', profile: 'dev' }
    },
    {
      name: 'a us. profile named in the agent’s .env, called from eu-west-1',
      args: ['--json'],
      files: { '.insightworker/.env': `AWS_REGION=eu-west-1\nBEDROCK_MODEL=us.${SONNET_45}\n` },
      current: { region: 'eu-west-1', model: `us.${SONNET_45}` }
    },
    {
      name: 'a model ARN of another region, typed as flags',
      args: [
        '--json',
        '--region',
        'us-east-1',
        '--model',
        `arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU_45}`
      ],
      current: {
        region: 'us-east-1',
        model: `arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU_45}`
      }
    }
  ]

  it('in the action, a long-term key’s fix keeps the job’s region in the configure step', async () => {
    const run = await runAction({
      endpoints: fake.env,
      env: { ...STATIC_KEY_ENV },
      inputs: { 'aws-region': 'eu-west-1' }
    })
    const report = run.report as Report
    const longTerm = report.findings.find((f) => f.messageId === 'longTermKeyInCi')
    expect(longTerm?.fix).toContain('aws-region: eu-west-1')
    expect(unrelatedChanges(report, { region: 'eu-west-1' })).toEqual([])
  })

  it.each(WORLDS)('$name: no fix changes a setting its cause is not about', async (world) => {
    const run = await runCli(fake.env, world.args, {
      env: world.files?.['.aws/config'] ? {} : { ...OIDC_SESSION_ENV },
      ...(world.files ? { files: world.files } : {})
    })
    const report = JSON.parse(run.stdout) as Report
    expect(report.findings.some((f) => f.fix)).toBe(true)
    expect(unrelatedChanges(report, world.current)).toEqual([])
  })
})

/** What a scenario's user has set: the action's inputs, else the job's environment, else the file. */
function currentOf(scenario: (typeof SCENARIOS)[number]): Current {
  const file = Object.fromEntries(
    (scenario.files?.['.env'] ?? '')
      .split('\n')
      .map((l) => /^(?:export\s+)?([A-Z_]+)=["']?([^"'\s]*)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!])
  )
  const region = scenario.inputs?.['aws-region'] ?? scenario.env.AWS_REGION ?? file.AWS_REGION
  const model = scenario.inputs?.['model-id'] ?? file.BEDROCK_MODEL
  return { ...(region ? { region } : {}), ...(model ? { model } : {}) }
}

describe('a fix changes only what it fixes, in every shared e2e scenario (the action)', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    fake.handle({ ...healthyAccount(), ...(scenario.handlers ?? {}) })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...scenario.env, ...(scenario.oidc ? token.env() : {}) },
      ...(scenario.inputs ? { inputs: scenario.inputs } : {}),
      ...(scenario.files ? { files: scenario.files } : {})
    })
    expect(unrelatedChanges(run.report as Report, currentOf(scenario))).toEqual([])
  })
})

describe('a fix speaks the face the user runs', () => {
  const arn = `arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU_45}`

  it('names --region and --model in the CLI, aws-region: and model-id: in the action', async () => {
    const cli = await runCli(fake.env, ['--json', '--region', 'us-east-1', '--model', arn], {
      env: { ...OIDC_SESSION_ENV }
    })
    const action = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV },
      inputs: { 'aws-region': 'us-east-1', 'model-id': arn }
    })
    const fixOf = (r: Report | undefined) =>
      r?.findings.find((f) => f.messageId === 'modelArnOfOtherRegion')?.fix ?? ''
    const inCli = fixOf(JSON.parse(cli.stdout) as Report)
    const inAction = fixOf(action.report as Report)
    expect(inCli).toContain(`\`--model arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_45}\``)
    expect(inCli).toContain('`--region eu-west-1`')
    expect(inCli).not.toMatch(/aws-region|model-id/)
    expect(inAction).toContain(
      `\`model-id: arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_45}\``
    )
    expect(inAction).toContain("`aws-region: eu-west-1` (in the step's `with:`)")
    expect(inAction).not.toMatch(/--region|--model/)
  })

  it("names the agent's own variable and file when the agent's .env set the model", async () => {
    const run = await runCli(fake.env, ['--json'], {
      env: { ...OIDC_SESSION_ENV },
      files: { '.insightworker/.env': `AWS_REGION=eu-west-1\nBEDROCK_MODEL=us.${SONNET_45}\n` }
    })
    const report = JSON.parse(run.stdout) as Report
    const resolve = report.findings.find((f) => f.checkId === 'model-resolve' && f.fix)
    expect(resolve?.fix).toMatch(
      /`BEDROCK_MODEL=\S+` in the agent's \.env \(.*\.insightworker\/\.env\)/
    )
    expect(resolve?.fix).not.toMatch(/--model|model-id/)
  })
})
