/**
 * Every green line is true: a region × model pair is said to have passed only when every check
 * that concerns it (its own, its region's, its model's and the run's) ran and passed. Through the
 * bundled CLI and action against the fake AWS, as a user runs them.
 */
import { runCli } from '../harness/cli.js'
import { useFakeAws } from '../harness/fake-aws.js'
import { runAction } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { bedrockHandlers, HAIKU_45, SEED_POLICY, SONNET_45 } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

const fake = useFakeAws(() => ({ 'sts:GetCallerIdentity': callerIdentity(), ...bedrockHandlers() }))

const PAIR = `us-east-1 · us.${SONNET_45}`
const MODEL = ['--region', 'us-east-1', '--model', `us.${SONNET_45}`]
/** Lines joined where the tool wrapped them (it does not wrap a pipe, but to be safe). */
const flat = (text: string): string => text.replace(/\n {2,}/g, ' ')

describe('the CLI says a subject passed only when it did', () => {
  it('a pair whose invoke permission fails is never listed as passed', async () => {
    fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: {} }) })
    const run = await runCli(fake.env, MODEL, { env: OIDC_SESSION_ENV })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/invoke-permission\s+✖ fail/)
    expect(run.stdout).not.toContain('Every check passed')
    expect(run.stdout.split('\n')[0]).toBe(
      '✖ This machine cannot call Claude on Amazon Bedrock yet: 1 cause'
    )
  })

  it('with a profile that does not exist, every AWS check skipped, the pair is not said to have passed', async () => {
    const run = await runCli(fake.env, MODEL, { env: { AWS_PROFILE: 'nosuch' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/credentials\s+✖ fail\s+Profile "nosuch" is not defined/)
    expect(run.stdout).not.toContain('Every check passed')
    // What ran without credentials (the region's and the model ID's form) may say it passed.
    expect(run.stdout).toMatch(/2 more\s+✔ pass\s+region, model-id\n/)
  })

  it('a passing run names its subject once', async () => {
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
    })
    const run = await runCli(fake.env, MODEL, { env: OIDC_SESSION_ENV })
    expect(run.exitCode).toBe(0)
    const passed = flat(run.stdout)
      .split('\n')
      .filter((l) => l.includes('Every check passed'))
    expect(passed).toEqual([`✔ Every check passed for ${PAIR}`])
  })

  it('two regions × two models, one pair denied: a grid in the terminal, the other three passed on one line', async () => {
    // The role may invoke Haiku only: Sonnet fails in both regions.
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({
        identity: {
          haiku: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'bedrock:*', Resource: `*${HAIKU_45}*` }]
          }
        }
      })
    })
    const run = await runCli(
      fake.env,
      ['--region', 'us-east-1,us-west-2', '--model', `us.${SONNET_45},us.${HAIKU_45}`],
      { env: OIDC_SESSION_ENV }
    )
    expect(run.exitCode).toBe(1)
    const out = run.stdout
    expect(out.split('\n')[0]).toBe(
      '✖ This machine cannot call Claude on Amazon Bedrock yet: 1 cause across 2 of 4 region × model pairs'
    )
    expect(out).toMatch(/ {2}Region\s+us\.sonnet-4-5\s+us\.haiku-4-5\n/)
    expect(out).toMatch(/ {2}us-east-1\s+✖ 1\s+✔\n/)
    expect(out).toMatch(/ {2}us-west-2\s+✖ 1\s+✔\n/)
    expect(flat(out)).toContain(
      `✔ Every check passed for us-east-1 · us.${HAIKU_45}, us-west-2 · us.${HAIKU_45}\n`
    )
    expect(out).toContain('✖ 1. invoke-permission (2 region × model pairs)')
  })
})

describe('the job summary says a subject passed only when it did', () => {
  it('a passing run: one grid line per region, the pairs passed said once', async () => {
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
    })
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'us-east-1,us-west-2', 'model-id': `us.${SONNET_45}` }
    })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain('| `us-east-1` | ✅ |')
    expect(run.summary).toContain('| `us-west-2` | ✅ |')
    expect(run.summary.match(/Every check passed/g)).toHaveLength(1)
    expect(run.summary).toContain('✅ Every check passed for all 2 region × model pairs.')
    expect(run.summary).not.toContain('What to fix')
  })

  it('a failing pair: its cell names the cause, no line says it passed', async () => {
    fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: {} }) })
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).not.toContain('Every check passed')
    expect(run.summary).toContain('#### ❌ 1. ')
  })
})
