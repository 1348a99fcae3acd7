// @ts-check
/**
 * `local/layers`: the house's layers, enforced rather than remembered (CONTRIBUTING.md, "The house").
 * Every import counts: `import`, `import type`, `export … from` and `import()`.
 *
 * From the top down (a layer imports only layers below it):
 *   faces      src/main.ts, src/index.ts, src/cli.ts, src/cli/, src/action/: hand the registry to the engine
 *   render     src/render/: formats findings; no AWS, catalog or check code (a finding carries what it shows)
 *   checks     src/checks/<id>/: its own folder, src/checks/shared/, other checks' facts.ts, and below
 *   engine     src/engine/: plans and runs the checks it is given; never imports a check
 *   aws        src/aws/: the AWS access layer; no engine (shared types live in src/types/)
 *   catalog    src/catalog/: AWS errors → cause and fix; imports no AWS, engine, check or renderer code
 *   below      src/parse/, src/policy/, src/data/, src/commands/, src/types/: pure data and functions
 *
 * And no import cycles, type-only imports included: a cycle is reported at the import that closes it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

/** The layer a file (path relative to the project root, `/`-separated) belongs to. */
function layerOf(file) {
  if (!file.startsWith('src/')) return undefined
  const parts = file.split('/')
  const top = parts[1]
  if (top === 'checks') {
    if (parts.length === 3) return { layer: 'checks', check: undefined, file: parts[2] }
    return { layer: 'checks', check: parts[2], file: parts.slice(3).join('/') }
  }
  if (['main.ts', 'index.ts', 'cli.ts', 'cli', 'action'].includes(top)) return { layer: 'faces' }
  if (['parse', 'policy', 'data', 'commands', 'types'].includes(top)) return { layer: 'below' }
  if (['render', 'engine', 'aws', 'catalog'].includes(top)) return { layer: top }
  return { layer: 'other' }
}

const FORBIDDEN = {
  // Everything a layer may not import, by the imported file's layer.
  engine: ['checks', 'render', 'faces'],
  render: ['aws', 'catalog', 'checks', 'faces'],
  aws: ['engine', 'checks', 'render', 'catalog', 'faces'],
  catalog: ['aws', 'engine', 'checks', 'render', 'faces'],
  checks: ['render', 'faces'],
  below: ['engine', 'checks', 'render', 'aws', 'catalog', 'faces']
}

/**
 * Catalog wording a renderer may read: plain text with no code above it. The denied-read entry's
 * words live in the catalog (issue 29), and the summary merges several denied reads into one
 * cause, so it needs the entry's wording for "several reads".
 */
const RENDERED_WORDING = new Set(['src/catalog/read-denied.ts'])

/** Why `from` may not import `to` (both relative to the root), or undefined when it may. */
function violation(from, to) {
  const a = layerOf(from)
  const b = layerOf(to)
  if (!a || !b) return undefined
  if (a.layer === 'render' && RENDERED_WORDING.has(to)) return undefined
  if (FORBIDDEN[a.layer]?.includes(b.layer)) {
    return `${a.layer === 'below' ? from.split('/')[1] : a.layer} may not import ${b.layer === 'below' ? to.split('/')[1] : b.layer} (${to})`
  }
  if (a.layer !== 'checks' || b.layer !== 'checks') return undefined
  // Inside src/checks: the registry may load any check; a check reaches only its own folder,
  // checks/shared/ and other checks' facts.ts.
  if (a.check === undefined) return undefined
  if (b.check === undefined) {
    return `a check may not import ${to}: the registry (and anything beside it) is the faces' business`
  }
  if (a.check === 'shared') {
    if (b.check === 'shared' || b.file === 'facts.ts') return undefined
    return `checks/shared may not import ${to}: a check's own files are its business (share what both need in checks/shared)`
  }
  if (b.check === a.check || b.check === 'shared' || b.file === 'facts.ts') return undefined
  return `check ${a.check} may not import ${to}: another check is reached only through its facts.ts (or move what both need to checks/shared)`
}

/** `./x.js` from `fromAbs` → the absolute path of the .ts file it names, if it is one of ours. */
function resolveImport(fromAbs, spec) {
  if (!spec.startsWith('.')) return undefined
  const base = resolve(dirname(fromAbs), spec)
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]
  return candidates.find((c) => c.endsWith('.ts') && existsSync(c) && statSync(c).isFile())
}

// Imports of every file read so far, by absolute path and mtime: one lint run reads each file once.
const importCache = new Map()

function importsOf(abs) {
  const mtime = statSync(abs).mtimeMs
  const hit = importCache.get(abs)
  if (hit && hit.mtime === mtime) return hit.targets
  const info = ts.preProcessFile(readFileSync(abs, 'utf8'), true, true)
  const targets = info.importedFiles
    .map((f) => resolveImport(abs, f.fileName))
    .filter((t) => t !== undefined)
  importCache.set(abs, { mtime, targets })
  return targets
}

/** A path of imports from `start` back to `target`, or undefined. */
function pathBack(start, target) {
  const seen = new Set()
  const stack = [[start, [start]]]
  while (stack.length > 0) {
    const [file, path] = stack.pop()
    if (file === target) return path
    if (seen.has(file)) continue
    seen.add(file)
    for (const next of importsOf(file)) stack.push([next, [...path, next]])
  }
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Each layer of src/ imports only the layers below it, and no import closes a cycle'
    },
    schema: [],
    messages: {
      layer: '{{why}}',
      cycle: 'Import cycle: {{cycle}}'
    }
  },
  create(context) {
    const root = context.cwd
    const self = context.physicalFilename
    const rel = (abs) => relative(root, abs).split(sep).join('/')
    const from = rel(self)
    if (!from.startsWith('src/')) return {}

    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return
      const target = resolveImport(self, source.value)
      if (!target) return
      const to = rel(target)
      const why = violation(from, to)
      if (why) context.report({ node, messageId: 'layer', data: { why } })
      const back = existsSync(self) ? pathBack(target, self) : undefined
      if (back) {
        context.report({
          node,
          messageId: 'cycle',
          data: { cycle: [from, ...back.map(rel)].join(' → ') }
        })
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source : undefined)
    }
  }
}

export default { rules: { layers } }
