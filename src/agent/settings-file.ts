/**
 * One Claude Code settings file (`.claude/settings.json` and its siblings), read as untrusted
 * input: a pull request can change it. Its size is bounded, a parse error is a finding, commands
 * it names are reported and never run, and keys that would point the preflight at another file,
 * program or host are left out, by the env file's rules (src/env-file/keys.ts).
 */
import { readFileSync, statSync } from 'node:fs'
import { envKeyUse } from '../env-file/keys.js'
import type { AgentNote, AgentSetting } from './types.js'

/** A settings file is a few kilobytes; this leaves room for long permission lists. */
export const SETTINGS_FILE_BYTES = 256 * 1024

/**
 * Claude Code's keys that name a command it runs to get or refresh AWS credentials
 * (code.claude.com/docs/en/amazon-bedrock, "Advanced credential configuration", 2026-12-07).
 */
const HELPER_KEYS = ['awsAuthRefresh', 'awsCredentialExport'] as const

/** Variables whose values are credentials: masked, never applied, reported by name only. */
const CREDENTIAL_KEY =
  /^(AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|BEARER_TOKEN_BEDROCK)|ANTHROPIC_(API_KEY|AUTH_TOKEN))$/

export interface SettingsRead {
  env: Map<string, AgentSetting>
  model?: AgentSetting
  keys: string[]
  notes: AgentNote[]
  /** Values that must never be printed (credentials the file holds). */
  secrets: string[]
}

/** The 1-based line where `"key"` first appears, so a finding can point at it. */
function lineOf(text: string, key: string): number | undefined {
  const at = text.indexOf(JSON.stringify(key))
  return at < 0 ? undefined : text.slice(0, at).split('\n').length
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads the settings JSON `text`, written in `file` (as findings show it). */
export function parseSettings(text: string, file: string): SettingsRead {
  const read: SettingsRead = { env: new Map(), keys: [], notes: [], secrets: [] }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    // JSON.parse's message names the position, never the file's text beyond a token.
    const problem = err instanceof Error ? err.message.slice(0, 160) : 'not JSON'
    read.notes.push({
      kind: 'invalid',
      file,
      problem: `not valid JSON (${problem})`,
      location: { file }
    })
    return read
  }
  if (!isObject(parsed)) {
    read.notes.push({ kind: 'invalid', file, problem: 'not a JSON object', location: { file } })
    return read
  }
  const at = (key: string) => {
    const line = lineOf(text, key)
    return line ? { file, line } : { file }
  }
  const where = (key: string) => {
    const loc = at(key)
    return loc.line ? `${file}:${loc.line}` : file
  }
  for (const key of HELPER_KEYS) {
    if (parsed[key] !== undefined) read.notes.push({ kind: 'helper', file, key, location: at(key) })
  }
  if (typeof parsed.model === 'string' && parsed.model.trim()) {
    read.model = {
      value: parsed.model.trim(),
      source: `model in ${where('model')}`,
      location: at('model')
    }
    read.keys.push('model')
  }
  if (parsed.env === undefined) return read
  if (!isObject(parsed.env)) {
    read.notes.push({
      kind: 'invalid',
      file,
      problem: '`env` is not an object of strings',
      location: at('env')
    })
    return read
  }
  for (const [key, value] of Object.entries(parsed.env)) {
    if (typeof value !== 'string') {
      read.notes.push({
        kind: 'invalid',
        file,
        problem: `env.${key.slice(0, 80)} is not a string (Claude Code's schema: env values are strings)`,
        location: at(key)
      })
      continue
    }
    if (CREDENTIAL_KEY.test(key)) {
      if (value) read.secrets.push(value)
      read.notes.push({ kind: 'credential', file, key, location: at(key) })
      continue
    }
    const use = envKeyUse(key, value)
    if (use.use === 'refuse' || use.use === 'endpoint-only') {
      read.notes.push({ kind: 'refused', file, key, why: use.why, location: at(key) })
      if (use.use === 'refuse') continue
    }
    read.keys.push(key)
    read.env.set(key, { value, source: `${key} in ${where(key)}`, location: at(key) })
  }
  return read
}

/** Reads a settings file; undefined when there is none. Too large or unreadable: a note. */
export function readSettingsFile(path: string, file: string): SettingsRead | undefined {
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) return undefined
    size = stat.size
  } catch {
    return undefined
  }
  const empty = (problem: string): SettingsRead => ({
    env: new Map(),
    keys: [],
    secrets: [],
    notes: [{ kind: 'invalid', file, problem, location: { file } }]
  })
  if (size > SETTINGS_FILE_BYTES) {
    return empty(
      `larger than ${SETTINGS_FILE_BYTES / 1024} KB (${Math.ceil(size / 1024)} KB): not read`
    )
  }
  try {
    return parseSettings(readFileSync(path, 'utf8'), file)
  } catch (err) {
    return empty(`cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}
