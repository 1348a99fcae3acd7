// `npm run local`: runs the built action (dist/index.js, the file the runner runs) with inputs and
// runner variables from `.env` (or `.env.example` when there is no `.env`), then prints its
// annotations and job summary as plain text. Exits with the action's exit code: non-zero when the
// preflight fails. Build first with `npm run package`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const dist = resolve(process.env.BP_DIST_DIR ?? 'dist', 'index.js')
if (!existsSync(dist)) {
  console.error(`${dist} does not exist: run \`npm run package\` first.`)
  process.exit(2)
}

const envFile = process.argv[2] ?? (existsSync('.env') ? '.env' : '.env.example')
/** KEY=VALUE lines (quotes stripped, comments skipped), as the runner would set them. */
const vars = Object.fromEntries(
  readFileSync(envFile, 'utf8')
    .split('\n')
    .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/.exec(line))
    .filter(Boolean)
    .map((m) => [m[1], m[2].replace(/^(["'])(.*)\1$/, '$2').replace(/\s+#.*$/, '')])
)
const temp = resolve(vars.RUNNER_TEMP || 'tmp/local')
const summary = resolve(vars.GITHUB_STEP_SUMMARY || 'tmp/local/step-summary.md')
const outputs = resolve(temp, 'github-output.txt')
for (const dir of [temp, dirname(summary)]) mkdirSync(dir, { recursive: true })
writeFileSync(summary, '')
writeFileSync(outputs, '')

const run = spawnSync(process.execPath, [dist], {
  env: {
    ...process.env,
    ...vars,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    RUNNER_TEMP: temp,
    // The bundle pins its SDK: its notice about future Node versions is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'
  },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024
})

const debug = vars.ACTIONS_STEP_DEBUG === 'true' || vars.RUNNER_DEBUG === '1'
const decode = (text) =>
  text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')

/** Workflow commands as a person reads them; add-mask values never shown. */
function readable(line) {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
  if (!m) return line
  const [, command, props = '', message] = m
  if (command === 'add-mask') return undefined
  if (command === 'debug') return debug ? `[debug] ${decode(message)}` : undefined
  if (command === 'error' || command === 'warning' || command === 'notice') {
    const title = /(?:^|,)title=([^,]*)/.exec(props)?.[1]
    const file = /(?:^|,)file=([^,]*)/.exec(props)?.[1]
    const at = file
      ? ` (${decode(file)}${/line=(\d+)/.exec(props)?.[1] ? `:${/line=(\d+)/.exec(props)[1]}` : ''})`
      : ''
    const body = decode(message)
      .split('\n')
      .map((l) => `    ${l}`)
    return [
      `${command.toUpperCase()}${title ? `: ${decode(title)}` : ''}${at}`,
      ...body.slice(title ? 0 : 0)
    ].join('\n')
  }
  return undefined
}

console.log(`Inputs from ${envFile}; running ${dist}\n`)
for (const line of (run.stdout ?? '').split('\n')) {
  const text = readable(line)
  if (text !== undefined && text !== '') console.log(text)
}
if (run.stderr) process.stderr.write(run.stderr)

/** The summary's Markdown as terminal text: no HTML, tables as indented rows. */
function summaryText(markdown) {
  return markdown
    .split('\n')
    .filter((l) => !/^\|[-| ]+\|$/.test(l) && !/^<\/?details>$/.test(l) && l !== '</details>')
    .map((l) =>
      l
        .replace(/<details><summary>(.*?)<\/summary>/g, '▸ $1')
        .replace(/<\/?(b|sub|summary|details)>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/^\| (.*) \|$/, (_, cells) => `  ${cells.split(' | ').filter(Boolean).join('  ')}`)
        .replace(/^#{2,4} /, '')
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
}

const written = readFileSync(summary, 'utf8')
console.log(`\n──── Job summary (${summary}) ────\n`)
console.log(written ? summaryText(written) : '(empty)')
console.log(`\nOutputs: ${outputs}\nThe action exited with ${run.status ?? 1}.`)
process.exit(run.status ?? 1)
