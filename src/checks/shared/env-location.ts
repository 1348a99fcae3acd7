import { CLAUDE_CODE_MODEL_VARIABLES, MODEL_VARIABLES, type PreflightConfig } from '../../config.js'
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
 * The `.env` line that named `model`, when a variable in the env file chose it (BEDROCK_MODEL or
 * one of Claude Code's model variables; not --model or the action input, which win over the file).
 */
export function modelFileLocation(
  config: PreflightConfig,
  model: string
): SourceLocation | undefined {
  const sourced = config.models.find((m) => m.value === model)
  // Named in the agent's settings or workflow step: that file and line.
  if (sourced?.location) return sourced.location
  const envFile = config.envFile
  if (!envFile) return undefined
  const prefix = `${envFile.displayPath} line `
  if (!sourced?.source.startsWith(prefix)) return undefined
  // The source names the line the value came from: the variable there is the one to point at.
  const line = Number(sourced.source.slice(prefix.length))
  const entry = envFile.entries.find((e) => e.line === line && MODEL_VARIABLES.includes(e.key))
  return entry ? { file: envFile.displayPath, line: entry.line } : undefined
}

/** `{ location }` for a finding about the subject's model when the env file named it, else nothing. */
export function modelLocation(ctx: ReadContext): { location?: SourceLocation } {
  const model = ctx.subject.model
  const location = model ? modelFileLocation(ctx.config, model) : undefined
  return location ? { location } : {}
}

/** The variable that named `model`: BEDROCK_MODEL, a Claude Code variable, or none (an input). */
export function modelVariable(
  config: PreflightConfig,
  model: string | undefined
): string | undefined {
  const sourced = config.models.find((m) => m.value === model)
  if (!sourced) return undefined
  if (sourced.variable) return sourced.variable
  if ((CLAUDE_CODE_MODEL_VARIABLES as readonly string[]).includes(sourced.source))
    return sourced.source
  const location = modelFileLocation(config, sourced.value)
  return location
    ? config.envFile?.entries.find((e) => e.line === location.line)?.key
    : sourced.source === 'BEDROCK_MODEL'
      ? 'BEDROCK_MODEL'
      : undefined
}

/**
 * The setting that makes the job call `use` instead of the subject's model, as a fix names it: the
 * Claude Code variable that named the model, else BEDROCK_MODEL and the action input.
 */
export function setModelTo(ctx: ReadContext, use: string): string {
  const setting = ctx.config.models.find((m) => m.value === ctx.subject.model)?.setting
  if (setting && setting.style !== 'env') {
    const text = setting.style === 'json' ? `"${setting.name}": "${use}"` : `${setting.name} ${use}`
    return `\`${text}\`${setting.where ? ` in ${setting.where}` : ''}`
  }
  if (setting?.where) return `\`${setting.name}=${use}\` in ${setting.where}`
  const variable = modelVariable(ctx.config, ctx.subject.model)
  return variable && variable !== 'BEDROCK_MODEL'
    ? `\`${variable}=${use}\``
    : `\`BEDROCK_MODEL=${use}\` (action input \`model-id: ${use}\`)`
}
