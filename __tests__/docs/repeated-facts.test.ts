/**
 * The facts the docs repeat live once: the Node.js minimum in package.json `engines` (and the
 * action's runtime in action.yml), the fallback model in src/data/models.ts, the package name in
 * package.json. Every page a user reads (README, CONTRIBUTING, docs/*.md, .env.example) must say
 * what those sources say; this fails at the first page that disagrees.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { FALLBACK_MODEL_FACT } from '../../src/data/models.js'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string
  bin: Record<string, string>
  engines: { node: string }
}
const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string } }
const MINIMUM = /^>=\s*(\d+)$/.exec(pkg.engines.node)?.[1]
const RUNTIME = /^node(\d+)$/.exec(action.runs.using)?.[1]

/** The docs' text, without the options table of docs/cli.md (generated from the CLI's options). */
function pages(): { file: string; text: string }[] {
  const files = [
    'README.md',
    'CONTRIBUTING.md',
    '.env.example',
    ...readdirSync('docs')
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f))
  ]
  return files.map((file) => {
    let text = readFileSync(file, 'utf8')
    if (file === join('docs', 'cli.md')) {
      const start = text.indexOf('\n## Options\n')
      const end = text.indexOf('\n## ', start + 1)
      const table = text
        .slice(start, end)
        .split('\n')
        .filter((l) => !l.startsWith('|'))
        .join('\n')
      text = text.slice(0, start) + table + text.slice(end)
    }
    return { file, text }
  })
}

/** `file:line: text` for each match of a regular expression, to name where a page disagrees. */
function where(file: string, text: string, index: number): string {
  const line = text.slice(0, index).split('\n').length
  return `${file}:${line}: ${text.split('\n')[line - 1]!.trim()}`
}

describe('the facts the docs repeat', () => {
  it('come from one source each', () => {
    expect(MINIMUM).toMatch(/^\d+$/)
    expect(RUNTIME).toMatch(/^\d+$/)
    expect(Object.keys(pkg.bin)).toEqual(['bedrock-preflight'])
    expect(FALLBACK_MODEL_FACT.value.modelId).toMatch(/^anthropic\.claude-/)
  })

  it("give the Node.js minimum as package.json's engines, and name no other version to run on", () => {
    const wrong: string[] = []
    for (const { file, text } of pages()) {
      // "Node.js 22 or later", "Node 22+", "Node.js 22 or newer": the minimum.
      for (const m of text.matchAll(/\bNode(?:\.js)? (\d+)(?: or (?:later|newer)|\+)/gi)) {
        if (m[1] !== MINIMUM) wrong.push(where(file, text, m.index))
      }
      // Any other version named is the minimum or the action's runtime, except where a page
      // reports what a measurement ran on (docs/performance.md, a benchmark line).
      if (file === join('docs', 'performance.md')) continue
      for (const m of text.matchAll(/\bNode(?:\.js)? ?(\d{2})\b/gi)) {
        const line = where(file, text, m.index)
        if (/measur|bench/i.test(line)) continue
        if (m[1] !== MINIMUM && m[1] !== RUNTIME) wrong.push(line)
      }
    }
    expect(wrong).toEqual([])
  })

  it('name the fallback model of src/data/models.ts wherever they say what is checked by default', () => {
    const fallback = FALLBACK_MODEL_FACT.value.modelId
    const wrong: string[] = []
    for (const { file, text } of pages()) {
      const claims = text.matchAll(
        /\b(?:default|fallback|else|then)\b(?:(?!\n\n)[^]){0,100}?`?(?:[a-z-]{2,7}\.)?(anthropic\.claude-[\w.:-]+?)[`.,;)]*(?=\s|$)/gi
      )
      for (const m of claims) if (m[1] !== fallback) wrong.push(where(file, text, m.index))
    }
    expect(wrong).toEqual([])
  })

  it('run the package by its name in package.json, never an unscoped name npx would fetch', () => {
    const command = Object.keys(pkg.bin)[0]!
    const wrong: string[] = []
    for (const { file, text } of pages()) {
      const runs = text.matchAll(
        /\b(?:npx|npm exec --package=|npm (?:install|i) (?:-g|--global) )(?!-)([^\s`]+)/g
      )
      for (const m of runs) {
        const name = m[1]!
        // A tarball, a path or a GitHub repository is not a registry name; other names are the
        // development tools (`npx tsc`).
        if (/^(?:\.|\/|github:)|\.tgz$/.test(name) || !name.includes(command)) continue
        if (name !== pkg.name) wrong.push(where(file, text, m.index))
      }
      for (const m of text.matchAll(new RegExp(`\\bnpx ${command}\\b`, 'g'))) {
        wrong.push(where(file, text, m.index))
      }
    }
    expect(wrong).toEqual([])
  })
})
