/** Sections of an AWS shared config or credentials file: `[profile dev]`, `[dev]`, `[sso-session corp]`. */
export type IniSections = Map<string, Record<string, string>>

/**
 * Reads the AWS INI dialect: `key = value` lines under `[section]` headers, `#`/`;` comments,
 * indented continuation lines (nested `s3 =` blocks) ignored. Never throws.
 */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map()
  let current: Record<string, string> | undefined
  for (const rawLine of text.split(/\r?\n/)) {
    if (/^\s/.test(rawLine) && current) continue // nested sub-section values
    const line = rawLine.trim()
    if (!line || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line)
    if (header?.[1]) {
      const name = header[1].replace(/\s+/g, ' ')
      // No prototype: a key named `__proto__` or `constructor` is read like any other.
      current = sections.get(name) ?? (Object.create(null) as Record<string, string>)
      sections.set(name, current)
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0 && current) {
      current[line.slice(0, eq).trim().toLowerCase()] = line.slice(eq + 1).trim()
    }
  }
  return sections
}
