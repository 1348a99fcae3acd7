import type { PreflightConfig } from '../../config.js'
import { commandBlock } from '../../commands/shell.js'

/**
 * Where one of the agent's variables was set, as a fix names the place: the settings file (and
 * line) or step its source names (`KEY in .claude/settings.json:4`), else the job's `env:` in the
 * action and the shell in the CLI (a source that is the variable's bare name: the environment).
 */
export function variablePlace(config: PreflightConfig, key: string, source: string): string {
  if (source.startsWith(`${key} in `)) return source.slice(key.length + 4)
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
