/**
 * Issue 28, defect 5: the env file configures the agent; it runs nothing and points the preflight
 * nowhere. A pull request can change the repository's `.env`, so nothing in it may pick the
 * config file (whose `credential_process` the SDK would run), an endpoint for signed calls, or a
 * credentials URL. Each such key is left out with a warning naming the key and the line, never
 * the value.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { useFakeAws } from '../harness/fake-aws.js'
import { leakedSecrets, runAction, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'

const fake = useFakeAws(() => healthyAccount())

let outside: string
beforeAll(() => {
  // Outside the run's home (which the harness deletes): where a command that ran leaves a trace.
  outside = mkdtempSync(join(tmpdir(), 'bp-envfile-'))
})
afterAll(() => rmSync(outside, { recursive: true, force: true }))

function warningsFor(run: ActionRun, key: string) {
  return run.annotations.filter((a) => a.level === 'warning' && a.title?.includes(key))
}

describe('an env file that tries to point the preflight elsewhere', () => {
  it('never runs the credential_process of a config file the env file names', async () => {
    const marker = join(outside, 'credential-process-ran')
    const run = await runAction({
      endpoints: fake.env,
      // The job's own credentials are in the environment; the config file is not chosen by it.
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: undefined },
      inputs: { 'env-file': '.env', 'timeout-seconds': '10' },
      files: {
        '.env': 'AWS_PROFILE=x\nAWS_CONFIG_FILE=./evilconfig\n',
        evilconfig: `[profile x]\ncredential_process = /bin/sh -c "touch ${marker}; echo nope"\n`
      },
      timeoutMs: 30_000
    })
    expect(existsSync(marker)).toBe(false)
    const [warning] = warningsFor(run, 'AWS_CONFIG_FILE')
    expect(warning?.file).toBe('.env')
    expect(warning?.line).toBe(2)
    expect(warning?.message).toContain('credential_process')
    // The value is never repeated.
    expect(run.everything).not.toContain('evilconfig')
    expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m)
    expect(leakedSecrets(run)).toEqual([])
  })

  it('never sends the signed STS call to an endpoint the env file names', async () => {
    const { AWS_ENDPOINT_URL_STS: stsUrl, ...others } = fake.env
    const run = await runAction({
      endpoints: others,
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
      inputs: { 'env-file': 'agent/.env', 'timeout-seconds': '5' },
      files: {
        'agent/.env': `BEDROCK_MODEL=us.anthropic.claude-sonnet-4-5-20250929-v1:0\nAWS_ENDPOINT_URL_STS=${stsUrl}\n`
      },
      timeoutMs: 30_000
    })
    expect(fake.requests.filter((r) => r.operation === 'GetCallerIdentity')).toEqual([])
    const [warning] = warningsFor(run, 'AWS_ENDPOINT_URL_STS')
    expect(warning?.file).toBe('agent/.env')
    expect(warning?.line).toBe(2)
    expect(run.everything).not.toContain(stsUrl)
    // Identity is never a pass without an answer.
    expect(run.report?.findings.find((f) => f.checkId === 'identity')?.status).not.toBe('pass')
  })

  it('still uses what the env file may set: the region and the model', async () => {
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV },
      inputs: { 'env-file': '.env' },
      files: {
        '.env':
          'AWS_REGION=us-east-1\nBEDROCK_MODEL=us.anthropic.claude-sonnet-4-5-20250929-v1:0\nLOG_LEVEL=debug\n'
      },
      timeoutMs: 30_000
    })
    expect(run.report?.regions).toEqual(['us-east-1'])
    expect(run.report?.models).toEqual(['us.anthropic.claude-sonnet-4-5-20250929-v1:0'])
    const envFile = run.report?.findings.find((f) => f.checkId === 'env-file')
    expect(envFile?.status).toBe('pass')
    expect(envFile?.observed).toEqual([
      'keys: AWS_REGION, BEDROCK_MODEL',
      'not read (settings the preflight does not check): LOG_LEVEL'
    ])
  })
})
