// The file names of dist/chunks/: named after what a chunk holds, never after its content.
//
// dist/ is committed and reviewed (CONTRIBUTING.md). With content-hashed names ("[hash]"),
// rewording one check's title renamed the chunk holding it, then every chunk that requires that
// one (its new name is in their text), and so on: ≈ 50 paths of dist/ per one-line change. A name
// derived from module paths changes only when the bundle's structure does, so an edit shows up as
// the few files whose code it changed (__tests__/build/stable-dist.test.ts).
//
// The names are deterministic across machines: they come from paths relative to the project and
// from Rollup's chunk order (which follows the import graph), never from absolute paths or bytes.
// One thing still follows size: `experimentalMinChunkSize` (scripts/bundle.mjs) merges chunks under
// 10 KB, so an edit that moves a chunk across that bound changes the layout, as it should.
import { relative, sep } from 'node:path'

// Rollup's name for a chunk whose facade is a package's main file says nothing (index, dist-es)
// or, for a merged chunk, names its last module (often some package.json).
const GENERIC = new Set(['index', 'dist-es', 'package'])

/**
 * `output.chunkFileNames` for one build: a check group is `<group>.js`; a chunk loaded on demand is
 * named after the module it loads (bedrock, iam, credential-provider-sso…); a chunk merged from
 * shared code is `shared-<owner>.js`, after the package (or folder of src/) most of its modules
 * come from. Two chunks that would share a name get the next owner too, then a number.
 * `group` is the prefix of check-group modules, `packageOf` maps a file to its package.
 */
export function chunkNamer({ group, packageOf }) {
  const taken = new Set()
  const claim = (names) => {
    const free = names.find((n) => !taken.has(n.toLowerCase())) ?? numbered(names[0])
    taken.add(free.toLowerCase())
    return `chunks/${free}.js`
  }
  const numbered = (name) => {
    let i = 2
    while (taken.has(`${name}-${i}`.toLowerCase())) i++
    return `${name}-${i}`
  }

  const ownerOf = (moduleId) => {
    const file = moduleId.replace(/^\0/, '').replace(/\?.*$/, '')
    if (file.startsWith(group.slice(1))) return 'checks'
    const pkg = packageOf(file)
    // A package's submodule is its own owner (@smithy/core/…/submodules/protocols: smithy-protocols).
    if (pkg) {
      const sub = relative(pkg.dir, file).split(sep)
      const at = sub.indexOf('submodules')
      const name = pkg.name.replace(/^@/, '').replace('/', '-')
      return at >= 0 && sub[at + 1] ? `${name.replace(/-.*/, '')}-${sub[at + 1]}` : name
    }
    const rel = relative(process.cwd(), file).split(sep)
    if (rel[0] === 'src') return rel.length > 2 ? rel[1] : 'src'
    return rel.at(-1).replace(/\.[^.]*$/, '')
  }

  /** The chunk's owners, most modules first (ties by name, so the order is the same anywhere). */
  const owners = (chunk) => {
    const count = new Map()
    for (const id of chunk.moduleIds) count.set(ownerOf(id), (count.get(ownerOf(id)) ?? 0) + 1)
    return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([o]) => o)
  }

  return (chunk) => {
    const facade = chunk.facadeModuleId
    if (facade?.startsWith(group)) return claim([facade.slice(group.length)])
    // A check group's chunk that Rollup merged a small shared chunk into has no facade any more
    // (experimentalMinChunkSize): it is still that group's file.
    const groupModule = facade ? undefined : chunk.moduleIds.find((id) => id.startsWith(group))
    if (groupModule) return claim([groupModule.slice(group.length)])
    if (facade && chunk.isDynamicEntry) {
      const pkg = packageOf(facade)
      const name = pkg && GENERIC.has(chunk.name) ? pkg.name.replace(/^@[^/]+\//, '') : chunk.name
      return claim([name])
    }
    if (chunk.isDynamicEntry && !GENERIC.has(chunk.name)) return claim([chunk.name])
    const [first, second] = owners(chunk)
    return claim([`shared-${first}`, ...(second ? [`shared-${first}-${second}`] : [])])
  }
}
