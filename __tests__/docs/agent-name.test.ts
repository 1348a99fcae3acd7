/**
 * Words a user knows (issue 31, part 7): "InsightWorker", the agent this tool was first built
 * for, is introduced once in the README; everywhere else, in the docs and in every text the tool
 * prints (check messages, catalog causes and fixes, input descriptions, --help), it is "your
 * agent". Its settings path `~/.insightworker/.env` is a path, not a name, and stays.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CATALOG } from '../../src/catalog/entries.js'
import type { FixContext } from '../../src/catalog/types.js'

const ROOT = process.cwd()
const NAME = /InsightWorker/g
/** The same, without the global flag's state (for `test`). */
const NAMED = /InsightWorker/

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : []
  })
}

const mentions = (path: string): number => (readFileSync(path, 'utf8').match(NAME) ?? []).length

describe('the agent this tool was first built for', () => {
  it('is introduced once in the README, in one paragraph', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const paragraphs = readme.split(/\n\s*\n/).filter((p) => NAMED.test(p))
    expect(paragraphs).toHaveLength(1)
    expect(paragraphs[0]).toContain('InsightWorker, the agent this tool was first built for')
  })

  it('is "your agent" everywhere else: docs, action.yml, CONTRIBUTING.md and the source', () => {
    const files = [
      ...filesUnder(join(ROOT, 'docs'), /\.md$/),
      ...filesUnder(join(ROOT, 'src'), /\.(ts|md)$/),
      join(ROOT, 'action.yml'),
      join(ROOT, 'CONTRIBUTING.md')
    ]
    const named = files.filter((f) => mentions(f) > 0).map((f) => relative(ROOT, f))
    expect(named).toEqual([])
  })

  it('is never in a cause or fix the catalog prints, on either face', () => {
    const contexts: FixContext[] = [
      { surface: 'cli' },
      { surface: 'github-actions' },
      { surface: 'cli', profile: 'dev', region: 'eu-west-1', modelId: 'm' }
    ]
    const said = CATALOG.flatMap((e) => [e.title, e.cause, ...contexts.map((c) => e.fix(c))])
    expect(said.filter((t) => NAMED.test(t))).toEqual([])
  })
})
