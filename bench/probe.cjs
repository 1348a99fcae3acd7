// Preloaded into the benchmarked process (NODE_OPTIONS=--require). On exit it writes, as JSON, to
// BP_BENCH_PROBE_FILE: the peak resident set (kilobytes, the kernel's ru_maxrss) and the
// process's own start time (performance.timeOrigin, epoch ms), so the bench can time "process
// start → first request" without the parent's fork/exec cost; and the CPU time it used (ms),
// which a loaded machine does not inflate as it does the wall time.
'use strict'
const fs = require('node:fs')

const file = process.env.BP_BENCH_PROBE_FILE
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage()
      const probe = {
        maxRssKb: usage.maxRSS,
        timeOrigin: performance.timeOrigin,
        cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)
      }
      fs.writeFileSync(file, JSON.stringify(probe))
    } catch {
      // A benchmark aid must never change how the action ends.
    }
  })
}
