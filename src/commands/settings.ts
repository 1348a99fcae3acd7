import type { Surface } from '../config.js'
import { inputOf, type InputKey } from '../inputs.js'
import { commandInline, inlineCode, type Word } from './shell.js'

/**
 * How a fix names a setting, decided in one place: in the words of the face the user runs (a flag
 * in the CLI, an input in the action) and, when the value came from the agent's own settings (its
 * `.env` file, a Claude Code settings file, the agent step's `env:`), that setting in that file,
 * since that is what the agent reads. Every fix that tells the user to set a region, a model or a
 * profile says it through `setTo`.
 */

/** The settings fixes name. */
export type SettingKind = 'region' | 'model' | 'profile'

/** Where the value a fix would change came from (a `Sourced<T>`'s source, and what else is known). */
export interface SettingAt {
  surface: Surface
  /** `--region`, `input aws-region`, `AWS_REGION`, `.env line 3`, `ANTHROPIC_MODEL in .claude/settings.json`, … */
  source?: string
  /** The variable or key that named it, when known (ANTHROPIC_MODEL, BEDROCK_MODEL, model). */
  variable?: string
  /** How the agent writes it, when it came from the agent's settings (`yaml`: a workflow's `KEY: value`). */
  style?: 'env' | 'json' | 'flag' | 'yaml'
  /** The file (or step) that holds it. */
  where?: string
}

const INPUT: Record<SettingKind, InputKey> = {
  region: 'regions',
  model: 'models',
  profile: 'profile'
}

/** The variable an agent and the AWS SDKs read for each setting. */
const VARIABLE: Record<SettingKind, string> = {
  region: 'AWS_REGION',
  model: 'BEDROCK_MODEL',
  profile: 'AWS_PROFILE'
}

/** `.env line 3` (the env file and its line), as `buildConfig` labels a value the file set. */
const FILE_LINE = / line \d+$/

/** `KEY=value` for a `.env` file, the value quoted as a shell reads it. */
const envLine = (key: string, value: Word): string => commandInline({ env: [[key, value]] })

/**
 * The words that set `kind` to `value` where the user set it (Markdown, inline): e.g.
 * `` `--region eu-west-1` ``, `` `aws-region: eu-west-1` (the step's `with:`) ``,
 * `` `AWS_REGION=eu-west-1` in the agent's .env (`~/.insightworker/.env`) ``,
 * `` `"ANTHROPIC_MODEL": "…"` in .claude/settings.json ``.
 */
export function setTo(kind: SettingKind, value: Word, at: SettingAt): string {
  const source = at.source ?? ''
  const variable = at.variable ?? VARIABLE[kind]
  const own = inAgentSettings(variable, value, at)
  if (own) return own
  const input = inputOf(INPUT[kind])
  if (at.surface === 'cli') {
    // Typed as a flag, or named nowhere: the flag. From the shell's environment: that variable.
    if (source === '' || source === `--${input.flag}` || source.startsWith('default'))
      return commandInline({ argv: [`--${input.flag}`, value] })
    return commandInline({ env: [[variable, value]], export: true })
  }
  // The action: its input, unless the value came from the job's environment (or has no input).
  if (
    input.action !== false &&
    (source === '' || source === `input ${input.name}` || source.startsWith('default'))
  )
    return `${inlineCode(`${input.name}: ${yamlScalar(value)}`)} (in the step's \`with:\`)`
  return `${inlineCode(`${variable}: ${yamlScalar(value)}`)} (in the job's \`env:\`)`
}

/**
 * The words that set `variable` to `value` where the user set it, for a variable no flag or input
 * stands for (`ANTHROPIC_BETAS`): in the agent's file or step, in its `.env`, else `export` in the
 * CLI's shell and the job's `env:` in the action.
 */
export function setVariableTo(variable: string, value: Word, at: SettingAt): string {
  const own = inAgentSettings(variable, value, at)
  if (own) return own
  return at.surface === 'cli'
    ? commandInline({ env: [[variable, value]], export: true })
    : `${inlineCode(`${variable}: ${yamlScalar(value)}`)} (in the job's \`env:\`)`
}

/** The variable in the agent's own settings (a file, a step, its `.env`), as that place writes it. */
function inAgentSettings(variable: string, value: Word, at: SettingAt): string | undefined {
  const source = at.source ?? ''
  const where = at.where ? ` in ${at.where}` : ''
  if (at.style === 'json') {
    const text = JSON.stringify(typeof value === 'string' ? value : `<${value.placeholder}>`)
    return `${inlineCode(`"${variable}": ${text}`)}${where}`
  }
  if (at.style === 'flag') return `${commandInline({ argv: [variable, value] })}${where}`
  if (at.style === 'yaml') return `${inlineCode(`${variable}: ${yamlScalar(value)}`)}${where}`
  if (at.where) return `${envLine(variable, value)}${where}`
  if (FILE_LINE.test(source))
    return `${envLine(variable, value)} in the agent's .env (${source.replace(FILE_LINE, '')})`
  return undefined
}

/** A value as a YAML plain scalar when it reads back as itself, else single-quoted. */
function yamlScalar(value: Word): string {
  if (typeof value !== 'string') return `<${value.placeholder}>`
  return /^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/.test(value) && !/: /.test(value)
    ? value
    : `'${value.replace(/'/g, "''")}'`
}
