/**
 * The agent-profile resolver: what Claude Code (as a CLI, or as claude-code-action in this job)
 * will call, read the way it reads it. Settings layers, highest first, as Claude Code's docs order
 * them (code.claude.com/docs/en/settings#settings-precedence, 2026-12-07: managed > command line
 * > local project > shared project > user); a layer's `env` overrides the shell's
 * (github.com/anthropics/claude-code/issues/78567, maintainer's answer, 2026-08-17: "the settings
 * `env` block applies to every session and overrides shell-provided values by design").
 */
import { isAbsolute, join, normalize, relative, resolve as resolvePath } from 'node:path'
import { claudeFlags } from './claude-args.js'
import { parseSettings, readSettingsFile, type SettingsRead } from './settings-file.js'
import type { AgentStepRead } from './workflow-step.js'
import type { AgentNote, AgentProfile, AgentSetting } from './types.js'
import type { AgentKind } from './sdk-profile.js'

/** Where Claude Code reads managed settings on Linux (code.claude.com/docs/en/settings, 2026-12-07). */
const MANAGED_LINUX = '/etc/claude-code/managed-settings.json'
const MANAGED_MACOS = '/Library/Application Support/ClaudeCode/managed-settings.json'

/** Keys whose `${{ }}` value the preflight would have needed: only these are reported. */
const READ_INPUTS = new Set(['use_bedrock', 'model', 'claude_args', 'settings', 'claude_env'])

export interface ResolveOptions {
  /** The agent whose configuration is read; an SDK app reads no Claude Code settings (sdk-profile.ts). */
  kind?: AgentKind
  processEnv: Readonly<Record<string, string | undefined>>
  /** The project directory Claude Code runs in (GITHUB_WORKSPACE, the CLI's working directory). */
  workspace: string
  platform?: NodeJS.Platform
  step?: AgentStepRead
  /** Variables the preflight reads: a `${{ }}` in one of them in the step's env is reported. */
  readVariables: ReadonlySet<string>
}

/** A path the settings name, kept inside the workspace (a settings file never points elsewhere). */
function insideWorkspace(workspace: string, path: string): string | undefined {
  const full = resolvePath(workspace, path)
  const rel = relative(workspace, full)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? full : undefined
}

const display = (workspace: string, path: string) => {
  const rel = relative(workspace, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

export function resolveAgentProfile(options: ResolveOptions): {
  profile: AgentProfile
  secrets: string[]
} {
  const { processEnv, workspace } = options
  // An app on an Anthropic SDK reads no settings file and runs in no claude-code-action step.
  const claudeCode = (options.kind ?? 'claude-code') === 'claude-code'
  const step = claudeCode ? options.step : undefined
  const notes: AgentNote[] = []
  const secrets: string[] = []
  const layers: { read: SettingsRead; file: string }[] = []
  const add = (read: SettingsRead | undefined, file: string) => {
    if (!read) return
    layers.push({ read, file })
    notes.push(...read.notes)
    secrets.push(...read.secrets)
  }
  const managed =
    (options.platform ?? process.platform) === 'darwin' ? MANAGED_MACOS : MANAGED_LINUX
  if (claudeCode) add(readSettingsFile(managed, managed), managed)

  // The command line's settings: claude_args --settings, then the action's `settings` input.
  const inputs = step?.inputs ?? new Map<string, AgentSetting>()
  const args = inputs.get('claude_args')
  const flags = args ? claudeFlags(args.value) : {}
  const flagSettings: AgentSetting[] = []
  if (flags.settings && args)
    flagSettings.push({ ...args, value: flags.settings, source: `--settings in ${args.source}` })
  const settingsInput = inputs.get('settings')
  if (settingsInput) flagSettings.push(settingsInput)
  for (const s of flagSettings) {
    const text = s.value.trim()
    if (text.startsWith('{')) {
      add(parseSettings(text, s.source), s.source)
      continue
    }
    const path = insideWorkspace(workspace, text)
    if (!path) {
      notes.push({
        kind: 'outside',
        where: s.source,
        path: text,
        ...(s.location ? { location: s.location } : {})
      })
      continue
    }
    add(readSettingsFile(path, display(workspace, path)), display(workspace, path))
  }

  const project = join(workspace, '.claude')
  for (const name of claudeCode ? ['settings.local.json', 'settings.json'] : []) {
    const path = join(project, name)
    add(readSettingsFile(path, display(workspace, path)), display(workspace, path))
  }
  const home =
    processEnv.CLAUDE_CONFIG_DIR || (processEnv.HOME ? join(processEnv.HOME, '.claude') : undefined)
  if (home && claudeCode) {
    const user = normalize(join(home, 'settings.json'))
    // The user layer is the machine's own (HOME), shown as ~ so a finding reads the same anywhere.
    const shown =
      processEnv.HOME && user.startsWith(processEnv.HOME)
        ? `~${user.slice(processEnv.HOME.length)}`
        : user
    // Run from the home directory, the project's file is the user's: read once, as the project's.
    if (user !== normalize(join(project, 'settings.json')))
      add(readSettingsFile(user, shown), shown)
  }

  const env = new Map<string, AgentSetting>()
  let settingsModel: AgentSetting | undefined
  for (const { read } of layers) {
    for (const [key, value] of read.env) if (!env.has(key)) env.set(key, value)
    settingsModel ??= read.model
  }

  if (step) {
    for (const n of step.notes) {
      if (n.kind !== 'expression' || READ_INPUTS.has(n.what) || options.readVariables.has(n.what))
        notes.push(n)
    }
    const useBedrock = inputs.get('use_bedrock')
    const bedrockEnv = env.get('CLAUDE_CODE_USE_BEDROCK') ?? step.env.get('CLAUDE_CODE_USE_BEDROCK')
    if (
      step.step &&
      useBedrock?.value.trim() !== 'true' &&
      !bedrockEnv &&
      !step.notes.some((n) => n.kind === 'expression' && n.what === 'use_bedrock')
    ) {
      notes.push({
        kind: 'not-bedrock',
        where: step.step,
        ...(useBedrock?.location ? { location: useBedrock.location } : {})
      })
    }
  }
  const model = inputs.get('model')
  const cliModel: AgentSetting | undefined =
    flags.model && args
      ? { ...args, value: flags.model, source: `--model in ${args.source}` }
      : model
  const fallbackModel: AgentSetting | undefined =
    flags.fallbackModel && args
      ? { ...args, value: flags.fallbackModel, source: `--fallback-model in ${args.source}` }
      : undefined
  const profile: AgentProfile = {
    layers: layers.map(({ read, file }) => ({ file, keys: read.keys })),
    env,
    stepEnv: step?.env ?? new Map(),
    ...(settingsModel ? { settingsModel } : {}),
    ...(cliModel ? { cliModel } : {}),
    ...(fallbackModel ? { fallbackModel } : {}),
    ...(step?.step ? { step: step.step } : {}),
    notes
  }
  return { profile, secrets }
}
