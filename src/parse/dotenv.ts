import type { EnvFileEntry, EnvFileProblem } from '../config.js'

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Reads an agent's `.env` file: `KEY=value`, optional `export `, single or double quotes,
 * `#` comments (whole line, or after a space in an unquoted value). A line it cannot read becomes
 * a problem naming the line; it never throws and never repeats a value (values may be secrets).
 */
export function parseDotenv(text: string): { entries: EnvFileEntry[]; problems: EnvFileProblem[] } {
  // Keyed by variable so a repeated key costs nothing: the last assignment wins, as in a shell,
  // and moves to the end (a Map keeps insertion order; delete then set re-inserts).
  const entries = new Map<string, EnvFileEntry>()
  const problems: EnvFileProblem[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (!trimmed || trimmed.startsWith('#')) return
    const body = trimmed.replace(/^export\s+/, '')
    const eq = body.indexOf('=')
    if (eq < 0) {
      problems.push({ line, message: 'not of the form KEY=value (no "=")' })
      return
    }
    const key = body.slice(0, eq).trim()
    if (!KEY.test(key)) {
      const shown = key.length > 30 ? `${key.slice(0, 30)}…` : key
      problems.push({
        line,
        message: `"${shown}" is not a valid variable name (letters, digits and _ only, not starting with a digit)`
      })
      return
    }
    let value = body.slice(eq + 1).trim()
    const quote = value[0]
    if (quote === '"' || quote === "'") {
      const end = value.indexOf(quote, 1)
      if (end < 0) {
        problems.push({
          line,
          message: `the value of ${key} opens a ${quote === '"' ? 'double' : 'single'} quote that is never closed`
        })
        return
      }
      const rest = value.slice(end + 1).trim()
      if (rest && !rest.startsWith('#')) {
        problems.push({ line, message: `unexpected text after the closing quote of ${key}` })
        return
      }
      value = value.slice(1, end)
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"')
    } else {
      value = withoutComment(value)
    }
    entries.delete(key)
    entries.set(key, { key, value, line })
  })
  return { entries: [...entries.values()], problems }
}

/**
 * An unquoted value without its ` # comment`: what `value.replace(/\s+#.*$/, '').trim()` gives, in
 * one pass. That expression backtracks over every run of blanks (quadratic on a long line of
 * spaces). The `#` must come after the last line break in the value (`.` stops at one), and the
 * blank before it starts the cut; whatever blanks precede it go with the trim.
 */
export function withoutComment(value: string): string {
  const lastBreak = Math.max(
    value.lastIndexOf('\n'),
    value.lastIndexOf('\r'),
    value.lastIndexOf('\u2028'),
    value.lastIndexOf('\u2029')
  )
  for (let k = value.indexOf('#', lastBreak + 1); k >= 0; k = value.indexOf('#', k + 1)) {
    if (k > 0 && /\s/.test(value[k - 1]!)) return value.slice(0, k - 1).trim()
  }
  return value.trim()
}
