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

if (entryPoints.cli) {
  const cli = join(outdir, 'cli.js')
  const text = readFileSync(cli, 'utf8')
  if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`, { mode: 0o755 })
}
