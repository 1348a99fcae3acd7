// Preloaded into the benchmarked action (NODE_OPTIONS=--require): on exit, writes the process's
// peak resident set (kilobytes, from the kernel's ru_maxrss) to BP_BENCH_RSS_FILE.
'use strict'
const fs = require('node:fs')

const file = process.env.BP_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS))
    } catch {
      // A benchmark aid must never change how the action ends.
    }
  })
}
