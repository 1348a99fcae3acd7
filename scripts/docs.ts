/**
 * Keeps the generated parts of the documentation in sync with their sources.
 *
 *   npm run docs          rewrite README.md's marked sections and docs/troubleshooting.md
 *   npm run docs:check    exit 1, naming each stale file, when they differ (CI runs this)
 *
 * Sources: action.yml (usage, inputs, outputs), src/catalog/entries.ts (troubleshooting),
 * docs/preflight-policy.json, and the job summaries committed under docs/ by the sample test.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expectedDocuments } from './docs/generate.js'

const check = process.argv.includes('--check')
const stale: string[] = []
for (const [path, content] of await expectedDocuments()) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : ''
  if (current === content) continue
  if (check) stale.push(path)
  else {
    writeFileSync(path, content)
    console.log(`updated ${path}`)
  }
}
if (stale.length) {
  console.error(
    `Generated documentation is out of date: ${stale.join(', ')}.\nRun \`npm run docs\` and commit the result.`
  )
  process.exit(1)
}
if (check) console.log('docs: README.md and docs/troubleshooting.md are up to date')
