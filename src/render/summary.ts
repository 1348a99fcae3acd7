import type { Finding, Report } from '../engine/types.js'
import { RESULT_ICON, STATUS_ICON, STATUS_WORD, verdictLine } from './labels.js'

/** Table cells hold one line: pipes escaped, line breaks folded, long text cut. */
function cell(text: string, max = 160): string {
  const flat = text
    .replace(/\r?\n+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The first sentence of a fix when it is short and plain; otherwise a pointer to the details. */
function shortFix(f: Finding): string {
  if (!f.fix) return ''
  const firstLine = f.fix.split('\n')[0] ?? ''
  if (f.fix.includes('\n') || f.fix.length > 140) return 'see details below'
  return cell(firstLine)
}

/** Run-level findings first (identity, credentials), then one group per region, model or role. */
function groupBySubject(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>([['', []]])
  for (const f of findings) {
    const key = f.subject ?? ''
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  return groups
}

function table(findings: Finding[]): string[] {
  const rows = findings.map(
    (f) =>
      `| ${cell(f.checkId, 40)} | ${STATUS_ICON[f.status]} ${STATUS_WORD[f.status]} | ${cell(f.title)} | ${f.status === 'pass' ? '' : shortFix(f)} |`
  )
  return ['| Check | Status | What was found | Fix |', '|---|---|---|---|', ...rows]
}

function detail(f: Finding): string[] {
  const where = f.subject ? ` (${escapeHtml(f.subject)})` : ''
  const lines = [
    '<details>',
    `<summary>${STATUS_ICON[f.status]} <b>${escapeHtml(f.checkId)}</b>${where}: ${escapeHtml(f.title)}</summary>`,
    ''
  ]
  if (f.observed?.length) lines.push('**Observed**', '', '```text', ...f.observed, '```', '')
  if (f.cause) lines.push(`**Cause:** ${f.cause}`, '')
  if (f.fix) lines.push('**Fix**', '', f.fix, '')
  for (const d of f.details ?? []) {
    lines.push(
      `<details><summary>${escapeHtml(d.title)}</summary>`,
      '',
      d.body,
      '',
      '</details>',
      ''
    )
  }
  const refs = [
    f.location ? `at \`${f.location.file}${f.location.line ? `:${f.location.line}` : ''}\`` : '',
    f.catalogId ? `catalog: \`${f.catalogId}\`` : '',
    f.docUrl ? `[documentation](${f.docUrl})` : ''
  ].filter(Boolean)
  if (refs.length) lines.push(refs.join(' · '), '')
  lines.push('</details>', '')
  return lines
}

/**
 * The job summary: the verdict first, then one table per subject (the run, then each
 * region × model and role), then every non-passing finding folded open with cause and fix.
 */
export function renderSummary(report: Report): string {
  const out: string[] = [
    `## ${RESULT_ICON[report.result]} Bedrock preflight: ${verdictLine(report)}`,
    ''
  ]
  const context = [
    report.identity?.arn ? `Caller \`${report.identity.arn}\`` : '',
    report.regions.length
      ? `region ${report.regions.map((r) => `\`${r}\``).join(', ')}`
      : 'no region',
    report.models.length ? `model ${report.models.map((m) => `\`${m}\``).join(', ')}` : '',
    `${(report.durationMs / 1000).toFixed(1)} s`
  ].filter(Boolean)
  out.push(context.join(' · '), '')

  for (const [subject, findings] of groupBySubject(report.findings)) {
    if (findings.length === 0) continue
    if (subject) out.push(`### ${subject}`, '')
    out.push(...table(findings), '')
  }
  const notPassing = report.findings.filter((f) => f.status !== 'pass' && f.status !== 'skipped')
  if (notPassing.length) {
    out.push('### Causes and fixes', '')
    for (const f of notPassing) out.push(...detail(f))
  }
  out.push(
    `<sub>bedrock-preflight ${report.tool.version} · report schema v${report.schemaVersion}</sub>`,
    ''
  )
  return out.join('\n')
}
