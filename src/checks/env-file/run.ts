import type { CheckRun } from '../shared/check.js'
import type { meta } from './meta.js'

/** Unreadable lines listed one by one; the rest are counted, so a broken file cannot flood the log. */
const LISTED_LINES = 20

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const envFile = ctx.config.envFile
  if (!envFile) return // not planned without one (meta.applies)
  const file = envFile.displayPath
  for (const p of envFile.problems.slice(0, LISTED_LINES)) {
    ctx.report(
      'lineUnreadable',
      { file, line: p.line, problem: p.message },
      { observed: [`${file} line ${p.line}: ${p.message}`], location: { file, line: p.line } }
    )
  }
  const more = envFile.problems.length - LISTED_LINES
  if (more > 0) {
    ctx.report('moreLinesUnreadable', { file, count: more }, { location: { file } })
  }
  for (const i of envFile.ignored ?? []) {
    ctx.report(
      'keyIgnored',
      { file, line: i.line, key: i.key, why: i.why },
      {
        observed: [`${file} line ${i.line}: ${i.key} (value not shown)`],
        location: { file, line: i.line }
      }
    )
  }
  if (envFile.problems.length === 0 && (envFile.ignored ?? []).length === 0) {
    const unread = new Set(envFile.unread ?? [])
    const read = envFile.entries.filter((e) => !unread.has(e.key))
    const count = read.length
    ctx.report(
      'read',
      { file, count, settings: count === 1 ? 'setting' : 'settings' },
      {
        observed: [
          `keys: ${read.map((e) => e.key).join(', ') || 'none'}`,
          ...(unread.size > 0
            ? [`not read (settings the preflight does not check): ${[...unread].join(', ')}`]
            : [])
        ]
      }
    )
  }
}
