import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { anchor } from '../../scripts/docs/markdown.js'

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'docs/troubleshooting.md',
  'docs/guide.md',
  'docs/terminal.md',
  'docs/performance.md',
  'docs/fleet.md',
  'docs/cli.md',
  'schema/vendor/README.md',
  ...readdirSync('docs/checks').map((page) => `docs/checks/${page}`)
]

/** Relative link targets of a markdown document, without their #fragment. */
function relativeLinks(text: string): Array<{ target: string; fragment?: string }> {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => {
      const [target = '', fragment] = href.split('#')
      return fragment === undefined ? { target } : { target, fragment }
    })
}

function headings(text: string): Set<string> {
  return new Set(
    [...text.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
      anchor(m[1] ?? '')
    )
  )
}

describe('documentation links', () => {
  it.each(DOCS)('%s links only to files and headings that exist', (path) => {
    const text = readFileSync(path, 'utf8')
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : ''
    const broken: string[] = []
    for (const { target, fragment } of relativeLinks(text)) {
      const file = target ? `${dir}${target}` : path
      if (!existsSync(file)) {
        broken.push(`${target} (no such file)`)
        continue
      }
      if (fragment && file.endsWith('.md') && !headings(readFileSync(file, 'utf8')).has(fragment)) {
        broken.push(`${target}#${fragment} (no such heading)`)
      }
    }
    expect(broken).toEqual([])
  })
})
