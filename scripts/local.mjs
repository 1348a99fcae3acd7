// `npm run local`: runs the action from source (src/main.ts) with @github/local-action, as the
// runner would, with inputs and runner variables from `.env` (or `.env.example` when there is no
// `.env`). The job summary lands in tmp/local/step-summary.md, fresh for each run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs'

const envFile = existsSync('.env') ? '.env' : '.env.example'
/** The two runner variables this script prepares; local-action itself loads the whole file. */
const vars = Object.fromEntries(
  readFileSync(envFile, 'utf8')
    .split('\n')
    .map((line) => /^\s*(GITHUB_STEP_SUMMARY|RUNNER_TEMP)\s*=\s*"?([^"#]*?)"?\s*$/.exec(line))
    .filter(Boolean)
    .map((m) => [m[1], m[2]])
)
const summary = vars.GITHUB_STEP_SUMMARY || 'tmp/local/step-summary.md'
mkdirSync(vars.RUNNER_TEMP || 'tmp/local', { recursive: true })
mkdirSync(summary.slice(0, summary.lastIndexOf('/')) || '.', { recursive: true })
writeFileSync(summary, '')

console.log(`Inputs from ${envFile}`)
const run = spawnSync('npx', ['local-action', 'run', '.', 'src/main.ts', envFile], {
  stdio: 'inherit',
  env: { ...process.env, GITHUB_STEP_SUMMARY: summary }
})
console.log(`\nJob summary: ${summary}`)
process.exit(run.status ?? 1)
