import type { CheckStatus, Finding, Report } from '../engine/types.js'
import { few, groupCauses, subjectCount, subjectList, type Cause } from './causes.js'
import { checkDocUrl } from './check-page.js'
import { STATUS_WORD, verdictLine } from './labels.js'
import { wrap, visible } from './wrap.js'
import { plainData } from './escape.js'
import {
  byCheck,
  cellText,
  byCheckAndTitle,
  checksPassedEverywhere,
  concerns,
  countOf,
  explainedFindings,
  gridsOf,
  leafStates,
  scopeLabel,
  shortModelNames,
  unexplainedSkips,
  type Grid,
  type LeafState
} from './coverage.js'

export interface TerminalOptions {
  /** ANSI colours: only when stdout is a terminal and NO_COLOR is unset (see useColor). */
  color: boolean
  /**
   * The terminal's width: text is wrapped at word boundaries to fit it. Absent (a pipe, a file),
   * nothing is wrapped: the reader's tool wraps.
   */
  width?: number
}

type Paint = (text: string) => string

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`

interface Palette {
  bold: Paint
  dim: Paint
  code: Paint
  status: Record<CheckStatus, Paint>
}

const PLAIN: Palette = {
  bold: (t) => t,
  dim: (t) => t,
  code: (t) => t,
  status: {
    pass: (t) => t,
    warn: (t) => t,
    fail: (t) => t,
    unverified: (t) => t,
    skipped: (t) => t
  }
}

const COLOURED: Palette = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  code: ansi(36, 39),
  status: {
    pass: ansi(32, 39),
    warn: ansi(33, 39),
    fail: ansi(31, 39),
    unverified: ansi(35, 39),
    skipped: ansi(2, 22)
  }
}

/** Symbols that read in any terminal font (the summary's emoji are double width in many). */
const SYMBOL: Record<CheckStatus, string> = {
  pass: '✔',
  warn: '!',
  fail: '✖',
  unverified: '?',
  skipped: '-'
}

/**
 * Colour on a terminal only, and never when NO_COLOR is set to anything (https://no-color.org);
 * FORCE_COLOR turns it on for pipes (CI logs that render ANSI).
 */
export function useColor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') {
    return true
  }
  return stream.isTTY === true
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visible(text)))
}

/**
 * Markdown (the catalog's fixes) as terminal text: fenced blocks become indented lines, tables
 * become `a: b` lines, bold and link syntax go, inline code is coloured (or keeps its backticks).
 */
export function markdownToText(markdown: string, palette: Palette = PLAIN): string[] {
  const out: string[] = []
  let inFence = false
  for (const raw of markdown.split('\n')) {
    const line = raw.replace(/\s+$/, '')
    if (/^\s*```/.test(line)) {
      inFence = !inFence
      continue
    }
    if (inFence) {
      out.push(`    ${palette.code(line)}`)
      continue
    }
    if (/^\s*\|?\s*:?-{3,}/.test(line) && /^[\s|:-]+$/.test(line)) continue
    if (/^\s*\|.*\|\s*$/.test(line)) {
      const cells = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => inline(c.trim(), palette))
      out.push(`  ${cells.join(': ')}`)
      continue
    }
    out.push(inline(line, palette))
  }
  while (out.length && out[out.length - 1] === '') out.pop()
  return out
}

function inline(text: string, palette: Palette): string {
  return (
    text
      .replace(/\*\*([^*]+)\*\*/g, (_, t: string) => palette.bold(t))
      // Not the `[` of a colour just painted: a value's `](` must not eat half of an SGR sequence.
      // eslint-disable-next-line no-control-regex -- the lookbehind names ESC
      .replace(/(?<!\u001b)\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
      .replace(/`([^`]+)`/g, (_, t: string) => (palette === PLAIN ? `\`${t}\`` : palette.code(t)))
  )
}

export function paletteFor(color: boolean): Palette {
  return color ? COLOURED : PLAIN
}

function statusCell(status: CheckStatus, palette: Palette): string {
  return palette.status[status](`${SYMBOL[status]} ${STATUS_WORD[status]}`)
}

const at = (f: { location?: Finding['location'] }): string =>
  f.location ? ` (${f.location.file}${f.location.line ? `:${f.location.line}` : ''})` : ''

const plainLeaf = (s: LeafState): string => s.leaf.label || 'this run'

/**
 * The subjects at a glance: regions down, models across (short names, the full ID below), each
 * cell its status and cause numbers. Too wide for the terminal, the columns are lettered.
 */
function gridBlock(grid: Grid, palette: Palette, width: number | undefined): string[] {
  const single = grid.columns.length === 1 && grid.columns[0] === ''
  const names = shortModelNames(grid.columns)
  const build = (heads: string[]): string[] => {
    const rowWidth = Math.max(visible(grid.rowTitle), ...grid.rows.map(visible))
    const colWidths = heads.map((h, i) =>
      Math.max(
        visible(h),
        ...grid.rows.map((r) => visible(cellText(grid.cell(r, grid.columns[i]!), SYMBOL)))
      )
    )
    const line = (first: string, cells: string[]): string =>
      `  ${pad(first, rowWidth)}  ${cells.map((c, i) => pad(c, colWidths[i]!)).join('  ')}`.replace(
        /\s+$/,
        ''
      )
    return [
      palette.dim(line(grid.rowTitle, heads)),
      ...grid.rows.map((r) =>
        line(
          r,
          grid.columns.map((c) => {
            const state = grid.cell(r, c)
            return state
              ? palette.status[state.status](cellText(state, SYMBOL))
              : cellText(state, SYMBOL)
          })
        )
      )
    ]
  }
  if (single) return build(['Status'])
  const named = build(grid.columns.map((c) => names.get(c) ?? c))
  const fits = width === undefined || named.every((l) => visible(l) <= width)
  const letters = grid.columns.map(
    (_, i) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '')
  )
  const rows = fits ? named : build(letters)
  const legend = grid.columns
    .map((c, i) => ({ key: fits ? (names.get(c) ?? c) : (letters[i] as string), full: c }))
    .filter((l) => l.key !== l.full)
  if (legend.length) {
    const keyWidth = Math.max(...legend.map((l) => visible(l.key)))
    rows.push(
      '',
      ...legend.flatMap((l) =>
        wrap(l.full, width, palette.dim(`  ${pad(l.key, keyWidth)} = `), ' '.repeat(keyWidth + 5))
      )
    )
  }
  return rows
}

/**
 * The run-level checks, then the subjects: one subject's checks when there is one (what passed
 * folded into one row), a grid when there are several; the subjects where every check passed on
 * one line; then what was not checked. A skipped check is never counted as passed.
 */
function table(
  findings: readonly Finding[],
  causes: readonly Cause[],
  states: readonly LeafState[],
  palette: Palette,
  width: number | undefined
): string[] {
  const explained = new Set(causes.flatMap((c) => explainedFindings(c, findings)))
  const runLevel = findings.filter((f) => !scopeLabel(f.scope) && !explained.has(f))
  const single = states.length === 1 && states[0]!.leaf.kind !== 'run' ? states[0]! : undefined
  const mine = single
    ? findings.filter((f) => scopeLabel(f.scope) && concerns(f, single.leaf) && !explained.has(f))
    : []
  const shown = [...runLevel, ...mine]
  const checkWidth = Math.max(5, ...shown.map((f) => visible(f.checkId)), 6)
  const statusWidth = Math.max(6, ...shown.map((f) => visible(statusCell(f.status, palette))))
  const row = (check: string, status: string, found: string): string[] => {
    const lead = `  ${pad(check, checkWidth)}  ${pad(status, statusWidth)}  `
    return wrap(found, width, lead, ' '.repeat(visible(lead)))
  }
  const out = [...row('Check', 'Status', 'What was found').map(palette.dim)]
  for (const f of runLevel) {
    out.push(...row(f.checkId, statusCell(f.status, palette), `${f.title}${at(f)}`))
  }
  if (single && single.status !== 'pass') {
    out.push(...wrap(palette.bold(single.leaf.label), width))
    const passed = mine.filter((f) => f.status === 'pass')
    for (const f of mine) {
      if (f.status === 'pass') continue
      out.push(...row(f.checkId, statusCell(f.status, palette), `${f.title}${at(f)}`))
    }
    if (passed.length) {
      const names = [...new Set(passed.map((f) => f.checkId))].join(', ')
      out.push(...row(`${passed.length} more`, statusCell('pass', palette), names))
    }
  }
  if (states.length > 1) {
    for (const grid of gridsOf(states)) out.push('', ...gridBlock(grid, palette, width))
    out.push('')
    const everywhere = checksPassedEverywhere(findings)
    if (everywhere.length && states.some((s) => s.status !== 'pass')) {
      out.push(
        ...wrap(
          `${palette.status.pass(`${SYMBOL.pass} Passed wherever they ran:`)} ${everywhere.join(', ')}`,
          width,
          '',
          '  '
        )
      )
    }
  }
  const passed = states.filter((s) => s.status === 'pass' && s.leaf.kind !== 'run')
  if (passed.length) {
    const all = passed.length === states.length && states.length > 1
    out.push(
      ...wrap(
        `${palette.status.pass(`${SYMBOL.pass} Every check passed for`)} ${all ? `all ${countOf(states.length, states[0]!.leaf.kind)}` : few(passed.map(plainLeaf), 12)}`,
        width,
        '',
        '  '
      )
    )
  }
  const skipped = unexplainedSkips(findings, causes).filter(
    (f) => scopeLabel(f.scope) && !(single && concerns(f, single.leaf))
  )
  for (const group of byCheckAndTitle(skipped)) {
    const f = group[0]!
    out.push(
      ...row(f.checkId, statusCell('skipped', palette), `${f.title} (${subjectList(group, 12)})`)
    )
  }
  return out
}

/** One cause: what, for whom, why and how to fix it, wrapped under a four-space indent. */
function causeBlock(
  c: Cause,
  n: number,
  explained: readonly Finding[],
  palette: Palette,
  width: number | undefined
): string[] {
  const many = c.subjects.length > 1
  const where = many ? ` (${subjectCount(c.findings)})` : c.subjects[0] ? ` (${c.subjects[0]})` : ''
  const lines = wrap(
    `${palette.status[c.status](SYMBOL[c.status])} ${palette.bold(`${n}. ${c.checkId}${where}: ${c.title}`)}`,
    width,
    '',
    '  '
  )
  const say = (label: string, text: string): string[] => wrap(text, width, `    ${label}`, '      ')
  if (many) lines.push(...say('For: ', subjectList(c.findings, 12)))
  if (c.location)
    lines.push(...say('At: ', `${c.location.file}${c.location.line ? `:${c.location.line}` : ''}`))
  if (c.observed.length) {
    lines.push(`    Observed${many ? ` (${c.subjects[0]})` : ''}:`)
    for (const o of c.observed) lines.push(...wrap(o, width, '      ', '        '))
  }
  if (c.cause) lines.push(...say('Cause: ', inline(c.cause, palette)))
  if (c.fix) {
    const fix = markdownToText(c.fix, palette)
    const label = many && !c.fixVaries ? 'Fix, for all of them:' : 'Fix:'
    if (fix.length === 1) lines.push(...say(`${label} `, fix[0] ?? ''))
    else {
      lines.push(`    ${label}`)
      lines.push(...fix.flatMap((l) => block(l, width, '      ')))
    }
  }
  for (const d of c.details) {
    lines.push(`    ${d.title}:`)
    lines.push(...markdownToText(d.body, palette).flatMap((l) => block(l, width, '      ')))
  }
  if (explained.length) {
    const groups = byCheck(explained).map(
      (list) =>
        `${list[0]!.checkId}${list.some((f) => f.subject) ? ` (${subjectList(list, 12)})` : ''}`
    )
    lines.push(...say('Also skipped because of this: ', groups.join('; ')))
  }
  if (c.docUrl) lines.push(...say('Docs: ', c.docUrl))
  lines.push(...say('About this check: ', checkDocUrl(c.checkId)))
  return lines
}

/** A line of converted Markdown: code (indented) is never wrapped, prose is. */
function block(line: string, width: number | undefined, indent: string): string[] {
  if (!line.trim()) return ['']
  if (/^ {4}/.test(line)) return [`${indent}${line}`]
  const lead = /^\s*(- |\d+\. )?/.exec(line)?.[0] ?? ''
  return wrap(
    line.slice(lead.length),
    width,
    `${indent}${lead}`,
    `${indent}${' '.repeat(lead.length)}`
  )
}

/** Caller, regions, models and time: one line when it fits, else one line each. */
function context(report: Report, width: number | undefined): string[] {
  const parts = [
    report.identity?.arn ? `caller ${report.identity.arn}` : '',
    report.regions.length ? `region ${report.regions.join(', ')}` : 'no region',
    report.models.length ? `model ${report.models.join(', ')}` : '',
    `${(report.durationMs / 1000).toFixed(1)} s`
  ].filter(Boolean)
  const line = parts.join(' · ')
  if (width === undefined || visible(line) <= width) return [line]
  return parts.flatMap((p) => wrap(p, width, '', '  '))
}

/**
 * The CLI's report: the verdict first, every check under its subject, then each cause once
 * with every subject it covers and its fix, as the job summary shows them.
 */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  // Text from AWS, flags and files is data: no escape sequence of theirs reaches the terminal.
  report = plainData(report)
  const palette = paletteFor(options.color)
  const width = options.width === undefined ? undefined : Math.max(40, options.width)
  const verdict = verdictLine(report).replace(/^This job/, 'This machine')
  const out: string[] = [
    ...wrap(
      palette.bold(
        palette.status[report.result === 'pass' ? 'pass' : report.result](
          `${SYMBOL[report.result]} ${verdict}`
        )
      ),
      width,
      '',
      '  '
    ),
    ...context(report, width).map(palette.dim),
    ''
  ]
  const causes = groupCauses(report.findings)
  const states = leafStates(report.findings, causes)
  out.push(...table(report.findings, causes, states, palette, width))
  if (causes.length) {
    out.push('', palette.bold('Causes and fixes'))
    causes.forEach((c, i) =>
      out.push('', ...causeBlock(c, i + 1, explainedFindings(c, report.findings), palette, width))
    )
  }
  out.push('')
  // One blank line between blocks, however they end.
  return out.filter((l, i) => l !== '' || out[i - 1] !== '').join('\n')
}
