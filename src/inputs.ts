/**
 * Every input the preflight takes, once: its name in action.yml, its flag in the CLI, the
 * variables read when it is empty, the check of a given value, and the words both faces show.
 * `main.ts` reads the action's inputs from this table, `cli/args.ts` builds its options and usage
 * from it, and `npm run docs` writes action.yml's `inputs:` and docs/cli.md's options from it.
 * Adding an input is one entry here, then its use in `buildConfig` (settings.ts).
 */
import { SESSION_TAGGING } from './aws/session-tags.js'
import { AGENT_KINDS } from './agent/sdk-profile.js'
import { ENDPOINTS } from './parse/endpoint.js'
import { parseTimeoutSeconds } from './parse/timeout.js'
import { LIMITS } from './limits.js'
import { DEFAULT_TIMEOUT_SECONDS, type FailOn } from './config.js'

/** The fields of `RawSettings` (settings.ts) an input fills. */
export type InputKey =
  | 'regions'
  | 'models'
  | 'assumeRoleArns'
  | 'roleSessionTags'
  | 'oidcRoleArn'
  | 'bedrockApiKey'
  | 'envFilePath'
  | 'profile'
  | 'agent'
  | 'endpoint'
  | 'mantleProject'
  | 'invokeProbe'
  | 'failOn'
  | 'minTokensPerMinute'
  | 'timeoutSeconds'

export interface InputSpec {
  key: InputKey
  /**
   * The input's name in errors (`SettingsError.input`): its action.yml name, or its flag for an
   * input only the CLI has.
   */
  name: string
  /** Whether action.yml declares it (as `name`). */
  action: boolean
  /** The CLI's flag without its dashes; absent: the CLI does not take it. */
  flag?: string
  /** `list`: comma or newline separated, a repeatable flag; `boolean`: a flag without a value. */
  type: 'string' | 'list' | 'boolean'
  /** Its values are words whose case does not matter (`TRUE` is `true`): the CLI lowercases them. */
  caseless?: true
  /** What the flag's value is called in the usage text (`<code>`). */
  arg?: string
  /** A list's bound (src/limits.ts): more values than this are refused, naming the input. */
  limit?: { count: number; what: string }
  /** Variables read, first set first, when the input is empty (settings.ts reads them). */
  env?: readonly string[]
  /** action.yml's default, as the runner passes it when the workflow does not set the input. */
  default?: string
  /** action.yml's description (the README's inputs table takes its first sentence). */
  description?: string
  /** The CLI's help for the flag, as printed, one line each. */
  help?: readonly string[]
  /**
   * What is wrong with a value given (not blank), or undefined: both faces check with it, the
   * action in `buildConfig`, the CLI before anything else runs.
   */
  problem?: (value: string) => string | undefined
}

/** Where the Bedrock SDKs look for an API key (`AWS_BEARER_TOKEN_` + the signing name). */
export const BEARER_TOKEN_VARIABLE = 'AWS_BEARER_TOKEN_BEDROCK'

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']

/** A mantle project ID as AWS's API reference gives its pattern: `proj_[a-zA-Z0-9]+|default`. */
const PROJECT_ID = /^(proj_[a-zA-Z0-9]+|default)$/

const oneOf =
  (allowed: readonly string[]) =>
  (value: string): string | undefined =>
    allowed.includes(value.trim().toLowerCase())
      ? undefined
      : `must be one of ${allowed.join(', ')}, got "${value}"`

export const INPUTS: readonly InputSpec[] = [
  {
    key: 'regions',
    name: 'aws-region',
    action: true,
    flag: 'region',
    type: 'list',
    arg: '<code>',
    limit: { count: LIMITS.regions, what: 'regions' },
    env: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
    description:
      'Region or regions to check (comma or newline separated). Defaults to AWS_REGION, then AWS_DEFAULT_REGION.',
    help: [
      'region(s) to check; repeat or comma-separate',
      '(default: AWS_REGION, then AWS_DEFAULT_REGION)'
    ]
  },
  {
    key: 'models',
    name: 'model-id',
    action: true,
    flag: 'model',
    type: 'list',
    arg: '<id>',
    limit: { count: LIMITS.models, what: 'models' },
    env: ['BEDROCK_MODEL'],
    description:
      "Model IDs, inference-profile IDs or ARNs to check (comma or newline separated). Defaults to BEDROCK_MODEL. Claude Code's ANTHROPIC_MODEL, ANTHROPIC_DEFAULT_OPUS_MODEL, ANTHROPIC_DEFAULT_SONNET_MODEL, ANTHROPIC_DEFAULT_HAIKU_MODEL and ANTHROPIC_SMALL_FAST_MODEL are checked too when set. With no model named, the newest Claude Sonnet the region can call.",
    help: [
      'model ID(s), inference profile(s) or ARN(s); repeat or',
      'comma-separate (default: BEDROCK_MODEL, else the newest',
      "Claude Sonnet the region can call; Claude Code's",
      'ANTHROPIC_MODEL, …_DEFAULT_*_MODEL, …_SMALL_FAST_MODEL too)'
    ]
  },
  {
    key: 'assumeRoleArns',
    name: 'assume-role-arn',
    action: true,
    flag: 'assume-role-arn',
    type: 'list',
    arg: '<arn>',
    limit: { count: LIMITS.roles, what: 'roles' },
    description:
      'Roles this job must be able to assume with sts:AssumeRole (comma or newline separated).',
    help: ['role(s) you must be able to assume; repeatable']
  },
  {
    key: 'roleSessionTags',
    name: 'role-session-tags',
    action: true,
    flag: 'role-session-tags',
    type: 'string',
    arg: '<v>',
    default: 'auto',
    description:
      "Does the job's later AssumeRole of `assume-role-arn` pass session tags, as aws-actions/configure-aws-credentials does unless `role-skip-session-tagging: true`? Tagging needs sts:TagSession in the role's trust policy. auto (default) probes with those tags and warns when only they are refused; true makes that an error; false probes without tags.",
    help: [
      'does that AssumeRole pass session tags (as',
      'configure-aws-credentials does)? auto (default: only',
      'in GitHub Actions, a warning), true, false'
    ],
    caseless: true,
    problem: oneOf(SESSION_TAGGING)
  },
  {
    key: 'oidcRoleArn',
    name: 'oidc-role-arn',
    action: true,
    type: 'string',
    description:
      "The role the job's GitHub OIDC token should assume. Checked with AssumeRoleWithWebIdentity, which needs no AWS credentials (works in an `if: failure()` step). Needs `id-token: write`."
  },
  {
    key: 'bedrockApiKey',
    name: 'bedrock-api-key',
    action: true,
    type: 'string',
    env: [BEARER_TOKEN_VARIABLE],
    description:
      'A Bedrock API key to check (pass it from a secret). Defaults to AWS_BEARER_TOKEN_BEDROCK, the variable the Bedrock SDKs and Claude Code read it from. Masked, never printed.'
  },
  {
    key: 'envFilePath',
    name: 'env-file',
    action: true,
    flag: 'env-file',
    type: 'string',
    arg: '<path>',
    description: "Your agent's .env file, whose values take part in the checks.",
    help: [
      "your agent's .env file (default: ~/.insightworker/.env",
      'when it exists); the environment wins over the file'
    ]
  },
  {
    key: 'profile',
    name: 'profile',
    action: false,
    flag: 'profile',
    type: 'string',
    arg: '<name>',
    // Read by the AWS SDK itself when no profile is named.
    env: ['AWS_PROFILE'],
    help: ['AWS profile to use (default: AWS_PROFILE)']
  },
  {
    key: 'agent',
    name: 'agent',
    action: true,
    flag: 'agent',
    type: 'string',
    arg: '<kind>',
    description:
      "Whose configuration to read: claude-code (empty), anthropic-sdk-python or anthropic-sdk-typescript. claude-code: its settings files, model tiers and this job's claude-code-action step; anthropic-sdk-…: an app on the Anthropic SDK's AnthropicBedrock client, its region picked as that SDK picks it, its model from model-id.",
    help: [
      'whose configuration to read: claude-code (default),',
      'anthropic-sdk-python or anthropic-sdk-typescript'
    ],
    caseless: true,
    problem: oneOf(AGENT_KINDS)
  },
  {
    key: 'endpoint',
    name: 'endpoint',
    action: true,
    flag: 'endpoint',
    type: 'string',
    arg: '<e>',
    description:
      "The Bedrock inference endpoint the agent calls: runtime (bedrock-runtime, the default), mantle (bedrock-mantle, e.g. Anthropic's Messages API under /anthropic) or both. Empty: inferred from ANTHROPIC_BEDROCK_BASE_URL or ANTHROPIC_BASE_URL (environment or env file) when its host is bedrock-mantle.… or bedrock-runtime.…, or from Claude Code's CLAUDE_CODE_USE_MANTLE / ANTHROPIC_BEDROCK_MANTLE_BASE_URL, else runtime.",
    help: [
      'the inference endpoint the agent calls: runtime (default),',
      'mantle or both (default: inferred from',
      'ANTHROPIC_BEDROCK_BASE_URL or ANTHROPIC_BASE_URL)'
    ],
    caseless: true,
    problem: oneOf(ENDPOINTS)
  },
  {
    key: 'mantleProject',
    name: 'mantle-project',
    action: true,
    flag: 'mantle-project',
    type: 'string',
    arg: '<id>',
    default: 'default',
    description:
      "The bedrock-mantle project (workspace) the agent's requests are attributed to: default, or a project ID (proj_…), as the agent sends it in anthropic-workspace-id. Only for endpoint mantle or both.",
    help: ['the bedrock-mantle project the agent uses (default, or proj_…)'],
    problem: (value) =>
      PROJECT_ID.test(value.trim())
        ? undefined
        : `must be "default" or a project ID (proj_ followed by letters and digits), got "${value.trim()}"`
  },
  {
    key: 'invokeProbe',
    name: 'invoke-probe',
    action: true,
    flag: 'invoke-probe',
    type: 'boolean',
    default: 'false',
    description:
      "Make one real call as Claude Code does (InvokeModelWithResponseStream, max_tokens 1; a fraction of a cent) to prove invocation end to end (and one via bedrock-mantle for endpoint mantle or both), with the agent's beta flags, so a flag Bedrock refuses fails here.",
    help: ['make one real call as Claude Code does (max_tokens 1, a fraction of a cent)'],
    problem: (value) =>
      /^(true|false)$/i.test(value.trim()) ? undefined : `must be true or false, got "${value}"`
  },
  {
    key: 'failOn',
    name: 'fail-on',
    action: true,
    flag: 'fail-on',
    type: 'string',
    arg: '<level>',
    default: 'error',
    description:
      'When to fail the job: error (default), warning (also on warnings and unverified checks) or never.',
    help: ['exit 1 on: error (default), warning, never'],
    problem: (value) =>
      (FAIL_ON as readonly string[]).includes(value.trim())
        ? undefined
        : `must be one of ${FAIL_ON.join(', ')}, got "${value}"`
  },
  {
    key: 'minTokensPerMinute',
    name: 'min-tokens-per-minute',
    action: true,
    flag: 'min-tokens-per-minute',
    type: 'string',
    arg: '<n>',
    description:
      "Tokens one call may reserve against a per-minute quota (input plus maxTokens). A tokens-per-minute or per-day quota below it warns. Defaults to each model's output maximum, so one call with maxTokens unset fits.",
    help: [
      'tokens one call may reserve; a per-minute quota below it',
      "warns (default: each model's output maximum)"
    ],
    problem: (value) => {
      const n = Number(value.trim())
      return Number.isInteger(n) && n >= 1 && n <= 1e9
        ? undefined
        : `must be a whole number of tokens from 1 to 1000000000, got "${value}"`
    }
  },
  {
    key: 'timeoutSeconds',
    name: 'timeout-seconds',
    action: true,
    flag: 'timeout',
    type: 'string',
    arg: '<seconds>',
    default: String(DEFAULT_TIMEOUT_SECONDS),
    description: 'Upper bound on the whole preflight, in seconds.',
    help: [`bound on the whole run, 1-600 (default ${DEFAULT_TIMEOUT_SECONDS})`],
    problem: (value) => {
      const parsed = parseTimeoutSeconds(value)
      return parsed.ok ? undefined : parsed.problem
    }
  }
]

/** The entry of an input, by its field. */
export function inputOf(key: InputKey): InputSpec {
  const spec = INPUTS.find((i) => i.key === key)
  if (!spec) throw new Error(`no input fills ${key}`)
  return spec
}

/**
 * How a face names the input an error is about (`SettingsError.input`): the CLI by its flag
 * (`--timeout`), the action by its name (`timeout-seconds`). A name no entry has (a variable's,
 * `BEDROCK_MODEL (.env line 3)`) is shown as it is.
 */
export function inputLabel(name: string, surface: 'github-actions' | 'cli'): string {
  const spec = INPUTS.find((i) => i.name === name)
  return surface === 'cli' && spec?.flag ? `--${spec.flag}` : name
}

/** Where a value given as this input came from, as findings say it: `--region`, `input aws-region`. */
export function inputSource(key: InputKey, surface: 'github-actions' | 'cli'): string {
  const spec = inputOf(key)
  return surface === 'cli' && spec.flag ? `--${spec.flag}` : `input ${spec.name}`
}

/**
 * The action's inputs, read by their action.yml names: `read` gives undefined for an input the
 * runner did not pass (it passes every input with a default, so only a runner other than
 * GitHub's, or a test, leaves one out).
 */
export function actionInputs(
  read: (name: string) => string | undefined
): Partial<Record<InputKey, string>> {
  const inputs: Partial<Record<InputKey, string>> = {}
  for (const spec of INPUTS) {
    const value = spec.action ? read(spec.name) : undefined
    if (value !== undefined) inputs[spec.key] = value
  }
  return inputs
}
