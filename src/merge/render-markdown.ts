import { RESULT_ICON, STATUS_ICON, STATUS_WORD } from '../render/labels.js'
import { mdBlock, mdText } from './escape.js'
import { capped, outline } from './outline.js'
import type { MergedReport } from './types.js'

/** Lines per change group and targets per cause shown; the rest is counted (the JSON has all). */
const MAX_LINES = 50
/** Table rows: 1,000 reports of a few rows each stay well under GitHub's 1 MiB step summary. */
const MAX_ROWS = 2000

const more = (n: number): string[] =>
  n > 0 ? [`- … and ${n} more (see the merged JSON report)`] : []

/** The org summary in GitHub Markdown (the job summary). Every report text is escaped. */
export function renderMergedMarkdown(merged: MergedReport): string {
  const o = outline(merged)
  const out = [
    `## ${RESULT_ICON[merged.result]} Bedrock preflight fleet: ${mdText(o.headline)}`,
    '',
    o.counts,
    ''
  ]

  out.push('### What changed since the previous run', '')
  if (!merged.changes.compared)
    out.push('_No previous merged report was given: nothing to compare with._', '')
  if (o.changes.length === 0 && merged.changes.compared) out.push('Nothing changed.', '')
  for (const group of o.changes) {
    const { shown, more: rest } = capped(group.lines, MAX_LINES)
    out.push(`**${group.icon} ${group.label} (${group.lines.length})**`, '')
    out.push(...shown.map((line) => `- ${mdText(line)}`), ...more(rest), '')
  }

  if (merged.causes.length > 0) {
    out.push('### Causes', '')
    merged.causes.forEach((c, i) => {
      const { shown, more: rest } = capped(c.targets, 20)
      out.push(
        `#### ${STATUS_ICON[c.status]} ${i + 1}. ${mdText(c.title)}`,
        '',
        `${mdText(c.checkId)} ${STATUS_WORD[c.status]} in ${c.targets.length} target${c.targets.length === 1 ? '' : 's'} (${c.rows.length} row${c.rows.length === 1 ? '' : 's'}): ${shown.map((t) => mdText(t)).join(', ')}${rest > 0 ? `, and ${rest} more` : ''}`,
        ''
      )
      if (c.cause || c.fix) {
        out.push(
          `<details><summary>Cause and fix, as the report of ${mdText(c.targets[0] ?? 'the first target')} wrote them</summary>`,
          '',
          mdBlock([c.cause, c.fix].filter(Boolean).join('\n\n')),
          '',
          '</details>',
          ''
        )
      }
    })
  }

  out.push(
    '### Targets',
    '',
    '| Status | Target | Account | Role | Region | Model | Labels |',
    '|---|---|---|---|---|---|---|'
  )
  const { shown, more: rest } = capped(
    merged.rows.map((r) => r.key),
    MAX_ROWS
  )
  const byKey = new Map(merged.rows.map((r) => [r.key, r]))
  for (const key of shown) {
    const r = byKey.get(key)!
    const labels = Object.entries(r.target.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')
    out.push(
      `| ${STATUS_ICON[r.status]} ${STATUS_WORD[r.status]} | ${[r.target.id, r.target.accountId ?? '', r.target.role ?? '', r.region, r.model, labels].map((t) => mdText(t, 120)).join(' | ')} |`
    )
  }
  if (rest > 0) out.push('', `… and ${rest} more rows (see the merged JSON report)`)
  return `${out.join('\n')}\n`
}
