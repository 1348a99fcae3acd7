/**
 * Issue 28, defects 6, 7b and 7c: the work before the first request is bounded, and inputs that
 * only look like numbers or ARNs are refused. Each refusal is one error naming the input (the
 * action: a failed step; the CLI: exit 2), quickly, with no stack trace and no AWS call.
 * Before the fix, 10,000 regions took 78 s, 20,000 models minutes, a FIFO env file blocked for
 * ever and `0x10` was taken as 16 seconds.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { useFakeAws } from '../harness/fake-aws.js'
import { runAction, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'

const fake = useFakeAws(() => healthyAccount())

/** Far more than the refusal needs (node's start and the bundle's load included), far less than the defects took. */
const QUICK_MS = 10_000

const STACK = /^\s+at .+[:(]\d+:\d+\)?$/m

function action(inputs: Record<string, string>, files?: Record<string, string>) {
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    inputs,
    ...(files ? { files } : {}),
    timeoutMs: 20_000
  })
}

/** The step failed with one error naming the input, before any AWS call. */
function expectRefused(run: ActionRun, input: string, says: RegExp): void {
  expect(run.exitCode).toBe(1)
  const errors = run.annotations.filter((a) => a.level === 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0]?.message).toContain(`Input ${input}:`)
  expect(errors[0]?.message).toMatch(says)
  expect(run.stdout + run.stderr).not.toMatch(STACK)
  expect(fake.requests).toEqual([])
  expect(run.ms).toBeLessThan(QUICK_MS)
}

const regions = (n: number) => Array.from({ length: n }, (_, i) => `us-east-${i + 1}`).join(',')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-limits-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('inputs past their limits', () => {
  it('refuses 10,000 regions at once, naming aws-region and the limit', async () => {
    const run = await action({ 'aws-region': regions(10_000), 'timeout-seconds': '5' })
    expectRefused(run, 'aws-region', /10000 regions; one run checks at most 50/)
  })

  // One environment variable holds at most 128 KiB (Linux's MAX_ARG_STRLEN): 10,000 short IDs.
  it('refuses 10,000 model IDs, naming model-id and the limit', async () => {
    const models = Array.from({ length: 10_000 }, (_, i) => `m${i}`)
    const run = await action({ 'model-id': models.join('\n') })
    expectRefused(run, 'model-id', /10000 models; one run checks at most 50/)
  })

  it('refuses 20,000 models in BEDROCK_MODEL of the env file, naming the line', async () => {
    const models = Array.from({ length: 20_000 }, (_, i) => `m${i}`)
    const run = await action(
      { 'env-file': '.env' },
      { '.env': `BEDROCK_MODEL=${models.join(',')}\n` }
    )
    expectRefused(run, 'BEDROCK_MODEL (.env line 1)', /20000 models; one run checks at most 50/)
  })

  it('refuses 1,000 roles to assume, naming assume-role-arn', async () => {
    const roles = Array.from({ length: 1000 }, (_, i) => `arn:aws:iam::111122223333:role/r${i}`)
    const run = await action({ 'assume-role-arn': roles.join(',') })
    expectRefused(run, 'assume-role-arn', /1000 roles; one run checks at most 50/)
  })

  it('ends the most it accepts (50 regions) within timeout-seconds', async () => {
    fake.handle({ 'sts:GetCallerIdentity': callerIdentity() })
    const many = Array.from({ length: 50 }, (_, i) => `eu-north-${i + 1}`).join(',')
    const run = await action({ 'aws-region': many, 'timeout-seconds': '2' })
    expect(run.exitCode === 0 || run.exitCode === 1).toBe(true)
    expect(run.report?.regions).toHaveLength(50)
    // A bound, not a speed figure (those live in `npm run bench`): the engine's own clock, with
    // slack for the last abort to land on a loaded 2-core machine (3.7 s seen at load 15).
    expect(run.report!.durationMs).toBeLessThanOrEqual(8_000)
    expect(run.stdout + run.stderr).not.toMatch(STACK)
  })
})

describe('env files that are not small regular files', () => {
  it('refuses an env file of 200,000 unreadable lines by its size', async () => {
    const run = await action({ 'env-file': '.env' }, { '.env': 'x\n'.repeat(200_000) })
    expectRefused(run, 'env-file', /larger than 256 KB/)
  })

  it('refuses an env file of more lines than the limit', async () => {
    const run = await action({ 'env-file': '.env' }, { '.env': 'x\n'.repeat(6_000) })
    expectRefused(run, 'env-file', /has 6001 lines, more than the 5000/)
  })

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.env')
    execFileSync('mkfifo', [fifo])
    const run = await action({ 'env-file': fifo })
    expectRefused(run, 'env-file', /named pipe \(FIFO\), not a regular file/)
  })

  it('refuses /dev/zero as a device', async () => {
    const run = await action({ 'env-file': '/dev/zero' })
    expectRefused(run, 'env-file', /is a device, not a regular file/)
  })

  it('refuses a directory', async () => {
    const run = await action({ 'env-file': dir })
    expectRefused(run, 'env-file', /is a directory, not a file/)
  })
})

describe('numbers and ARNs that only look right', () => {
  it.each(['0x10', '1e3', '16.5', '', ' ', '-5', '601'])(
    'refuses timeout-seconds "%s", naming the input',
    async (value) => {
      const run = await action({ 'timeout-seconds': value })
      expectRefused(
        run,
        'timeout-seconds',
        /whole number of seconds from 1 to 600, written in digits/
      )
    }
  )

  it('takes timeout-seconds 16 as 16', async () => {
    fake.handle({ 'sts:GetCallerIdentity': callerIdentity() })
    const run = await action({ 'timeout-seconds': '16' })
    expect(run.annotations.filter((a) => a.message.includes('timeout-seconds'))).toEqual([])
    expect(run.report).toBeDefined()
  })

  it('never passes identity nor sets caller-arn from an answer of several lines', async () => {
    const forged = 'arn:aws:sts::111122223333:assumed-role/ok/s\naccount-id=999999999999'
    fake.handle({ 'sts:GetCallerIdentity': callerIdentity(forged) })
    const run = await action({})
    expect(run.outputs['caller-arn'] ?? '').toBe('')
    expect(run.outputs['account-id'] ?? '').not.toBe('999999999999')
    const identity = run.report?.findings.find((f) => f.checkId === 'identity')
    expect(identity?.status).not.toBe('pass')
    expect(run.exitCode).toBe(1)
  })
})

describe('the CLI refuses the same inputs with exit 2', () => {
  function cli(args: string[]) {
    return runAction({
      script: 'cli.js',
      args,
      endpoints: fake.env,
      env: {
        ...OIDC_SESSION_ENV,
        GITHUB_ACTIONS: undefined,
        GITHUB_OUTPUT: undefined,
        GITHUB_STEP_SUMMARY: undefined,
        GITHUB_WORKSPACE: undefined
      },
      timeoutMs: 20_000
    })
  }

  it('names --region and the limit for 10,000 regions', async () => {
    const run = await cli(['--region', regions(10_000)])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(
      'bedrock-preflight: --region names 10000 regions; one run checks at most 50: split them over several steps or runs\n'
    )
    expect(run.ms).toBeLessThan(QUICK_MS)
  })

  it('names --timeout for 0x10', async () => {
    const run = await cli(['--region', 'us-east-1', '--timeout', '0x10'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--timeout must be a whole number of seconds')
  })
})
