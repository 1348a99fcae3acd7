/**
 * The npm package as a user gets it: the tarball `npm pack` makes of the freshly built bundle,
 * installed globally into a temporary prefix with the network off (`--offline`: nothing may come
 * from the registry, so the package must need nothing but itself), then run through its `bin`.
 */
import { execFileSync, spawn } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { useFakeAws } from '../harness/fake-aws.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { DIST_DIR, runAction } from '../harness/run-action.js'
import { STATIC_KEY_ENV } from '../harness/scenarios.js'
import { VERSION } from '../../src/version.js'

const fake = useFakeAws(() => healthyAccount())
const root = resolve('.')
let work: string
let prefix: string
let tarball: string
let installLog: string

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' }
  })

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bp-pack-'))
  // The package as the repository would pack it, with the bundle the tests just built.
  const stage = join(work, 'stage')
  for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'schema']) {
    cpSync(join(root, file), join(stage, file), { recursive: true })
  }
  cpSync(DIST_DIR, join(stage, 'dist'), { recursive: true })
  const packed = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage)
  ) as { filename: string; files: { path: string }[] }[]
  tarball = join(work, packed[0]!.filename)
  prefix = join(work, 'prefix')
  installLog = npm(
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--offline',
      '--no-audit',
      '--ignore-scripts',
      tarball
    ],
    work
  )
}, 120_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the packed npm package', () => {
  it('installs offline as one package: nothing it bundles is downloaded again', () => {
    expect(installLog).toMatch(/added 1 package\b/)
    const modules = join(prefix, 'lib', 'node_modules')
    expect(readdirSync(join(modules, '@org'))).toEqual(['bedrock-preflight'])
    expect(readdirSync(join(modules, '@org', 'bedrock-preflight')).sort()).toEqual(
      expect.not.arrayContaining(['node_modules', 'src', '__tests__'])
    )
    // A bundled CLI is small: the whole tarball well under a megabyte.
    expect(statSync(tarball).size).toBeLessThan(1024 * 1024)
  })

  it('runs `bedrock-preflight --version` from its bin', () => {
    const out = execFileSync(join(prefix, 'bin', 'bedrock-preflight'), ['--version'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', AWS_EC2_METADATA_DISABLED: 'true' }
    })
    expect(out.trim()).toContain(VERSION)
  })

  it('checks a healthy account from the installed bin', async () => {
    const run = await runAction({
      scriptPath: join(prefix, 'bin', 'bedrock-preflight'),
      args: ['--region', 'us-east-1'],
      endpoints: fake.env,
      env: {
        ...STATIC_KEY_ENV,
        GITHUB_ACTIONS: undefined,
        GITHUB_OUTPUT: undefined,
        GITHUB_STEP_SUMMARY: undefined,
        GITHUB_WORKSPACE: undefined
      }
    })
    expect(run.stderr).not.toMatch(/Error:|Warning/)
    expect(run.exitCode).toBe(0)
    expect(fake.requests.map((r) => r.operation)).toContain('GetCallerIdentity')
  })

  // `--env-file` is also a Node.js option, which Node reads anywhere on its command line up to a
  // `--` (nodejs/node#54232): the bin's shebang ends Node's options (scripts/package.mjs), so the
  // CLI, not Node, answers as its help and docs/cli.md say (exit 2, its own message).
  describe('--env-file on the installed bin', () => {
    const bin = () => join(prefix, 'bin', 'bedrock-preflight')
    // Asynchronous: the fake AWS answers from this process, so a synchronous spawn would block it.
    const runBin = (file: string, args: string[], extraEnv: Record<string, string> = {}) =>
      new Promise<{ code: number | null; signal: string | null; out: string }>((done) => {
        const child = spawn(file, args, {
          cwd: work,
          timeout: 30_000,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: work,
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_CONFIG_FILE: join(work, 'no-aws-config'),
            AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-aws-credentials'),
            NODE_OPTIONS: `--require ${resolve('__tests__/harness/net-guard.cjs')}`,
            BP_NET_GUARD_LOG: join(work, 'net-guard.log'),
            ...extraEnv
          }
        })
        let out = ''
        child.stdout.on('data', (d: Buffer) => (out += d.toString()))
        child.stderr.on('data', (d: Buffer) => (out += d.toString()))
        child.stdin.end()
        child.on('close', (code, signal) => done({ code, signal, out }))
      })

    it('starts Node with `--` before the script (the shebang npm links the bin by)', () => {
      const installed = join(prefix, 'lib', 'node_modules', '@org', 'bedrock-preflight', 'dist')
      expect(readFileSync(join(installed, 'cli.js'), 'utf8').split('\n')[0]).toBe(
        '#!/usr/bin/env -S node --'
      )
    })

    it.each([[['--env-file', 'missing.env']], [['--env-file=missing.env']]])(
      "a missing file (%j) is the CLI's exit 2 naming the file, not Node's exit 9",
      async (args) => {
        const run = await runBin(bin(), args)
        expect(run.out).toContain('bedrock-preflight: --env-file missing.env cannot be read')
        expect(run.out).not.toMatch(/^node:/m)
        expect(run.code).toBe(2)
      }
    )

    it("`--env-file-if-exists` (a Node option, not ours) is the CLI's unknown option, exit 2", async () => {
      const run = await runBin(bin(), ['--env-file-if-exists=missing.env'])
      expect(run.out).toContain('bedrock-preflight: unknown option --env-file-if-exists')
      expect(run.out).not.toContain('Continuing without it')
      expect(run.code).toBe(2)
    })

    it('a named pipe is refused at once (exit 2), not waited on by Node', async () => {
      const fifo = join(work, 'pipe.env')
      execFileSync('mkfifo', [fifo])
      const run = await runBin(bin(), ['--env-file', fifo])
      expect(run.signal).toBeNull()
      expect(run.out).toContain('is a named pipe (FIFO), not a regular file')
      expect(run.code).toBe(2)
    })

    it('a good file is read by the CLI and the checks run (exit 0)', async () => {
      const file = join(work, 'good.env')
      writeFileSync(file, 'AWS_REGION=us-east-1\n')
      const run = await runBin(bin(), ['--env-file', file], { ...fake.env, ...STATIC_KEY_ENV })
      expect(run.out).not.toMatch(/^node:/m)
      expect(run.out).toContain('us-east-1') // the region comes from the file alone
      expect(run.code).toBe(0)
      expect(fake.requests.map((r) => r.operation)).toContain('GetCallerIdentity')
    })

    it('`node -- dist/cli.js` and `npm start` (which runs that) leave `--env-file` to the CLI', async () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>
      }
      expect(pkg.scripts.start).toBe('node -- dist/cli.js')
      const run = await runBin(process.execPath, [
        '--',
        join(DIST_DIR, 'cli.js'),
        '--env-file',
        'x.env'
      ])
      expect(run.out).toContain('bedrock-preflight: --env-file x.env cannot be read')
      expect(run.code).toBe(2)
    })
  })
})
