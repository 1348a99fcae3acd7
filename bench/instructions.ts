/**
 * `npm run bench:instructions`: instructions from process start to the first AWS request, counted
 * by valgrind's callgrind. Unlike milliseconds on a shared machine, the count barely moves between
 * runs (±2 %), so it shows what a change to the start-up path is worth. It runs, each stopped at its
 * first connection (bench/stop-at-connect.cjs): node alone (bench/floor), the SDK's STS client
 * alone (bench/floor/sdk-alone.ts, bundled like dist/) and the action (dist/ or $BP_DIST_DIR).
 * Needs valgrind (Debian: apt-get install valgrind); without it, says so and exits 0.
 *
 *   npm run bench:instructions -- [--runs 3]
 */
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildSdkAlone, FULL_INPUTS, GUARD, median, runnerEnv, startBenchFake } from './lib.js'

const runsIndex = process.argv.indexOf('--runs')
const runs = runsIndex > 0 ? Math.max(1, Number(process.argv[runsIndex + 1]) || 3) : 3

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.log('bench:instructions needs valgrind (callgrind); it is not installed here.')
  process.exit(0)
}

const sdkAlone = await buildSdkAlone()

const subjects: [string, string][] = [
  ['node alone (bench/floor)', resolve('bench/floor/index.js')],
  ["the SDK's STS client alone", join(sdkAlone, 'index.js')],
  ['the action', join(resolve(process.env.BP_DIST_DIR ?? 'dist'), 'index.js')]
]

const fake = await startBenchFake(0)
const counts = new Map<string, number[]>()
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, entry] of subjects) {
      // The guard is required last, so it sees each connection before stop-at-connect ends the
      // process: one to anything but 127.0.0.1 is refused, never opened.
      const { home, env } = runnerEnv(fake.fake.env, FULL_INPUTS, [
        resolve('bench/stop-at-connect.cjs'),
        GUARD
      ])
      const run = spawnSync(
        'valgrind',
        ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, entry],
        { env, cwd: home, encoding: 'utf8' }
      )
      rmSync(home, { recursive: true, force: true })
      const m = /Collected : (\d+)/.exec(run.stderr)
      if (!m) throw new Error(`${name}: callgrind reported no count\n${run.stderr.slice(-800)}`)
      counts.set(name, [...(counts.get(name) ?? []), Number(m[1])])
      process.stderr.write(`  ${name} ${i + 1}/${runs}: ${(Number(m[1]) / 1e6).toFixed(1)} M\n`)
    }
  }
} finally {
  await fake.close()
  rmSync(sdkAlone, { recursive: true, force: true })
}

console.log(
  `\nInstructions from process start to the first request (median of ${runs}, ${process.version})\n`
)
for (const [name] of subjects)
  console.log(
    `  ${name.padEnd(28)} ${(median(counts.get(name) ?? []) / 1e6).toFixed(0).padStart(5)} million`
  )
