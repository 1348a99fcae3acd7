/**
 * The agent's `.env` (the `env-file` input; the agent's troubleshooting page tells users
 * to "Add to ~/.insightworker/.env: AWS_REGION=us-east-1") read as an agent profile: its values
 * fill what the environment leaves unset, as dotenv does, each kept with the file and line that
 * set it, and only the keys the preflight may apply (src/env-file/keys.ts) are applied. The
 * result feeds the same lookup as Claude Code's settings (src/settings.ts), so a value from the
 * file reads `.env line 3` in every finding.
 */
import type { EnvFile, Sourced } from '../config.js'
import { envKeyUse } from '../env-file/keys.js'

export interface EnvFileProfile {
  /** The environment the checks and the AWS layer see: the process's, plus what the file adds. */
  env: Record<string, string | undefined>
  /** What the file adds, to put into the process environment (masked first) where the SDK looks. */
  fileValues: Record<string, string>
  /** A variable's value and where it came from: the file's line, else the variable's name. */
  lookup: (key: string) => Sourced<string> | undefined
}

export function envFileProfile(
  processEnv: Readonly<Record<string, string | undefined>>,
  envFile: EnvFile | undefined
): EnvFileProfile {
  const env: Record<string, string | undefined> = { ...processEnv }
  const fileValues: Record<string, string> = {}
  const sourceOf = new Map<string, string>()
  // Base URLs the file names on another host: they tell which endpoint the agent calls, but no
  // request goes there (they stay out of `env`, where the AWS layer looks).
  const endpointOnly: Record<string, string> = {}
  if (envFile) {
    envFile.ignored = []
    envFile.unread = []
  }
  for (const entry of envFile?.entries ?? []) {
    const use = envKeyUse(entry.key, entry.value)
    if (use.use === 'refuse' || use.use === 'endpoint-only') {
      envFile!.ignored!.push({ key: entry.key, line: entry.line, why: use.why })
    } else if (use.use === 'unread') envFile!.unread!.push(entry.key)
    if (use.use === 'refuse' || use.use === 'unread') continue
    if (env[entry.key] === undefined || env[entry.key] === '') {
      sourceOf.set(entry.key, `${envFile!.displayPath} line ${entry.line}`)
      if (use.use === 'endpoint-only') {
        endpointOnly[entry.key] = entry.value
        continue
      }
      env[entry.key] = entry.value
      fileValues[entry.key] = entry.value
    }
  }
  const lookup = (key: string): Sourced<string> | undefined => {
    const value = (env[key] || endpointOnly[key])?.trim()
    return value ? { value, source: sourceOf.get(key) ?? key } : undefined
  }
  return { env, fileValues, lookup }
}
