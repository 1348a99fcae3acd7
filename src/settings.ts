import { relative, isAbsolute, resolve } from 'node:path'
import {
  DEFAULT_TIMEOUT_SECONDS,
  splitList,
  type EnvFile,
  type FailOn,
  type Logger,
  type PreflightConfig,
  type Sourced,
  type SourcedModel,
  type Surface
} from './config.js'
import { resolveAgentProfile } from './agent/resolve.js'
import { readProfileRegion } from './agent/aws-config.js'
import { agentSwitches } from './agent/switches.js'
import { sdkRegion, type AgentKind } from './agent/sdk-profile.js'
import { envFileProfile } from './agent/env-file-profile.js'
import { agentModels, outputBudget } from './agent/tiers.js'
import type { AgentStepRead } from './agent/workflow-step.js'
import type { AgentSetting } from './agent/types.js'
import { parseDotenv } from './parse/dotenv.js'
import { parseTimeoutSeconds } from './parse/timeout.js'
import { BEARER_TOKEN_VARIABLE, inputOf, inputSource, type InputKey } from './inputs.js'
import { readEnvFileText } from './env-file/read.js'
import { LIMITS } from './limits.js'
import type { SessionTagging } from './aws/session-tags.js'
import { BASE_URL_VARIABLES, endpointOfUrl, type Endpoint } from './parse/endpoint.js'

/**
 * What a face collected from its inputs or flags (each one an entry of INPUTS, src/inputs.ts),
 * before defaults and the env file apply.
 */
export interface RawSettings extends Partial<Record<InputKey, unknown>> {
  surface: Surface
  regions?: string
  models?: string
  assumeRoleArns?: string
  oidcRoleArn?: string
  envFilePath?: string
  /** Set when the env file path is a default (the CLI's ~/.insightworker/.env): a missing file is fine then. */
  envFileOptional?: boolean
  invokeProbe?: string | boolean
  /** `runtime`, `mantle` or `both`; empty: inferred from the agent's base URL, else runtime. */
  endpoint?: string
  /** The bedrock-mantle project (`default` or `proj_…`); empty: the default project. */
  mantleProject?: string
  roleSessionTags?: string
  failOn?: string
  timeoutSeconds?: string | number
  minTokensPerMinute?: string | number
  /** A Bedrock API key given as an input (`bedrock-api-key`); else AWS_BEARER_TOKEN_BEDROCK. */
  bedrockApiKey?: string
  profile?: string
  processEnv: Record<string, string | undefined>
  /** Directory annotations are relative to (GITHUB_WORKSPACE). */
  workspace?: string
  /** The agent step of this job's workflow (src/agent/workflow-step.ts), when the action found one. */
  agentStep?: AgentStepRead
  getIdToken?: (audience: string) => Promise<string>
  log: Logger
}

/**
 * An input that cannot be used: the face reports it and stops (exit 2 in the CLI). The input's
 * name and the problem are kept apart, so each face names the input its own way (`--timeout`,
 * `Input timeout-seconds`) without taking the message apart.
 */
export class SettingsError extends Error {
  constructor(
    readonly input: string,
    /** What is wrong, to follow the input's name: `must be true or false, got "yes"`. */
    readonly problem: string
  ) {
    super(`${input} ${problem}`)
    this.name = 'SettingsError'
  }
}

/**
 * Refuses a value the input's entry in INPUTS finds wrong, naming the input. Blank values are
 * the caller's to default.
 */
function check(key: InputKey, value: string | number | undefined): void {
  const spec = inputOf(key)
  const problem = String(value ?? '').trim() ? spec.problem?.(String(value)) : undefined
  if (problem) throw new SettingsError(spec.name, problem)
}

function parseBoolean(key: InputKey, value: string | boolean | undefined): boolean {
  if (typeof value === 'boolean') return value
  check(key, value)
  return (value ?? '').trim().toLowerCase() === 'true'
}

function readEnvFile(
  path: string,
  optional: boolean,
  workspace: string | undefined
): EnvFile | undefined {
  const read = readEnvFileText(path)
  if (!read.ok) {
    if (optional && read.missing) return undefined
    throw new SettingsError(inputOf('envFilePath').name, `${path} ${read.problem}`)
  }
  const absolute = resolve(path)
  const rel = workspace ? relative(workspace, absolute) : undefined
  const displayPath = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
  return { path: absolute, displayPath, ...parseDotenv(read.text) }
}

/** Refuses a list longer than its limit, naming the input, before any of it is planned. */
function withinLimit<T>(items: T[], input: string, what: string, limit: number): T[] {
  if (items.length > limit) {
    throw new SettingsError(
      input,
      `names ${items.length} ${what}; one run checks at most ${limit}: split them over several steps or runs`
    )
  }
  return items
}

/**
 * Drops repeated values, keeping the first of each (with its source); a model per its region and
 * per context window: a `[1m]` setting of a model named plainly too sends the 1M-context flag.
 */
function dedupe<T extends { value: string; region?: Sourced<string>; longContext?: true }>(
  items: T[]
): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = `${item.value}\n${item.region?.value ?? ''}\n${item.longContext ? '1m' : ''}`
    return !seen.has(key) && seen.add(key) !== undefined
  })
}

/**
 * Builds the one configuration the engine reads. The env file fills variables the environment
 * leaves unset (the environment wins, as with dotenv), and every value keeps its source so
 * findings can say "from AWS_REGION" or point at `.env` line 3.
 */
export function buildConfig(raw: RawSettings): {
  config: PreflightConfig
  fileValues: Record<string, string>
  /** Credentials the agent's settings files hold: masked, never applied. */
  agentSecrets: string[]
} {
  const startedAtMs = Date.now()
  check('failOn', raw.failOn)
  const failOn = (raw.failOn?.trim() || 'error') as FailOn
  // Absent: the default. Given but empty (`timeout-seconds: ''`) is a mistake, not the default.
  const timeout =
    raw.timeoutSeconds === undefined
      ? { ok: true as const, seconds: DEFAULT_TIMEOUT_SECONDS }
      : parseTimeoutSeconds(String(raw.timeoutSeconds))
  if (!timeout.ok) throw new SettingsError(inputOf('timeoutSeconds').name, timeout.problem)
  const timeoutSeconds = timeout.seconds
  check('minTokensPerMinute', raw.minTokensPerMinute)
  const minText = String(raw.minTokensPerMinute ?? '').trim()
  const minTokensPerMinute = minText === '' ? undefined : Number(minText)
  const invokeProbe = parseBoolean('invokeProbe', raw.invokeProbe)
  check('roleSessionTags', raw.roleSessionTags)
  const roleSessionTags = (raw.roleSessionTags?.trim().toLowerCase() || 'auto') as SessionTagging

  const envFile = raw.envFilePath
    ? readEnvFile(raw.envFilePath, raw.envFileOptional ?? false, raw.workspace)
    : undefined
  // The agent's .env as an agent profile: it fills what the environment leaves unset.
  const { env, fileValues, lookup: fromEnv } = envFileProfile(raw.processEnv, envFile)
  // The agent's settings override the environment (Claude Code applies their `env` over the
  // shell's), the agent step's own environment comes next (src/agent/resolve.ts).
  check('agent', raw.agent as string | undefined)
  const agentKind = (String(raw.agent ?? '')
    .trim()
    .toLowerCase() || 'claude-code') as AgentKind
  const sdkKind = agentKind === 'claude-code' ? undefined : agentKind
  const { profile, secrets: agentSecrets } = resolveAgentProfile({
    kind: agentKind,
    processEnv: raw.processEnv,
    workspace: raw.workspace ?? process.cwd(),
    ...(raw.agentStep ? { step: raw.agentStep } : {}),
    readVariables: AGENT_READ_VARIABLES
  })
  const fromAgent = (key: string): AgentSetting | undefined => {
    const set = profile.env.get(key) ?? profile.stepEnv.get(key)
    return set?.value.trim() ? { ...set, value: set.value.trim() } : undefined
  }
  const labelled = (key: string): AgentSetting | undefined => fromAgent(key) ?? fromEnv(key)

  const fallback = (key: InputKey): AgentSetting | undefined => {
    for (const name of inputOf(key).env ?? []) {
      const found = labelled(name)
      if (found) return found
    }
    return undefined
  }
  // A list input as given: split, within its bound, each value with where it came from.
  const listed = (key: 'regions' | 'models' | 'assumeRoleArns'): Sourced<string>[] => {
    const { name, limit } = inputOf(key)
    const items = splitList(raw[key])
    if (limit) withinLimit(items, name, limit.what, limit.count)
    return items.map((value) => ({ value, source: inputSource(key, raw.surface) }))
  }

  const regionInputs = listed('regions')
  const regionFallback = fallback('regions')
  // The region the agent's own settings set is called whatever the input says: checked too.
  const agentRegion = fromAgent('AWS_REGION') ?? fromAgent('AWS_DEFAULT_REGION')
  // Neither the input nor a variable names one: the SDKs (and Claude Code) read the region of the
  // active profile in the shared config file (src/agent/aws-config.ts). Read only then.
  const profileName = raw.profile?.trim()
    ? { value: raw.profile.trim(), source: inputSource('profile', raw.surface) }
    : labelled('AWS_PROFILE')
  // The profile the agent's settings name is the one its SDK signs with (it applies them over the
  // shell's environment): credentials, identity and fixes use it too, unless an input names one.
  const agentProfile = raw.profile?.trim() ? undefined : fromAgent('AWS_PROFILE')
  let fromProfile: ReturnType<typeof readProfileRegion> | undefined
  const readProfile = () =>
    (fromProfile ??= readProfileRegion({
      env: raw.processEnv,
      ...(profileName ? { profile: plain(profileName) } : {})
    }))
  // An app on an Anthropic SDK's Bedrock client picks its region its SDK's way (src/agent/sdk-profile.ts).
  const appRegion =
    regionInputs.length === 0 && sdkKind
      ? sdkRegion(sdkKind, labelled, () => readProfile().region)
      : undefined
  const profileRegion =
    regionInputs.length > 0 || regionFallback || sdkKind ? undefined : readProfile().region
  if (fromProfile?.note) profile.notes.push(fromProfile.note)
  // Claude Code's own Bedrock page has said both that AWS_REGION is required and never read from
  // ~/.aws/config, and that it is optional when the profile sets a region (aws-config.ts): the
  // profile's region is checked, and never passed quietly as the one Claude Code will call.
  if (profileRegion)
    profile.notes.push({
      kind: 'region-from-profile',
      region: profileRegion.value,
      source: profileRegion.source
    })
  const regions =
    regionInputs.length > 0
      ? [...regionInputs, ...(agentRegion ? [plain(agentRegion)] : [])]
      : appRegion
        ? [plain(appRegion)]
        : regionFallback
          ? [plain(regionFallback)]
          : profileRegion
            ? [plain(profileRegion)]
            : []

  const modelInputs = listed('models')
  const modelEnv = fallback('models')
  const named =
    modelInputs.length > 0
      ? modelInputs
      : modelEnv
        ? withinLimit(
            splitList(modelEnv.value),
            `BEDROCK_MODEL (${modelEnv.source})`,
            'models',
            LIMITS.models
          ).map((value) => ({ value, source: modelEnv.source }))
        : []
  // Claude Code calls these too, whatever model-id says: every tier, each where it was set. None
  // named at all: the engine picks the newest Sonnet the region can call (src/aws/default-model.ts).
  // Claude Code's output budget is what each of its calls reserves against a per-minute quota.
  // Claude Code's own variables: an SDK app reads none of them.
  const claudeCode = (key: string) => (sdkKind ? undefined : labelled(key))
  const budget = outputBudget(claudeCode)
  const models: SourcedModel[] = [...named, ...agentModels(claudeCode, profile)].map((m) =>
    budget ? { ...m, maxOutputTokens: budget } : m
  )

  // The variable the Bedrock SDKs (and Claude Code) read the key from; an input wins over it.
  const keyInput = raw.bedrockApiKey?.trim()
  const bedrockApiKey = keyInput
    ? { value: keyInput, source: inputSource('bedrockApiKey', raw.surface) }
    : fallback('bedrockApiKey')

  const endpoint = endpointFrom(raw, labelled)
  const mantleProject = mantleProjectFrom(raw)
  const switches = agentSwitches(claudeCode)
  // Claude Code's own list of beta flags: an SDK app never sends it.
  const betasVar = claudeCode('ANTHROPIC_BETAS')
  const betas = betasVar ? splitList(betasVar.value) : []

  const config: PreflightConfig = {
    regions: dedupe(regions),
    models: dedupe(models),
    assumeRoleArns: [...new Set(listed('assumeRoleArns').map((role) => role.value))],
    ...(raw.oidcRoleArn?.trim() ? { oidcRoleArn: raw.oidcRoleArn.trim() } : {}),
    roleSessionTags,
    ...(endpoint ? { endpoint } : {}),
    ...(mantleProject ? { mantleProject } : {}),
    ...(betasVar && betas.length
      ? {
          anthropicBetas: {
            value: betas,
            source: betasVar.source,
            ...(betasVar.location ? { location: betasVar.location } : {})
          }
        }
      : {}),
    invokeProbe,
    failOn,
    timeoutSeconds,
    startedAtMs,
    ...(minTokensPerMinute !== undefined ? { minTokensPerMinute } : {}),
    ...(bedrockApiKey ? { bedrockApiKey } : {}),
    env,
    ...(envFile ? { envFile } : {}),
    ...(profile.layers.length > 0 ||
    profile.notes.length > 0 ||
    profile.step ||
    Object.keys(switches).length > 0
      ? {
          agent: {
            layers: profile.layers,
            notes: profile.notes,
            ...(profile.step ? { step: profile.step } : {}),
            ...(Object.keys(switches).length > 0 ? { switches } : {})
          }
        }
      : {}),
    ...(raw.profile?.trim()
      ? { profile: raw.profile.trim() }
      : agentProfile
        ? { profile: agentProfile.value, profileSource: agentProfile.source }
        : {}),
    surface: raw.surface,
    ...(raw.getIdToken ? { getIdToken: raw.getIdToken } : {}),
    log: raw.log
  }
  return { config, fileValues, agentSecrets }
}

/** A value with its source only (the finding's text), without where it points. */
const plain = (s: Sourced<string>): Sourced<string> => ({ value: s.value, source: s.source })

/** Variables whose `${{ }}` value in the agent step's `env:` leaves something unchecked. */
const AGENT_READ_VARIABLES: ReadonlySet<string> = new Set([
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION',
  'CLAUDE_CODE_SUBAGENT_MODEL',
  'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
  'CLAUDE_CODE_USE_BEDROCK',
  'ANTHROPIC_BETAS'
])

/**
 * The endpoint the agent calls: the input when given; else what its base URL's host says
 * (`bedrock-mantle.…` or `bedrock-runtime.…`); else undefined, the runtime by default.
 */
function endpointFrom(
  raw: RawSettings,
  labelled: (key: string) => Sourced<string> | undefined
): Sourced<Endpoint> | undefined {
  check('endpoint', raw.endpoint)
  const given = raw.endpoint?.trim().toLowerCase()
  if (given) return { value: given as Endpoint, source: inputSource('endpoint', raw.surface) }
  // Claude Code (v2.1.94+) first, as it decides: CLAUDE_CODE_USE_MANTLE=1 calls mantle; with
  // CLAUDE_CODE_USE_BEDROCK=1 as well it calls both, routing each model ID by its form
  // (code.claude.com/docs/en/amazon-bedrock). Switched off (`0`, `false`), a leftover mantle URL
  // says nothing.
  const mantleFlag = labelled('CLAUDE_CODE_USE_MANTLE')
  const bedrockFlag = labelled('CLAUDE_CODE_USE_BEDROCK')
  if (mantleFlag && isOn(mantleFlag.value)) {
    return bedrockFlag && isOn(bedrockFlag.value)
      ? { value: 'both', source: `${mantleFlag.source} and ${bedrockFlag.source}` }
      : { value: 'mantle', source: mantleFlag.source }
  }
  const mantleOff = mantleFlag !== undefined
  for (const key of BASE_URL_VARIABLES) {
    const url = labelled(key)
    const value = url ? endpointOfUrl(url.value) : undefined
    if (url && value && !(mantleOff && value === 'mantle')) return { value, source: url.source }
  }
  // Claude Code's own mantle URL override says mantle too, unless mantle is switched off.
  const mantleUrl = labelled('ANTHROPIC_BEDROCK_MANTLE_BASE_URL')
  if (mantleUrl && !mantleOff) return { value: 'mantle', source: mantleUrl.source }
  return undefined
}

/** A flag variable that is set to something other than off (`0`, `false`, `no`, `off`). */
const isOn = (value: string) => !/^(0|false|no|off)$/i.test(value.trim())

function mantleProjectFrom(raw: RawSettings): Sourced<string> | undefined {
  check('mantleProject', raw.mantleProject)
  const given = raw.mantleProject?.trim()
  return given ? { value: given, source: inputSource('mantleProject', raw.surface) } : undefined
}

export { BEARER_TOKEN_VARIABLE }

/** Variables whose values must never reach a log, masked before anything is printed. */
export const SECRET_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  BEARER_TOKEN_VARIABLE
]

/**
 * What both faces do before the engine runs: mask every secret the environment holds before
 * anything could print it, build the configuration, and put the env file's values into the
 * process environment (masked first), because the SDK reads its credentials from there, as
 * the agent's would. Throws SettingsError for an input that cannot be used.
 */
export function prepareRun(
  raw: RawSettings,
  processEnv: Record<string, string | undefined> = process.env
): PreflightConfig {
  for (const name of SECRET_VARIABLES) {
    const value = raw.processEnv[name]
    if (value) raw.log.mask(value)
  }
  if (raw.bedrockApiKey?.trim()) raw.log.mask(raw.bedrockApiKey.trim())
  const { config, fileValues, agentSecrets } = buildConfig(raw)
  for (const secret of agentSecrets) raw.log.mask(secret)
  // The environment already won over the file; what the file adds goes where the SDK looks.
  for (const [key, value] of Object.entries(fileValues)) {
    if (SECRET_VARIABLES.includes(key)) raw.log.mask(value)
    processEnv[key] = value
  }
  return config
}
