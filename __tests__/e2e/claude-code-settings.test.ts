import { useFakeAws } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, finding, FAKE, type ActionRun } from '../harness/run-action.js'
import { runCli } from '../harness/cli.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { HAIKU_45, SONNET_45, SONNET_46 } from '../harness/fake-bedrock.js'
import { quotaWorld, serviceQuotasHandlers } from '../harness/fake-service-quotas.js'

const fake = useFakeAws(healthyAccount)

/** A Bedrock API key written into a settings file: it must appear in no output. */
const KEY_IN_SETTINGS = 'ABSKQmVkcm9ja0FQSUtleS1GYWtlU2V0dGluZ3NLZXkxMjM0NTY3ODkw'

/** A password in the gateway's URL and a token in a credential command: never in any output. */
const GATEWAY_PASSWORD = 'gw-pass-7Qx93LmZ'
const EXPORT_TOKEN = 'hvs.SettingsExportToken42'

/** The variables the runner sets for a job `review` of `.github/workflows/agent.yml`. */
const JOB_ENV = {
  GITHUB_REPOSITORY: 'octo-org/app',
  GITHUB_WORKFLOW_REF: 'octo-org/app/.github/workflows/agent.yml@refs/heads/main',
  GITHUB_JOB: 'review'
}

async function preflight(
  inputs: Record<string, string>,
  files: Record<string, string>,
  env: Record<string, string> = {}
): Promise<ActionRun> {
  const run = await runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, ...env },
    inputs,
    files
  })
  expect(leakedSecrets(run)).toEqual([])
  expect(run.everything).not.toContain(KEY_IN_SETTINGS)
  expect(run.blocked).toEqual([])
  return run
}

const settings = (env: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...extra, env }, null, 2)

describe("Claude Code's own configuration, through the bundled action", () => {
  it('checks the model and region set only in .claude/settings.json, naming the file and line', async () => {
    // What /setup-bedrock writes (code.claude.com/docs/en/amazon-bedrock).
    const run = await preflight(
      {},
      {
        '.claude/settings.json': settings({
          CLAUDE_CODE_USE_BEDROCK: '1',
          AWS_REGION: 'us-east-1',
          ANTHROPIC_MODEL: `us.${SONNET_46}`
        })
      }
    )
    expect(run.report?.regions).toEqual(['us-east-1'])
    expect(run.report?.models).toEqual([`us.${SONNET_46}`])
    expect(finding(run, 'region')?.status).toBe('pass')
    expect(finding(run, 'model-id', `us.${SONNET_46}`)?.observed).toContain(
      `ANTHROPIC_MODEL in .claude/settings.json:5 = us.${SONNET_46}`
    )
    expect(finding(run, 'model-resolve', `us-east-1 · us.${SONNET_46}`)?.status).toBe('pass')
    const read = finding(run, 'agent-settings')
    expect(read?.status).toBe('pass')
    expect(read?.observed).toContain(
      `main model: us.${SONNET_46} from ANTHROPIC_MODEL in .claude/settings.json:5`
    )
    // No default chosen: the agent names its model.
    expect(fake.requests.map((r) => r.operation)).not.toContain('ListInferenceProfiles')
  })

  it("checks the region of the agent's AWS profile in ~/.aws/config when AWS_REGION is unset, naming file and line", async () => {
    // Claude Code's settings pick the profile; the SDKs read its region from the shared config.
    const run = await preflight(
      {},
      {
        '.claude/settings.json': settings({
          CLAUDE_CODE_USE_BEDROCK: '1',
          AWS_PROFILE: 'dev',
          ANTHROPIC_MODEL: `eu.${SONNET_46}`
        }),
        '.aws/config': '[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n',
        // The agent signs with profile dev: it has keys, as a working laptop's would.
        '.aws/credentials': `[dev]\naws_access_key_id = ${FAKE.temporaryKeyId}\naws_secret_access_key = ${FAKE.secretAccessKey}\naws_session_token = ${FAKE.sessionToken}\n`
      }
    )
    expect(run.report?.regions).toEqual(['eu-west-1'])
    expect(finding(run, 'region')).toMatchObject({ status: 'pass' })
    expect(finding(run, 'region')?.observed).toContain(
      'from region of [profile dev] in ~/.aws/config:5 (AWS_PROFILE in .claude/settings.json:4)'
    )
    expect(finding(run, 'model-resolve', `eu-west-1 · eu.${SONNET_46}`)?.status).toBe('pass')
    // Claude Code's docs disagree on whether it reads that region: never a quiet green.
    const warned = run.report?.findings.find((f) => f.messageId === 'regionFromProfile')
    expect(warned).toMatchObject({ checkId: 'agent-settings', status: 'warn' })
    expect(warned?.fix).toContain('AWS_REGION=eu-west-1')
    expect(run.outputs.result).not.toBe('pass')
  })

  it("checks the credentials of the AWS profile .claude/settings.json names, not the shell's default, naming where", async () => {
    // Claude Code applies its settings' env over the shell's: its SDK signs with profile bedrock.
    const run = await preflight(
      {},
      {
        '.claude/settings.json': settings({
          CLAUDE_CODE_USE_BEDROCK: '1',
          AWS_PROFILE: 'bedrock',
          AWS_REGION: 'us-east-1',
          ANTHROPIC_MODEL: `us.${SONNET_46}`
        }),
        '.aws/config': '[default]\nregion = us-east-1\n\n[profile bedrock]\nregion = us-east-1\n'
        // The shell's keys would pass; profile bedrock defines no credentials.
      }
    )
    const creds = finding(run, 'credentials')
    expect(creds?.status).not.toBe('pass')
    expect(creds?.observed).toContain(
      'profile "bedrock" from AWS_PROFILE in .claude/settings.json:4'
    )
    expect(finding(run, 'identity')?.status).not.toBe('pass')
  })

  it("takes the InsightWorker .env's AWS_PROFILE to the profile's region, naming both lines", async () => {
    // The troubleshooting page's SSO setup: AWS_PROFILE in ~/.insightworker/.env.
    const run = await preflight(
      { 'env-file': '.env' },
      {
        '.env': `AWS_PROFILE=dev\nBEDROCK_MODEL=eu.${SONNET_46}\n`,
        '.aws/config': '[profile dev]\nregion = eu-west-1\n'
      }
    )
    expect(run.report?.regions).toEqual(['eu-west-1'])
    expect(finding(run, 'region')?.observed).toContain(
      'from region of [profile dev] in ~/.aws/config:2 (.env line 1)'
    )
  })

  it('names the line of ~/.aws/config it cannot parse, and takes no region from it', async () => {
    const run = await preflight(
      {},
      {
        '.claude/settings.json': settings({ ANTHROPIC_MODEL: `us.${SONNET_46}` }),
        '.aws/config': '[default\nregion = us-east-1\n'
      }
    )
    const f = run.report?.findings.find(
      (x) => x.checkId === 'agent-settings' && x.messageId === 'awsConfigInvalid'
    )
    expect(f).toMatchObject({ status: 'warn', location: { file: '~/.aws/config', line: 1 } })
    expect(f?.title).toBe('~/.aws/config:1: a section header without its closing `]`')
    expect(finding(run, 'region')?.status).toBe('fail')
  })

  it('fails a service tier Bedrock does not accept, naming the settings line, and reports prompt caching off', async () => {
    const run = await preflight(
      {},
      {
        '.claude/settings.json': settings({
          AWS_REGION: 'us-east-1',
          ANTHROPIC_MODEL: `us.${SONNET_46}`,
          ANTHROPIC_BEDROCK_SERVICE_TIER: 'premium',
          DISABLE_PROMPT_CACHING: '1'
        })
      }
    )
    const f = run.report?.findings.find((x) => x.messageId === 'serviceTierRefused')
    expect(f).toMatchObject({
      checkId: 'agent-settings',
      status: 'fail',
      location: { file: '.claude/settings.json', line: 5 }
    })
    expect(f?.title).toBe(
      'ANTHROPIC_BEDROCK_SERVICE_TIER is premium (ANTHROPIC_BEDROCK_SERVICE_TIER in .claude/settings.json:5): not a service tier Bedrock accepts'
    )
    expect(f?.fix).toContain('priority, default, flex, reserved')
    const read = run.report?.findings.find((x) => x.messageId === 'read')
    expect(read?.observed?.join('\n')).toContain(
      'prompt caching off (DISABLE_PROMPT_CACHING in .claude/settings.json:6)'
    )
    expect(run.outputs.result).toBe('fail')
  })

  it('does not fail a gateway setup on AWS credentials the agent never uses (CLAUDE_CODE_SKIP_BEDROCK_AUTH)', async () => {
    const run = await runAction({
      endpoints: fake.env,
      // No AWS credentials at all: the gateway signs the agent's calls.
      env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
      inputs: {},
      files: {
        '.claude/settings.json': settings(
          {
            CLAUDE_CODE_USE_BEDROCK: '1',
            AWS_REGION: 'us-east-1',
            ANTHROPIC_MODEL: `us.${SONNET_46}`,
            ANTHROPIC_BEDROCK_BASE_URL: `https://svc:${GATEWAY_PASSWORD}@llm-gateway.corp.example/bedrock`,
            CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1'
          },
          { awsCredentialExport: `vault read -field=json aws/creds ${EXPORT_TOKEN}` }
        )
      }
    })
    expect(leakedSecrets(run, [GATEWAY_PASSWORD, EXPORT_TOKEN])).toEqual([])
    expect(run.blocked).toEqual([])
    expect(finding(run, 'credentials')).toMatchObject({
      status: 'skipped',
      messageId: 'gatewayOnly'
    })
    // Everything that needs AWS credentials is skipped for that reason, never failed.
    expect(finding(run, 'identity')?.status).toBe('skipped')
    const gw = run.report?.findings.find((x) => x.messageId === 'gatewayAuth')
    expect(gw?.status).toBe('unverified')
    expect(gw?.title).toContain('llm-gateway.corp.example')
    expect(gw?.title).toContain('CLAUDE_CODE_SKIP_BEDROCK_AUTH in .claude/settings.json:8')
    expect(run.report?.findings.filter((x) => x.status === 'fail')).toEqual([])
    expect(run.outputs.result).not.toBe('fail')
  })

  it('fails CLAUDE_CODE_SKIP_BEDROCK_AUTH without a gateway: AWS refuses unsigned calls; the fix removes it from its line', async () => {
    const run = await preflight(
      {},
      {
        '.claude/settings.json': settings({
          AWS_REGION: 'us-east-1',
          ANTHROPIC_MODEL: `us.${SONNET_46}`,
          CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1'
        })
      }
    )
    const f = run.report?.findings.find((x) => x.messageId === 'skipWithoutGateway')
    expect(f).toMatchObject({
      checkId: 'agent-settings',
      status: 'fail',
      location: { file: '.claude/settings.json', line: 5 }
    })
    expect(f?.title).toContain('CLAUDE_CODE_SKIP_BEDROCK_AUTH in .claude/settings.json:5')
    expect(f?.cause).toContain('ANTHROPIC_BEDROCK_BASE_URL is unset')
    expect(f?.fix).toContain('remove `CLAUDE_CODE_SKIP_BEDROCK_AUTH` from .claude/settings.json:5.')
    expect(f?.fix).toContain("set ANTHROPIC_BEDROCK_BASE_URL to the gateway's https:// URL")
    expect(run.report?.findings.find((x) => x.messageId === 'gatewayAuth')).toBeUndefined()
    expect(run.outputs.result).toBe('fail')
  })

  it('the CLI: CLAUDE_CODE_SKIP_BEDROCK_AUTH in the shell with an AWS base URL fails, and the fix unsets it', async () => {
    const run = await runCli(
      fake.env,
      ['--region', 'us-east-1', '--model', `us.${SONNET_46}`, '--json'],
      {
        env: {
          ...OIDC_SESSION_ENV,
          CLAUDE_CODE_SKIP_BEDROCK_AUTH: 'yes',
          ANTHROPIC_BEDROCK_BASE_URL: 'https://bedrock-runtime.us-east-1.amazonaws.com'
        }
      }
    )
    expect(run.blocked).toEqual([])
    const report = JSON.parse(run.stdout) as {
      findings: { messageId: string; status: string; cause?: string; fix?: string }[]
    }
    const f = report.findings.find((x) => x.messageId === 'skipWithoutGateway')
    expect(f?.status).toBe('fail')
    expect(f?.cause).toContain(
      "ANTHROPIC_BEDROCK_BASE_URL (ANTHROPIC_BEDROCK_BASE_URL) names AWS's own host bedrock-runtime.us-east-1.amazonaws.com"
    )
    expect(f?.fix).toContain('```sh\nunset CLAUDE_CODE_SKIP_BEDROCK_AUTH\n```')
    expect(run.exitCode).toBe(1)
  })

  it('fails a subagent model the region cannot call, with the fix in the settings file', async () => {
    const run = await preflight(
      { 'aws-region': 'eu-west-1', 'model-id': `eu.${SONNET_45}` },
      {
        '.claude/settings.json': settings({ CLAUDE_CODE_SUBAGENT_MODEL: `us.${SONNET_46}` })
      }
    )
    const f = finding(run, 'model-resolve', `eu-west-1 · us.${SONNET_46}`)
    expect(f?.status).toBe('fail')
    expect(f?.title).toContain(`cannot be called from eu-west-1: did you mean eu.${SONNET_46}?`)
    expect(f?.fix).toContain(
      `\`"CLAUDE_CODE_SUBAGENT_MODEL": "eu.${SONNET_46}"\` in .claude/settings.json`
    )
    expect(f?.location).toEqual({ file: '.claude/settings.json', line: 3 })
    expect(finding(run, 'model-id', `us.${SONNET_46}`)?.observed).toContain(
      `CLAUDE_CODE_SUBAGENT_MODEL in .claude/settings.json:3 = us.${SONNET_46}`
    )
    expect(run.outputs.result).toBe('fail')
  })

  it("fixes a misspelt small/fast region where it is set, not the run's region", async () => {
    const run = await preflight(
      {},
      {
        '.claude/settings.json': settings({
          AWS_REGION: 'us-east-1',
          ANTHROPIC_MODEL: `us.${SONNET_46}`,
          ANTHROPIC_SMALL_FAST_MODEL: `us.${HAIKU_45}`,
          ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION: 'us-east1'
        })
      }
    )
    const f = run.report?.findings.find((x) => x.checkId === 'region' && x.messageId === 'misspelt')
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain(
      '`"ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION": "us-east-1"` in .claude/settings.json'
    )
    expect(f?.fix).not.toContain('aws-region')
  })

  it('checks the small/fast model in its own region, where its us. profile is refused', async () => {
    const run = await preflight(
      { 'aws-region': 'us-east-1' },
      {},
      {
        ANTHROPIC_MODEL: `us.${SONNET_46}`,
        ANTHROPIC_SMALL_FAST_MODEL: `us.${HAIKU_45}`,
        ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION: 'eu-west-1'
      }
    )
    expect(finding(run, 'model-resolve', `us-east-1 · us.${SONNET_46}`)?.status).toBe('pass')
    const f = finding(run, 'model-resolve', `eu-west-1 · us.${HAIKU_45}`)
    expect(f?.status).toBe('fail')
    // Set in the job's environment: the fix names that variable there, in YAML.
    expect(f?.fix).toContain('Set `ANTHROPIC_SMALL_FAST_MODEL: ')
    expect(f?.fix).toContain("(in the job's `env:`)")
    // Its calls never go to us-east-1: that pair is not planned.
    expect(finding(run, 'model-resolve', `us-east-1 · us.${HAIKU_45}`)).toBeUndefined()
    expect(finding(run, 'region', 'eu-west-1')?.status).toBe('pass')
  })

  it("checks the model of this job's claude-code-action step, from claude_args --model", async () => {
    const workflow = [
      'on: pull_request',
      'jobs:',
      '  review:',
      '    runs-on: ubuntu-latest',
      '    permissions: { id-token: write, contents: read }',
      '    steps:',
      '      - uses: actions/checkout@v6',
      '      - uses: octo-org/bedrock-preflight@v1',
      '        with: { aws-region: us-east-1 }',
      '      - id: claude',
      '        uses: anthropics/claude-code-action@v1',
      '        with:',
      '          use_bedrock: "true"',
      `          claude_args: --model eu.${SONNET_46} --max-turns 5`,
      '          prompt: ${{ github.event.pull_request.title }}'
    ].join('\n')
    const run = await preflight(
      { 'aws-region': 'us-east-1' },
      { '.github/workflows/agent.yml': workflow },
      JOB_ENV
    )
    expect(run.report?.models).toEqual([`eu.${SONNET_46}`])
    const f = finding(run, 'model-resolve', `us-east-1 · eu.${SONNET_46}`)
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain(
      `\`--model us.${SONNET_46}\` in with.claude_args of step claude (.github/workflows/agent.yml:14)`
    )
    expect(f?.location).toEqual({ file: '.github/workflows/agent.yml', line: 14 })
    const read = finding(run, 'agent-settings')
    expect(read?.title).toContain('step claude (.github/workflows/agent.yml:10)')
    // The prompt's expression is not one the preflight needs: no finding about it.
    expect(run.report?.findings.filter((x) => x.messageId === 'expression')).toEqual([])
  })

  it('says once that the workflow file could not be read, and what an expression leaves unchecked', async () => {
    const missing = await preflight(
      { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` },
      {},
      JOB_ENV
    )
    const unread = finding(missing, 'agent-settings')
    expect(unread?.status).toBe('skipped')
    expect(missing.outputs.result).toBe('pass')
    expect(unread?.title).toContain('.github/workflows/agent.yml is not in the workspace')

    const workflow = [
      'on: push',
      'jobs:',
      '  review:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          use_bedrock: "true"',
      '          claude_args: --model ${{ vars.MODEL }}'
    ].join('\n')
    const run = await preflight(
      { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` },
      { '.github/workflows/agent.yml': workflow },
      JOB_ENV
    )
    const f = run.report?.findings.find((x) => x.messageId === 'expression')
    expect(f?.status).toBe('unverified')
    expect(f?.title).toContain(
      'with.claude_args of step anthropics/claude-code-action@v1 (.github/workflows/agent.yml:9)'
    )
    expect(run.outputs.result).not.toBe('pass')
  })

  it("changes the quota verdict with the agent's output budget, CLAUDE_CODE_MAX_OUTPUT_TOKENS", async () => {
    const world = quotaWorld().map((q) =>
      /^Cross-Region InvokeModel tokens per minute for .*Sonnet 4\.5/.test(q.name)
        ? { ...q, value: 40_000 }
        : q
    )
    fake.handle(serviceQuotasHandlers(world))
    const inputs = { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` }
    const unset = await preflight(inputs, {})
    expect(finding(unset, 'quota')).toMatchObject({ status: 'warn', messageId: 'belowOneCall' })

    const budget = await preflight(inputs, {
      '.claude/settings.json': settings({
        ANTHROPIC_MODEL: `us.${SONNET_45}`,
        CLAUDE_CODE_MAX_OUTPUT_TOKENS: '16000'
      })
    })
    const f = finding(budget, 'quota')
    expect(f?.status).toBe('pass')
    expect(f?.observed).toContain(
      'one call may reserve 16,000 tokens (CLAUDE_CODE_MAX_OUTPUT_TOKENS in .claude/settings.json:4)'
    )
  })

  it('never passes the quota of a `[1m]` model on its standard quotas: its 1M-context quotas are unverified', async () => {
    fake.handle(serviceQuotasHandlers(quotaWorld()))
    const run = await preflight(
      { 'aws-region': 'us-east-1' },
      { '.claude/settings.json': settings({ ANTHROPIC_MODEL: `us.${SONNET_45}[1m]` }) }
    )
    const f = finding(run, 'quota')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'longContextUnchecked' })
    expect(f?.title).toContain('ANTHROPIC_MODEL in .claude/settings.json')
    expect(run.outputs.result).not.toBe('pass')
  })

  it('passes a `[1m]` model whose 1M Context Length quota fits one call, naming that quota', async () => {
    fake.handle(serviceQuotasHandlers(quotaWorld(undefined, 100, { longContext: 500_000 })))
    const run = await preflight(
      { 'aws-region': 'us-east-1' },
      { '.claude/settings.json': settings({ ANTHROPIC_MODEL: `us.${SONNET_45}[1m]` }) }
    )
    const f = finding(run, 'quota')
    expect(f).toMatchObject({ status: 'pass', messageId: 'longContextWithin' })
    expect(f?.title).toContain(
      'Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length is 500,000'
    )
    expect(f?.observed?.join('\n')).toContain('1M context: tokens per minute: 500,000')
  })

  it('fails a `[1m]` model whose 1M Context Length quota is 0, with the increase to paste', async () => {
    fake.handle(serviceQuotasHandlers(quotaWorld(undefined, 100, { longContext: 0 })))
    const run = await preflight(
      { 'aws-region': 'us-east-1' },
      { '.claude/settings.json': settings({ ANTHROPIC_MODEL: `us.${SONNET_45}[1m]` }) }
    )
    const f = finding(run, 'quota')
    expect(f).toMatchObject({ status: 'fail', messageId: 'longContextZero' })
    expect(f?.title).toContain('ANTHROPIC_MODEL in .claude/settings.json:3 ends in `[1m]`')
    expect(f?.fix).toContain(
      'aws service-quotas request-service-quota-increase --service-code bedrock --quota-code L-8EA73537'
    )
    expect(run.outputs.result).toBe('fail')
  })

  // A 1M-context row of another metric at 0, named as Service Quotas names the standard one, then
  // `V1 1M Context Length` (reference bedrock.md §00).
  const withLongContextRow = async (name: string) => {
    const row = { code: 'L-1A2B3C4D', name, value: 0, defaultValue: 0, adjustable: true }
    fake.handle(
      serviceQuotasHandlers([...quotaWorld(undefined, 100, { longContext: 500_000 }), row])
    )
    return preflight(
      { 'aws-region': 'us-east-1' },
      { '.claude/settings.json': settings({ ANTHROPIC_MODEL: `us.${SONNET_45}[1m]` }) }
    )
  }

  it('fails a `[1m]` model whose 1M-context tokens-per-day quota is 0, though its per-minute one fits', async () => {
    const run = await withLongContextRow(
      'Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 1M Context Length'
    )
    const f = finding(run, 'quota')
    expect(f).toMatchObject({ status: 'fail', messageId: 'longContextZero' })
    expect(f?.title).toContain(
      'tokens per day for Anthropic Claude Sonnet 4.5 V1 1M Context Length is 0'
    )
    expect(f?.fix).toContain('--quota-code L-1A2B3C4D')
    expect(f?.observed?.join('\n')).toContain('1M context: tokens per minute: 500,000')
    expect(run.outputs.result).toBe('fail')
  })

  it('does not fail a `[1m]` model on a stale 1M-context requests-per-minute row at 0: AWS no longer enforces RPM', async () => {
    const run = await withLongContextRow(
      'Cross-Region InvokeModel requests per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length'
    )
    expect(finding(run, 'quota')).toMatchObject({ status: 'pass', messageId: 'longContextWithin' })
  })

  it('reports an unreadable settings file, a refresh command and a credential, never its value', async () => {
    const run = await preflight(
      { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` },
      {
        '.claude/settings.local.json': '{ "env": { "AWS_REGION": "us-east-1", } }',
        '.claude/settings.json': settings(
          { AWS_BEARER_TOKEN_BEDROCK: KEY_IN_SETTINGS, AWS_CONFIG_FILE: '/tmp/other-config' },
          { awsAuthRefresh: 'aws sso login --profile dev' }
        )
      }
    )
    const of = (id: string) =>
      run.report?.findings.find((x) => x.checkId === 'agent-settings' && x.messageId === id)
    expect(of('invalid')).toMatchObject({
      status: 'fail',
      location: { file: '.claude/settings.local.json' }
    })
    expect(of('invalid')?.title).toContain('.claude/settings.local.json: not valid JSON')
    expect(of('helper')).toMatchObject({
      status: 'warn',
      location: { file: '.claude/settings.json', line: 2 }
    })
    expect(of('credential')?.title).toBe(
      '.claude/settings.json: AWS_BEARER_TOKEN_BEDROCK holds a credential'
    )
    expect(of('keyIgnored')?.title).toBe(
      '.claude/settings.json: AWS_CONFIG_FILE is not used by the preflight'
    )
    expect(run.everything).not.toContain('aws sso login --profile dev')
    expect(run.masked).toContain(KEY_IN_SETTINGS)
  })
})

describe("an app on an Anthropic SDK's Bedrock client (agent: anthropic-sdk-…), through the bundled action", () => {
  it('checks us-east-1 for a TypeScript app when only AWS_DEFAULT_REGION is set: AnthropicBedrock never reads it', async () => {
    const run = await preflight(
      { agent: 'anthropic-sdk-typescript', 'model-id': `eu.${SONNET_46}` },
      {},
      { AWS_DEFAULT_REGION: 'eu-west-1' }
    )
    expect(run.report?.regions).toEqual(['us-east-1'])
    expect(finding(run, 'region')?.observed).toContain(
      "from AnthropicBedrock (TypeScript)'s default when AWS_REGION is unset; it never reads AWS_DEFAULT_REGION"
    )
    // Its eu. profile cannot be called from the region the app really calls.
    expect(finding(run, 'model-resolve', `us-east-1 · eu.${SONNET_46}`)?.status).toBe('fail')
    expect(run.outputs.result).toBe('fail')
  })

  it("checks the Python app's boto3 session region (AWS_DEFAULT_REGION), and reads no Claude Code settings", async () => {
    const run = await preflight(
      { agent: 'anthropic-sdk-python', 'model-id': `eu.${SONNET_46}` },
      // Claude Code's file: the app never reads it.
      {
        '.claude/settings.json': settings({
          ANTHROPIC_MODEL: `us.${SONNET_46}`,
          AWS_REGION: 'us-east-1'
        })
      },
      { AWS_DEFAULT_REGION: 'eu-west-1' }
    )
    expect(run.report?.regions).toEqual(['eu-west-1'])
    expect(run.report?.models).toEqual([`eu.${SONNET_46}`])
    expect(finding(run, 'region')?.observed).toContain(
      "from AWS_DEFAULT_REGION, boto3's session region"
    )
    expect(finding(run, 'model-resolve', `eu-west-1 · eu.${SONNET_46}`)?.status).toBe('pass')
    expect(finding(run, 'agent-settings')).toBeUndefined()
  })
})
