import type { PreflightConfig } from '../../config.js'
import type { ReadContext } from '../../engine/check.js'
import type { SourceLocation } from '../../engine/types.js'

/** The `.env` line that set `key` (to `value`, when given), so a finding can point at it. */
export function envFileLocation(
  config: PreflightConfig,
  key: string,
  value?: string
): SourceLocation | undefined {
  const envFile = config.envFile
  const entry = envFile?.entries.find(
    (e) =>
      e.key === key && (value === undefined || e.value.split(',').some((v) => v.trim() === value))
  )
  return envFile && entry ? { file: envFile.displayPath, line: entry.line } : undefined
}

/**
 * `{ location }` for a finding about the subject's model when BEDROCK_MODEL in the env file chose
 * it (not --model or the action input, which win over the file), else nothing.
 */
export function modelLocation(ctx: ReadContext): { location?: SourceLocation } {
  const model = ctx.subject.model
  const envFile = ctx.config.envFile
  if (!model || !envFile) return {}
  const sourced = ctx.config.models.find((m) => m.value === model)
  if (!sourced?.source.startsWith(`${envFile.displayPath} line `)) return {}
  const location = envFileLocation(ctx.config, 'BEDROCK_MODEL', model)
  return location ? { location } : {}
}
