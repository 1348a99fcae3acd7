/**
 * Text from outside (inputs, env-file values, AWS answers) is data, never markup or control.
 * The renderers pass it through these functions at the place it enters an output, so checks keep
 * producing plain text. Sources: CommonMark 0.31 (code spans, fences, backslash escapes, raw
 * HTML), GitHub Flavored Markdown (tables, extended autolinks), ECMA-48 (C0/C1, CSI, OSC) and
 * Unicode UAX #9 (bidirectional formatting characters), read 2026-12-07.
 */
import { mapStrings } from '../secrets/map-strings.js'

/**
 * ESC sequences (CSI `ESC [ … final`, OSC/DCS/APC/PM/SOS strings up to BEL or ST, any other
 * `ESC x`), C0 controls but tab and line feed, DEL, C1 controls (U+0080–U+009F, where U+009B is a
 * one-character CSI and U+009D an OSC), and the bidirectional overrides, embeddings, isolates and
 * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) that reorder what a reader sees.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\s\S]?/g
const C1_SEQUENCE =
  /\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/* eslint-enable no-control-regex */

/** Text with no control character left but tab and line feed (and, with `oneLine`, not those). */
export function stripControls(text: string, oneLine = false): string {
  const out = text
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(C1_SEQUENCE, '')
    .replace(CONTROL, '')
  return oneLine ? out.replace(/[\n\t]+/g, ' ') : out
}

/** A copy of a report (or any plain data) whose every string has no control character left. */
export function plainData<T>(value: T): T {
  return mapStrings(value, (text) => stripControls(text))
}

/** Whether a text holds a character `stripControls` removes (for tests and assertions). */
export function hasControls(text: string): boolean {
  return new RegExp(CONTROL.source).test(text.replace(/\r\n/g, '\n'))
}

const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;'
}

/** For an HTML context (a `<summary>` title): entities, one line. */
export function htmlText(text: string): string {
  return stripControls(text, true).replace(/[&<>"]/g, (c) => HTML_ENTITY[c]!)
}

/** The `:` of a URL scheme and the `.` of `www.` escaped: GFM's extended autolinks see no URL. */
function noAutolink(text: string): string {
  return text
    .replace(/(?<![A-Za-z0-9])(https?|ftp):/gi, '$1\\:')
    .replace(/(?<![A-Za-z0-9])(www)\./gi, '$1\\.')
}

/**
 * Plain text in a Markdown line: raw HTML and entities as entities, and the punctuation that
 * makes code, links and images backslash-escaped (emphasis is left: it shows data, never hides it).
 */
function plainMarkdown(text: string): string {
  return noAutolink(
    text.replace(/[\\`[\]]/g, (c) => `\\${c}`).replace(/[&<>]/g, (c) => HTML_ENTITY[c]!)
  )
}

/** One backtick run and its length, or undefined when `text[at]` is not a backtick. */
function runAt(text: string, at: number): number {
  let n = 0
  while (text[at + n] === '`') n += 1
  return n
}

/**
 * Splits one inline context into CommonMark code spans and the text between them: a run of n
 * backticks opens a span that the next run of exactly n closes; an unmatched run is text.
 * Backslashes are never escapes here, because every backslash in text is escaped on output.
 */
function codeSpans(text: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = []
  let plain = ''
  let i = 0
  while (i < text.length) {
    const n = runAt(text, i)
    if (n === 0) {
      plain += text[i]
      i += 1
      continue
    }
    let close = -1
    for (let j = i + n; j < text.length;) {
      const m = runAt(text, j)
      if (m === n) {
        close = j
        break
      }
      j += m || 1
    }
    if (close < 0) {
      plain += text.slice(i, i + n)
      i += n
      continue
    }
    if (plain) parts.push({ code: false, text: plain })
    plain = ''
    parts.push({ code: true, text: text.slice(i, close + n) })
    i = close + n
  }
  if (plain) parts.push({ code: false, text: plain })
  return parts
}

/**
 * A line of our wording with data filled in (a title, a subject), for a heading, a list item or a
 * table cell: one line, no control characters; its code spans kept (a code span shows HTML and
 * Markdown as text), everything else escaped. Whatever backticks a value brings, a character is
 * either inside a span GitHub also sees or escaped, so nothing in it becomes markup.
 */
export function markdownInline(text: string, inTable = false): string {
  const out = codeSpans(stripControls(text, true))
    .map((p) => (p.code ? p.text : plainMarkdown(p.text)))
    .join('')
  // GFM splits a row at every pipe not preceded by a backslash, inside code spans too.
  return inTable ? out.replace(/\|/g, '\\|') : out
}

/**
 * A value as inline code, whatever backticks it holds (CommonMark: a longer fence, padded); in a
 * table cell its pipes escaped too (GFM splits a row at every unescaped pipe, in code spans too).
 */
export function markdownCode(text: string, inTable = false): string {
  const value = stripControls(text, true)
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : ''
  const code = `${fence}${pad}${value}${pad}${fence}`
  return inTable ? code.replace(/\|/g, '\\|') : code
}

/** Lines in a fenced code block no line of theirs can close (a fence longer than any run in them). */
export function markdownFence(lines: readonly string[], info = 'text'): string[] {
  const clean = lines.map((l) => stripControls(l, true))
  const longest = Math.max(0, ...clean.flatMap((l) => (l.match(/`+/g) ?? []).map((r) => r.length)))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}${info}`, ...clean, fence]
}

/** A fence opener at the left margin (a fence indented may sit in a list: treated as text). */
const FENCE_OPEN = /^(`{3,}|~{3,})([^`]*)$/

/**
 * A Markdown block of our wording (a cause, a fix, a detail) with data filled in: fenced code
 * blocks are kept as they are; elsewhere raw HTML, links, images and autolinks are escaped
 * outside code spans, and inside a span that could be read otherwise (one holding a line break
 * or a table pipe, where GitHub's inline context may end). Our own bold, lists and code survive.
 */
export function markdownBlock(text: string): string {
  const out: string[] = []
  let fence: string | undefined
  let paragraph: string[] = []
  const flush = (): void => {
    if (paragraph.length) out.push(...inlineBlock(paragraph.join('\n')).split('\n'))
    paragraph = []
  }
  for (const line of stripControls(text).split('\n')) {
    if (fence) {
      out.push(line)
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined
      continue
    }
    const open = FENCE_OPEN.exec(line)
    if (open) {
      flush()
      fence = open[1]!
      out.push(line)
      continue
    }
    if (!line.trim()) {
      flush()
      out.push(line)
      continue
    }
    paragraph.push(line)
  }
  flush()
  // A fence left open would swallow the rest of the summary: close it.
  if (fence) out.push(fence)
  return out.join('\n')
}

function blockText(text: string): string {
  return noAutolink(
    text
      .replace(/\\/g, '\\\\')
      .replace(/[&<>]/g, (c) => HTML_ENTITY[c]!)
      .replace(/[[\]]/g, (c) => `\\${c}`)
  )
}

/** A line with no code span GitHub could see: every backtick escaped too. */
const noSpans = (line: string): string => blockText(line).replace(/`/g, '\\`')

const balanced = (line: string): boolean =>
  codeSpans(line).every((p) => p.code || !p.text.includes('`'))

/**
 * Where GitHub's inline context starts (a paragraph, a list item, a quote, a table cell) decides
 * which backticks pair. A span is kept only where every start gives the same pairing: each line
 * of the paragraph balanced on its own, the span on one line, and no table pipe on that line.
 */
function inlineBlock(text: string): string {
  const lines = text.split('\n')
  if (!lines.every(balanced)) return lines.map(noSpans).join('\n')
  return lines
    .map((line) =>
      line.includes('|')
        ? noSpans(line)
        : codeSpans(line)
            .map((p) => (p.code ? p.text : blockText(p.text)))
            .join('')
    )
    .join('\n')
}
