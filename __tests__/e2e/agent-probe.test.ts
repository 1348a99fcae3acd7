/**
 * The invoke probe sends the agent's own request: InvokeModelWithResponseStream with Claude Code's
 * Messages body and beta flags, read to its first event through AWS's event-stream encoding (the
 * fake's frames are checked against the API model). Through the bundled action and the CLI.
 */
import { cut, eventStream, useFakeAws } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, finding, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { HAIKU_45, SONNET_46, messageStart, textDelta } from '../harness/fake-bedrock.js'
import type { Report } from '../../src/engine/types.js'

const fake = useFakeAws(healthyAccount)

const STREAM_HEADERS = { 'x-amzn-bedrock-content-type': 'application/json' }
const settings = (env: Record<string, string>) => JSON.stringify({ env }, null, 2)

/** The CLI runs outside Actions: none of the runner's variables. */
const OUTSIDE_ACTIONS = {
  GITHUB_ACTIONS: undefined,
  GITHUB_OUTPUT: undefined,
  GITHUB_STEP_SUMMARY: undefined
}

/** One run with the probe on, in us-east-1: the action (inputs) or the CLI (flags, --json). */
async function probeRun(
  face: 'action' | 'cli',
  setup: { files?: Record<string, string>; env?: Record<string, string> }
): Promise<{ run: ActionRun; report: Report | undefined }> {
  const cli = face === 'cli'
  const run = await runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, ...setup.env, ...(cli ? OUTSIDE_ACTIONS : {}) },
    ...(cli
      ? { script: 'cli.js', args: ['--region', 'us-east-1', '--invoke-probe', '--json'] }
      : { inputs: { 'aws-region': 'us-east-1', 'invoke-probe': 'true' } }),
    ...(setup.files ? { files: setup.files } : {})
  })
  expect(leakedSecrets(run)).toEqual([])
  expect(run.blocked).toEqual([])
  return { run, report: cli ? (JSON.parse(run.stdout) as Report) : run.report }
}
const action = async (files: Record<string, string>) => (await probeRun('action', { files })).run
const cli = async (env: Record<string, string>) => {
  const { run, report } = await probeRun('cli', { env })
  return { run, report: report! }
}

const probes = () => fake.requests.filter((r) => r.operation === 'InvokeModelWithResponseStream')

describe("the invoke probe sends Claude Code's request", () => {
  it('passes on a healthy account: the Messages body, max_tokens 1, read to message_start only', async () => {
    const run = await action({
      '.claude/settings.json': settings({ ANTHROPIC_MODEL: `us.${SONNET_46}` })
    })
    const f = finding(run, 'invoke-probe', `us-east-1 · us.${SONNET_46}`)
    expect(f).toMatchObject({ status: 'pass', messageId: 'answered' })
    expect(f?.title).toContain(`InvokeModelWithResponseStream with us.${SONNET_46} answered`)
    expect(f?.observed).toContain('first event: message_start')
    const [sent] = probes()
    expect(sent?.params.modelId).toBe(`us.${SONNET_46}`)
    expect(sent?.json).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 1,
      messages: [{ role: 'user', content: 'Hi' }]
    })
    // The model's text (the fake's second event) is never read, so never shown.
    expect(run.everything).not.toContain('Hello')
    expect(run.outputs.result).toBe('pass')
  })

  it('fails a [1m] model Bedrock refuses the 1M-context flag for, naming the setting that sent it', async () => {
    const run = await action({
      '.claude/settings.json': settings({
        CLAUDE_CODE_USE_BEDROCK: '1',
        ANTHROPIC_MODEL: `us.${HAIKU_45}[1m]`
      })
    })
    const f = finding(run, 'invoke-probe', `us-east-1 · us.${HAIKU_45}`)
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'betaRefused',
      catalogId: 'beta-flag-invalid'
    })
    expect(f?.title).toBe(
      `Bedrock refused the beta flag context-1m-2025-08-07 the agent sends with us.${HAIKU_45} in us-east-1`
    )
    // Bedrock's own words (cline/cline#5568), and the setting that sent the flag, with its line.
    expect(f?.cause).toContain('The model returned the following errors: invalid beta flag')
    expect(f?.cause).toContain('`[1m]` after ANTHROPIC_MODEL in .claude/settings.json:4')
    expect(f?.fix).toContain(`\`"ANTHROPIC_MODEL": "us.${HAIKU_45}"\` in .claude/settings.json`)
    expect(f?.location).toEqual({ file: '.claude/settings.json', line: 4 })
    expect(probes()[0]?.json).toMatchObject({ anthropic_beta: ['context-1m-2025-08-07'] })
    expect(run.outputs.result).toBe('fail')
    expect(run.annotations.find((a) => a.title?.includes('invoke-probe'))?.level).toBe('error')
  })

  it('fixes the [1m] setting that sent the refused flag, not another naming the same model', async () => {
    const run = await action({
      '.claude/settings.json': settings({
        CLAUDE_CODE_USE_BEDROCK: '1',
        ANTHROPIC_MODEL: `us.${HAIKU_45}`,
        ANTHROPIC_DEFAULT_SONNET_MODEL: `us.${HAIKU_45}[1m]`
      })
    })
    const f = finding(run, 'invoke-probe', `us-east-1 · us.${HAIKU_45}`)
    expect(f).toMatchObject({ status: 'fail', messageId: 'betaRefused' })
    expect(f?.cause).toContain(
      '`[1m]` after ANTHROPIC_DEFAULT_SONNET_MODEL in .claude/settings.json:5'
    )
    expect(f?.fix).toContain(
      `\`"ANTHROPIC_DEFAULT_SONNET_MODEL": "us.${HAIKU_45}"\` in .claude/settings.json`
    )
    expect(f?.fix).not.toContain('"ANTHROPIC_MODEL"')
    expect(run.report?.models).toEqual([`us.${HAIKU_45}`])
  })

  it('the CLI: ANTHROPIC_BETAS with a flag Bedrock refuses fails, and the fix unsets it in the shell', async () => {
    const { run, report } = await cli({
      ANTHROPIC_MODEL: `us.${SONNET_46}`,
      ANTHROPIC_BETAS: 'mcp-servers-2025-12-04'
    })
    const f = report.findings.find((x) => x.checkId === 'invoke-probe')
    expect(f).toMatchObject({ status: 'fail', messageId: 'betaRefused' })
    expect(f?.cause).toContain('because of ANTHROPIC_BETAS')
    expect(f?.fix).toContain('unset ANTHROPIC_BETAS')
    expect(run.exitCode).toBe(1)
  })

  it("sends the agent's service tier as X-Amzn-Bedrock-Service-Tier, and says so", async () => {
    const run = await action({
      '.claude/settings.json': settings({
        ANTHROPIC_MODEL: `us.${SONNET_46}`,
        ANTHROPIC_BEDROCK_SERVICE_TIER: 'flex'
      })
    })
    const f = finding(run, 'invoke-probe', `us-east-1 · us.${SONNET_46}`)
    expect(f?.status).toBe('pass')
    expect(probes()[0]?.headers['x-amzn-bedrock-service-tier']).toBe('flex')
    expect(f?.observed?.join('\n')).toContain(
      'X-Amzn-Bedrock-Service-Tier flex (from ANTHROPIC_BEDROCK_SERVICE_TIER in .claude/settings.json:4)'
    )
  })

  it('fails a service tier Bedrock refuses for the model, naming the setting and its line', async () => {
    const run = await action({
      '.claude/settings.json': settings({
        ANTHROPIC_MODEL: `us.${SONNET_46}`,
        ANTHROPIC_BEDROCK_SERVICE_TIER: 'reserved'
      })
    })
    const f = finding(run, 'invoke-probe', `us-east-1 · us.${SONNET_46}`)
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'tierRefused',
      catalogId: 'service-tier-refused',
      location: { file: '.claude/settings.json', line: 4 }
    })
    expect(f?.title).toBe(
      `Bedrock refused the service tier reserved the agent asks for with us.${SONNET_46} in us-east-1 (ANTHROPIC_BEDROCK_SERVICE_TIER in .claude/settings.json:4)`
    )
    // Bedrock's words for `reserved` without a reservation (envoyproxy/ai-gateway#1749).
    expect(f?.cause).toContain('"Reservation not found."')
    expect(f?.fix).toContain(
      'remove `ANTHROPIC_BEDROCK_SERVICE_TIER` from .claude/settings.json:4.'
    )
    expect(probes()[0]?.headers['x-amzn-bedrock-service-tier']).toBe('reserved')
    expect(run.outputs.result).toBe('fail')
  })

  it('with two flags sent and none named, says one of them is refused and offers each left out, never all', async () => {
    const run = await action({
      '.claude/settings.json': settings({
        ANTHROPIC_MODEL: `us.${SONNET_46}`,
        ANTHROPIC_BETAS: 'interleaved-thinking-2025-05-14,mcp-servers-2025-12-04'
      })
    })
    const f = finding(run, 'invoke-probe', `us-east-1 · us.${SONNET_46}`)
    expect(f).toMatchObject({ status: 'fail', messageId: 'oneBetaRefused' })
    expect(f?.title).toBe(
      `Bedrock refused one of the beta flags interleaved-thinking-2025-05-14, mcp-servers-2025-12-04 the agent sends with us.${SONNET_46} in us-east-1`
    )
    expect(f?.fix).toContain('does not say which flag')
    expect(f?.fix).not.toContain('remove `ANTHROPIC_BETAS`')
    // Each alternative is a JSON member of the file's `env` as written.
    const members = [
      ...(f?.fix ?? '').matchAll(/`("ANTHROPIC_BETAS": [^`]*)` in \.claude\/settings\.json:4/g)
    ]
    expect(members.map((m) => JSON.parse(`{${m[1]}}`) as unknown)).toEqual([
      { ANTHROPIC_BETAS: 'mcp-servers-2025-12-04' },
      { ANTHROPIC_BETAS: 'interleaved-thinking-2025-05-14' }
    ])
  })

  it("the action: a refused flag in the job's env keeps the others, written as YAML", async () => {
    const { run } = await probeRun('action', {
      env: {
        ANTHROPIC_MODEL: `us.${SONNET_46}`,
        ANTHROPIC_BETAS: 'interleaved-thinking-2025-05-14,mcp-servers-2025-12-04'
      }
    })
    const f = finding(run, 'invoke-probe', `us-east-1 · us.${SONNET_46}`)
    expect(f?.fix).toContain(
      "Stop sending `mcp-servers-2025-12-04`: `ANTHROPIC_BETAS: interleaved-thinking-2025-05-14` (in the job's `env:`)."
    )
  })

  it('the CLI passes the same probe without the flag', async () => {
    const { report } = await cli({ ANTHROPIC_MODEL: `us.${SONNET_46}` })
    expect(report.findings.find((x) => x.checkId === 'invoke-probe')?.status).toBe('pass')
  })
})

describe('an event stream that does not start with the model answering', () => {
  const model = { '.claude/settings.json': settings({ ANTHROPIC_MODEL: `us.${SONNET_46}` }) }

  it('an exception event in the stream is reported through the catalog, not passed', async () => {
    fake.handle({
      'bedrock-runtime:InvokeModelWithResponseStream': eventStream(
        [
          {
            exception: 'modelStreamErrorException',
            // The text Bedrock sends for a model-side failure mid-stream (API model's shape).
            payload: { message: 'Model stream error', originalStatusCode: 500 }
          }
        ],
        STREAM_HEADERS
      )
    })
    const run = await action(model)
    const f = finding(run, 'invoke-probe')
    expect(f).toMatchObject({ messageId: 'streamFailed', catalogId: 'service-unavailable' })
    expect(f?.status).not.toBe('pass')
    expect(f?.title).toContain('began answering, then its event stream failed')
  })

  it('a stream cut before its first frame ends is could-not-verify', async () => {
    fake.handle({
      'bedrock-runtime:InvokeModelWithResponseStream': cut(
        eventStream([messageStart(`us.${SONNET_46}`)], STREAM_HEADERS)
      )
    })
    const f = finding(await action(model), 'invoke-probe')
    expect(f?.status).toBe('unverified')
  })

  it('a first frame larger than 64 KiB is not read to its end: could-not-verify', async () => {
    const big = { type: 'message_start', pad: 'x'.repeat(100_000) }
    fake.handle({
      'bedrock-runtime:InvokeModelWithResponseStream': eventStream(
        [
          {
            event: 'chunk',
            payload: { bytes: Buffer.from(JSON.stringify(big)).toString('base64') }
          }
        ],
        STREAM_HEADERS
      )
    })
    const f = finding(await action(model), 'invoke-probe')
    expect(f?.status).toBe('unverified')
    expect(f?.error?.message).toContain('response too large')
  })

  it('a first event other than message_start is could-not-verify, never a pass', async () => {
    fake.handle({
      'bedrock-runtime:InvokeModelWithResponseStream': eventStream(
        [textDelta('Hi')],
        STREAM_HEADERS
      )
    })
    const f = finding(await action(model), 'invoke-probe')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'streamFailed' })
    expect(f?.error?.code).toBe('IncompleteAnswer')
    expect(f?.error?.message).toContain('not `message_start`')
  })
})
