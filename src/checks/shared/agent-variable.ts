import type { PreflightConfig } from '../../config.js'
import { commandBlock } from '../../commands/shell.js'
import type { SettingAt } from '../../commands/settings.js'

/** `.env line 3`: the agent's env file and its line, as `buildConfig` labels a value it set. */
const FILE_LINE = / line \d+$/

/**
 * Where one of the agent's variables was set, as a fix names the place: the settings file (and
 * line) or step its source names (`KEY in .claude/settings.json:4`), else the job's `env:` in the
 * action and the shell in the CLI (a source that is the variable's bare name: the environment).
 */
export function variablePlace(config: PreflightConfig, key: string, source: string): string {
  if (source.startsWith(`${key} in `)) return source.slice(key.length + 4)
  if (source.startsWith(`env.${key} of `)) return `the \`env:\` of ${source.slice(key.length + 8)}`
  if (FILE_LINE.test(source)) return `the agent's .env (${source})`
  return config.surface === 'github-actions'
    ? "the workflow's `env:` (the job's or the agent step's)"
    : 'your shell'
}

/** Whether the variable came from the environment of the CLI's shell (an `unset` line fixes it). */
export const fromShell = (config: PreflightConfig, key: string, source: string): boolean =>
  source === key && config.surface === 'cli'

/** `remove \`KEY\` from <place>.`, or with the `unset` line to paste when the CLI's shell set it. */
export function removeVariable(config: PreflightConfig, key: string, source: string): string {
  const text = `remove \`${key}\` from ${variablePlace(config, key, source)}`
  return fromShell(config, key, source)
    ? `${text}:\n\n${commandBlock([{ argv: ['unset', key] }])}`
    : `${text}.`
}

/**
 * Where one of the agent's variables was set, for `setVariableTo`: a settings file's JSON, a
 * workflow's YAML (`claude_env`, a step's `env:`), a `.env` line, else the face's environment.
 */
export function variableAt(
  config: PreflightConfig,
  key: string,
  setting: { source: string; location?: { file: string } }
): SettingAt {
  const at: SettingAt = { surface: config.surface, source: setting.source, variable: key }
  const source = setting.source
  if (source.startsWith(`env.${key} of `))
    return { ...at, style: 'yaml', where: variablePlace(config, key, source) }
  if (!source.startsWith(`${key} in `)) return at
  const where = source.slice(key.length + 4)
  if (setting.location && /\.json/.test(setting.location.file))
    return { ...at, style: 'json', where }
  return { ...at, style: where.startsWith('claude_env of ') ? 'yaml' : 'env', where }
}
