/**
 * The region of the AWS profile the agent runs with, read from the shared config file the way the
 * AWS SDKs read it when AWS_REGION is unset: the file AWS_CONFIG_FILE names, else ~/.aws/config;
 * the profile AWS_PROFILE names, else `default`; `[profile name]` sections, and `[default]` for
 * the default profile (docs.aws.amazon.com/sdkref/latest/guide/file-format.html, "Format of the
 * config file", 2026-12-07). Whether Claude Code reads it is disputed: its Bedrock page said
 * "AWS_REGION is a required environment variable. Claude Code does not read from the .aws config
 * file for this setting" (code.claude.com/docs/en/amazon-bedrock, every stored copy), while a
 * June 2026 summary of its setup (library.ryansallison.com/book/claude-code-june-2026) marks
 * AWS_REGION "optional if your AWS profile already sets a region". The region is checked, and
 * agent-settings warns (regionFromProfile) so the run is never green on it alone.
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

/** The section types parseIni keeps a `[type name]` header of (@smithy/types IniSectionType). */
const SECTION_TYPES = ['profile', 'sso-session', 'services']
/** parseIni's pattern for `[type name]` (one whitespace, an optionally quoted name). */
const PREFIXED = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/

/**
 * The key parseIni files a `[header]` under (`profile.dev` for `[profile dev]`), or undefined when
 * it drops the section's lines (a known type-like prefix it does not know, `[foo bar]`).
 */
function sectionKey(name: string): string | undefined {
  const m = PREFIXED.exec(name)
  if (!m) return name
  return SECTION_TYPES.includes(m[1] ?? '') ? `${m[1]}.${m[3]}` : undefined
}

/**
 * The keys of the sections the SDK merges into profile `profile` (getConfigData): `profile.name`
 * for a named one; for `default`, `profile.default` when it holds any key, else `default`.
 */
function profileKeys(profile: string, filled: ReadonlySet<string>): string[] {
  if (profile !== 'default') return [`profile.${profile}`]
  return filled.has('profile.default') ? ['profile.default'] : ['default']
}

type Found = { value: string; line: number; section: string }

/**
 * The `region` of profile `profile` in the config text, read line by line exactly as the
 * JavaScript SDK (Smithy `parseIni`, then `getConfigData`, @smithy/core 3.41) reads it — which is
 * what Claude Code uses: a comment starts at `#` or `;` at the start of the line or after
 * whitespace; a `[…]` line is a header; an indented line after `key =` belongs to that sub-section;
 * any other line with `=` past its first character is a key (case kept); every other line is
 * skipped. Also the first line the SDK skips or cannot file under a profile (`bad`: the AWS CLI
 * refuses such a file, "Unable to parse config file", and the author may have meant something
 * else), wherever it is: it is said, but it changes nothing the SDK reads.
 */
export function regionInConfig(
  text: string,
  profile: string
): {
  region?: Found
  bad?: { line: number; problem: string }
  unprefixed?: number
} {
  // Per section key: its `region` and where it was set (the last one wins, as parseIni's map does).
  const regions = new Map<string, Found>()
  const filled = new Set<string>()
  let section: string | undefined
  let header = ''
  let sub: string | undefined
  let bad: { line: number; problem: string } | undefined
  let unprefixed: number | undefined
  const flag = (line: number, problem: string) => (bad ??= { line, problem })
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.split(/(?:^|\s)[;#]/)[0]!.trim()
    if (!line) continue
    if (line.startsWith('[') && line.endsWith(']')) {
      header = line.slice(1, -1)
      section = sectionKey(header)
      sub = undefined
      if (profile !== 'default' && header === profile) unprefixed ??= i + 1
      // The header itself is not repeated: it is the user's text, and a title is Markdown.
      if (section === undefined)
        flag(i + 1, 'a section of a type the AWS SDKs do not read (its lines are skipped)')
      else if (/\s/.test(header) && !PREFIXED.test(header))
        flag(
          i + 1,
          'a section header the AWS SDK for JavaScript does not read as a profile: write `[profile name]`, one space between'
        )
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0 && line.startsWith('[')) flag(i + 1, 'a section header without its closing `]`')
    else if (eq <= 0) flag(i + 1, 'neither a `[section]` header nor a `key = value` line')
    else if (section === undefined && !header)
      flag(i + 1, 'a `key = value` line before any `[section]` header')
    if (section === undefined || eq <= 0) continue
    const key = line.slice(0, eq).trim()
    const value = line.slice(eq + 1).trim()
    if (value === '') {
      sub = key
      continue
    }
    if (sub !== undefined && raw.trimStart() === raw) sub = undefined
    filled.add(section)
    if (sub === undefined && key === 'region')
      regions.set(section, { value, line: i + 1, section: header })
  }
  const keys = profileKeys(profile, filled)
  const region = keys.map((k) => regions.get(k)).find(Boolean)
  return {
    ...(region ? { region } : {}),
    ...(bad ? { bad } : {}),
    ...(unprefixed && !region ? { unprefixed } : {})
  }
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
  // A line the SDK skips is said, but the region is still the one the SDK reads.
  const note = found.unprefixed
    ? invalid(
        `[${name}] is not read as profile ${name}: in a config file a named profile is \`[profile ${name}]\``,
        found.unprefixed
      )
    : found.bad
      ? invalid(found.bad.problem, found.bad.line)
      : {}
  if (!found.region) return note
  const by = profile ? ` (${profile.source})` : ''
  return {
    ...note,
    region: {
      value: found.region.value,
      source: `region of [${found.region.section}] in ${file}:${found.region.line}${by}`,
      location: { file, line: found.region.line }
    }
  }
}
