/**
 * The fleet's last job: `dist/cli.js merge` spawned as the workflow runs it, over reports the
 * bundled CLI itself wrote against the fake AWS (a healthy account, and a job with no
 * credentials), laid out as actions/download-artifact lays out one artifact per target.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { schemaValidator } from '../harness/schemas.js'
import { useFakeAws } from '../harness/fake-aws.js'
import type { ActionRun } from '../harness/run-action.js'
import { runCli } from '../harness/cli.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import type { Report } from '../../src/engine/types.js'
import type { MergedReport } from '../../src/merge/types.js'

const fake = useFakeAws(() => healthyAccount())

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'

const validateMerged = schemaValidator('schema/merged-report.schema.json')
const validateReport = schemaValidator('schema/report.schema.json')

/** The CLI as the merge job runs it: with a step summary, no other GitHub variable. */
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<ActionRun> {
  return runCli(fake.env, args, { env, stepSummary: true })
}

/** The JSON report of one job, as `bedrock-preflight --json` prints it. */
async function jobReport(env: Record<string, string>): Promise<Report> {
  const run = await cli(['--region', 'us-east-1', '--model', MODEL, '--json'], {
    ...env,
    GITHUB_STEP_SUMMARY: undefined
  })
  return JSON.parse(run.stdout) as Report
}

let dir: string
let healthy: Report
let broken: Report
let ran = false

/** DIR/<artifact>/report.json and target.json, as the fleet workflow's artifacts download. */
function writeRun(name: string, reports: Record<string, Report>): string {
  const root = join(dir, name)
  for (const [id, report] of Object.entries(reports)) {
    mkdirSync(join(root, `preflight-${id}`), { recursive: true })
    writeFileSync(join(root, `preflight-${id}`, 'report.json'), JSON.stringify(report))
    writeFileSync(
      join(root, `preflight-${id}`, 'target.json'),
      JSON.stringify({
        id,
        accountId: '111122223333',
        role: `arn:aws:iam::111122223333:role/${id}`,
        labels: { team: 'platform', environment: id.split('-')[1] ?? 'dev' }
      })
    )
  }
  return root
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-merge-'))
})
// The fake's world is set before each test: the jobs run once, in the first test that needs them.
beforeEach(async () => {
  if (ran) return
  healthy = await jobReport(OIDC_SESSION_ENV)
  broken = await jobReport({})
  ran = true
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bedrock-preflight merge (the fleet summary)', () => {
  it('the reports it merges are the real ones, with their observations', () => {
    expect(validateReport(healthy)).toBe(true)
    expect(healthy.result).not.toBe('fail')
    expect(broken.result).toBe('fail')
    const seen = healthy.observations?.find((o) => o.model === MODEL)
    expect(seen?.destinations?.length).toBeGreaterThan(0)
    expect(seen?.lifecycle?.status).toBe('ACTIVE')
    expect(seen?.quotas?.length).toBeGreaterThan(0)
  })

  it('merges three reports into one summary, exits 0, and writes a merged report the schema accepts', async () => {
    const run1 = writeRun('run1', {
      'app-dev': healthy,
      'app-staging': healthy,
      'app-prod': healthy
    })
    const run = await cli(['merge', '--json', run1])
    expect(run.stderr).toContain('bedrock-preflight fleet')
    expect(run.exitCode).toBe(0)
    const merged = JSON.parse(run.stdout) as MergedReport
    expect(validateMerged(merged)).toBe(true)
    expect(merged.reports).toBe(3)
    expect(merged.rows.map((r) => r.target.id).sort()).toEqual([
      'app-dev',
      'app-prod',
      'app-staging'
    ])
    expect(merged.changes.compared).toBe(false)
    // The Markdown of the job summary: a row per target, with its labels.
    expect(run.summary).toContain('### Targets')
    expect(run.summary).toMatch(/app\\-prod \| 111122223333 \|.*us\\-east\\-1/)
    expect(run.summary).toContain('environment=prod')
    writeFileSync(join(dir, 'merged1.json'), run.stdout)
  })

  it('the next run names the target that regressed, the one missing and the one new, and exits 1', async () => {
    // app-dev: quota lowered and model gone Legacy; app-staging: no credentials; app-prod: absent; app-qa: new.
    const lowered = structuredClone(healthy)
    const obs = lowered.observations!.find((o) => o.model === MODEL)!
    obs.quotas = obs.quotas!.map((q) => ({ ...q, value: Math.floor(q.value / 2) }))
    obs.lifecycle = { status: 'LEGACY', legacySince: '2026-12-01', endOfLife: '2027-01-01' }
    obs.destinations = [...obs.destinations!, 'ca-central-1'].sort()
    const run2 = writeRun('run2', { 'app-dev': lowered, 'app-staging': broken, 'app-qa': healthy })
    const run = await cli([
      'merge',
      '--previous',
      join(dir, 'merged1.json'),
      '--eol-days',
      '60',
      run2
    ])
    expect(run.exitCode).toBe(1)
    const out = run.stdout
    expect(out).toMatch(/Newly failing \(1\):\n\s+- app-staging · us-east-1 · /)
    expect(out).toMatch(/Did not report[^\n]*\(1\):\n\s+- app-prod · us-east-1 · /)
    expect(out).toMatch(/New[^\n]*\(1\):\n\s+- app-qa · us-east-1 · /)
    expect(out).toMatch(
      /Model lifecycle \(1\):\n\s+- .*ACTIVE → LEGACY, Legacy since 2026-12-01, end of life 2027-01-01/
    )
    expect(out).toMatch(/Quotas lowered \(\d+\):\n\s+- app-dev · us-east-1 · /)
    expect(out).toMatch(/Destinations changed \(1\):\n\s+- app-dev · .*→ .*ca-central-1/)
    // The cause of the failure is listed once, with the target it was found in.
    expect(out).toMatch(/Causes:\n\s+1\. \[fail\] No AWS credentials found/)
    expect(out).toContain('credentials in 1 target(s): app-staging')
    // The job summary says the same in Markdown.
    expect(run.summary).toContain('Newly failing (1)')
    expect(run.summary).toContain('Did not report')
    expect(run.stderr).toBe('')
  })

  it('a run where everything reports again and nothing fails exits 0 and says what was fixed', async () => {
    const run3 = writeRun('run3', { 'app-dev': healthy, 'app-staging': healthy })
    const prev = writeRun('prev', { 'app-dev': healthy, 'app-staging': broken })
    const first = await cli(['merge', '--json', prev])
    writeFileSync(join(dir, 'merged-prev.json'), first.stdout)
    const run = await cli(['merge', '--previous', join(dir, 'merged-prev.json'), run3])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/Fixed \(1\):\n\s+- app-staging · us-east-1/)
  })

  it('shows a report’s text as text: no HTML, links or mentions reach the Markdown', async () => {
    const hostile = structuredClone(broken)
    const f = hostile.findings.find((x) => x.status === 'fail')!
    f.title =
      '<img src=x onerror=alert(1)> [click](https://evil.example) @org/security-team **bold**'
    f.fix = '</pre><script>alert(1)</script>\n@everyone'
    const root = writeRun('hostile', { 'app-evil': hostile })
    const run = await cli(['merge', root])
    expect(run.exitCode).toBe(1)
    expect(run.summary).not.toContain('<img')
    expect(run.summary).not.toContain('<script')
    expect(run.summary).not.toContain('](https://evil.example)')
    expect(run.summary).not.toMatch(/@org|@everyone/)
    expect(run.summary).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;')
  })

  it('refuses a report that is not one, naming the file and the field, exit 2 and no stack trace', async () => {
    const root = writeRun('bad', { 'app-dev': healthy })
    const file = join(root, 'preflight-app-dev', 'report.json')
    writeFileSync(file, JSON.stringify({ ...healthy, result: 'great' }))
    const run = await cli(['merge', root])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(
      `${file}: is not a bedrock-preflight report: result: must be one of`
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)

    writeFileSync(file, '{"schemaVersion": 1, ')
    const truncated = await cli(['merge', file])
    expect(truncated.exitCode).toBe(2)
    expect(truncated.stderr).toContain(`${file}: is not JSON`)

    writeFileSync(file, ' '.repeat(3 * 1024 * 1024))
    const huge = await cli(['merge', file])
    expect(huge.exitCode).toBe(2)
    expect(huge.stderr).toContain(`${file}: is 3145728 bytes, more than the 2097152`)
  })

  it('says a report that is not JSON on one line, without the escape sequences it quotes', async () => {
    const file = join(dir, 'hostile.json')
    writeFileSync(
      file,
      '{"title": "\u001b]8;;https://evil.example\u0007x\u001b[2J\n::error title=Injected::boom" oops'
    )
    const run = await cli(['merge', file])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(`${file}: is not JSON`)
    expect(run.stderr).not.toContain('\u001b')
    expect(run.stderr).not.toMatch(/^::error/m)
  })

  it('fleet matrix: a key with a newline never starts a workflow command of its own', async () => {
    const file = join(dir, 'fleet.yml')
    writeFileSync(
      file,
      'version: 1\ntargets:\n  - role: arn:aws:iam::111122223333:role/ci\n    regions: [us-east-1]\n    models: [m]\n    "x\\n::error title=Injected::boom": 1\n'
    )
    const run = await cli(['fleet', 'matrix', file])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('unknown key "x\\n::error title=Injected::boom"')
    expect(run.stderr).not.toMatch(/^::error/m)
  })

  it('--expect: a target of the plan that wrote no report fails the merge and is named', async () => {
    const root = writeRun('expect', { 'app-dev': healthy })
    const plan = join(dir, 'plan.json')
    writeFileSync(
      plan,
      JSON.stringify({ matrix: { include: [{ id: 'app-dev' }, { id: 'app-prod' }] } })
    )
    const run = await cli(['merge', '--json', '--expect', plan, root])
    expect(run.exitCode).toBe(1)
    const merged = JSON.parse(run.stdout) as MergedReport
    expect(merged.result).toBe('fail')
    expect(merged.changes.missing).toEqual(['app-prod'])
    expect(run.summary).toContain('did not report')
    expect(run.summary).toContain('- app\\-prod')
    const ids = await cli(['merge', '--expect', 'app-dev', root])
    expect(ids.exitCode).toBe(0)
  })

  it('refuses a previous merged report that is not one, naming it', async () => {
    const root = writeRun('ok', { 'app-dev': healthy })
    const prev = join(dir, 'not-merged.json')
    writeFileSync(prev, JSON.stringify(healthy))
    const run = await cli(['merge', '--previous', prev, root])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(`${prev}: is not a merged report: (top level): kind is missing`)
  })
})
