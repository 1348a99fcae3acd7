import { STATUS_WORD } from '../render/labels.js'
import { oneLine } from './escape.js'
import { capped, outline } from './outline.js'
import type { MergedReport } from './types.js'

const RESULT_WORD = { pass: 'READY', warn: 'WARNINGS', fail: 'FAILED' } as const

/** The org summary as plain text (no colour: it is read in logs as often as on a terminal). */
export function renderMergedTerminal(merged: MergedReport): string {
  const o = outline(merged)
  const out = [
    `bedrock-preflight fleet: ${RESULT_WORD[merged.result]} · ${oneLine(o.headline)}`,
    o.counts,
    ''
  ]
  out.push('What changed since the previous run:')
  if (!merged.changes.compared) out.push('  (no previous merged report given)')
  else if (o.changes.length === 0) out.push('  nothing')
  for (const group of o.changes) {
    const { shown, more } = capped(group.lines, 50)
    out.push(
      `  ${group.label} (${group.lines.length}):`,
      ...shown.map((l) => `    - ${oneLine(l)}`)
    )
    if (more > 0) out.push(`    … and ${more} more`)
  }
  if (merged.causes.length > 0) {
    out.push('', 'Causes:')
    merged.causes.forEach((c, i) => {
      const { shown, more } = capped(c.targets, 20)
      out.push(
        `  ${i + 1}. [${STATUS_WORD[c.status]}] ${oneLine(c.title)}`,
        `     ${oneLine(c.checkId)} in ${c.targets.length} target(s): ${shown.map((t) => oneLine(t)).join(', ')}${more > 0 ? `, and ${more} more` : ''}`
      )
      if (c.fix) out.push(`     fix: ${oneLine(c.fix, 400)}`)
    })
  }
  // The rows that need a look; the passing ones are counted (the JSON and the Markdown list all).
  const notPassing = merged.rows.filter((r) => r.status !== 'pass')
  const passing = merged.rows.length - notPassing.length
  out.push(
    '',
    `Targets: ${passing} of ${merged.rows.length} rows pass${notPassing.length > 0 ? '; the others:' : ''}`
  )
  const { shown, more } = capped(
    notPassing.map((r) => `  ${STATUS_WORD[r.status].padEnd(16)} ${oneLine(r.key)}`),
    200
  )
  out.push(...shown)
  if (more > 0) out.push(`  … and ${more} more (see the merged JSON report)`)
  return `${out.join('\n')}\n`
}
