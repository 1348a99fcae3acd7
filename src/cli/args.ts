import { parseArgs } from 'node:util'
import { SESSION_TAGGING } from '../aws/session-tags.js'
import { parseTimeoutSeconds } from '../parse/timeout.js'
import type { FactsArgs } from './facts.js'

/** A command line that cannot be used: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface RunArgs {
  command: 'run'
  /** Comma-joined, as the action's list inputs are (buildConfig splits them). */
  regions?: string
  models?: string
  assumeRoleArns?: string
  envFile?: string
  invokeProbe: boolean
  /** `runtime`, `mantle` or `both` (checked by buildConfig, which names `--endpoint`). */
  endpoint?: string
  mantleProject?: string
  roleSessionTags?: string
  failOn?: string
  timeout?: string
  minTokensPerMinute?: string
  profile?: string
  json: boolean
  debug: boolean
}

export type CliArgs =
  | RunArgs
  | { command: 'explain'; text?: string; debug: boolean }
  | FactsArgs
  | { command: 'help' }
  | { command: 'version' }

const OPTIONS = {
  region: { type: 'string', multiple: true },
  model: { type: 'string', multiple: true },
  'assume-role-arn': { type: 'string', multiple: true },
  'env-file': { type: 'string' },
  'invoke-probe': { type: 'boolean' },
  endpoint: { type: 'string' },
  'mantle-project': { type: 'string' },
  'role-session-tags': { type: 'string' },
  'fail-on': { type: 'string' },
  timeout: { type: 'string' },
  'min-tokens-per-minute': { type: 'string' },
  profile: { type: 'string' },
  json: { type: 'boolean' },
  check: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
} as const

const FAIL_ON = ['error', 'warning', 'never']

export const USAGE = `Usage: bedrock-preflight [options]
       bedrock-preflight explain [error text]   (or pipe a log in)
       bedrock-preflight facts --check [--region <code>...] [--json]
                            compare the bundled AWS facts (docs/facts.md) with what
                            ListFoundationModels, ListInferenceProfiles and
                            ListServiceQuotas say now; exit 1 when something drifted
       bedrock-preflight merge [--previous merged.json] [--json] REPORT...
       bedrock-preflight fleet matrix FILE

Checks that this machine can call Claude on Amazon Bedrock: credentials, identity,
region, model access and permissions. Every problem comes with its cause and fix.

Options:
  --region <code>           region(s) to check; repeat or comma-separate
                            (default: AWS_REGION, then AWS_DEFAULT_REGION)
  --model <id>              model ID(s), inference profile(s) or ARN(s); repeat or
                            comma-separate (default: BEDROCK_MODEL, else the newest
                            Claude Sonnet the region can call; Claude Code's
                            ANTHROPIC_MODEL, …_DEFAULT_*_MODEL, …_SMALL_FAST_MODEL too)
  --assume-role-arn <arn>   role(s) you must be able to assume; repeatable
  --role-session-tags <v>   does that AssumeRole pass session tags (as
                            configure-aws-credentials does)? auto (default: only
                            in GitHub Actions, a warning), true, false
  --env-file <path>         InsightWorker settings (default: ~/.insightworker/.env
                            when it exists); the environment wins over the file
  --profile <name>          AWS profile to use (default: AWS_PROFILE)
  --endpoint <e>            the inference endpoint the agent calls: runtime (default),
                            mantle or both (default: inferred from
                            ANTHROPIC_BEDROCK_BASE_URL or ANTHROPIC_BASE_URL)
  --mantle-project <id>     the bedrock-mantle project the agent uses (default, or proj_…)
  --invoke-probe            make one real Converse call (maxTokens 1, a fraction of a cent)
  --fail-on <level>         exit 1 on: error (default), warning, never
  --timeout <seconds>       bound on the whole run, 1-600 (default 30)
  --min-tokens-per-minute <n>
                            tokens one call may reserve; a per-minute quota below it
                            warns (default: each model's output maximum)
  --json                    print the JSON report (schema/report.schema.json) instead
  --debug                   log providers tried and every AWS request to stderr
                            (also AWS_LOG_LEVEL=DEBUG or RUNNER_DEBUG=1)
  -h, --help                show this help
  -v, --version             print the version

Commands (each has --help):
  explain                   what an AWS error text means, and its fix
  merge                     many jobs' JSON reports → one org summary, and what
                            changed since the previous merged report
  fleet matrix <file>       a fleet file → the fleet workflow's job matrix (JSON)

Exit codes: 0 ready (or warnings only), 1 a check failed, 2 bad command line.
Colour only on a terminal; NO_COLOR turns it off.
`

/** Turns node:util's parse errors into a sentence that names the flag. */
function usageFrom(err: unknown): UsageError {
  const e = err as { code?: string; message?: string }
  const flag = /'(-{1,2}[^' ]+)/.exec(e.message ?? '')?.[1]
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${flag ?? ''}`.trim())
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message ?? '')
        ? new UsageError(`${flag ?? 'an option'} needs a value`)
        : new UsageError(`${flag ?? 'an option'} does not take a value`)
    default:
      return new UsageError(e.message ?? String(err))
  }
}

function joined(values: string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined
}

/** Reads the command line (without `node` and the script). Throws UsageError. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw usageFrom(err)
  }
  const { values, positionals } = parsed
  if (values.help) return { command: 'help' }
  if (values.version) return { command: 'version' }

  const [command, ...rest] = positionals
  if (command === 'explain') {
    const text = rest.join(' ').trim()
    return { command: 'explain', ...(text ? { text } : {}), debug: values.debug ?? false }
  }
  if (command === 'help') return { command: 'help' }
  if (command === 'facts') return factsArgs(values, rest)
  if (command !== undefined && command !== 'run') {
    throw new UsageError(
      `unknown command "${command.length > 40 ? `${command.slice(0, 40)}…` : command}" (commands: explain, facts, merge, fleet; options start with --)`
    )
  }
  if (values.check)
    throw new UsageError('--check belongs to the facts command: bedrock-preflight facts --check')
  if (command === 'run' && rest.length > 0) {
    throw new UsageError(`unexpected argument "${rest[0]}"`)
  }

  for (const [flag, list] of [
    ['--region', values.region],
    ['--model', values.model],
    ['--assume-role-arn', values['assume-role-arn']]
  ] as const) {
    if (list?.some((v) => v.split(',').every((part) => part.trim() === ''))) {
      throw new UsageError(`${flag} needs a value`)
    }
  }
  const failOn = values['fail-on']?.trim()
  if (failOn !== undefined && !FAIL_ON.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`)
  }
  const timeout = values.timeout?.trim()
  if (timeout !== undefined) {
    const parsed = parseTimeoutSeconds(timeout)
    if (!parsed.ok) throw new UsageError(`--timeout ${parsed.problem}`)
  }
  const roleSessionTags = values['role-session-tags']?.trim().toLowerCase()
  if (
    roleSessionTags !== undefined &&
    !(SESSION_TAGGING as readonly string[]).includes(roleSessionTags)
  ) {
    throw new UsageError(
      `--role-session-tags must be one of ${SESSION_TAGGING.join(', ')}, got "${roleSessionTags}"`
    )
  }
  for (const flag of ['env-file', 'profile', 'endpoint', 'mantle-project'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') {
      throw new UsageError(`--${flag} needs a value`)
    }
  }

  const regions = joined(values.region)
  const models = joined(values.model)
  const assumeRoleArns = joined(values['assume-role-arn'])
  return {
    command: 'run',
    ...(regions ? { regions } : {}),
    ...(models ? { models } : {}),
    ...(assumeRoleArns ? { assumeRoleArns } : {}),
    ...(values['env-file'] ? { envFile: values['env-file'] } : {}),
    invokeProbe: values['invoke-probe'] ?? false,
    ...(values.endpoint ? { endpoint: values.endpoint.trim() } : {}),
    ...(values['mantle-project'] ? { mantleProject: values['mantle-project'].trim() } : {}),
    ...(roleSessionTags ? { roleSessionTags } : {}),
    ...(failOn ? { failOn } : {}),
    ...(timeout ? { timeout } : {}),
    ...(values['min-tokens-per-minute']?.trim()
      ? { minTokensPerMinute: values['min-tokens-per-minute'].trim() }
      : {}),
    ...(values.profile ? { profile: values.profile.trim() } : {}),
    json: values.json ?? false,
    debug: values.debug ?? false
  }
}

/** `facts --check [--region R...] [--json] [--profile P]`. */
function factsArgs(
  values: { check?: boolean; region?: string[]; json?: boolean; profile?: string },
  rest: string[]
): FactsArgs {
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`)
  if (!values.check) throw new UsageError('facts needs --check (bedrock-preflight facts --check)')
  const regions = (values.region ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter((r) => r !== '')
  if (values.region && regions.length === 0) throw new UsageError('--region needs a value')
  return {
    command: 'facts',
    regions,
    json: values.json ?? false,
    ...(values.profile?.trim() ? { profile: values.profile.trim() } : {})
  }
}
