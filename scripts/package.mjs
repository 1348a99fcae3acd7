// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into self-contained CommonJS files
// with shared chunks (scripts/bundle.mjs says how and why). `--outdir DIR` builds elsewhere
// (tests, bundle comparisons).
import { bundle } from './bundle.mjs'
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const outIndex = process.argv.indexOf('--outdir')
const outdir = outIndex > 0 ? process.argv[outIndex + 1] : 'dist'
mkdirSync(outdir, { recursive: true })
// A chunk that a change merged away or renamed must not linger: dist/ holds exactly this build.
rmSync(join(outdir, 'chunks'), { recursive: true, force: true })
rmSync(join(outdir, 'licenses.txt'), { force: true })

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const version = readFileSync('src/version.ts', 'utf8').match(/VERSION = '([^']+)'/)?.[1]
if (version !== pkg.version) {
  console.error(`src/version.ts says ${version}, package.json says ${pkg.version}: make them agree`)
  process.exit(1)
}

const entryPoints = { index: 'src/index.ts' }
if (existsSync('src/cli.ts')) entryPoints.cli = 'src/cli.ts'

await bundle(entryPoints, outdir)

// `--` ends Node's own options before the script. Node reads `--env-file`, `--env-file=` and
// `--env-file-if-exists` ANYWHERE on its command line up to a `--`, also after the script
// (nodejs/node#54232, still so in v24.21.0): without it, `bedrock-preflight --env-file missing.env`
// is answered by Node (`node: missing.env: not found`, exit 9) and a named pipe blocks Node before
// our code runs, where the CLI promises exit 2 with its own message. `env -S` splits the line
// into `node` and `--`: GNU coreutils since 8.30 and the BSD/macOS env do; npm's Windows shims
// drop the `-S` and run `node -- <script>` (npm/cmd-shim#96, in cmd-shim 6.0.1, npm 9 on; checked
// 2026-12-07). BusyBox env (Alpine) has no `-S`: there the bin fails to start
// ("unrecognized option: S") and `node -- "$(command -v bedrock-preflight)"` runs it (docs/cli.md).
const CLI_SHEBANG = '#!/usr/bin/env -S node --'

if (entryPoints.cli) {
  const cli = join(outdir, 'cli.js')
  const text = readFileSync(cli, 'utf8')
  if (!text.startsWith('#!')) writeFileSync(cli, `${CLI_SHEBANG}\n${text}`, { mode: 0o755 })
}
