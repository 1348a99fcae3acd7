/**
 * The region of the AWS profile the agent runs with, read from the shared config file the way the
 * AWS SDKs read it when AWS_REGION is unset: the file AWS_CONFIG_FILE names, else ~/.aws/config;
 * the profile AWS_PROFILE names, else `default`; `[profile name]` sections, and `[default]` for
 * the default profile (docs.aws.amazon.com/sdkref/latest/guide/file-format.html, "Format of the
 * config file", 2026-12-07). Claude Code reads it too: its Bedrock setup marks AWS_REGION
 * "optional if your AWS profile already sets a region" (code.claude.com/docs/en/amazon-bedrock,
 * "Manual setup", as summarised June 2026 at library.ryansallison.com/book/claude-code-june-2026).
 * Only names and the region are read: a value of any other key never leaves this file.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { AgentNote, AgentSetting } from './types.js'

/** A config file is a few kilobytes; one this large is not a config file. */
export const AWS_CONFIG_BYTES = 1024 * 1024

export interface ProfileRegion {
  region?: AgentSetting
  note?: AgentNote
}

/** What one line of the AWS INI dialect is. */
type IniLine =
  | { kind: 'blank' }
  | { kind: 'section'; name: string }
  | { kind: 'key'; key: string; value: string }
  | { kind: 'nested' }
  | { kind: 'bad'; problem: string }

function lineKind(raw: string): IniLine {
  const line = raw.trim()
  if (!line || line.startsWith('#') || line.startsWith(';')) return { kind: 'blank' }
  // An indented line continues the key above it (`s3 =` then `  max_concurrent_requests = 10`).
  if (/^\s/.test(raw)) return { kind: 'nested' }
  if (line.startsWith('[')) {
    const header = /^\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/.exec(line)
    return header?.[1]
      ? { kind: 'section', name: header[1].replace(/\s+/g, ' ') }
      : { kind: 'bad', problem: 'a section header without its closing `]`' }
  }
  const eq = line.indexOf('=')
  if (eq <= 0)
    return { kind: 'bad', problem: 'neither a `[section]` header nor a `key = value` line' }
  return {
    kind: 'key',
    key: line.slice(0, eq).trim().toLowerCase(),
    value: line.slice(eq + 1).trim()
  }
}

/**
 * The `region` of profile `profile` in the config text, with its line; or the first line the
 * file cannot be read at (the AWS CLI refuses such a file, "Unable to parse config file"; the
 * JavaScript SDK skips the line, so the profile may not say what its author meant).
 */
export function regionInConfig(
  text: string,
  profile: string
): {
  region?: { value: string; line: number; section: string }
  bad?: { line: number; problem: string }
  unprefixed?: number
} {
  const wanted = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`]
  let section: string | undefined
  let region: { value: string; line: number; section: string } | undefined
  let unprefixed: number | undefined
  const lines = text.split(/\r?\n/)
  for (const [i, raw] of lines.entries()) {
    const kind = lineKind(raw)
    if (kind.kind === 'bad') return { bad: { line: i + 1, problem: kind.problem } }
    if (kind.kind === 'section') {
      section = kind.name
      if (profile !== 'default' && section === profile) unprefixed ??= i + 1
    } else if (kind.kind === 'key') {
      if (section === undefined)
        return {
          bad: { line: i + 1, problem: 'a `key = value` line before any `[section]` header' }
        }
      // The last value wins, as the SDKs merge repeated sections.
      if (wanted.includes(section) && kind.key === 'region' && kind.value)
        region = { value: kind.value, line: i + 1, section }
    }
  }
  return { ...(region ? { region } : {}), ...(unprefixed && !region ? { unprefixed } : {}) }
}

export interface ProfileRegionOptions {
  env: Readonly<Record<string, string | undefined>>
  /** The profile the agent uses and where that was said; absent: `default`. */
  profile?: { value: string; source: string }
}

/** Reads the active profile's region from the shared config file; nothing when there is none. */
export function readProfileRegion({ env, profile }: ProfileRegionOptions): ProfileRegion {
  const home = env.HOME || env.USERPROFILE
  const path = env.AWS_CONFIG_FILE || (home ? join(home, '.aws', 'config') : undefined)
  if (!path) return {}
  const file = home && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path
  const invalid = (problem: string, line?: number): ProfileRegion => ({
    note: {
      kind: 'aws-config-invalid',
      file,
      problem,
      ...(line ? { line } : {}),
      location: line ? { file, line } : { file }
    }
  })
  let text: string
  try {
    const stat = statSync(path)
    if (!stat.isFile()) return {}
    if (stat.size > AWS_CONFIG_BYTES) {
      return invalid(
        `larger than ${AWS_CONFIG_BYTES / 1024} KB (${Math.ceil(stat.size / 1024)} KB): not read`
      )
    }
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? {} : invalid(`cannot be read (${code ?? 'error'})`)
  }
  const name = profile?.value ?? 'default'
  const found = regionInConfig(text, name)
  if (found.bad) return invalid(found.bad.problem, found.bad.line)
  if (found.unprefixed) {
    return invalid(
      `[${name}] is not read as profile ${name}: in a config file a named profile is \`[profile ${name}]\``,
      found.unprefixed
    )
  }
  if (!found.region) return {}
  const by = profile ? ` (${profile.source})` : ''
  return {
    region: {
      value: found.region.value,
      source: `region of [${found.region.section}] in ${file}:${found.region.line}${by}`,
      location: { file, line: found.region.line }
    }
  }
}
