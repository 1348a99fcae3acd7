/**
 * The CLI as a person sees it: run in a real 80-column terminal (tmux), captured with
 * `tmux capture-pane`. Every line fits, the finding itself is readable, the progress line leaves
 * nothing behind. BP_UPDATE_SAMPLES=1 writes the captures to docs/terminal.md.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { useFakeAws } from '../harness/fake-aws.js'
import { DIST_DIR, FAKE } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { bedrockHandlers, SEED_POLICY, SONNET_45 } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0
const UPDATE = process.env.BP_UPDATE_SAMPLES === '1'
const WIDTH = 80
const GUARD = resolve('__tests__/harness/net-guard.cjs')

const fake = useFakeAws(() => ({
  'sts:GetCallerIdentity': callerIdentity(),
  ...bedrockHandlers(),
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
}))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** Runs the CLI in a detached 80 × 50 tmux session; returns captures taken while and after it runs. */
async function inTerminal(args: string[], midRunAfterMs?: number) {
  const home = mkdtempSync(join(tmpdir(), 'bp-tmux-'))
  const session = `bp-${process.pid}-${Date.now()}`
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TERM: 'xterm-256color',
    NO_COLOR: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    NODE_OPTIONS: `--require ${GUARD}`,
    BP_NET_GUARD_LOG: join(home, 'guard.log'),
    ...OIDC_SESSION_ENV,
    ...fake.env
  }
  const command = [
    'env -i',
    ...Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`),
    quote(process.execPath),
    quote(join(DIST_DIR, 'cli.js')),
    ...args.map(quote),
    '; echo "[exit $?]"; sleep 600'
  ].join(' ')
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    String(WIDTH),
    '-y',
    '50',
    command
  ])
  const capture = () =>
    execFileSync('tmux', ['capture-pane', '-p', '-J', '-t', session, '-S', '-'], {
      encoding: 'utf8'
    }).replace(/\n+$/, '')
  try {
    let during = ''
    if (midRunAfterMs !== undefined) {
      await sleep(midRunAfterMs)
      during = capture()
    }
    const deadline = Date.now() + 20_000
    let after = capture()
    while (!/\[exit \d+\]/.test(after) && Date.now() < deadline) {
      await sleep(100)
      after = capture()
    }
    return {
      during,
      after: after.replace(/\n?\[exit \d+\]$/, ''),
      exit: /\[exit (\d+)\]/.exec(after)?.[1]
    }
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session])
  }
}

/** Lines as the tool wrote them (-J joins what the terminal itself wrapped). */
function rows(text: string): string[] {
  return text.split('\n')
}

/** A line fits, or is one word longer than any line (an ARN), which no wrapping can help. */
const fits = (l: string): boolean => [...l].length <= WIDTH || !/\S\s+\S/.test(l.trim())

const captures: string[] = []
const describeTmux = HAS_TMUX ? describe : describe.skip

describeTmux('the CLI in an 80-column terminal (tmux capture-pane)', () => {
  afterAll(() => {
    if (!UPDATE || captures.filter((c) => c.startsWith('## ')).length !== 3) return
    writeFileSync(
      'docs/terminal.md',
      [
        '# The CLI in a terminal',
        '',
        "<!-- Written by __tests__/e2e/terminal-capture.test.ts (BP_UPDATE_SAMPLES=1): real captures of `node dist/cli.js` in an 80-column tmux pane, against the test suite's local AWS endpoint. -->",
        '',
        'Text is wrapped by the tool at word boundaries to the terminal width (not when the output is',
        'piped), subjects are headers above their checks, a subject where every check passed is part of',
        'one line, and each cause is told once with every subject it covers.',
        '',
        ...captures,
        ''
      ].join('\n')
    )
  })

  it('a passing run: every line fits, nothing is left of the progress line', async () => {
    const { after, exit } = await inTerminal([
      '--region',
      'us-east-1',
      '--model',
      `us.${SONNET_45}`
    ])
    expect(exit).toBe('0')
    expect(after).toContain('This machine can call Claude on Amazon Bedrock')
    expect(rows(after).every(fits)).toBe(true)
    expect(after).not.toContain('Checking Bedrock access')
    captures.push(
      '## A passing run',
      '',
      '```text',
      `$ node dist/cli.js --region us-east-1 --model us.${SONNET_45}`,
      after,
      '```',
      ''
    )
  }, 30_000)

  it('a failing matrix: the finding is readable at 80 columns, the cause told once', async () => {
    const { after, exit } = await inTerminal([
      '--region',
      'eu-west-1,eu-central-1',
      '--model',
      `eu.${SONNET_45}`
    ])
    expect(exit).toBe('1')
    expect(rows(after).every(fits)).toBe(true)
    expect(after).toMatch(/invoke-permission\s+✖ fail\s+No policy of/)
    expect(after.match(/invoke-permission \(2 region × model pairs\)/g)).toHaveLength(1)
    expect(after).toContain(`For: eu-west-1, eu-central-1 × eu.${SONNET_45}`)
    captures.push(
      '## A failing run: one cause in two regions',
      '',
      '```text',
      `$ node dist/cli.js --region eu-west-1,eu-central-1 --model eu.${SONNET_45}`,
      after,
      '```',
      ''
    )
  }, 30_000)

  it('a slow endpoint: the progress line fits the width while it runs and is gone after', async () => {
    fake.handle({
      'sts:GetCallerIdentity': () => new Promise((r) => setTimeout(() => r(callerIdentity()), 2500))
    })
    const { during, after } = await inTerminal(['--region', 'us-east-1'], 1500)
    const progress = rows(during).filter((l) => l.includes('Checking Bedrock access'))
    expect(progress).toHaveLength(1)
    expect([...progress[0]!].length).toBeLessThanOrEqual(WIDTH)
    expect(after).not.toContain('Checking Bedrock access')
    expect(rows(after).every(fits)).toBe(true)
    expect(FAKE.account).toBe('111122223333')
    captures.push(
      '## A slow endpoint',
      '',
      'While it runs (captured after 1.5 s, STS answering in 2.5 s), one line that fits:',
      '',
      '```text',
      during,
      '```',
      '',
      'When it is done, nothing of that line is left:',
      '',
      '```text',
      after,
      '```',
      ''
    )
  }, 30_000)
})
