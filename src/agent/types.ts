/**
 * What an agent's own configuration says it will call, each value with where it was written, so
 * a finding can say "CLAUDE_CODE_SUBAGENT_MODEL in .claude/settings.json:4".
 */
import type { SourceLocation } from '../types/source-location.js'

/** One value of the agent's configuration and where it came from. */
export interface AgentSetting {
  value: string
  /** `CLAUDE_CODE_SUBAGENT_MODEL in .claude/settings.json:4`, `claude_args --model of step claude`. */
  source: string
  /** The file and line a finding (and its annotation) points at, when one wrote it. */
  location?: SourceLocation
}

/** Something about the agent's configuration a finding reports (never a value of a secret). */
export type AgentNote =
  | { kind: 'invalid'; file: string; problem: string; location?: SourceLocation }
  | { kind: 'helper'; file: string; key: string; location?: SourceLocation }
  | { kind: 'refused'; file: string; key: string; why: string; location?: SourceLocation }
  | { kind: 'credential'; file: string; key: string; location?: SourceLocation }
  | { kind: 'expression'; where: string; what: string; location?: SourceLocation }
  | { kind: 'workflow-unread'; file: string; problem: string }
  | { kind: 'not-bedrock'; where: string; location?: SourceLocation }
  | { kind: 'outside'; where: string; path: string; location?: SourceLocation }
  | {
      /** Claude Code's region taken from the profile, where its own docs disagree (aws-config.ts). */
      kind: 'region-from-profile'
      region: string
      source: string
    }
  | {
      kind: 'aws-config-invalid'
      file: string
      problem: string
      line?: number
      location?: SourceLocation
    }

/** A settings layer that was read: its display path and the keys it set. */
export interface AgentLayerRead {
  file: string
  keys: string[]
}

/** What the agent-profile resolver hands the configuration. */
export interface AgentProfile {
  /** Every settings layer read, highest precedence first. */
  layers: AgentLayerRead[]
  /**
   * Variables the agent's settings set, highest precedence first merged: they override the
   * process environment (Claude Code applies a settings file's `env` over the shell's).
   */
  env: Map<string, AgentSetting>
  /** Variables the agent step's environment sets (`claude_env`, the step's `env:`): below `env`. */
  stepEnv: Map<string, AgentSetting>
  /** The top-level `model` of the settings (below ANTHROPIC_MODEL, as Claude Code orders them). */
  settingsModel?: AgentSetting
  /** `--model` of the agent's command line (claude-code-action's `claude_args`, or `model`). */
  cliModel?: AgentSetting
  /** `--fallback-model` of the agent's command line. */
  fallbackModel?: AgentSetting
  /** The agent step found in this job's workflow, as findings name it. */
  step?: string
  notes: AgentNote[]
}

/** Settings of the agent's that change whether its calls work (src/agent/switches.ts). */
export interface AgentSwitches {
  /** ANTHROPIC_BEDROCK_SERVICE_TIER, and whether Bedrock accepts its value. */
  serviceTier?: AgentSetting & { accepted: boolean }
  /**
   * DISABLE_PROMPT_CACHING set: every turn's whole prompt then counts against the per-minute quota
   * ("Cache reads do not count toward Bedrock token quotas", AWS's agent toolkit,
   * github.com/aws/agent-toolkit-for-aws, skills/core-skills/amazon-bedrock/references/
   * prompt-caching.md, read 2026-12-07).
   */
  promptCachingOff?: AgentSetting
  /**
   * CLAUDE_CODE_SKIP_BEDROCK_AUTH with ANTHROPIC_BEDROCK_BASE_URL on a host that is not AWS's:
   * Claude Code sends its calls unsigned to the gateway, which authenticates to Bedrock itself
   * (docs.anthropic.com/en/docs/claude-code/third-party-integrations: the SKIP_AUTH flags "are used
   * in LLM gateway scenarios where the gateway handles provider authentication"; the client uses
   * smithy.api#noAuth then,
   * claude-code-internals.pages.dev/models/bedrock, March 2026 snapshot). Only the host is kept:
   * a URL can carry a user and password.
   */
  gatewayAuth?: { skip: AgentSetting; gateway: { host: string; source: string } }
  /**
   * CLAUDE_CODE_SKIP_BEDROCK_AUTH with no gateway (ANTHROPIC_BEDROCK_BASE_URL unset, or on AWS's
   * own bedrock-runtime host): Claude Code still signs nothing, and AWS refuses an unsigned call
   * (SigV4 or an API key is required: docs.aws.amazon.com/bedrock/latest/userguide/security-iam.html).
   * `aws` is the AWS host the base URL names, when it names one.
   */
  skipWithoutGateway?: { skip: AgentSetting; aws?: { host: string; source: string } }
}
