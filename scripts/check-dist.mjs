// `npm run check-dist`: after a fresh `npm run package`, dist/ must be exactly what is committed:
// no changed file, and no new or deleted chunk (a change to the bundle's structure can add, merge or
// rename a chunk, which `git diff` alone would not report).
import { execFileSync } from 'node:child_process'

const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' })
if (status.trim()) {
  console.error("dist/ differs from a fresh build. Run 'npm run package' and commit dist/:")
  console.error(status.trimEnd())
  process.exit(1)
}
console.log('dist/ matches a fresh build.')
