/**
 * What every check must be (CONTRIBUTING.md, "Writing a check"), in the way ESLint's
 * `Makefile.js checkRuleFiles` holds each rule to its doc and its test: one folder that owns what
 * the check says, a test file of its own, a README and a page (docs/checks/<id>.md) under its
 * title, and no state without its cause, fix and documentation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHECKS, REGISTRY } from '../../src/checks/registry.js'
import { POLICY_STATEMENTS } from '../../src/policy/preflight-policy.js'
import { CATALOG } from '../../src/catalog/entries.js'
import { checkDocPath, checkDocUrl, CHECK_PAGES_DIR } from '../../src/render/check-page.js'
import CHECK_CHUNKS from '../../scripts/check-chunks.json' with { type: 'json' }

const ids = CHECKS.map((c) => c.meta.id)
const folder = (id: string) => join('src', 'checks', id)
const sources = (id: string) =>
  readdirSync(folder(id))
    .filter((f) => f.endsWith('.ts') && f !== 'meta.ts')
    .map((f) => readFileSync(join(folder(id), f), 'utf8'))
    .join('\n')

describe.each(ids)('check %s', (id) => {
  const meta = CHECKS.find((c) => c.meta.id === id)!.meta

  it('lives in its own folder, named after its id, with meta, run and README', () => {
    for (const file of ['meta.ts', 'run.ts', 'README.md'])
      expect(existsSync(join(folder(id), file))).toBe(true)
  })

  it('has a test file of its own', () => {
    expect(existsSync(join('__tests__', 'checks', `${id}.test.ts`))).toBe(true)
  })

  it('has a README whose heading is its title', () => {
    const first = readFileSync(join(folder(id), 'README.md'), 'utf8').split('\n')[0]
    expect(first).toBe(`# ${meta.title}`)
  })

  it('has its page under docs/checks/, under the same title, listed in the index', () => {
    const page = readFileSync(checkDocPath(id), 'utf8')
    expect(page.split('\n')[0]).toBe(`# ${meta.title}`)
    for (const messageId of Object.keys(meta.messages)) expect(page).toContain(`\`${messageId}\``)
    const index = readFileSync(join(CHECK_PAGES_DIR, 'README.md'), 'utf8')
    expect(index).toContain(`[\`${id}\`](${id}.md)`)
    expect(checkDocUrl(id).endsWith(`/${checkDocPath(id)}`)).toBe(true)
  })

  it('says in one line what it proves', () => {
    expect(meta.description.length).toBeGreaterThan(20)
    expect(meta.description).not.toMatch(/\n|TODO/)
  })

  it('depends only on checks listed before it', () => {
    const before = ids.slice(0, ids.indexOf(id))
    for (const dep of [...meta.dependsOn, ...(meta.uses ?? [])]) expect(before).toContain(dep)
    for (const dep of meta.speculative ?? []) expect(meta.dependsOn).toContain(dep)
  })

  it('reports every one of its messages somewhere in its run', () => {
    const code = sources(id)
    const unreported = Object.keys(meta.messages).filter((m) => !code.includes(`'${m}'`))
    expect(unreported).toEqual([])
  })

  it('gives every state but a pass its title, cause, fix and documentation', () => {
    const catalogIds = new Set<string>(CATALOG.map((e) => e.id))
    for (const [messageId, spec] of Object.entries(meta.messages)) {
      expect([messageId, spec.title.length > 0]).toEqual([messageId, true])
      if (spec.catalog) expect(catalogIds.has(spec.catalog)).toBe(true)
      if (spec.status === 'pass' || spec.status === 'catalog' || spec.catalog) continue
      const missing = (['cause', 'fix', 'doc'] as const).filter((k) => !spec[k])
      expect([messageId, missing]).toEqual([messageId, []])
    }
  })

  it('names each permission as IAM does, with the statement of the preflight policy that grants it', () => {
    for (const p of meta.permissions) {
      expect(p.action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z]+$/)
      expect(Object.keys(POLICY_STATEMENTS)).toContain(p.statement)
      expect(p.why.length).toBeGreaterThan(5)
    }
  })

  it('is in exactly one group of the bundler configuration', () => {
    const groups = Object.entries(CHECK_CHUNKS as Record<string, string[]>).filter(([, list]) =>
      list.includes(id)
    )
    expect(groups).toHaveLength(1)
  })
})

describe('the registry', () => {
  it('lists every check folder, once', () => {
    const folders = readdirSync(join('src', 'checks'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'shared')
      .map((d) => d.name)
      .sort()
    expect([...ids].sort()).toEqual(folders)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keys each entry by its meta id', () => {
    for (const [key, entry] of Object.entries(REGISTRY)) expect(entry.meta.id).toBe(key)
  })

  it('and the check pages (docs/checks/) name the same checks, with their index', () => {
    const pages = readdirSync(CHECK_PAGES_DIR).sort()
    expect(pages).toEqual(['README.md', ...ids.map((id) => `${id}.md`)].sort())
  })

  it('and the bundler configuration name the same checks', () => {
    const grouped = Object.values(CHECK_CHUNKS as Record<string, string[]>).flat()
    expect([...grouped].sort()).toEqual([...ids].sort())
  })
})
