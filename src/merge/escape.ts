/**
 * Reports are untrusted: their text is shown, never interpreted. In Markdown every character
 * that could start markup, a link, HTML or an @mention is escaped; on a terminal, control
 * characters (ANSI escapes) are dropped.
 */
import { stripControls } from '../render/escape.js'

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
  const safe = stripControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
  return `<pre>${safe}</pre>`
}

/** One line of plain text, cut to `max`. */
export function oneLine(text: string, max = 300): string {
  const flat = stripControls(text, true).replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
