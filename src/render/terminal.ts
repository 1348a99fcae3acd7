import type { CheckStatus, Finding, Report } from '../engine/types.js'
import { STATUS_WORD, verdictLine } from './labels.js'

export interface TerminalOptions {
  /** ANSI colours: only when stdout is a terminal and NO_COLOR is unset (see useColor). */
  color: boolean
  /** Terminal width; the table's last column is cut to fit. */
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

/** Visible length, without ANSI sequences. */
function visible(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visible(text)))
}

function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : chars.join('')
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
  return text
    .replace(/\*\*([^*]+)\*\*/g, (_, t: string) => palette.bold(t))
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/`([^`]+)`/g, (_, t: string) => (palette === PLAIN ? `\`${t}\`` : palette.code(t)))
}

export function paletteFor(color: boolean): Palette {
  return color ? COLOURED : PLAIN
}

function statusCell(status: CheckStatus, palette: Palette): string {
  return palette.status[status](`${SYMBOL[status]} ${STATUS_WORD[status]}`)
}

function table(findings: Finding[], palette: Palette, width: number): string[] {
  const rows = findings.map((f) => ({
    check: f.checkId,
    status: statusCell(f.status, palette),
    found: `${f.subject ? `${f.subject}: ` : ''}${f.title}${f.location ? ` (${f.location.file}${f.location.line ? `:${f.location.line}` : ''})` : ''}`
  }))
  const checkWidth = Math.max(5, ...rows.map((r) => visible(r.check)))
  const statusWidth = Math.max(6, ...rows.map((r) => visible(r.status)))
  const foundWidth = Math.max(30, width - checkWidth - statusWidth - 6)
  const line = (a: string, b: string, c: string): string =>
    `  ${pad(a, checkWidth)}  ${pad(b, statusWidth)}  ${c}`.replace(/\s+$/, '')
  return [
    palette.dim(line('Check', 'Status', 'What was found')),
    ...rows.map((r) => line(r.check, r.status, cut(r.found, foundWidth)))
  ]
}

function detail(f: Finding, palette: Palette): string[] {
  const where = f.subject ? ` (${f.subject})` : ''
  const lines = [
    `${palette.status[f.status](SYMBOL[f.status])} ${palette.bold(`${f.checkId}${where}: ${f.title}`)}`
  ]
  const indent = (text: string): string => (text.trim() ? `    ${text}` : '')
  if (f.location) {
    lines.push(indent(`At: ${f.location.file}${f.location.line ? `:${f.location.line}` : ''}`))
  }
  if (f.observed?.length) {
    lines.push(indent('Observed:'), ...f.observed.map((o) => indent(`  ${o}`)))
  }
  if (f.cause) lines.push(indent(`Cause: ${inline(f.cause, palette)}`))
  if (f.fix) {
    const fix = markdownToText(f.fix, palette)
    if (fix.length === 1) lines.push(indent(`Fix: ${fix[0]}`))
    else lines.push(indent('Fix:'), ...fix.map((l) => indent(`  ${l}`)))
  }
  for (const d of f.details ?? []) {
    lines.push(
      indent(`${d.title}:`),
      ...markdownToText(d.body, palette).map((l) => indent(`  ${l}`))
    )
  }
  if (f.docUrl) lines.push(indent(`Docs: ${f.docUrl}`))
  return lines
}

/**
 * The CLI's report: the verdict first, a table of every check, then the cause and fix of each
 * finding that did not pass, as the job summary shows them.
 */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const palette = paletteFor(options.color)
  const width = Math.max(60, Math.min(options.width ?? 100, 160))
  const verdict = verdictLine(report).replace(/^This job/, 'This machine')
  const out: string[] = [
    palette.bold(
      palette.status[report.result === 'pass' ? 'pass' : report.result](
        `${SYMBOL[report.result]} ${verdict}`
      )
    ),
    palette.dim(
      [
        report.identity?.arn ? `caller ${report.identity.arn}` : '',
        report.regions.length ? `region ${report.regions.join(', ')}` : 'no region',
        report.models.length ? `model ${report.models.join(', ')}` : '',
        `${(report.durationMs / 1000).toFixed(1)} s`
      ]
        .filter(Boolean)
        .join(' · ')
    ),
    '',
    ...table(report.findings, palette, width)
  ]
  const notPassing = report.findings.filter((f) => f.status !== 'pass' && f.status !== 'skipped')
  if (notPassing.length) {
    out.push('', palette.bold('Causes and fixes'))
    for (const f of notPassing) out.push('', ...detail(f, palette))
  }
  const skipped = report.findings.filter((f) => f.status === 'skipped')
  if (skipped.length && notPassing.length) {
    out.push('', palette.dim(`${skipped.length} skipped: fix the failures above first.`))
  }
  out.push('')
  return out.join('\n')
}
