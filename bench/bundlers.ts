/**
 * `npm run bench:bundlers`: builds the action with Rollup (scripts/package.mjs, what ships), with
 * esbuild (bench/esbuild-config.mjs, what shipped before) and with @vercel/ncc into a temporary
 * directory, and compares size and cold start (process start → first AWS request, median). A
 * bundler that cannot build the project is reported with its error.
 *
 *   npm run bench:bundlers -- [--runs 10] [--json]
 */
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import {
  firstRequestFromProcessStartMs,
  markAsModules,
  median,
  startBenchFake,
  timedRun
} from './lib.js'

const runsIndex = process.argv.indexOf('--runs')
const runs = runsIndex > 0 ? Math.max(1, Number(process.argv[runsIndex + 1]) || 10) : 10
const asJson = process.argv.includes('--json')
const root = join(tmpdir(), `bench2-bundlers-${process.pid}`)

interface Outcome {
  bundler: string
  command: string
  ok: boolean
  error?: string
  buildMs?: number
  indexJsBytes?: number
  totalBytes?: number
  coldStartMs?: number
  result?: string
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const st = statSync(join(dir, name))
    return sum + (st.isDirectory() ? dirBytes(join(dir, name)) : st.size)
  }, 0)
}

function build(bundler: string, file: string, args: string[], outdir: string): Outcome {
  const command = [file, ...args].join(' ')
  const started = performance.now()
  try {
    execFileSync(file, args, { stdio: 'pipe', encoding: 'utf8', timeout: 300_000 })
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string }
    const text = `${e.stderr ?? ''}\n${e.stdout ?? ''}`.trim() || e.message
    return { bundler, command, ok: false, error: text.split('\n').slice(0, 12).join('\n') }
  }
  const buildMs = performance.now() - started
  // ncc names an ES module build index.mjs; the runner needs the file action.yml names.
  if (!existsSync(join(outdir, 'index.js')) && existsSync(join(outdir, 'index.mjs')))
    renameSync(join(outdir, 'index.mjs'), join(outdir, 'index.js'))
  if (!existsSync(join(outdir, 'index.js')))
    return { bundler, command, ok: false, error: `no index.js in ${outdir}` }
  markAsModules(outdir)
  return {
    bundler,
    command,
    ok: true,
    buildMs,
    indexJsBytes: statSync(join(outdir, 'index.js')).size,
    totalBytes: dirBytes(outdir)
  }
}

async function coldStart(outcome: Outcome, outdir: string): Promise<void> {
  const samples: number[] = []
  const results = new Set<string>()
  for (let i = 0; i < runs; i++) {
    const bench = await startBenchFake(0)
    try {
      const run = await timedRun(outdir, bench.fake.env)
      results.add(`${run.outputs.result ?? 'no result'} (exit ${run.exitCode})`)
      if (bench.timeline.length === 0) {
        outcome.ok = false
        outcome.error = `the bundle made no AWS request: ${run.stderr.split('\n').slice(0, 6).join('\n')}`
        return
      }
      samples.push(firstRequestFromProcessStartMs(run, bench.timeline))
    } finally {
      await bench.close()
    }
  }
  outcome.coldStartMs = median(samples)
  outcome.result = [...results].join('; ')
}

mkdirSync(root, { recursive: true })
const dirs: Record<string, string> = {
  rollup: join(root, 'rollup'),
  esbuild: join(root, 'esbuild'),
  '@vercel/ncc': join(root, 'ncc')
}
const nccDir = dirs['@vercel/ncc']!
const outcomes: Outcome[] = [
  build(
    'rollup',
    process.execPath,
    ['scripts/package.mjs', '--outdir', dirs.rollup!],
    dirs.rollup!
  ),
  build(
    'esbuild',
    process.execPath,
    ['bench/esbuild-config.mjs', '--outdir', dirs.esbuild!],
    dirs.esbuild!
  ),
  build(
    '@vercel/ncc',
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/index.ts', '-o', nccDir, '-m', '-q'],
    nccDir
  )
]
for (const outcome of outcomes) {
  if (!outcome.ok) continue
  if (!asJson) process.stderr.write(`cold start, ${outcome.bundler}: ${runs} runs\n`)
  await coldStart(outcome, dirs[outcome.bundler]!)
}
rmSync(root, { recursive: true, force: true })

const built = outcomes.filter((o) => o.ok && o.coldStartMs !== undefined)
const winner = [...built].sort(
  (a, b) => (a.coldStartMs ?? 0) - (b.coldStartMs ?? 0) || (a.totalBytes ?? 0) - (b.totalBytes ?? 0)
)[0]
const figures = {
  when: new Date().toISOString(),
  node: process.version,
  runs,
  outcomes,
  winner: winner?.bundler
}
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/bundlers.json', `${JSON.stringify(figures, null, 2)}\n`)

if (asJson) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
} else {
  console.log(
    `\nBundlers — cold start = process start → first AWS request, median of ${runs} runs (${process.version})\n`
  )
  for (const o of outcomes) {
    if (o.ok)
      console.log(
        `  ${o.bundler.padEnd(12)} index.js ${((o.indexJsBytes ?? 0) / 1024).toFixed(0)} KB, dist ${((o.totalBytes ?? 0) / 1024).toFixed(0)} KB, cold start ${o.coldStartMs?.toFixed(0)} ms, build ${((o.buildMs ?? 0) / 1000).toFixed(1)} s, run ${o.result}`
      )
    else
      console.log(
        `  ${o.bundler.padEnd(12)} could not build or run:\n    ${o.error?.replace(/\n/g, '\n    ')}`
      )
  }
  console.log(
    winner
      ? `\nFastest to start: ${winner.bundler}${winner.bundler === 'rollup' ? ' (what scripts/package.mjs ships)' : ' — scripts/package.mjs uses Rollup: reconsider'}.`
      : '\nNo bundler produced a working build.'
  )
}
