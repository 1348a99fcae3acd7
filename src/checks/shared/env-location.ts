import {
  CLAUDE_CODE_MODEL_VARIABLES,
  MODEL_VARIABLES,
  type PreflightConfig,
  type SourcedModel
} from '../../config.js'
import { setTo, type SettingAt, type SettingKind } from '../../commands/settings.js'
import type { Word } from '../../commands/shell.js'
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
 * Where the user set `kind` (its current value `current`, or the first one named), for
 * `setTo`: the flag, input, environment variable, `.env` line or agent setting it came from.
 */
export function settingAt(config: PreflightConfig, kind: SettingKind, current?: string): SettingAt {
  const at: SettingAt = { surface: config.surface }
  if (kind === 'profile') {
    if (!config.profile) return at
    if (config.profileSource)
      return { ...at, source: config.profileSource, variable: 'AWS_PROFILE' }
    if (config.env.AWS_PROFILE !== config.profile) return { ...at, source: '--profile' }
    const line = envFileLocation(config, 'AWS_PROFILE')
    return { ...at, source: line ? `${line.file} line ${line.line}` : 'AWS_PROFILE' }
  }
  // A model's own region (Claude Code's small/fast one) is set by its own variable, not the run's.
  const own =
    kind === 'region' && current !== undefined && !config.regions.some((r) => r.value === current)
      ? config.models.find((m) => m.region?.value === current)?.region
      : undefined
  const named: SourcedModel | undefined =
    own ??
    (kind === 'region'
      ? (config.regions.find((r) => r.value === current) ?? config.regions[0])
      : (config.models.find((m) => m.value === current) ?? config.models[0]))
  return named ? namedAt(config, kind, named) : at
}

/** Where the user set this one model (or region) `named`, for `setTo`: its own variable and place. */
export function namedAt(
  config: PreflightConfig,
  kind: SettingKind,
  named: SourcedModel
): SettingAt {
  const at: SettingAt = { surface: config.surface }
  if (named.chosen) return at
  const variable =
    named.setting?.name ??
    (kind === 'model' ? modelVariable(config, named.value) : fileVariable(config, named.source))
  return {
    ...at,
    source: named.source,
    ...(variable ? { variable } : {}),
    ...(named.setting?.style ? { style: named.setting.style } : {}),
    ...(named.setting?.where ? { where: named.setting.where } : {})
  }
}

/** The key of the `.env` line a source names (`.env line 3`: AWS_DEFAULT_REGION, say). */
function fileVariable(config: PreflightConfig, source: string): string | undefined {
  const envFile = config.envFile
  const prefix = envFile ? `${envFile.displayPath} line ` : undefined
  if (!prefix || !source.startsWith(prefix)) return undefined
  const line = Number(source.slice(prefix.length))
  return envFile!.entries.find((e) => e.line === line)?.key
}

/**
 * The setting that makes the job call `use` instead of the subject's model, as a fix names it
 * (src/commands/settings.ts decides the words for the face and the source).
 */
export function setModelTo(ctx: ReadContext, use: Word): string {
  return setTo('model', use, settingAt(ctx.config, 'model', ctx.subject.model))
}

/** The setting that makes the job call Bedrock in `use` instead of the subject's region. */
export function setRegionTo(ctx: ReadContext, use: string): string {
  return setTo('region', use, settingAt(ctx.config, 'region', ctx.subject.region))
}
