/** Small markdown helpers shared by the README generator and the docs tests. */

/** A table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text
    .replace(/\r?\n+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/\s+/g, ' ')
    .trim()
}

export function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
  ].join('\n')
}

const START = (name: string): string => `<!-- ${name}:start -->`
const END = (name: string): string => `<!-- ${name}:end -->`

/** The names of every generated section a document marks, in order. */
export function sectionNames(doc: string): string[] {
  return [...doc.matchAll(/^<!-- ([a-z0-9-]+):start -->$/gm)].map((m) => m[1] ?? '')
}

/**
 * Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`. A marker pair that is
 * missing is an error: a README that lost its markers would otherwise silently stop updating.
 */
export function replaceSection(doc: string, name: string, content: string): string {
  // Markers count only on a line of their own, so prose can mention them in `code`.
  const start = doc.search(new RegExp(`^${START(name)}$`, 'm'))
  const end = doc.search(new RegExp(`^${END(name)}$`, 'm'))
  if (start < 0 || end < start) throw new Error(`missing markers ${START(name)} … ${END(name)}`)
  const head = doc.slice(0, start + START(name).length)
  return `${head}\n\n${content.trim()}\n\n${doc.slice(end)}`
}

export interface CodeBlock {
  lang: string
  body: string
  /** 1-based line of the opening fence in the document. */
  line: number
}

/** Fenced code blocks, including those inside blockquotes (`> ` prefixes are removed). */
export function codeBlocks(doc: string): CodeBlock[] {
  const blocks: CodeBlock[] = []
  const lines = doc.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^((?:>\s?)*)(\s*)(```+|~~~+)\s*([\w-]*)/.exec(lines[i] ?? '')
    if (!open) continue
    const quote = open[1] ?? ''
    const indent = (open[2] ?? '').length
    const fence = open[3] ?? '```'
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const line = (lines[j] ?? '').slice(quote.length)
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break
      body.push(line.slice(Math.min(indent, line.length - line.trimStart().length)))
    }
    blocks.push({ lang: (open[4] ?? '').toLowerCase(), body: body.join('\n'), line: i + 1 })
    i = j
  }
  return blocks
}

/** GitHub's heading anchor for a heading text. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-')
}
