// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into self-contained ES modules.
// esbuild, not ncc: same single-file output, smaller and faster to start (see README, Development,
// and `npm run bench`). `--outdir DIR` builds elsewhere (tests, bundle comparisons).
import { build } from 'esbuild'
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const outIndex = process.argv.indexOf('--outdir')
const outdir = outIndex > 0 ? process.argv[outIndex + 1] : 'dist'
mkdirSync(outdir, { recursive: true })
// Chunk names carry a content hash: clear the old ones so dist/ holds exactly this build.
rmSync(join(outdir, 'chunks'), { recursive: true, force: true })

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const version = readFileSync('src/version.ts', 'utf8').match(/VERSION = '([^']+)'/)?.[1]
if (version !== pkg.version) {
  console.error(`src/version.ts says ${version}, package.json says ${pkg.version}: make them agree`)
  process.exit(1)
}

// @actions/http-client imports undici (≈ 400 KB, ≈ 100 ms of start-up) only for the ProxyAgent of
// HttpClient.getAgentDispatcher, which neither @actions/core nor our code calls (getIDToken goes
// through node:https). Bundle a stand-in that says so if anything ever does (`npm run bench`).
const withoutUndici = {
  name: 'without-undici',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'bp-stub' }))
    b.onLoad({ filter: /.*/, namespace: 'bp-stub' }, () => ({
      loader: 'js',
      contents:
        "export class ProxyAgent { constructor() { throw new Error('bedrock-preflight: undici is not bundled; see scripts/package.mjs') } }"
    }))
  }
}

const entryPoints = { index: 'src/index.ts' }
if (existsSync('src/cli.ts')) entryPoints.cli = 'src/cli.ts'

await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Code splitting: what the first round trip does not need (the IAM and Bedrock Runtime clients,
  // the SSO and web-identity credential providers) lives in dist/chunks/ and is imported when
  // needed, so the first request leaves before that code is even parsed. The action and the CLI
  // share the chunks instead of each carrying a copy.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  keepNames: true,
  legalComments: 'linked',
  // Bundled CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __bpCreateRequire } from 'node:module'; const require = __bpCreateRequire(import.meta.url);"
  },
  // Prefer ES module builds of dependencies: smaller output, no CommonJS wrappers.
  mainFields: ['module', 'main'],
  plugins: [withoutUndici],
  logLevel: 'warning'
})

if (entryPoints.cli) {
  const cli = join(outdir, 'cli.js')
  const text = readFileSync(cli, 'utf8')
  if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`, { mode: 0o755 })
}
