/**
 * The CLI as a person sees it: run in a real 80- and 120-column terminal (tmux), captured with
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
import { bedrockHandlers, HAIKU_45, SEED_POLICY, SONNET_45 } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0
const UPDATE = process.env.BP_UPDATE_SAMPLES === '1'
const WIDTH = 80
const WIDE = 120
const GUARD = resolve('__tests__/harness/net-guard.cjs')

const fake = useFakeAws(() => ({
  'sts:GetCallerIdentity': callerIdentity(),
  ...bedrockHandlers(),
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
}))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** Runs the CLI in a detached tmux session (80 × 50 unless told); returns captures taken while and after it runs. */
async function inTerminal(args: string[], midRunAfterMs?: number, width = WIDTH) {
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
    String(width),
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
const fitsIn =
  (width: number) =>
  (l: string): boolean =>
    [...l].length <= width || !/\S\s+\S/.test(l.trim())
const fits = fitsIn(WIDTH)

const captures: string[] = []

/** A capture for docs/terminal.md: a heading, the command typed, what the terminal showed. */
function keep(title: string, args: string[], after: string): void {
  captures.push(
    `## ${title}`,
    '',
    '```text',
    `$ node dist/cli.js ${args.join(' ')}`,
    after,
    '```',
    ''
  )
}
const describeTmux = HAS_TMUX ? describe : describe.skip

describeTmux('the CLI in 80- and 120-column terminals (tmux capture-pane)', () => {
  afterAll(() => {
    if (!UPDATE || captures.filter((c) => c.startsWith('## ')).length !== 5) return
    writeFileSync(
      'docs/terminal.md',
      [
        '# The CLI in a terminal',
        '',
        "<!-- Written by __tests__/e2e/terminal-capture.test.ts (BP_UPDATE_SAMPLES=1): real captures of `node dist/cli.js` in 80- and 120-column tmux panes, against the test suite's local AWS endpoint. -->",
        '',
        'Text is wrapped by the tool at word boundaries to the terminal width (not when the output is',
        'piped). The run-level checks come first; one region and model get their checks under a header;',
        'several get a grid (regions down, models across, each failing cell the number of its cause);',
        'the subjects where every check ran and passed are one line; each cause is told once, numbered,',
        'with every subject it covers.',
        '',
        ...captures
      ]
        .join('\n')
        .replace(/\n*$/, '\n')
    )
  })

  it('a passing run: every line fits, nothing is left of the progress line', async () => {
    const args = ['--region', 'us-east-1', '--model', `us.${SONNET_45}`]
    const { after, exit } = await inTerminal(args)
    expect(exit).toBe('0')
    expect(after).toContain('This machine can call Claude on Amazon Bedrock')
    expect(rows(after).every(fits)).toBe(true)
    expect(after).not.toContain('Checking Bedrock access')
    keep('A passing run (80 columns)', args, after)
  }, 30_000)

  it('a failing matrix at 80 columns: a grid with the cause number in each failing cell, the cause told once', async () => {
    const args = ['--region', 'eu-west-1,eu-central-1', '--model', `eu.${SONNET_45}`]
    const { after, exit } = await inTerminal(args)
    expect(exit).toBe('1')
    expect(rows(after).every(fits)).toBe(true)
    expect(after).toMatch(/ {2}eu-west-1\s+✖ 1\n/)
    expect(after).toMatch(/ {2}eu-central-1\s+✖ 1\n/)
    expect(after.match(/invoke-permission \(2 region × model pairs\)/g)).toHaveLength(1)
    expect(after).toContain(`For: eu-west-1, eu-central-1 × eu.${SONNET_45}`)
    expect(after).not.toContain('Every check passed')
    keep('A failing run: one cause in two regions (80 columns)', args, after)
  }, 30_000)

  it('a passing matrix at 120 columns: one grid, every pair passed on one line', async () => {
    const args = ['--region', 'us-east-1,us-west-2', '--model', `us.${SONNET_45},us.${HAIKU_45}`]
    const { after, exit } = await inTerminal(args, undefined, WIDE)
    expect(exit).toBe('0')
    expect(rows(after).every(fitsIn(WIDE))).toBe(true)
    expect(after).toMatch(/ {2}Region\s+us\.sonnet-4-5\s+us\.haiku-4-5\n/)
    expect(after.match(/Every check passed/g)).toHaveLength(1)
    expect(after).toContain('✔ Every check passed for all 4 region × model pairs')
    keep('A passing run: two regions × two models (120 columns)', args, after)
  }, 30_000)

  it('a failing matrix at 120 columns: the grid, the cause and its fix fit the width', async () => {
    fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: {} }) })
    const args = [
      '--region',
      'us-east-1,us-east-2,us-west-2',
      '--model',
      `us.${SONNET_45},us.${HAIKU_45}`
    ]
    const { after, exit } = await inTerminal(args, undefined, WIDE)
    expect(exit).toBe('1')
    expect(rows(after).every(fitsIn(WIDE))).toBe(true)
    expect(after.split('\n')[0]).toContain('1 cause across 6 region × model pairs')
    expect(after).toMatch(/ {2}us-east-2\s+✖ 1\s+✖ 1\n/)
    keep('A failing run: one cause in three regions × two models (120 columns)', args, after)
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
      '## A slow endpoint (80 columns)',
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
