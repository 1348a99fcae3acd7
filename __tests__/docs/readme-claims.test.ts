/**
 * What the README promises is what the tool does: its size and first screen, the annotation and
 * summary limits it states, how to run it on a laptop, the runtime, the troubleshooting table.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ANNOTATIONS_PER_LEVEL } from '../../src/render/annotations.js'
import { SUMMARY_BUDGET_BYTES } from '../../src/render/summary.js'
import { CATALOG } from '../../src/catalog/entries.js'
import type { CatalogEntry } from '../../src/catalog/types.js'
import { LIFECYCLE_FACT } from '../../src/data/models.js'

const readme = readFileSync('README.md', 'utf8')
const lines = readme.split('\n')
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string
  scripts: Record<string, string>
  bin?: Record<string, string>
  engines?: { node?: string }
}
const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string } }

function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`)
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end === -1 ? undefined : end)
}

describe('the README', () => {
  it("is at most 27.5 KB (25 KB before bedrock-mantle's three checks, input and section; 27 KB before the `agent` input)", () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(27.5 * 1024)
  })

  it('opens with the two commands, then the quick start within its first 30 lines', () => {
    // The bundle is committed and needs no package: running the tool installs nothing first.
    expect(lines.slice(0, 8).find((l) => /^npm start\b/.test(l))).toBeDefined()
    expect(lines.slice(0, 8).join('\n')).toContain('npm ci && npm run all')
    const quick = lines.indexOf('## Quick start')
    expect(quick).toBeGreaterThan(-1)
    expect(quick).toBeLessThan(30)
    const uses = lines.findIndex((l) => l.includes('uses: org/bedrock-preflight@v1'))
    expect(uses).toBeLessThan(30)
    expect(readme.indexOf('```yaml')).toBeLessThan(readme.indexOf('```sh', 200))
  })

  it('names a current model in the quick start, and no retired or Legacy one anywhere', () => {
    // New AWS customers cannot use Legacy models; Sonnet 4.5 was retired on 2026-11-30.
    const quick = section('Quick start')
    // The model the agent step calls (its `--model`), which the preflight reads from the step.
    expect(quick).toMatch(/--model (?:us|eu|jp|au|global)\.anthropic\.claude-sonnet-4-6\b/)
    const named = [...readme.matchAll(/\b(?:[a-z-]{2,8}\.)?(anthropic\.claude-[\w.:-]+)/g)].map(
      (m) => m[1]!.replace(/[.:`]+$/, '')
    )
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((id) => LIFECYCLE_FACT.value.knownLegacy.includes(id))).toEqual([])
  })

  it('states the limits the renderers keep', () => {
    const shows = section('What a failing job shows').replace(/\s+/g, ' ')
    expect(shows).toContain(
      `at most ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings`
    )
    expect(shows).toContain('the verdict first')
    expect(shows).toContain(`${SUMMARY_BUDGET_BYTES / 1024} KiB`)
    // The old promise, no longer true: failures are grouped by cause.
    expect(readme).not.toContain('Every failure is also an error annotation')
  })

  it('runs the laptop CLI the way this repository can: npx only for the published name, said to be unpublished', () => {
    expect(readme).not.toMatch(/npx bedrock-preflight/)
    const laptop = section('On your laptop')
    // The package is publishable but not published yet: the README says so and gives the routes
    // that work today (a packed tarball, or the clone itself).
    for (const [, name] of laptop.matchAll(/npx (\S+)/g)) expect(name).toBe(pkg.name)
    expect(laptop).toMatch(/Once published|not published/)
    expect(laptop).toContain('npm ci && npm run package && npm pack')
    expect(laptop).toContain('node -- dist/cli.js')
    expect(laptop).not.toMatch(/node dist\/cli\.js/)
    expect(Object.values(pkg.bin ?? {})).toContain('dist/cli.js')
  })

  it('names no Node.js version but the action runtime and the CLI minimum package.json declares', () => {
    const minimum = /(\d+)/.exec(pkg.engines?.node ?? '')?.[1]
    for (const [, version] of readme.matchAll(/\bnode ?(\d+)\b/gi)) {
      expect([action.runs.using, `node${minimum}`]).toContain(`node${version}`)
    }
  })

  it('keeps a short table of the seed errors; the full catalog is in docs/troubleshooting.md', () => {
    const table = section('Common errors')
    const rows = table.split('\n').filter((l) => l.startsWith('| “'))
    expect(rows).toHaveLength((CATALOG as readonly CatalogEntry[]).filter((e) => e.seed).length)
    expect(table).not.toContain('Seed page heading')
    expect(Math.max(...table.split('\n').map((l) => l.length))).toBeLessThan(400)
    expect(table).toContain('docs/troubleshooting.md')
  })

  it('points to the terminal captures', () => {
    expect(readme).toContain('(docs/terminal.md)')
    expect(readFileSync('docs/terminal.md', 'utf8')).toContain('80- and 120-column tmux panes')
  })
})
