/**
 * What a person sees of a run with one cause across a matrix. GitHub shows at most 10 error and
 * 10 warning annotations per step and drops a step summary over 1 MiB; the bundled action must
 * fit both, show the verdict, and give one merged fix per cause that works when pasted.
 */
import { checkDocUrl } from '../../src/render/check-page.js'
import { partitionOf } from '../../src/aws/partition.js'
import { KNOWN_REGIONS } from '../../src/data/regions.js'
import { useFakeAws } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { runCli } from '../harness/cli.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { bedrockHandlers, HAIKU_45, SONNET_37, SONNET_45 } from '../harness/fake-bedrock.js'
import {
  simulatePrincipalPolicy,
  type PolicyDocument,
  type SimulatorPolicies
} from '../harness/fake-iam-simulator.js'

const fake = useFakeAws(() => ({ 'sts:GetCallerIdentity': callerIdentity(), ...bedrockHandlers() }))

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2']
// Four models, each callable from the three regions: the only failure is the missing permission.
const MODELS = [`us.${SONNET_45}`, `us.${HAIKU_45}`, `us.${SONNET_37}`, `global.${SONNET_45}`]

async function matrix(policies: SimulatorPolicies): Promise<ActionRun> {
  fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy(policies) })
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': REGIONS.join(','), 'model-id': MODELS.join('\n') }
  })
}

/** Every ```json block of a text that is a policy. */
function policiesIn(text: string): PolicyDocument[] {
  return [...text.matchAll(/```json\n([\s\S]+?)\n```/g)]
    .map((m) => JSON.parse(m[1] ?? '{}') as PolicyDocument)
    .filter((p) => Array.isArray(p.Statement))
}

describe('a 3 × 4 matrix with one cause (a role that may not invoke Bedrock)', () => {
  // One run for the assertions below (the fake's answers are reset before each test, so it runs
  // inside the first test that asks).
  let cached: ActionRun | undefined
  const failing = async (): Promise<ActionRun> => (cached ??= await matrix({ identity: {} }))

  it('fails every pair for the same reason', async () => {
    const run = await failing()
    const denied = run.report!.findings.filter((f) => f.checkId === 'invoke-permission')
    expect(denied).toHaveLength(12)
    expect(
      denied.every((f) => f.status === 'fail' && f.catalogId === 'bedrock-invoke-denied')
    ).toBe(true)
    expect(run.exitCode).toBe(1)
    expect(leakedSecrets(run)).toEqual([])
  })

  it('prints the verdict and one error annotation for the one cause, each a sentence saying where the fix is', async () => {
    const run = await failing()
    const errors = run.annotations.filter((a) => a.level === 'error')
    const warnings = run.annotations.filter((a) => a.level === 'warning')
    expect(errors).toHaveLength(2)
    expect(warnings).toHaveLength(0)
    expect(errors[0]?.message).toBe(
      'bedrock-preflight: This job cannot call Claude on Amazon Bedrock yet: 1 cause across 12 region × model pairs. The job summary says what to fix.'
    )
    const cause = errors[1]!
    expect(cause.title).toContain('bedrock-preflight invoke-permission:')
    expect(cause.title).toContain('(12 region × model pairs)')
    expect(cause.message).toContain(`, for us-east-1, us-east-2, us-west-2 × us.${SONNET_45}`)
    expect(cause.message).toContain(
      'The fix is under "What to fix" in the job summary (cause 1, one fix for all of them).'
    )
    // Whole sentences: no line ends half-way into a fix (": ") or carries Markdown.
    for (const line of cause.message!.split('\n')) {
      expect(line).toMatch(/\.$/)
      expect(line).not.toMatch(/\*\*|```/)
    }
  })

  it('writes one merged policy for the cause, listing each resource once, in under 25 KB', async () => {
    const run = await failing()
    const policies = policiesIn(run.summary)
    expect(policies).toHaveLength(1)
    const resources = policies[0]!.Statement.flatMap((s) => [s.Resource].flat())
    expect(new Set(resources).size).toBe(resources.length)
    expect(run.summary).toContain('**Fix (one for all 12)**')
    // 21,182 bytes before the grid (24 headings of per-subject tables); 17,770 with it.
    expect(Buffer.byteLength(run.summary)).toBeLessThan(25 * 1024)
  })

  it('shows the matrix as one grid, each failing cell naming its cause, with the full model IDs in a legend', async () => {
    const { summary } = await failing()
    expect(summary).toContain(
      '| Region | `us.sonnet-4-5` | `us.haiku-4-5` | `us.3-7-sonnet` | `global.sonnet-4-5` |'
    )
    for (const region of REGIONS) {
      expect(summary).toContain(`| \`${region}\` | ❌ 1 | ❌ 1 | ❌ 1 | ❌ 1 |`)
    }
    expect(summary).toContain(`- \`us.sonnet-4-5\`: \`us.${SONNET_45}\``)
    expect(summary).toContain(`- \`global.sonnet-4-5\`: \`global.${SONNET_45}\``)
    // No table per subject, no collapsible that only says one check passed.
    expect(summary.match(/^#{2,4} /gm)).toHaveLength(4)
    expect(summary).not.toMatch(/check passed/)
    expect(summary).not.toContain('Every check passed')
    expect(summary).toContain(
      'Passed wherever they ran: `region`, `credentials`, `identity`, `model-id`, `model-resolve`, `model-access`, `quota`.'
    )
  })

  it('reads without scrolling sideways: observations are a list, no fenced line is wider than 120 characters, nothing is cut mid-word', async () => {
    const { summary } = await failing()
    const fenced: string[] = []
    let inFence = false
    for (const line of summary.split('\n')) {
      if (line.startsWith('```')) inFence = !inFence
      else if (inFence) fenced.push(line)
    }
    expect(fenced.length).toBeGreaterThan(0)
    expect(fenced.filter((l) => l.length > 120)).toEqual([])
    expect(summary).toMatch(/\*\*Observed\*\* \(us-east-1 · [^)]+\)\n\n- `simulated principal: /)
    // A cut text ended a table cell or a line with "…" ("5,760,000,000 tokens per d…").
    expect(summary).not.toMatch(/…( \|)?$/m)
    expect(summary).toMatch(/tokens per minute, [\d,]+ tokens per day\n/)
  })

  it('speaks of causes, checks and documentation, not of catalog ids or budgets', async () => {
    const { summary } = await failing()
    expect(summary).not.toContain('catalog:')
    expect(summary).not.toContain('bedrock-invoke-denied')
    expect(summary).not.toContain('summary budget')
    expect(summary).not.toMatch(/cause behind \d+ finding/)
    expect(summary).toContain(
      '## ❌ Bedrock preflight: This job cannot call Claude on Amazon Bedrock yet: 1 cause across 12 region × model pairs'
    )
  })

  it('in the terminal: the same grid, the cause told once, its number in every failing cell', async () => {
    fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: {} }) })
    const run = await runCli(
      fake.env,
      ['--region', REGIONS.join(','), '--model', MODELS.join(',')],
      { env: OIDC_SESSION_ENV }
    )
    expect(run.exitCode).toBe(1)
    const out = run.stdout
    expect(out.split('\n')[0]).toBe(
      '✖ This machine cannot call Claude on Amazon Bedrock yet: 1 cause across 12 region × model pairs'
    )
    expect(out).toMatch(
      / {2}Region\s+us\.sonnet-4-5\s+us\.haiku-4-5\s+us\.3-7-sonnet\s+global\.sonnet-4-5\n/
    )
    for (const region of REGIONS) {
      expect(out).toMatch(new RegExp(` {2}${region}\\s+✖ 1\\s+✖ 1\\s+✖ 1\\s+✖ 1\\n`))
    }
    expect(out.match(/✖ \d+\. invoke-permission/g)).toHaveLength(1)
    expect(out).toContain('✖ 1. invoke-permission (12 region × model pairs)')
    expect(out).not.toContain('Every check passed')
  })

  it('links the cause to its check’s page', async () => {
    const { summary } = await failing()
    expect(summary).toContain(`[about this check](${checkDocUrl('invoke-permission')})`)
  })

  it('the merged policy, pasted as the role’s only policy, makes every pair pass', async () => {
    const [policy] = policiesIn((await failing()).summary)
    const fixed = await matrix({ identity: { merged: policy! } })
    const permission = fixed.report!.findings.filter((f) => f.checkId === 'invoke-permission')
    expect(permission).toHaveLength(12)
    expect(permission.map((f) => f.status)).toEqual(Array(12).fill('pass'))
    expect(fixed.exitCode).toBe(0)
  })
})

describe('a matrix with more causes than GitHub shows', () => {
  it('keeps to 10 errors, names what it left out, and shows every failing check', async () => {
    // Unknown models fail model-resolve with a fix naming each one; invoke-permission fails too.
    const models = [
      ...MODELS,
      ...Array.from({ length: 10 }, (_, i) => `us.anthropic.claude-x-${i}-v1:0`)
    ]
    fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: {} }) })
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': REGIONS.join(','), 'model-id': models.join('\n') }
    })
    const errors = run.annotations.filter((a) => a.level === 'error')
    expect(errors.length).toBeLessThanOrEqual(10)
    expect(errors[0]?.message).toContain('This job cannot call Claude')
    const failing = new Set(
      run.report!.findings.filter((f) => f.status === 'fail').map((f) => f.checkId)
    )
    for (const checkId of failing) {
      expect(errors.some((a) => a.title?.includes(`bedrock-preflight ${checkId}`))).toBe(true)
    }
  })
})

describe('a 34 × 16 matrix (544 region × model pairs)', () => {
  it('keeps the summary within its stated budget, pointing to the JSON report for the rest', async () => {
    // Every commercial region the tool knows: China, GovCloud and the Sovereign Cloud are other partitions.
    const regions = KNOWN_REGIONS.filter((r) => partitionOf(r) === 'aws')
    const models = [
      ...MODELS,
      `eu.${SONNET_45}`,
      `jp.${SONNET_45}`,
      `global.${HAIKU_45}`,
      ...Array.from({ length: 9 }, (_, i) => `us.anthropic.claude-x-${i}-v1:0`)
    ]
    expect(regions).toHaveLength(34)
    expect(models).toHaveLength(16)
    fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: {} }) })
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': regions.join(','), 'model-id': models.join('\n') },
      timeoutMs: 120_000
    })
    expect(run.report!.findings.length).toBeGreaterThan(544 * 3)
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(256 * 1024)
    expect(run.summary).toContain('Shortened to fit')
    expect(run.summary).toContain(run.outputs.report)
    expect(run.annotations.filter((a) => a.level === 'error').length).toBeLessThanOrEqual(10)
    expect(run.annotations.filter((a) => a.level === 'warning').length).toBeLessThanOrEqual(10)
  }, 180_000)
})
