import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { staticGraph, staticRequires } from '../harness/bundle-graph.js'
import { DIST_DIR } from '../harness/run-action.js'
import { entryById } from '../../src/catalog/match.js'

// What scripts/bundle.mjs promises about the bundle (the tests' global setup builds it, check-dist
// proves the committed dist/ is that build). These guard against SDK or bundler upgrades that would
// silently put more in front of the first request.
const DIST = DIST_DIR
const files = [
  join(DIST, 'index.js'),
  join(DIST, 'cli.js'),
  ...readdirSync(join(DIST, 'chunks'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(DIST, 'chunks', f))
]
const text = (file: string) => readFileSync(file, 'utf8')
const importsHttp2 = (file: string) =>
  staticRequires(text(file)).some((m) => m === 'node:http2' || m === 'http2')

describe('dist/ layout', () => {
  for (const entry of ['index.js', 'cli.js']) {
    describe(entry, () => {
      const graph = staticGraph(join(DIST, entry))

      it('loads only the STS client before its first request: Bedrock and IAM come on demand', () => {
        const names = graph.map(text).join('\n')
        expect(names).toContain('"STSClient"')
        expect(names).not.toContain('"BedrockClient"')
        expect(names).not.toContain('"IAMClient"')
        expect(names).not.toContain('"BedrockRuntimeClient"')
      })

      it('loads at most three files before it runs: every file is a read, a resolve and a link', () => {
        expect(graph.length).toBeLessThanOrEqual(3)
      })

      it('does not load node:http2, which only Bedrock Runtime uses', () => {
        expect(graph.filter(importsHttp2)).toEqual([])
      })
    })
  }

  it('leaves the later checks, the catalog and @actions/core out of the action before its first request', () => {
    const graph = staticGraph(join(DIST, 'index.js'))
    // The model and trust checks and the catalog are files of their own (scripts/bundle.mjs).
    expect(
      graph.map((f) => basename(f)).filter((f) => /^(checks-[\w-]+|match)\.js$/.test(f))
    ).toEqual([])
    const start = graph.map(text).join('\n')
    // Markers: a cause only the catalog holds; core's OIDC token request (a message may show a
    // workflow line with `::add-mask::`, so core's command names are no marker).
    expect(start).not.toContain(entryById('oidc-provider-missing').cause.slice(0, 40))
    expect(start).not.toContain('ACTIONS_ID_TOKEN_REQUEST_URL')
  })

  it('makes one file of each check group, loaded on demand', () => {
    const chunks = readdirSync(join(DIST, 'chunks'))
    for (const group of ['checks-models', 'checks-trust']) expect(chunks).toContain(`${group}.js`)
  })

  it('marks every file CommonJS, whatever the package.json above dist/ says', () => {
    // Our package.json says "module" (sources, tests); without dist/package.json Node.js would
    // load the CommonJS bundle as an ES module and fail on `require`.
    expect(JSON.parse(text(join(DIST, 'package.json')))).toEqual({ type: 'commonjs' })
    for (const file of files) expect(text(file)).not.toMatch(/^(?:#!.*\n)?import[\s{*]/)
  })

  it('bundles only the parts of @actions/core the action uses (no core.platform, no exec)', () => {
    expect(files.map(text).join('\n')).not.toContain('getExecOutput')
  })

  it('keeps node:http2 in the Bedrock Runtime chunk alone', () => {
    const users = files.filter(importsHttp2).map((f) => f.replace(/.*\//, '').replace(/\.js$/, ''))
    expect(users).toEqual(['bedrock-runtime'])
  })

  it('drops the schemas of operations we never send', () => {
    // GetFoundationModel is sent (ListFoundationModels too, by `facts --check`); CreateGuardrail
    // and ListCustomModels are not, nor is any
    // IAM write. The SDK writes schema trait keys as computed properties (aws/aws-sdk-js-v3#7607),
    // which esbuild could not shake without a plugin; Rollup can, and this keeps it so.
    const all = files.map(text).join('\n')
    expect(all).toContain('"GetFoundationModelResponse"')
    // The markers are schema names: messages may name an action ("bedrock:ListFoundationModels").
    for (const unused of ['CreateGuardrail', 'ListCustomModels', 'CreateUser', 'DeleteRole'])
      expect(all).not.toContain(`"${unused}Request"`)
  })
})
