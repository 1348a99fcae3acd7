/**
 * `bedrock-preflight facts --check`: the bundled facts compared with live ListFoundationModels,
 * ListInferenceProfiles and ListServiceQuotas, through the bundled CLI (dist/cli.js) against the
 * fake AWS. Two worlds: AWS as it is when the facts were checked (token quotas only, Sonnet 4.5
 * retired, the 5.x generation listed), and AWS after it moved on.
 */
import { json11, useFakeAws } from '../harness/fake-aws.js'
import { runAction, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { STATIC_KEY_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  documentedWorld,
  OPUS_47,
  SONNET_45,
  SONNET_46,
  SONNET_5,
  type BedrockWorld
} from '../harness/fake-bedrock.js'
import { serviceQuotasHandlers, type FakeQuota } from '../harness/fake-service-quotas.js'
import {
  ACCOUNT_DAILY_CODE,
  LONG_CONTEXT_QUOTAS_FACT,
  QUOTA_HINTS
} from '../../src/data/quota-hints.js'
import type { Drift } from '../../src/cli/facts-drift.js'

const fake = useFakeAws(healthyAccount)

const REGIONS = ['us-east-1', 'us-west-2']
const everywhere = (types: string[] = []) =>
  Object.fromEntries(REGIONS.map((r) => [r, types] as const))

/** AWS on the day the facts were checked (reference bedrock.md §00, 2026-12-07). */
function today(): BedrockWorld {
  const world = documentedWorld()
  const models = world.models.map((m) =>
    m.id === SONNET_45 ? { ...m, lifecycle: { status: 'LEGACY' as const } } : m
  )
  const fiveX = [
    { id: SONNET_5, name: 'Claude Sonnet 5', regions: everywhere() },
    { id: OPUS_47, name: 'Claude Opus 4.7', regions: everywhere() }
  ]
  const profiles = [SONNET_5, OPUS_47].flatMap((id) =>
    ['us', 'global'].map((prefix) => ({
      id: `${prefix}.${id}`,
      name: `${prefix.toUpperCase()} ${id}`,
      sources: Object.fromEntries(REGIONS.map((r) => [r, [r]]))
    }))
  )
  return { models: [...models, ...fiveX], profiles: [...world.profiles, ...profiles] }
}

/** Every bundled quota code, listed under a name of the kind AWS gives it. */
function todayQuotas(): FakeQuota[] {
  const q = (code: string, name: string): FakeQuota => ({
    code,
    name,
    value: 200_000,
    defaultValue: 200_000,
    adjustable: true
  })
  return [
    ...Object.entries(QUOTA_HINTS).flatMap(([model, codes]) => [
      ...Object.entries(codes.tpm).map(([path, code]) =>
        q(code, `${path} InvokeModel tokens per minute for ${model}`)
      ),
      ...(codes.tpd ? [q(codes.tpd, `Model invocation max tokens per day for ${model}`)] : [])
    ]),
    ...Object.entries(LONG_CONTEXT_QUOTAS_FACT.value).flatMap(([model, codes]) =>
      codes.map((c) =>
        q(c, `Cross-Region InvokeModel tokens per minute for ${model} 1M Context Length`)
      )
    ),
    q(ACCOUNT_DAILY_CODE, 'Cross-Model Max Tokens Per Day'),
    // A stale row of the retired metric: not drift, AWS simply no longer enforces it.
    q('L-00FF3314', 'Cross-Region InvokeModel requests per minute for Anthropic Claude Sonnet 4.6')
  ]
}

function factsCheck(args: string[]): Promise<ActionRun> {
  return runAction({
    script: 'cli.js',
    args: ['facts', '--check', ...args],
    endpoints: fake.env,
    env: {
      ...STATIC_KEY_ENV,
      GITHUB_ACTIONS: undefined,
      GITHUB_OUTPUT: undefined,
      GITHUB_STEP_SUMMARY: undefined
    }
  })
}
const driftOf = (run: ActionRun): Drift[] => (JSON.parse(run.stdout) as { drift: Drift[] }).drift

describe('bedrock-preflight facts --check', () => {
  it('finds no drift in a world that looks like AWS today, and exits 0', async () => {
    fake.handle({ ...bedrockHandlers(today()), ...serviceQuotasHandlers(todayQuotas()) })
    const run = await factsCheck(['--region', REGIONS.join(',')])
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('No drift')
    expect(run.exitCode).toBe(0)
    const ops = new Set(fake.requests.map((r) => r.operation))
    expect([...ops].sort()).toEqual([
      'ListFoundationModels',
      'ListInferenceProfiles',
      'ListServiceQuotas'
    ])
  })

  it('reports what moved on: a new family and model, a new prefix, a model gone Legacy, retired and new quota codes, an unknown region', async () => {
    const tomorrow = today()
    const SONNET_6 = 'anthropic.claude-sonnet-6'
    const MYTHOS = 'anthropic.claude-mythos-2'
    const OTHER_FAMILY = 'anthropic.claude-lyric-1'
    const regions = [...REGIONS, 'me-west-1']
    const all = Object.fromEntries(regions.map((r) => [r, [] as string[]]))
    tomorrow.models = tomorrow.models.map((m) =>
      m.id === SONNET_46 ? { ...m, lifecycle: { status: 'LEGACY' as const } } : m
    )
    tomorrow.models.push(
      { id: SONNET_6, name: 'Claude Sonnet 6', regions: all },
      { id: MYTHOS, name: 'Claude Mythos 2', regions: all },
      { id: OTHER_FAMILY, name: 'Claude Lyric 1', regions: all }
    )
    tomorrow.profiles.push({
      id: `apj.${SONNET_6}`,
      name: 'APJ Claude Sonnet 6',
      sources: Object.fromEntries(regions.map((r) => [r, [r]]))
    })
    const sonnet45 = new Set([
      ...Object.values(QUOTA_HINTS[SONNET_45]!.tpm),
      QUOTA_HINTS[SONNET_45]!.tpd
    ])
    const quotas = [
      ...todayQuotas().filter((q) => !sonnet45.has(q.code)),
      {
        code: 'L-5E6A0001',
        name: 'Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 6',
        value: 400_000,
        defaultValue: 400_000,
        adjustable: true
      }
    ]
    fake.handle({ ...bedrockHandlers(tomorrow), ...serviceQuotasHandlers(quotas) })
    const run = await factsCheck(['--region', regions.join(','), '--json'])
    expect(run.exitCode).toBe(1)
    const drift = driftOf(run)
    const seen = (kind: string) =>
      drift
        .filter((d) => d.kind === kind)
        .map((d) => d.subject)
        .sort()
    expect(seen('new-family')).toEqual(['lyric'])
    expect(seen('new-model')).toEqual([OTHER_FAMILY, MYTHOS, SONNET_6].sort())
    expect(seen('new-prefix')).toEqual(['apj.'])
    expect(seen('gone-legacy')).toEqual([SONNET_46])
    expect(drift.find((d) => d.kind === 'gone-legacy')?.detail).toContain('fallback model')
    expect(seen('retired-quota-code')).toEqual([...sonnet45].sort())
    expect(seen('new-quota-code')).toEqual(['L-5E6A0001'])
    expect(seen('unknown-region')).toEqual(['me-west-1'])
    // Mythos is a family Anthropic's model list has: bundled, so not a new family.
    expect(seen('new-family')).not.toContain('mythos')
  })

  it('an empty quota listing ({} with HTTP 200) is a failed read, exit 2, never "retired" codes', async () => {
    fake.handle({
      ...bedrockHandlers(today()),
      ...serviceQuotasHandlers(todayQuotas()),
      'servicequotas:ListServiceQuotas': json11.ok({})
    })
    const run = await factsCheck(['--region', 'us-east-1'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('could not read us-east-1: IncompleteAnswer')
    expect(run.stdout).not.toContain('retired')
  })

  it('says what it needs on a bad command line, exit 2', async () => {
    const run = await factsCheck(['--region'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--region needs a value')
  })
})
