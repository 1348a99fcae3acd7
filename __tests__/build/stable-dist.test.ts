import { execFile } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { DIST_DIR } from '../harness/run-action.js'

// dist/ is committed and reviewed: a one-line change must show up as the few files whose code it
// changed, not as a rename of every chunk that requires them (scripts/chunk-names.mjs). The
// baseline is the build the tests' global setup made of these sources; the other is a copy of them,
// in another directory, with one check's title reworded, which also proves the names do not depend
// on where the project is checked out (CI's check-dist compares its own build with the commit).
const ROOT = resolve('.')
const REWORDED = 'Region (reworded by stable-dist.test.ts)'

/** Every file under `dir`, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
}

/** The paths (relative to the output directories) that one build has and the other lacks or differs in. */
function changedPaths(a: string, b: string): string[] {
  const all = [...new Set([...files(a), ...files(b)])].sort()
  const read = (dir: string, file: string) => {
    try {
      return readFileSync(join(dir, file))
    } catch {
      return undefined
    }
  }
  return all.filter((file) => {
    const [x, y] = [read(a, file), read(b, file)]
    return !x || !y || !x.equals(y)
  })
}

describe('dist/ under review', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'bp-stable-dist-'))
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('changes at most 4 files of dist/ when one check title is reworded', async () => {
    const copy = join(work, 'project')
    for (const part of ['src', 'scripts', 'schema', 'package.json'])
      cpSync(join(ROOT, part), join(copy, part), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
    const meta = join(copy, 'src', 'checks', 'region', 'meta.ts')
    const source = readFileSync(meta, 'utf8')
    expect(source).toContain("title: 'Region',")
    writeFileSync(meta, source.replace("title: 'Region',", `title: '${REWORDED}',`))

    const out = join(work, 'dist')
    await promisify(execFile)(process.execPath, ['scripts/package.mjs', '--outdir', out], {
      cwd: copy
    })

    const changed = changedPaths(DIST_DIR, out)
    expect(changed.length).toBeGreaterThan(0)
    // On failure this prints the paths that changed.
    expect(changed.length <= 4 ? 'at most 4' : changed).toBe('at most 4')
    expect(changed.some((file) => readFileSync(join(out, file), 'utf8').includes(REWORDED))).toBe(
      true
    )
  }, 180_000)
})
