/**
 * Reports are untrusted: their text is shown, never interpreted. In Markdown every character
 * that could start markup, a link, HTML or an @mention is escaped; on a terminal, control
 * characters (ANSI escapes) are dropped.
 */

/** One line of Markdown text: inline markup, HTML and mentions escaped, line breaks folded. */
export function mdText(text: string, max = 300): string {
  const flat = oneLine(text, max)
  return flat
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, '\\$&')
}

/** A block shown as it is written: inside <pre>, with HTML and mentions escaped. */
export function mdBlock(text: string): string {
  const safe = stripControls(text, true)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
  return `<pre>${safe}</pre>`
}

/** Control characters out (newlines too unless kept): no escape sequence reaches a terminal. */
export function stripControls(text: string, keepNewlines = false): string {
  /* eslint-disable no-control-regex -- matching control characters is the point */
  const controls = keepNewlines
    ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g
    : /[\u0000-\u001f\u007f-\u009f]/g
  /* eslint-enable no-control-regex */
  return text.replace(/\r\n?/g, '\n').replace(controls, ' ')
}

/** One line of plain text, cut to `max`. */
export function oneLine(text: string, max = 300): string {
  const flat = stripControls(text).replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
