// The esbuild build dist/ shipped before Rollup replaced it (scripts/bundle.mjs says why), kept so
// `npm run bench:bundlers` compares Rollup with the best esbuild build we had: its three plugins
// work around gaps Rollup does not have. Not used to build anything that ships.
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'

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
        "export class ProxyAgent { constructor() { throw new Error('bedrock-preflight: undici is not bundled; see bench/esbuild-config.mjs') } }"
    }))
  }
}

// The AWS SDK's generated schemas write trait keys as computed properties ({ [_e]: _c }, with
// const _e = "error"). esbuild must assume a computed key may run code, so it keeps every schema
// and, through them, the whole service: 75 KB of Bedrock schemas for the 6 commands we send, all
// parsed before the first request. Known upstream (aws/aws-sdk-js-v3#7607; the generator fix is
// smithy-lang/smithy-typescript#1889): until it ships, write those keys as the literal strings
// they stand for, which is what that fix generates. Values, order and behaviour are unchanged.
const literalSchemaKeys = {
  name: 'literal-schema-keys',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ },
      (args) => {
        const text = readFileSync(args.path, 'utf8')
        const strings = new Map()
        for (const m of text.matchAll(/^const (_\w+) = ("(?:[^"\\]|\\.)*");$/gm))
          strings.set(m[1], m[2])
        const contents = text.replace(/\[(_\w+)\]:/g, (whole, name) =>
          strings.has(name) ? `${strings.get(name)}:` : whole
        )
        return { contents, loader: 'js' }
      }
    )
  }
}

// With code splitting esbuild places files by what imports them, not by which of their exports
// are used (evanw/esbuild#3704). Every SDK client imports @smithy/node-http-handler's index, which
// also re-exports the HTTP/2 handler that only Bedrock Runtime uses, so node:http2 (≈ 19 million
// instructions to load) landed in the chunk the entry needs before its first request. Everyone but
// Bedrock Runtime gets the index without that line; a client that ever needs NodeHttp2Handler and
// is not listed here fails the build ("No matching export"), never the run.
const http2OnlyWhereUsed = {
  name: 'http2-only-where-used',
  setup(b) {
    const again = Symbol('resolve normally')
    b.onResolve({ filter: /^@smithy\/node-http-handler$/ }, async (args) => {
      if (args.pluginData === again) return undefined
      if (/[\\/]@aws-sdk[\\/]client-bedrock-runtime[\\/]/.test(args.importer)) return undefined
      const found = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: again
      })
      if (found.errors.length > 0) return { errors: found.errors }
      // A path relative to the project: esbuild hashes it into chunk names, and an absolute one
      // would make dist/ depend on where the checkout lives (check-dist on a clean clone).
      return {
        path: relative(process.cwd(), found.path).split(sep).join('/'),
        namespace: 'bp-http1-handler'
      }
    })
    b.onLoad({ filter: /.*/, namespace: 'bp-http1-handler' }, (args) => ({
      contents: readFileSync(resolve(args.path), 'utf8')
        .split('\n')
        .filter((line) => !/NodeHttp2Handler/.test(line))
        .join('\n'),
      loader: 'js',
      resolveDir: dirname(resolve(args.path))
    }))
  }
}

/** esbuild options for `entryPoints` (name → source) written to `outdir`. */
export function bundleOptions(entryPoints, outdir) {
  return {
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Code splitting: what the first request does not need (the Bedrock, IAM and Bedrock Runtime
    // clients, the SSO and web-identity credential providers) lives in dist/chunks/ and is imported
    // when needed, so the first request leaves before that code is even parsed. The action and
    // the CLI share the chunks instead of each carrying a copy.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    legalComments: 'linked',
    // Bundled CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
    banner: {
      js: "import { createRequire as __bpCreateRequire } from 'node:module'; const require = __bpCreateRequire(import.meta.url);"
    },
    // Prefer ES module builds of dependencies: smaller output, no CommonJS wrappers.
    mainFields: ['module', 'main'],
    plugins: [withoutUndici, literalSchemaKeys, http2OnlyWhereUsed],
    logLevel: 'warning'
  }
}

// `node bench/esbuild-config.mjs --outdir DIR` (what `npm run bench:bundlers` runs): the action and
// the CLI, as dist/ was built with esbuild.
if (process.argv[1]?.endsWith('esbuild-config.mjs')) {
  const { build } = await import('esbuild')
  const at = process.argv.indexOf('--outdir')
  const outdir = at > 0 ? process.argv[at + 1] : 'dist-esbuild'
  await build(bundleOptions({ index: 'src/index.ts', cli: 'src/cli.ts' }, outdir))
}
