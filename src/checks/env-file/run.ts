import type { CheckRun } from '../../engine/check.js'
import type { meta } from './meta.js'

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const envFile = ctx.config.envFile
  if (!envFile) return // not planned without one (meta.applies)
  const file = envFile.displayPath
  for (const p of envFile.problems) {
    ctx.report(
      'lineUnreadable',
      { file, line: p.line, problem: p.message },
      { observed: [`${file} line ${p.line}: ${p.message}`], location: { file, line: p.line } }
    )
  }
  if (envFile.problems.length === 0) {
    const count = envFile.entries.length
    ctx.report(
      'read',
      { file, count, settings: count === 1 ? 'setting' : 'settings' },
      { observed: [`keys: ${envFile.entries.map((e) => e.key).join(', ') || 'none'}`] }
    )
  }
}
