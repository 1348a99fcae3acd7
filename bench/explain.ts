/**
 * `explain`'s figures: the time to read a 1 MB log (target < 100 ms), and how many real texts it
 * has never seen it names right (bench/held-out-errors.ts; a figure, not a target).
 *
 *   npx tsx bench/explain.ts [--json]
 */
import { performance } from 'node:perf_hooks'
import { explainText } from '../src/catalog/match.js'
import { PASTED_ERRORS } from '../__tests__/fixtures/pasted-errors.js'
import { HELD_OUT } from './held-out-errors.js'

export interface ExplainFigures {
  logBytes: number
  /** Wall-clock time, median of the runs. */
  medianMs: number
  /** CPU time of this process, median: what the reading costs when other work shares the cores. */
  medianCpuMs: number
  heldOutRight: number
  heldOutTotal: number
  misses: string[]
}

/** A CI log of about 1 MB: ordinary build output, with the corpus's errors scattered through it. */
function oneMegabyteLog(): string {
  const filler = [
    '2026-12-07T10:15:02.1234567Z ##[group]Run npm ci',
    '2026-12-07T10:15:03.2345678Z added 812 packages, and audited 813 packages in 9s',
    '2026-12-07T10:15:03.3456789Z   at Object.<anonymous> (/home/runner/work/app/app/src/index.js:12:7)',
    '2026-12-07T10:15:04.4567890Z [INFO] Compiling 214 source files to /home/runner/work/app/target/classes',
    '2026-12-07T10:15:05.5678901Z DEBUG urllib3.connectionpool: Starting new HTTPS connection (1): pypi.org:443',
    '2026-12-07T10:15:06.6789012Z ok  	github.com/example/app/internal/store	0.412s'
  ]
  const lines: string[] = []
  let size = 0
  let i = 0
  while (size < 1024 * 1024) {
    const line =
      i % 400 === 399
        ? PASTED_ERRORS[((i / 400) % PASTED_ERRORS.length) | 0]!.text
        : filler[i % filler.length]!
    lines.push(line)
    size += line.length + 1
    i += 1
  }
  return lines.join('\n')
}

export function measureExplain(runs = 7): ExplainFigures {
  const log = oneMegabyteLog()
  explainText(log)
  const times: number[] = []
  const cpu: number[] = []
  for (let r = 0; r < runs; r++) {
    const start = performance.now()
    const startCpu = process.cpuUsage()
    explainText(log)
    const used = process.cpuUsage(startCpu)
    times.push(performance.now() - start)
    cpu.push((used.user + used.system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const results = HELD_OUT.map((h) => ({ ...h, got: explainText(h.text).entry?.id }))
  return {
    logBytes: Buffer.byteLength(log),
    medianMs: times[Math.floor(times.length / 2)]!,
    medianCpuMs: cpu[Math.floor(cpu.length / 2)]!,
    heldOutRight: results.filter((r) => r.got === r.expected).length,
    heldOutTotal: results.length,
    misses: results
      .filter((r) => r.got !== r.expected)
      .map((r) => `${r.source}: expected ${r.expected}, got ${r.got ?? 'nothing'}`)
  }
}

if (process.argv[1]?.endsWith('explain.ts')) {
  const f = measureExplain()
  if (process.argv.includes('--json')) console.log(JSON.stringify(f, null, 2))
  else {
    console.log(
      `explain on a ${(f.logBytes / 1024 / 1024).toFixed(2)} MB log: ${f.medianMs.toFixed(1)} ms median wall clock, ${f.medianCpuMs.toFixed(1)} ms CPU (target < 100 ms)`
    )
    console.log(
      `explain on held-out real texts: ${f.heldOutRight}/${f.heldOutTotal} (${((100 * f.heldOutRight) / f.heldOutTotal).toFixed(0)}%)`
    )
    for (const m of f.misses) console.log(`  miss: ${m}`)
  }
}
