/**
 * Workflow safety: inputs never reach a shell, and the documented workflows follow GitHub's
 * security hardening guide (third-party actions pinned to a full commit SHA, minimal permissions).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST_DIR } from '../harness/run-action.js'

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name), ext)
      : ext.test(e.name)
        ? [join(dir, e.name)]
        : []
  )
}

describe('inputs never reach a shell', () => {
  const sources = filesUnder('src', /\.ts$/).map((path) => ({
    path,
    text: readFileSync(path, 'utf8')
  }))

  it('no source file starts processes or evaluates code', () => {
    const offenders = sources
      .filter(({ text }) =>
        /from ['"](node:)?child_process['"]|require\(['"](node:)?child_process['"]\)|\beval\(|new Function\(|@actions\/exec/.test(
          text
        )
      )
      .map((s) => s.path)
    expect(offenders).toEqual([])
    expect(sources.length).toBeGreaterThan(10)
  })

  it('nothing is exported to later steps (no exportVariable, addPath or saveState)', () => {
    const exporting = sources
      .filter(({ text }) => /\b(exportVariable|addPath|saveState)\(/.test(text))
      .map((s) => s.path)
    expect(exporting).toEqual([])
  })

  it('inputs are read only through @actions/core, in the action face', () => {
    const direct = sources
      .filter(({ text }) => /process\.env\[?\.?['"`]?INPUT_/.test(text))
      .map((s) => s.path)
    expect(direct).toEqual([])
  })

  it('the bundle runs a process only for an AWS profile credential_process', () => {
    const bundleFiles = [
      ...['index.js', 'cli.js'].map((name) => join(DIST_DIR, name)).filter((f) => existsSync(f)),
      ...filesUnder(join(DIST_DIR, 'chunks'), /\.js$/)
    ]
    const users: string[] = []
    for (const file of bundleFiles) {
      const bundle = readFileSync(file, 'utf8')
      // dist/ is CommonJS: a chunk that uses child_process binds it (`X=require("node:child_process")`);
      // a bare require("node:child_process") only keeps load order and uses nothing.
      for (const bound of bundle.matchAll(
        /([\w$]+)\s*=\s*require\(\s*["'](?:node:)?child_process["']\s*\)/g
      )) {
        users.push(file)
        const calls = [
          // Minified names may hold `$` (`$l`): escaped, and bounded by what no identifier holds.
          ...bundle.matchAll(
            new RegExp(`(?<![\\w$])${bound[1]!.replace(/\$/g, '\\$')}\\.(\\w+)`, 'g')
          )
        ]
        // The SDK's process provider runs the `credential_process` command of the user's own AWS
        // profile (as the AWS CLI does) with exec; nothing else in the bundle may start a process.
        expect(calls.map((c) => c[1])).toEqual(['exec'])
        for (const call of calls) {
          const at = call.index ?? 0
          expect(bundle.slice(Math.max(0, at - 400), at)).toContain('credential_process')
        }
      }
      expect(bundle).not.toMatch(/\bexecSync\(|\bspawnSync\(|\bexecFile(?:Sync)?\(/)
    }
    // The process provider lives in the one chunk the entries share.
    expect(users).toHaveLength(1)
  })
})

describe('documented workflows follow the hardening guide', () => {
  const docs = [
    ...(existsSync('README.md') ? ['README.md'] : []),
    ...(existsSync('examples') ? filesUnder('examples', /\.ya?ml$/) : []),
    ...(existsSync('docs') ? filesUnder('docs', /\.md$/) : [])
  ]
  const uses = docs.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .map((line, i) => ({
        path,
        line: i + 1,
        m: /^\s*(?:-\s*)?uses:\s*['"]?([^\s'"#]+)/.exec(line)
      }))
      .filter((u) => u.m)
      .map((u) => ({ where: `${u.path}:${u.line}`, ref: u.m![1]! }))
  )

  it('every `uses:` is local, a docker image, this action (or its reusable workflow) at @v1, or pinned by a 40-hex SHA', () => {
    const acceptable = (ref: string) =>
      ref.startsWith('./') ||
      ref.startsWith('docker://') ||
      /^[\w.-]+\/bedrock-preflight@v\d+$/.test(ref) ||
      // This repository's reusable workflow (the fleet), by the same tag.
      /^[\w.-]+\/bedrock-preflight\/\.github\/workflows\/[\w.-]+\.ya?ml@v\d+$/.test(ref) ||
      /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref)
    expect(uses.filter((u) => !acceptable(u.ref))).toEqual([])
  })

  it('every example workflow declares minimal permissions', () => {
    if (!existsSync('examples')) return
    for (const path of filesUnder('examples', /\.ya?ml$/)) {
      const text = readFileSync(path, 'utf8')
      expect({ path, declares: /^\s*permissions:/m.test(text) }).toEqual({ path, declares: true })
      expect({ path, text }).not.toEqual({
        path,
        text: expect.stringMatching(/permissions:\s*write-all|:\s*write-all/)
      })
      // Only what the preflight needs: read the repository, mint an OIDC token. A caller of the
      // fleet workflow also reads the previous run's artifact and may open an issue (docs/fleet.md).
      const allowed = ['contents: read', 'id-token: write']
      if (/\/bedrock-preflight\/\.github\/workflows\/fleet\.yml@/.test(text)) {
        allowed.push('actions: read', 'issues: write')
      }
      const granted = [...text.matchAll(/^\s+([a-z-]+):\s*(write|read)\b/gm)].map(
        (m) => `${m[1]}: ${m[2]}`
      )
      expect(granted.filter((g) => !allowed.includes(g))).toEqual([])
    }
  })
})
