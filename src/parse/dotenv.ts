import type { EnvFileEntry, EnvFileProblem } from '../config.js'

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Reads an InsightWorker `.env` file: `KEY=value`, optional `export `, single or double quotes,
 * `#` comments (whole line, or after a space in an unquoted value). A line it cannot read becomes
 * a problem naming the line; it never throws and never repeats a value (values may be secrets).
 */
export function parseDotenv(text: string): { entries: EnvFileEntry[]; problems: EnvFileProblem[] } {
  const entries: EnvFileEntry[] = []
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
      value = value.replace(/\s+#.*$/, '').trim()
    }
    const previous = entries.findIndex((e) => e.key === key)
    if (previous >= 0) entries.splice(previous, 1) // the last assignment wins, as in a shell
    entries.push({ key, value, line })
  })
  return { entries, problems }
}
