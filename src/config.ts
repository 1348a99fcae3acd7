/**
 * What a preflight run is asked to verify. Both faces (the action and the CLI) build one of
 * these from their own inputs; the engine reads nothing else.
 */
import type { SessionTagging } from './aws/session-tags.js'
import { FALLBACK_MODEL_FACT } from './data/models.js'
import type { Endpoint } from './parse/endpoint.js'
import type { AgentLayerRead, AgentNote, AgentSwitches } from './agent/types.js'

export type FailOn = 'error' | 'warning' | 'never'

/** Where a run happens: fixes differ (re-run configure-aws-credentials vs `aws sso login`). */
export type Surface = 'github-actions' | 'cli'

export interface Logger {
  /** Only a maintainer needs it: `core.debug` in the action, `--debug` in the CLI. */
  debug(message: string): void
  /** Registers a value that must never be printed (`core.setSecret` in the action). */
  mask(secret: string): void
}

/** A value together with where it came from, so findings can say "from AWS_REGION". */
export interface Sourced<T> {
  value: T
  /** `input aws-region`, `AWS_REGION`, `.env line 3`, `default: …`, … */
  source: string
  /** Set on the model the preflight chose because the configuration named none. */
  chosen?: true
}

/** A model the agent calls: its ID with where it was named, and what else about its calls is set. */
export interface SourcedModel extends Sourced<string> {
  /** The region this model's calls go to when it is not the run's (the small/fast model's own). */
  region?: Sourced<string> & Pick<SourcedModel, 'setting'>
  /** The agent's model tier: main, opus, sonnet, haiku, small/fast, subagent, fallback. */
  tier?: string
  /** The variable, flag or key that names it (ANTHROPIC_MODEL, --model, model). */
  variable?: string
  /** How a fix names that setting, and where it is written. */
  setting?: { name: string; style: 'env' | 'json' | 'flag'; where?: string }
  /** The file and line that named it, for the finding's annotation. */
  location?: { file: string; line?: number }
  /** Output tokens one call asks for (CLAUDE_CODE_MAX_OUTPUT_TOKENS), what the quota must fit. */
  maxOutputTokens?: Sourced<number>
  /**
   * Named with Claude Code's `[1m]` suffix: its calls use the 1M-token context beta, which
   * Service Quotas meters apart ("… 1M Context Length", bedrock.md §00), not the standard quota.
   */
  longContext?: true
}

/** The agent's own configuration as read: its settings files, and what a finding must report. */
export interface AgentRead {
  layers: AgentLayerRead[]
  notes: AgentNote[]
  /** The agent step found in this job's workflow. */
  step?: string
  /** Service tier, prompt caching and gateway authentication, as the agent reads them. */
  switches?: AgentSwitches
}

/** One `KEY=value` line of the agent's `.env` file, kept with its position. */
export interface EnvFileEntry {
  key: string
  value: string
  line: number
}

/** A line the `.env` reader could not understand. */
export interface EnvFileProblem {
  line: number
  message: string
}

/** A key of the `.env` file the preflight does not let point it anywhere, and why. */
export interface EnvFileIgnored {
  key: string
  line: number
  why: string
}

export interface EnvFile {
  path: string
  /** The path as annotations should show it (relative to the workspace when inside it). */
  displayPath: string
  entries: EnvFileEntry[]
  problems: EnvFileProblem[]
  /** Keys that would point the preflight at another file, program or host: not applied. */
  ignored?: EnvFileIgnored[]
  /** Keys of the agent's the preflight does not check: not applied, named in the pass finding. */
  unread?: string[]
}

export interface PreflightConfig {
  /** Regions to check, as given; empty when none is configured (the `region` check fails). */
  regions: Sourced<string>[]
  /**
   * Model identifiers to check, as given (parsed and validated by the `model-id` check): the input
   * or BEDROCK_MODEL, then each Claude Code model variable that is set. Empty when none is named:
   * `runPreflight` then checks the newest Claude Sonnet the region can call.
   */
  models: SourcedModel[]
  /**
   * When the run began (ms since the epoch): `timeoutSeconds` counts from here, so reading the
   * inputs and planning are inside the time limit too. Absent: from when `runPreflight` starts.
   */
  startedAtMs?: number
  /** Set when `models` is the engine's choice (none was named), not the agent's. */
  modelChosen?: boolean
  /** Roles this job must be able to assume with `sts:AssumeRole`. */
  assumeRoleArns: string[]
  /** The role the job's GitHub OIDC token should assume. */
  oidcRoleArn?: string
  /** Whether the job's later AssumeRole of those roles passes session tags (absent: `auto`). */
  roleSessionTags?: SessionTagging
  /**
   * The inference endpoint the agent calls (`endpoint`, else inferred from
   * ANTHROPIC_BEDROCK_BASE_URL / ANTHROPIC_BASE_URL). Absent: `runtime`, the default.
   */
  endpoint?: Sourced<Endpoint>
  /**
   * Anthropic beta flags the agent adds to every request (Claude Code's `ANTHROPIC_BETAS`, a
   * comma-separated list): the probes send them too, so a flag the model refuses on Bedrock
   * ("invalid beta flag") fails here, not in the job.
   */
  anthropicBetas?: Sourced<string[]> & { location?: { file: string; line?: number } }
  /** The bedrock-mantle project the agent's requests go to (`mantle-project`); absent: `default`. */
  mantleProject?: Sourced<string>
  /** Make one real Converse call with maxTokens 1 (costs a fraction of a cent). */
  invokeProbe: boolean
  failOn: FailOn
  /** Bound on the whole run; every AWS call gets a share of it. */
  timeoutSeconds: number
  /**
   * Tokens one call may reserve against a per-minute quota (`min-tokens-per-minute`); absent, the
   * quota check uses each model's output maximum.
   */
  minTokensPerMinute?: number
  /**
   * The Bedrock API key the agent authenticates with, and where it came from (the
   * `bedrock-api-key` input, AWS_BEARER_TOKEN_BEDROCK, an env-file line). A secret: masked before
   * anything is printed, never in a finding.
   */
  bedrockApiKey?: Sourced<string>
  /** The environment the checks look at: the process environment, plus an env file's values. */
  env: Readonly<Record<string, string | undefined>>
  envFile?: EnvFile
  /** What the agent's settings files and workflow step say (src/agent/), when any was read. */
  agent?: AgentRead
  /** The AWS profile to use, when one was named (`--profile`, `AWS_PROFILE`). */
  profile?: string
  /**
   * Where `profile` came from when the agent's own settings named it (`AWS_PROFILE in
   * .claude/settings.json:4`, the agent step's `env:`): Claude Code applies them over the shell's.
   */
  profileSource?: string
  surface: Surface
  /** Obtains a GitHub OIDC token for an audience (the action wires `core.getIDToken`). */
  getIdToken?: (audience: string) => Promise<string>
  log: Logger
}

/**
 * The model checked when none is named anywhere AND ListInferenceProfiles cannot be read (denied,
 * throttled, unreachable): Claude Sonnet 4.6, the newest Sonnet in AWS's regional-availability
 * table when this version was built (2026, shared/reference/bedrock.md §1.3). Its profile prefix is
 * the region's (src/aws/default-model.ts). When the read answers, the newest Claude Sonnet the
 * region can call is checked instead, so this constant does not go stale with Anthropic's releases.
 */
export const DEFAULT_MODEL = FALLBACK_MODEL_FACT.value.modelId

/**
 * Claude Code's model variables (code.claude.com/docs/en/model-config and amazon-bedrock), in the
 * order it reads them: every one that is set names a model the agent may call.
 */
export const CLAUDE_CODE_MODEL_VARIABLES = [
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
  'CLAUDE_CODE_SUBAGENT_MODEL'
] as const

/** Every variable whose value is a model this preflight checks. */
export const MODEL_VARIABLES: readonly string[] = ['BEDROCK_MODEL', ...CLAUDE_CODE_MODEL_VARIABLES]
export const DEFAULT_TIMEOUT_SECONDS = 30

/** Splits a list input: commas or newlines, blanks and surrounding spaces dropped. */
export function splitList(raw: string | undefined): string[] {
  if (!raw) return []
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** A logger that drops everything: for library use and tests. */
export const silentLogger: Logger = { debug: () => undefined, mask: () => undefined }
