/**
 * The npm package as a user gets it: the tarball `npm pack` makes of the freshly built bundle,
 * installed globally into a temporary prefix with the network off (`--offline`: nothing may come
 * from the registry, so the package must need nothing but itself), then run through its `bin`.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
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
})
