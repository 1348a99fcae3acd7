import type { Finding, Report } from '../engine/types.js'
import { groupCauses, subjectCount, subjectList, type Cause } from './causes.js'
import { checkDocUrl } from './check-page.js'
import { RESULT_ICON, STATUS_ICON, STATUS_WORD, verdictLine } from './labels.js'
import { htmlText, markdownBlock, markdownCode, markdownFence, markdownInline } from './escape.js'
import { bySubject } from './by-subject.js'

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

/** Table cells hold one line: long text cut (before escaping, so no escape is cut in half). */
function cell(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return markdownInline(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat, true)
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

function causeSection(c: Cause, n: number, detail: Detail, report: string): string[] {
  const many = c.subjects.length > 1
  const subjects = many
    ? `${subjectCount(c.subjects)}: ${subjectList(c.subjects, detail === 0 ? 40 : 6)}`
    : c.subjects[0] || 'this run'
  const out = [
    `#### ${STATUS_ICON[c.status]} ${n}. ${markdownInline(c.title)}`,
    '',
    `\`${c.checkId}\` ${STATUS_WORD[c.status]} · ${markdownInline(subjects)}`,
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
      out.push(
        many ? `**Observed** (${markdownInline(c.subjects[0] || 'this run')})` : '**Observed**',
        '',
        ...markdownFence(c.observed),
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
  const refs = [
    c.location
      ? `at ${markdownCode(`${c.location.file}${c.location.line ? `:${c.location.line}` : ''}`)}`
      : '',
    c.catalogId ? `catalog: \`${c.catalogId}\`` : '',
    c.docUrl ? `[documentation](${c.docUrl})` : '',
    `[about this check](${checkDocUrl(c.checkId)})`
  ].filter(Boolean)
  if (refs.length) out.push(refs.join(' · '), '')
  return out
}

function table(findings: Finding[], causeNumber: Map<Finding, number>): string[] {
  const rows = findings.map((f) => {
    const n = causeNumber.get(f)
    const fix = f.status === 'pass' || n === undefined ? '' : `cause ${n} above`
    return `| ${cell(f.checkId, 40)} | ${STATUS_ICON[f.status]} ${STATUS_WORD[f.status]} | ${cell(f.title)} | ${fix} |`
  })
  return ['| Check | Status | What was found | Fix |', '|---|---|---|---|', ...rows]
}

const allPassed = (findings: readonly Finding[]): boolean =>
  findings.every((f) => f.status === 'pass')

function checksSection(report: Report, causes: Cause[], detail: Detail): string[] {
  const causeNumber = new Map<Finding, number>()
  causes.forEach((c, i) => c.findings.forEach((f) => causeNumber.set(f, i + 1)))
  const out = ['### All checks', '']
  const passedSubjects: string[] = []
  for (const [subject, findings] of bySubject(report.findings)) {
    if (findings.length === 0) continue
    const name = subject || 'This run'
    if (allPassed(findings)) {
      // One line per subject where everything passed, what each check found folded under it.
      if (detail >= 2) passedSubjects.push(name)
      else {
        out.push(
          `${subject ? '###' : '####'} ${markdownInline(name)}: ${STATUS_ICON.pass} ${findings.length} check${findings.length === 1 ? '' : 's'} passed`,
          ''
        )
        if (detail === 0) {
          out.push(
            '<details><summary>What each check found</summary>',
            '',
            ...table(findings, causeNumber),
            '',
            '</details>',
            ''
          )
        }
      }
      continue
    }
    if (detail >= 2) {
      const marks = findings
        .filter((f) => f.status !== 'pass')
        .map((f) => {
          const n = causeNumber.get(f)
          return `${STATUS_ICON[f.status]} ${f.checkId}${n ? ` (cause ${n})` : ''}`
        })
      out.push(`- **${markdownInline(name)}**: ${marks.join(', ')}`)
      continue
    }
    out.push(
      `${subject ? '###' : '####'} ${markdownInline(name)}`,
      '',
      ...table(findings, causeNumber),
      ''
    )
  }
  if (passedSubjects.length) {
    out.push(
      '',
      `${STATUS_ICON.pass} Every check passed for ${passedSubjects.length === 1 ? markdownInline(passedSubjects[0]!) : `${passedSubjects.length} subjects`}.`
    )
  }
  out.push('')
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
    report.regions.length ? `region ${report.regions.map(markdownCode).join(', ')}` : 'no region',
    report.models.length ? `model ${report.models.map(markdownCode).join(', ')}` : '',
    `${(report.durationMs / 1000).toFixed(1)} s`
  ].filter(Boolean)
  out.push(context.join(' · '), '')

  const causes = groupCauses(report.findings)
  if (causes.length) {
    const findings = causes.reduce((n, c) => n + c.findings.length, 0)
    out.push(
      '### What to fix',
      '',
      `${causes.length} cause${causes.length === 1 ? '' : 's'} behind ${findings} finding${findings === 1 ? '' : 's'}, each with one fix.`,
      ''
    )
    causes
      .slice(0, maxCauses)
      .forEach((c, i) => out.push(...causeSection(c, i + 1, detail, reportName)))
    if (causes.length > maxCauses) {
      out.push(`And ${causes.length - maxCauses} more causes: ${reportName} has them all.`, '')
    }
  }
  out.push(...checksSection(report, causes, detail))
  const budget = options.budgetBytes ?? SUMMARY_BUDGET_BYTES
  const note = detail > 0 ? ` Shortened to fit: ${reportName} has every detail.` : ''
  out.push(
    `<sub>bedrock-preflight ${report.tool.version} · report schema v${report.schemaVersion} · summary budget ${Math.round(budget / 1024)} KiB (GitHub's limit: 1 MiB).${note}</sub>`,
    ''
  )
  return out.join('\n')
}

/**
 * The job summary: the verdict, then each cause once with its merged fix and every subject it
 * covers, then every subject's checks (a line for a subject where all passed). Past the budget
 * it sheds detail in steps (observations, then the per-subject tables, then causes past the
 * first ones), pointing to the JSON report for what it left out.
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
  return `${cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))}\n\n… (cut at the summary budget: the JSON report has the rest)\n`
}
