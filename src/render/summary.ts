import type { Finding, Report } from '../engine/types.js'
import { few, groupCauses, subjectCount, subjectList, type Cause } from './causes.js'
import {
  byCheck,
  cellText,
  byCheckAndTitle,
  checksPassedEverywhere,
  countOf,
  explainedFindings,
  gridsOf,
  leafStates,
  shortModelNames,
  unexplainedSkips,
  type LeafState
} from './coverage.js'
import { checkDocUrl } from './check-page.js'
import { RESULT_ICON, STATUS_ICON, STATUS_WORD, verdictLine } from './labels.js'
import { htmlText, markdownBlock, markdownCode, markdownInline } from './escape.js'

/**
 * GitHub drops a step summary larger than 1 MiB whole
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#step-isolation-and-limits).
 * The summary keeps to a quarter of that, so a page stays quick to open; past it, detail moves
 * to the JSON report.
 */
export const SUMMARY_BUDGET_BYTES = 256 * 1024

export interface SummaryOptions {
  /** The JSON report file (the `report` output), named where the summary leaves detail out. */
  reportPath?: string
  /** The run's page, where an uploaded report artifact is listed. */
  runUrl?: string
  /** Defaults to SUMMARY_BUDGET_BYTES. */
  budgetBytes?: number
}

/** How much a rendering keeps, from everything (0) to the causes' titles only (3). */
type Detail = 0 | 1 | 2 | 3

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** Skipped findings by check, each with its subjects: "`quota` (us-east-1 · …)". */
function skippedList(findings: readonly Finding[], max: number): string {
  return byCheck(findings)
    .map((list) => {
      const where = list.some((f) => f.subject)
        ? ` (${markdownInline(subjectList(list, max))})`
        : ''
      return `${markdownCode(list[0]!.checkId)}${where}`
    })
    .join('; ')
}

function causeSection(
  c: Cause,
  n: number,
  detail: Detail,
  report: string,
  findings: readonly Finding[]
): string[] {
  const many = c.subjects.length > 1
  const subjects = many
    ? `${subjectCount(c.findings)}: ${subjectList(c.findings, detail === 0 ? 40 : 6)}`
    : c.subjects[0] || 'this run'
  const out = [
    `#### ${STATUS_ICON[c.status]} ${n}. ${markdownInline(c.title)}`,
    '',
    `${markdownCode(c.checkId)} ${STATUS_WORD[c.status]} · ${markdownInline(subjects)}`,
    ''
  ]
  if (detail === 3) return out
  if (c.cause) out.push(`**Cause:** ${markdownBlock(c.cause)}`, '')
  if (c.fix) {
    const scope = many && !c.fixVaries ? ` (one for all ${c.subjects.length})` : ''
    out.push(`**Fix${scope}**`, '', markdownBlock(c.fix), '')
  }
  if (detail === 0) {
    if (c.observed.length) {
      // A list, not a fenced block: GitHub wraps list items, a fence runs off to the right.
      out.push(
        many ? `**Observed** (${markdownInline(c.subjects[0] || 'this run')})` : '**Observed**',
        '',
        ...c.observed.map((o) => `- ${markdownCode(o)}`),
        ''
      )
    }
    for (const d of c.details) {
      out.push(
        `<details><summary>${htmlText(d.title)}</summary>`,
        '',
        markdownBlock(d.body),
        '',
        '</details>',
        ''
      )
    }
  } else if (c.observed.length || c.details.length) {
    out.push(`<sub>What was observed is in ${report}.</sub>`, '')
  }
  const explained = explainedFindings(c, findings)
  if (explained.length) {
    out.push(`Also skipped because of this: ${skippedList(explained, detail === 0 ? 12 : 4)}.`, '')
  }
  const refs = [
    c.location
      ? `at ${markdownCode(`${c.location.file}${c.location.line ? `:${c.location.line}` : ''}`)}`
      : '',
    c.docUrl ? `[documentation](${c.docUrl})` : '',
    `[about this check](${checkDocUrl(c.checkId)})`
  ].filter(Boolean)
  out.push(refs.join(' · '), '')
  return out
}

/** The subjects at a glance: one table per kind, the region × model matrix first. */
function gridSection(states: readonly LeafState[]): string[] {
  const out: string[] = []
  for (const grid of gridsOf(states)) {
    const names = shortModelNames(grid.columns)
    const single = grid.columns.length === 1 && grid.columns[0] === ''
    const head = single
      ? ['Status']
      : grid.columns.map((c) => markdownCode(names.get(c) ?? c, true))
    out.push(
      `| ${grid.rowTitle} | ${head.join(' | ')} |`,
      `|${'---|'.repeat(head.length + 1)}`,
      ...grid.rows.map(
        (r) =>
          `| ${markdownCode(r, true)} | ${grid.columns.map((c) => cellText(grid.cell(r, c), STATUS_ICON)).join(' | ')} |`
      ),
      ''
    )
    const legend = grid.columns.filter((c) => c && names.get(c) !== c)
    if (legend.length) {
      out.push(...legend.map((c) => `- ${markdownCode(names.get(c) ?? c)}: ${markdownCode(c)}`), '')
    }
  }
  if (out.length) out.unshift('### At a glance', '')
  if (out.length && states.some((s) => s.causes.length)) {
    out.push('<sub>A number is that of the cause under “What to fix”.</sub>', '')
  }
  return out
}

/** The subjects where every check ran and passed, on one line. */
function passedLine(states: readonly LeafState[]): string[] {
  const passed = states.filter((s) => s.status === 'pass')
  if (passed.length && passed.length === states.length && states.length > 1) {
    return [
      `${STATUS_ICON.pass} Every check passed for all ${countOf(states.length, states[0]!.leaf.kind)}.`,
      ''
    ]
  }
  if (!passed.length) return []
  const names = passed.map((s) => markdownInline(s.leaf.label || 'this run'))
  return [`${STATUS_ICON.pass} Every check passed for ${few(names, 12)}.`, '']
}

/** What was not checked (for no cause of its own), and the checks that passed wherever they ran. */
function restLines(report: Report, causes: Cause[], detail: Detail): string[] {
  const out: string[] = []
  const skipped = unexplainedSkips(report.findings, causes)
  if (skipped.length) {
    out.push('### Not checked', '')
    for (const group of byCheckAndTitle(skipped)) {
      const f = group[0]!
      const where = group.some((g) => g.subject)
        ? ` (${markdownInline(subjectList(group, detail === 0 ? 12 : 4))})`
        : ''
      out.push(
        `- ${STATUS_ICON.skipped} ${markdownCode(f.checkId)}${where}: ${markdownInline(f.title)}`
      )
    }
    out.push('')
  }
  const everywhere = checksPassedEverywhere(report.findings)
  if (everywhere.length && report.result !== 'pass') {
    out.push(`Passed wherever they ran: ${everywhere.map((s) => markdownCode(s)).join(', ')}.`, '')
  }
  return out
}

/**
 * What each passing check found (a quota read, a route, how the endpoint was chosen), folded into
 * one collapsible list by subject: there when wanted, out of the way at a glance.
 */
function passedFindings(findings: readonly Finding[]): string[] {
  // The run-level checks first, as the run reads them.
  const bySubject = new Map<string, Finding[]>([['', []]])
  for (const f of findings) {
    if (f.status !== 'pass') continue
    const key = f.subject ?? ''
    bySubject.set(key, [...(bySubject.get(key) ?? []), f])
  }
  if (![...bySubject.values()].some((l) => l.length)) return []
  const out = ['<details><summary>What each passing check found</summary>', '']
  for (const [subject, list] of bySubject) {
    if (!list.length) continue
    out.push(`- ${markdownInline(subject || 'This run')}`)
    for (const f of list) out.push(`  - ${markdownCode(f.checkId)}: ${markdownInline(f.title)}`)
  }
  out.push('', '</details>', '')
  return out
}

function render(
  report: Report,
  options: SummaryOptions,
  detail: Detail,
  maxCauses: number
): string {
  const reportName = options.reportPath
    ? `the JSON report (${markdownCode(options.reportPath)}, the step's \`report\` output${options.runUrl ? `; upload it with actions/upload-artifact to find it on [the run's page](${options.runUrl})` : ''})`
    : 'the JSON report'
  const out: string[] = [
    `## ${RESULT_ICON[report.result]} Bedrock preflight: ${verdictLine(report)}`,
    ''
  ]
  const context = [
    report.identity?.arn ? `Caller ${markdownCode(report.identity.arn)}` : '',
    report.regions.length
      ? `region ${report.regions.map((s) => markdownCode(s)).join(', ')}`
      : 'no region',
    report.models.length ? `model ${report.models.map((s) => markdownCode(s)).join(', ')}` : '',
    `${(report.durationMs / 1000).toFixed(1)} s`
  ].filter(Boolean)
  out.push(context.join(' · '), '')

  const causes = groupCauses(report.findings)
  const states = leafStates(report.findings, causes)
  if (states.length > 1) out.push(...gridSection(states))
  out.push(...passedLine(states))
  if (causes.length) {
    out.push('### What to fix', '')
    causes
      .slice(0, maxCauses)
      .forEach((c, i) => out.push(...causeSection(c, i + 1, detail, reportName, report.findings)))
    if (causes.length > maxCauses) {
      out.push(`And ${causes.length - maxCauses} more causes: ${reportName} has them all.`, '')
    }
  }
  out.push(...restLines(report, causes, detail))
  if (detail === 0) out.push(...passedFindings(report.findings))
  const note = detail > 0 ? ` · Shortened to fit: ${reportName} has every detail.` : ''
  out.push(
    `<sub>bedrock-preflight ${report.tool.version} · report schema v${report.schemaVersion}${note}</sub>`,
    ''
  )
  return out.join('\n')
}

/**
 * The job summary: the verdict, the subjects at a glance (a region × model grid, each failing
 * cell naming its cause's number), the subjects where every check passed on one line, then each
 * cause once with its merged fix, every subject it covers and what it left unchecked. Past the
 * budget it sheds detail in steps (observations, then long subject lists, then everything but
 * the causes' titles, then causes past the first ones), pointing to the JSON report for the rest.
 */
export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const budget = options.budgetBytes ?? SUMMARY_BUDGET_BYTES
  let text = ''
  for (const detail of [0, 1, 2, 3] as const) {
    text = render(report, options, detail, Infinity)
    if (bytes(text) <= budget) return text
  }
  // Still too large: as many causes as fit (halving, then the last step).
  for (let max = 256; max >= 1; max = Math.floor(max / 2)) {
    text = render(report, options, 3, max)
    if (bytes(text) <= budget) return text
  }
  const cut = Buffer.from(text, 'utf8')
    .subarray(0, Math.max(0, budget - 200))
    .toString('utf8')
  // Cut at a line's end: a code span cut in half would leave its text outside any span.
  return `${cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))}\n\n… (cut here to fit the page: the JSON report has the rest)\n`
}
