// How every bundle of ours is built: dist/ (scripts/package.mjs) and the benchmark's reference
// builds (bench/). One place, so a comparison never measures other settings.
//
// Rollup, with esbuild only to strip types and minify. esbuild bundled dist/ until it was measured
// against Rollup (`npm run bench:bundlers`, docs/performance.md): esbuild places a file in a chunk by
// which entry reaches it, not by which of its exports are used (evanw/esbuild#3704), so a barrel
// such as @smithy/core/protocols dragged the JSON protocols every lazily loaded client uses into
// the chunks loaded before the first request, spread over 13 files. Rollup follows re-exports to
// the code actually used, keeps what the first request needs in a few files, and lets lazily
// loaded chunks import from them. actions/typescript-action bundles with Rollup too.
//
// The output is CommonJS (dist/package.json says so); our sources stay ES modules. Node.js starts
// a CommonJS bundle faster: require() of a built-in hands over its exports as they are, where an
// ES import first builds a module facade over all of them (running crypto's, util's and process's
// lazy getters), and the CommonJS loader reads and runs a file in one synchronous step where the
// ESM loader resolves, links and evaluates in separate asynchronous ones. Measured: 10 % fewer
// instructions before the first request, 298 M to 269 M (`npm run bench:instructions`).
import { readFileSync, existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { rollup } from 'rollup'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { transform } from 'esbuild'
import { chunkNamer } from './chunk-names.mjs'

const TARGET = 'node20'

// @actions/http-client imports undici (≈ 400 KB, ≈ 100 ms of start-up) only for the ProxyAgent of
// HttpClient.getAgentDispatcher, which neither @actions/core nor our code calls (getIDToken goes
// through node:https). Bundle a stand-in that says so if anything ever does.
const withoutUndici = {
  name: 'without-undici',
  resolveId: (id) => (id === 'undici' ? '\0bp-undici' : null),
  load: (id) =>
    id === '\0bp-undici'
      ? "export class ProxyAgent { constructor() { throw new Error('bedrock-preflight: undici is not bundled; see scripts/bundle.mjs') } }"
      : null
}

// TypeScript to JavaScript, one file at a time (tsc checks types separately: `npm run typecheck`).
// Sources import each other as `./x.js` (NodeNext resolution), the file on disk is `x.ts`.
const typescript = {
  name: 'typescript',
  resolveId(source, importer) {
    if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js'))
      return null
    const file = join(dirname(importer), `${source.slice(0, -3)}.ts`)
    return existsSync(file) ? file : null
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null
    const out = await transform(code, {
      loader: 'ts',
      format: 'esm',
      target: TARGET,
      sourcefile: relative(process.cwd(), id)
    })
    return { code: out.code, map: null }
  }
}

// Minified chunks load faster: fewer bytes for V8 to scan. Names are not kept (no `keepNames`):
// nothing of ours reads a function's name, and keeping them costs a defineProperty call per class
// and function at load, ≈ 7 % of the instructions to the first request (docs/performance.md).
const minify = {
  name: 'minify',
  async renderChunk(code) {
    const out = await transform(code, {
      minify: true,
      format: 'cjs',
      target: TARGET,
      legalComments: 'none'
    })
    return { code: out.code, map: null }
  }
}

/** The package a bundled file belongs to: its directory and package.json, or undefined for ours. */
function packageOf(file) {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`)
  if (at < 0) return undefined
  const rest = file.slice(at + '/node_modules/'.length).split(sep)
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  const dir = join(file.slice(0, at), 'node_modules', ...name.split('/'))
  return { name, dir }
}

// Minifying drops license comments, so the licenses of everything bundled go to dist/licenses.txt
// (what ncc writes too): name, version, license and the package's own licence text.
const licenses = {
  name: 'licenses',
  generateBundle(_options, bundle) {
    const packages = new Map()
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue
      for (const [id, module] of Object.entries(chunk.modules)) {
        // A module whose code was all shaken out (renderedLength 0) ships nothing to license.
        if (module.renderedLength === 0) continue
        const pkg = packageOf(id.replace(/^\0/, '').replace(/\?.*$/, ''))
        if (pkg && !packages.has(pkg.name)) packages.set(pkg.name, pkg.dir)
      }
    }
    // One section per distinct licence text (most of the SDK ships the same Apache-2.0 file).
    const byText = new Map()
    for (const name of [...packages.keys()].sort()) {
      const dir = packages.get(name)
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].find((f) =>
        existsSync(join(dir, f))
      )
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '(no licence file shipped)'
      const key = `${meta.license ?? 'UNKNOWN'}\n\n${text}`
      byText.set(key, [...(byText.get(key) ?? []), `${name}@${meta.version}`])
    }
    const sections = [...byText].map(([key, names]) => `${names.join('\n')}\n\n${key}`)
    this.emitFile({
      type: 'asset',
      fileName: 'licenses.txt',
      source: `${sections.join('\n\n' + '-'.repeat(72) + '\n\n')}\n`
    })
  }
}

// Every .js file under the output directory is CommonJS, whatever the package.json above it says
// (ours says "module", for the sources and tests).
const commonjsMarker = {
  name: 'commonjs-marker',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'package.json',
      source: `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`
    })
  }
}

// Which check runs share a file of dist/ (scripts/check-chunks.json): said there and used only
// here; the registry only says that each run loads when its task starts. The runs the first request waits for go with the entries: they are
// required as the entry loads, and their load resolves at once when their task starts. The model
// checks and the trust checks each load as one chunk, once the SDKs they need have loaded, which
// is after the first request is on the wire (docs/performance.md).
const CHECK_CHUNKS = JSON.parse(
  readFileSync(new URL('./check-chunks.json', import.meta.url), 'utf8')
)

const CHECKS_DIR = join(process.cwd(), 'src', 'checks')
const REGISTRY = join(CHECKS_DIR, 'registry.ts')
const GROUP = '\0check-group:'

// The registry (src/checks/registry.ts) loads each run with `import('./<id>/run.js')`. Here each
// of those imports is pointed at the run's group: for `entry`, the run is imported statically (it
// is in the entry's files, and the load resolves at once); for any other group, at one module that
// re-exports every run of the group, so Rollup makes one chunk of each group and shares what the
// groups have in common.
const checkGroups = {
  name: 'check-groups',
  transform(code, id) {
    if (id !== REGISTRY) return null
    const statics = []
    const loads = /import\('\.\/([a-z0-9-]+)\/run\.js'\)/g
    const seen = new Set()
    const out = code.replace(loads, (_, check) => {
      seen.add(check)
      const group = Object.entries(CHECK_CHUNKS).find(([, ids]) => ids.includes(check))?.[0]
      if (!group) this.error(`check ${check} is in no group of scripts/check-chunks.json`)
      if (group === 'entry') {
        const name = `__run${statics.length}`
        statics.push(`import * as ${name} from './${check}/run.js'`)
        return `Promise.resolve(${name})`
      }
      return `import('${GROUP}${group}').then((g) => g[${JSON.stringify(check)}])`
    })
    const missing = Object.values(CHECK_CHUNKS)
      .flat()
      .filter((check) => !seen.has(check))
    if (missing.length > 0) {
      this.error(`the registry does not load ${missing.join(', ')} with import('./<id>/run.js')`)
    }
    return { code: `${statics.join('\n')}\n${out}`, map: null }
  },
  resolveId: (id) => (id.startsWith(GROUP) ? id : null),
  load(id) {
    if (!id.startsWith(GROUP)) return null
    const group = id.slice(GROUP.length)
    return CHECK_CHUNKS[group]
      .map((check) => {
        const file = JSON.stringify(join(CHECKS_DIR, check, 'run.ts'))
        return `import * as run${CHECK_CHUNKS[group].indexOf(check)} from ${file}\nexport { run${CHECK_CHUNKS[group].indexOf(check)} as ${JSON.stringify(check)} }`
      })
      .join('\n')
  }
}

/** True for `node:fs`, `fs` and the like: Node.js provides them, nothing to bundle. */
const isBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id)

/**
 * Bundles `entries` (name → source file) into `outdir` as CommonJS: `<name>.js` per entry, shared
 * or lazily loaded code in `outdir/chunks/`, and `outdir/package.json` marking the files CommonJS.
 * Returns Rollup's output (chunks and assets).
 */
export async function bundle(entries, outdir) {
  const build = await rollup({
    input: entries,
    external: isBuiltin,
    logLevel: 'warn',
    plugins: [
      withoutUndici,
      // Prefer the ES module builds of dependencies (smaller, no CommonJS wrappers); node builds
      // over browser ones.
      nodeResolve({
        preferBuiltins: true,
        exportConditions: ['node', 'import', 'module', 'default'],
        mainFields: ['module', 'main']
      }),
      commonjs(),
      json({ preferConst: true }),
      checkGroups,
      typescript,
      licenses,
      commonjsMarker
    ],
    // Importing a Node.js built-in has no effect worth keeping when none of its exports is used.
    treeshake: { moduleSideEffects: (_id, external) => !external },
    onwarn(warning, warn) {
      // The SDK and @actions/* have import cycles and CommonJS `this` at top level; both are benign.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
      warn(warning)
    }
  })
  try {
    const { output } = await build.write({
      dir: outdir,
      format: 'cjs',
      // A chunk loaded on demand is require()d (synchronous, no ESM loader), not import()ed.
      dynamicImportInCjs: false,
      // No `__esModule` marker on exports: nothing but our own chunks requires these files.
      esModule: false,
      // Built-ins are Node.js's own CommonJS modules: a default import is the module itself, a
      // named import one of its properties, and none of them changes after loading.
      interop: 'default',
      externalLiveBindings: false,
      generatedCode: 'es2015',
      entryFileNames: '[name].js',
      // Chunk names carry no content hash (scripts/chunk-names.mjs says why and how).
      chunkFileNames: chunkNamer({ group: GROUP, packageOf }),
      // Merge chunks that only define things (no effect when loaded) into a chunk loaded under the
      // same conditions: the entry then loads two files before its first request, not fourteen.
      // Every file costs a read, a resolve and a link (≈ 1 ms each here, docs/performance.md).
      // 10 KB, not more: a check group (CHECK_CHUNKS) defines things only, and a larger bound
      // merged the model and trust groups into the files loaded before the first request.
      experimentalMinChunkSize: 10_000,
      // A group is its own file even when small: merged into the start files, it would be parsed
      // before the first request.
      plugins: [minify]
    })
    return output
  } finally {
    await build.close()
  }
}
