/**
 * Issue 28, defects 3 and 4: text from outside (an env-file value a pull request can change, a
 * flag, an AWS answer) is data. In the job summary it never becomes markup (no HTML, no image,
 * no link); on a terminal and in annotations it never becomes control (no escape sequence, no
 * clipboard write, no screen clear, no hyperlink, no direction override).
 */
import { rest, useFakeAws } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { SONNET_45 } from '../harness/fake-bedrock.js'
import { CONTROLS, CONTROL_TEXT, liveMarkup } from '../harness/hostile.js'

const fake = useFakeAws(healthyAccount)

/** A model ID a pull request could write into the env file: HTML, an image and a link. */
const MARKUP_MODEL = `us.${SONNET_45}</details><img src=https://evil.example/p.png>[Sign in again](https://evil.example/login)`

async function action(
  inputs: Record<string, string>,
  files: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': 'us-east-1', ...inputs },
    files
  })
}

describe('the job summary shows outside text as text', () => {
  it('a model ID from the env file with HTML, an image and a link renders as text', async () => {
    const run = await action({ 'env-file': '.env' }, { '.env': `BEDROCK_MODEL=${MARKUP_MODEL}\n` })
    expect(run.blocked).toEqual([])
    expect(run.summary).toContain('evil.example') // still shown, as text
    expect(liveMarkup(run.summary)).toEqual([])
    expect(leakedSecrets(run)).toEqual([])
  })
})

describe('terminal escapes and direction overrides never reach a log or a terminal', () => {
  const ERROR = rest.error(
    'ValidationException',
    `The provided model identifier is invalid. ${CONTROL_TEXT}`,
    400
  )

  it('an AWS message with OSC 52, CSI 2J, OSC 8 and U+202E loses them in annotations, outputs and the report', async () => {
    fake.handle({ 'bedrock:GetInferenceProfile': ERROR, 'bedrock:GetFoundationModel': ERROR })
    const run = await action({ 'model-id': `us.${SONNET_45}` })
    expect(run.annotations.length).toBeGreaterThan(0)
    for (const a of run.annotations) {
      expect(`${a.title ?? ''}${a.message}`).not.toMatch(CONTROLS)
    }
    expect(run.stdout).not.toMatch(CONTROLS)
    expect(JSON.stringify(run.outputs)).not.toMatch(CONTROLS)
    expect(run.summary).not.toMatch(CONTROLS)
    // The report file holds no control character either, not even escaped by JSON.
    expect(JSON.stringify(run.report)).not.toMatch(/\\u00(1b|07|9b)|\\u202e/i)
  })

  it('the CLI prints an AWS message, a flag and an env-file value without their control characters', async () => {
    fake.handle({ 'bedrock:GetInferenceProfile': ERROR, 'bedrock:GetFoundationModel': ERROR })
    for (const args of [[], ['--json'], ['--debug']]) {
      const run = await runAction({
        script: 'cli.js',
        args: ['--region', 'us-east-1', '--model', `us.${SONNET_45}${CONTROL_TEXT}`, ...args],
        endpoints: fake.env,
        env: {
          ...OIDC_SESSION_ENV,
          GITHUB_ACTIONS: undefined,
          GITHUB_OUTPUT: undefined,
          GITHUB_STEP_SUMMARY: undefined
        },
        files: {
          '.insightworker/.env': `AWS_PROFILE=dev${CONTROL_TEXT}\nBEDROCK_MODEL=x${CONTROL_TEXT}\n`
        }
      })
      expect(run.stdout.length).toBeGreaterThan(0)
      expect(run.stdout).not.toMatch(CONTROLS)
      expect(run.stderr).not.toMatch(CONTROLS)
    }
  })

  it('a settings error naming a hostile flag value prints it without control characters', async () => {
    const run = await runAction({
      script: 'cli.js',
      args: ['--timeout', `5${CONTROL_TEXT}`],
      env: { GITHUB_ACTIONS: undefined }
    })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).not.toMatch(CONTROLS)
  })
})
