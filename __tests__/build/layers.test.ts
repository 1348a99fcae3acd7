import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ESLint, type Linter } from 'eslint'
import tseslint from 'typescript-eslint'

/**
 * The house's layers are a lint rule (eslint-rules/layers.js), so a violation fails `npm run lint`
 * rather than waiting for a reviewer. Each planted file below breaks one rule of CONTRIBUTING.md's
 * "The house" and must be reported; the allowed imports beside them must not.
 */
let root: string
let lint: (file: string) => Promise<string[]>

/** A small project: `files` maps a path under the root to its text. */
function plant(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bp-layers-'))
  const rule = resolve('eslint-rules/layers.js')
  const local = ((await import(pathToFileURL(rule).href)) as { default: ESLint.Plugin }).default
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { local },
      rules: { 'local/layers': 'error' }
    }
  ]
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config })
  lint = async (file) => {
    const [result] = await eslint.lintFiles([join(root, file)])
    return (result?.messages ?? []).map((m) => m.message)
  }
  plant({
    'src/engine/types.ts': 'export type Facts = Record<string, unknown>\n',
    'src/aws/access.ts': 'export class AwsAccess {}\n',
    'src/catalog/entries.ts': 'export const ENTRIES = []\n',
    'src/types/observed-error.ts': 'export interface ObservedError { code: string }\n',
    'src/checks/identity/facts.ts': 'export interface IdentityFacts { arn: string }\n',
    'src/checks/identity/run.ts': 'export const run = async () => ({})\n',
    'src/checks/shared/reads.ts': 'export const read = 1\n',
    'src/checks/registry.ts':
      "export const CHECKS = { identity: () => import('./identity/run.js') }\n"
  })
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

test('the engine importing the registry or a check is reported, even lazily', async () => {
  plant({
    'src/engine/run.ts': [
      "import { CHECKS } from '../checks/registry.js'",
      "import type { IdentityFacts } from '../checks/identity/facts.js'",
      "export const load = () => import('../checks/identity/run.js')",
      'export const x: IdentityFacts | typeof CHECKS | undefined = undefined',
      ''
    ].join('\n')
  })
  expect(await lint('src/engine/run.ts')).toEqual([
    'engine may not import checks (src/checks/registry.ts)',
    'engine may not import checks (src/checks/identity/facts.ts)',
    'engine may not import checks (src/checks/identity/run.ts)'
  ])
})

test('a check reaches another check only through its facts.ts, never its run or the registry', async () => {
  plant({
    'src/checks/model-id/run.ts': [
      "import type { IdentityFacts } from '../identity/facts.js'",
      "import { read } from '../shared/reads.js'",
      "import type { Facts } from '../../engine/types.js'",
      "import { AwsAccess } from '../../aws/access.js'",
      "import { run } from '../identity/run.js'",
      "import { CHECKS } from '../registry.js'",
      'export const all = [read, run, CHECKS, AwsAccess] as unknown as [IdentityFacts, Facts]',
      ''
    ].join('\n')
  })
  expect(await lint('src/checks/model-id/run.ts')).toEqual([
    'check model-id may not import src/checks/identity/run.ts: another check is reached only through its facts.ts (or move what both need to checks/shared)',
    "a check may not import src/checks/registry.ts: the registry (and anything beside it) is the faces' business"
  ])
})

test('a renderer importing AWS, catalog or check code is reported, type-only included', async () => {
  plant({
    'src/render/summary.ts': [
      "import type { Facts } from '../engine/types.js'",
      "import type { AwsAccess } from '../aws/access.js'",
      "import { ENTRIES } from '../catalog/entries.js'",
      "export type { IdentityFacts } from '../checks/identity/facts.js'",
      'export const x: [Facts, AwsAccess] | typeof ENTRIES | undefined = undefined',
      ''
    ].join('\n')
  })
  expect(await lint('src/render/summary.ts')).toEqual([
    'render may not import aws (src/aws/access.ts)',
    'render may not import catalog (src/catalog/entries.ts)',
    'render may not import checks (src/checks/identity/facts.ts)'
  ])
})

test('the AWS layer importing the engine, and the catalog importing AWS, are reported', async () => {
  plant({
    'src/aws/errors.ts': [
      "import type { ObservedError } from '../types/observed-error.js'",
      "import type { Facts } from '../engine/types.js'",
      'export const x: ObservedError | Facts | undefined = undefined',
      ''
    ].join('\n'),
    'src/catalog/match.ts': [
      "import type { ObservedError } from '../types/observed-error.js'",
      "import { AwsAccess } from '../aws/access.js'",
      'export const x: ObservedError | typeof AwsAccess | undefined = undefined',
      ''
    ].join('\n')
  })
  expect(await lint('src/aws/errors.ts')).toEqual([
    'aws may not import engine (src/engine/types.ts)'
  ])
  expect(await lint('src/catalog/match.ts')).toEqual([
    'catalog may not import aws (src/aws/access.ts)'
  ])
})

test('an import cycle is reported, even through type-only imports', async () => {
  plant({
    'src/policy/a.ts': "import type { B } from './b.js'\nexport type A = { b?: B }\n",
    'src/policy/b.ts': "import type { C } from './c.js'\nexport type B = { c?: C }\n",
    'src/policy/c.ts': "export type { A as C } from './a.js'\n"
  })
  expect(await lint('src/policy/a.ts')).toEqual([
    'Import cycle: src/policy/a.ts → src/policy/b.ts → src/policy/c.ts → src/policy/a.ts'
  ])
  expect(await lint('src/policy/c.ts')).toEqual([
    'Import cycle: src/policy/c.ts → src/policy/a.ts → src/policy/b.ts → src/policy/c.ts'
  ])
})
