import { MODEL_VARIABLES } from '../config.js'
import { BASE_URL_VARIABLES } from '../parse/endpoint.js'

/** Where the agent's Claude Code sends mantle requests (Claude Code's own override). */
const MANTLE_BASE_URL = 'ANTHROPIC_BEDROCK_MANTLE_BASE_URL'

/**
 * Keys the env file may set: the agent's own settings this preflight checks, and the AWS
 * variables that pick credentials and a region. Nothing here names a file to read, a program to
 * run or a host to send a signed request to. AWS_PROFILE picks a profile of the machine's own
 * config (docs/security.md, "What the env file may set", says why that is the user's choice).
 */
const APPLIED: ReadonlySet<string> = new Set([
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
  ...MODEL_VARIABLES,
  'ANTHROPIC_BETAS',
  // The small/fast model's own region and the output budget of one call (src/agent/tiers.ts).
  'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION',
  'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_MANTLE',
  // The CLI's --debug switch, as the AWS SDKs read it: it changes what is logged, not where.
  'AWS_LOG_LEVEL'
])

/** The agent's base URLs: they say which endpoint the agent calls; where they point is another matter. */
const AGENT_URLS: ReadonlySet<string> = new Set([...BASE_URL_VARIABLES, MANTLE_BASE_URL])

/**
 * Keys that would point the preflight somewhere else (a config file that may hold a
 * credential_process, a credentials URL, an endpoint for signed calls, a proxy or CA), each with
 * why. The AWS SDK for JavaScript reads them all from the environment
 * (docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html, 2026-12-07).
 */
const REFUSED: readonly (readonly [RegExp, string])[] = [
  [
    /^AWS_(CONFIG_FILE|SHARED_CREDENTIALS_FILE)$/,
    'it points the AWS SDK at another config or credentials file, which can run a credential_process'
  ],
  [
    /^AWS_(ENDPOINT_URL(_[A-Z0-9_]+)?|IGNORE_CONFIGURED_ENDPOINT_URLS)$/,
    'it sends signed AWS requests to another endpoint'
  ],
  [
    /^AWS_(CONTAINER_CREDENTIALS_(RELATIVE|FULL)_URI|CONTAINER_AUTHORIZATION_TOKEN(_FILE)?)$/,
    'it makes the AWS SDK fetch credentials from a URL'
  ],
  [
    /^AWS_(WEB_IDENTITY_TOKEN_FILE|ROLE_ARN|ROLE_SESSION_NAME)$/,
    'it makes the AWS SDK assume a role with a token read from a file'
  ],
  [/^AWS_EC2_METADATA_/, 'it changes where the AWS SDK asks for instance credentials'],
  [
    /^(AWS_CA_BUNDLE|NODE_EXTRA_CA_CERTS|HTTPS?_PROXY|NO_PROXY|ALL_PROXY)$/i,
    'it changes where and how TLS connections go'
  ]
]

export type EnvKeyUse =
  /** Set where the SDK and the checks look, unless the environment sets it. */
  | { use: 'apply' }
  /** Read to tell which endpoint the agent calls; requests go to AWS's own host. */
  | { use: 'endpoint-only'; why: string }
  | { use: 'refuse'; why: string }
  /** A setting of the agent's this preflight does not check: left alone. */
  | { use: 'unread' }

/** An https URL on AWS's own Bedrock hosts, where the preflight would send its requests anyway. */
function onAwsHost(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return (
      url.protocol === 'https:' &&
      url.port === '' &&
      url.username === '' &&
      url.password === '' &&
      /^bedrock-(mantle\.[a-z0-9-]+\.api\.aws|runtime(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?)$/.test(
        url.hostname
      )
    )
  } catch {
    return false
  }
}

/** What the preflight does with one key of the env file. */
export function envKeyUse(key: string, value: string): EnvKeyUse {
  if (APPLIED.has(key)) return { use: 'apply' }
  if (AGENT_URLS.has(key)) {
    return onAwsHost(value)
      ? { use: 'apply' }
      : {
          use: 'endpoint-only',
          why: "it sends the agent's requests to a host that is not AWS's own; the preflight reads it only to tell which endpoint the agent calls"
        }
  }
  const refused = REFUSED.find(([pattern]) => pattern.test(key))
  return refused ? { use: 'refuse', why: refused[1] } : { use: 'unread' }
}
