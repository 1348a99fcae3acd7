/**
 * Keeps the generated parts of the documentation in sync with their sources.
 *
 *   npm run docs          rewrite README.md's marked sections, docs/troubleshooting.md, the
 *                         check pages (docs/checks/) and docs/preflight-policy.json
 *   npm run docs:check    exit 1, naming each stale file, when they differ (CI runs this)
 *
 * Sources: action.yml (usage, inputs, outputs), src/catalog/entries.ts (troubleshooting), each
 * src/checks/<id>/ (meta.ts, README.md), and the job summaries committed under docs/ by the
 * sample test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { CHECK_PAGES_DIR } from '../src/render/check-page.js'
import { expectedDocuments } from './docs/generate.js'

const check = process.argv.includes('--check')
const stale: string[] = []
const expected = await expectedDocuments()
for (const [path, content] of expected) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : ''
  if (current === content) continue
  if (check) stale.push(path)
  else {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, content)
    console.log(`updated ${path}`)
  }
}
// A page whose check is gone (renamed or removed) would be a page no finding links to.
const pages = existsSync(CHECK_PAGES_DIR) ? readdirSync(CHECK_PAGES_DIR) : []
for (const orphan of pages.map((f) => join(CHECK_PAGES_DIR, f)).filter((p) => !expected.has(p))) {
  if (check) stale.push(`${orphan} (no such check)`)
  else {
    rmSync(orphan)
    console.log(`removed ${orphan}`)
  }
}
if (stale.length) {
  console.error(
    `Generated documentation is out of date: ${stale.join(', ')}.\nRun \`npm run docs\` and commit the result.`
  )
  process.exit(1)
}
if (check) console.log(`docs: ${expected.size} generated documents are up to date`)
