import { MODEL_FAMILIES } from '../data/models.js'
/**
 * Bedrock model identifiers in every form `modelId` accepts. Shapes follow the Bedrock API
 * patterns (shared/reference/bedrock.md §1.6); profile prefixes are validated loosely because AWS
 * adds new ones (`jp.`, `au.` arrived in 2025) and the API pattern allows `[a-z-]{2,8}`.
 */

export type ModelIdKind =
  /** `anthropic.claude-sonnet-4-5-20250929-v1:0`, `anthropic.claude-sonnet-4-6` */
  | 'foundation-model'
  /** `us.anthropic.claude-…`, `global.…`, `us-gov.…` */
  | 'system-profile'
  /** `arn:aws:bedrock:us-east-1::foundation-model/…` or region-less `arn:aws:bedrock:::foundation-model/…` */
  | 'foundation-model-arn'
  /** `arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-…` */
  | 'inference-profile-arn'
  /** `arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abcdef123456` */
  | 'application-profile-arn'
  /** `arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdef123456` */
  | 'provisioned-model-arn'

export interface ModelId {
  ok: true
  input: string
  kind: ModelIdKind
  /** The foundation model, when the identifier names it; application and provisioned ARNs do not. */
  baseModelId?: string
  /** `anthropic`, `amazon`, … (from the base model ID). */
  provider?: string
  /** Profile prefix without the dot: `us`, `global`, `us-gov`. */
  prefix?: string
  /** True when the prefix is one AWS documented when this version was built. */
  knownPrefix?: boolean
  /** The system profile ID (`us.anthropic.claude-…`), for profile IDs and profile ARNs. */
  profileId?: string
  /** For ARNs. */
  arn?: { partition: string; region: string; account: string; resourceId: string }
  /** The region-less foundation-model ARN (`arn:aws:bedrock:::foundation-model/…`). */
  regionless?: boolean
}

export interface ModelIdProblem {
  ok: false
  input: string
  /** What is wrong, in one sentence that names the part. */
  problem: string
  /** A corrected identifier when the mistake is a known one. */
  suggestion?: string
  /** A well-formed identifier of a kind this preflight does not check (imported model, router, …). */
  unsupported?: boolean
}

export type ParsedModelId = ModelId | ModelIdProblem

/** Prefixes seen in AWS documentation (reference §1.2) and the CDK enum; others are accepted too. */
export const KNOWN_PROFILE_PREFIXES: readonly string[] = [
  'us',
  'eu',
  'apac',
  'jp',
  'au',
  'ca',
  'us-gov',
  'global'
]

// provider.name[:version[:context]]; names have no dots (`anthropic.claude-3-5-sonnet-20241022-v2:0`).
const PROVIDER = '[a-z0-9][a-z0-9-]*'
const NAME = '[a-z0-9][a-z0-9-]*(?::\\d+(?::\\d+k)?)?'
const FOUNDATION_MODEL = new RegExp(`^(${PROVIDER})\\.(${NAME})$`)
const PROFILE_PREFIX = /^[a-z]{2,}(?:-[a-z]+)?$/
const SHORT_RESOURCE_ID = /^[a-z0-9]{12}$/
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/

function problem(input: string, text: string, extra: Partial<ModelIdProblem> = {}): ModelIdProblem {
  return { ok: false, input, problem: text, ...extra }
}

function parseFoundationModelId(id: string): { provider: string; baseModelId: string } | undefined {
  const m = FOUNDATION_MODEL.exec(id)
  return m?.[1] ? { provider: m[1], baseModelId: id } : undefined
}

/** Mistakes people make often enough to name precisely. */
function knownMistake(input: string): ModelIdProblem | undefined {
  if (/^["'`].*["'`]$/.test(input)) {
    return problem(input, 'the value is wrapped in quotes', {
      suggestion: input.slice(1, -1)
    })
  }
  if (/\s/.test(input)) return problem(input, 'the value contains white space')
  if (/^bedrock\//i.test(input)) {
    const rest = input.slice('bedrock/'.length).replace(/^converse\//, '')
    return problem(
      input,
      '`bedrock/` is a LiteLLM routing prefix, not part of the Bedrock model ID',
      { suggestion: rest }
    )
  }
  if (/^(?:[a-z-]+\.)?anthropic\/claude/.test(input)) {
    return problem(
      input,
      'the provider is separated by `/`; Bedrock uses a dot (`anthropic.claude-…`)',
      {
        suggestion: input.replace('anthropic/', 'anthropic.')
      }
    )
  }
  if (/^claude-/.test(input)) {
    return problem(
      input,
      'this is an Anthropic API model name; Bedrock IDs start with the provider (`anthropic.claude-…`) and usually end in a version (`-v1:0`); copy the exact ID from `aws bedrock list-inference-profiles`'
    )
  }
  if (input !== input.toLowerCase() && parse(input.toLowerCase()).ok) {
    return problem(input, 'model IDs are lower case', { suggestion: input.toLowerCase() })
  }
  return undefined
}

function parseArnForm(input: string): ParsedModelId {
  const parts = input.split(':')
  if (parts.length < 6) {
    return problem(
      input,
      'an ARN has six `:`-separated parts: `arn:aws:bedrock:<region>:<account>:<resource>`'
    )
  }
  const [, partition = '', service = '', region = '', account = ''] = parts
  const resource = parts.slice(5).join(':')
  if (input.includes('*')) {
    return problem(input, 'an ARN with `*` is a pattern for IAM policies, not a model to call')
  }
  if (!/^aws(?:-[a-z-]+)?$/.test(partition)) {
    return problem(
      input,
      `\`${partition}\` is not an AWS partition (\`aws\`, \`aws-us-gov\`, \`aws-cn\`, \`aws-eusc\`)`
    )
  }
  if (service !== 'bedrock') {
    return problem(input, `the ARN is for the \`${service}\` service, not \`bedrock\``)
  }
  if (region && !REGION.test(region)) {
    return problem(input, `\`${region}\` in the ARN is not a region code (like \`us-east-1\`)`)
  }
  if (account && !/^\d{12}$/.test(account)) {
    return problem(input, `\`${account}\` in the ARN is not a 12-digit account ID`)
  }
  const slash = resource.indexOf('/')
  const type = slash >= 0 ? resource.slice(0, slash) : resource
  const id = slash >= 0 ? resource.slice(slash + 1) : ''
  const arn = { partition, region, account, resourceId: id }
  switch (type) {
    case 'foundation-model': {
      if (account) {
        return problem(
          input,
          'foundation-model ARNs have no account ID (`arn:aws:bedrock:<region>::foundation-model/<id>`)',
          {
            suggestion: `arn:${partition}:bedrock:${region}::foundation-model/${id}`
          }
        )
      }
      const fm = parseFoundationModelId(id)
      if (!fm)
        return problem(
          input,
          `\`${id}\` after \`foundation-model/\` is not a model ID like \`anthropic.claude-…\``
        )
      return {
        ok: true,
        input,
        kind: 'foundation-model-arn',
        ...fm,
        arn,
        regionless: region === ''
      }
    }
    case 'inference-profile': {
      if (!region || !account) {
        return problem(
          input,
          `an inference-profile ARN names the source region and your account: \`arn:${partition}:bedrock:<region>:<account-id>:inference-profile/${id || '<profile-id>'}\``
        )
      }
      const profile = parseProfileId(id)
      if (!profile.ok)
        return problem(input, `\`${id}\` after \`inference-profile/\`: ${profile.problem}`)
      return { ...profile, input, kind: 'inference-profile-arn', arn }
    }
    case 'application-inference-profile':
    case 'provisioned-model': {
      if (!region || !account) {
        return problem(
          input,
          `a ${type} ARN names its region and account: \`arn:${partition}:bedrock:<region>:<account-id>:${type}/<id>\``
        )
      }
      if (!SHORT_RESOURCE_ID.test(id)) {
        return problem(
          input,
          `\`${id}\` after \`${type}/\` is not a 12-character ID of lower-case letters and digits`
        )
      }
      return {
        ok: true,
        input,
        kind: type === 'provisioned-model' ? 'provisioned-model-arn' : 'application-profile-arn',
        arn
      }
    }
    case 'custom-model':
    case 'imported-model':
    case 'custom-model-deployment':
    case 'prompt-router':
    case 'default-prompt-router':
    case 'marketplace-model-endpoint':
      return problem(
        input,
        `${type} ARNs are valid for Bedrock, but bedrock-preflight does not check them`,
        {
          unsupported: true
        }
      )
    default:
      return problem(
        input,
        `\`${type}\` is not a Bedrock model resource (expected foundation-model, inference-profile, application-inference-profile or provisioned-model)`
      )
  }
}

function parseProfileId(text: string): ModelId | ModelIdProblem {
  const dot = text.indexOf('.')
  const prefix = text.slice(0, dot)
  const fm = parseFoundationModelId(text.slice(dot + 1))
  if (dot < 0 || !fm) {
    return problem(
      text,
      'not a model ID (`anthropic.claude-…`) or an inference profile ID (`us.anthropic.claude-…`)'
    )
  }
  if (!PROFILE_PREFIX.test(prefix) || prefix.length > 8) {
    return problem(
      text,
      `\`${prefix}.\` is not an inference-profile prefix (letters, like \`us.\`, \`eu.\`, \`global.\`)`
    )
  }
  return {
    ok: true,
    input: text,
    kind: 'system-profile',
    ...fm,
    prefix,
    knownPrefix: KNOWN_PROFILE_PREFIXES.includes(prefix),
    profileId: text
  }
}

function parse(input: string): ParsedModelId {
  if (input.startsWith('arn:')) return parseArnForm(input)
  const dots = input.split('.').length - 1
  if (dots === 1) {
    const fm = parseFoundationModelId(input)
    if (fm) return { ok: true, input, kind: 'foundation-model', ...fm }
    return problem(
      input,
      'not a model ID: expected `provider.model-name` like `anthropic.claude-sonnet-4-5-20250929-v1:0`'
    )
  }
  if (dots === 2) {
    const profile = parseProfileId(input)
    return profile.ok ? profile : { ...profile, input }
  }
  if (dots === 0) {
    return problem(
      input,
      'no provider: Bedrock IDs look like `anthropic.claude-…` or `us.anthropic.claude-…`'
    )
  }
  return problem(
    input,
    'too many dots: expected `anthropic.claude-…` or one prefix like `us.anthropic.claude-…`'
  )
}

/**
 * Parses one configured model identifier. Never throws: a malformed value comes back with the
 * problem named (and a suggestion for common mistakes).
 */
export function parseModelId(raw: string): ParsedModelId {
  const input = raw.trim()
  if (!input) return problem(raw, 'the value is empty')
  if (input.length > 2048)
    return problem(
      input.slice(0, 60),
      'the value is longer than any Bedrock identifier (2048 characters)'
    )
  return knownMistake(input) ?? parse(input)
}

/** The foundation-model ARN for a model in a region (`''` = the region-less global form). */
export function foundationModelArn(partition: string, region: string, modelId: string): string {
  return `arn:${partition}:bedrock:${region}::foundation-model/${modelId}`
}

/** The model ID at the end of a foundation-model ARN, and its region (`''` for the global form). */
export function splitFoundationModelArn(
  arn: string
): { region: string; modelId: string } | undefined {
  const m = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]*):\d{0,12}:foundation-model\/(.+)$/.exec(arn)
  return m ? { region: m[1] ?? '', modelId: m[2] ?? '' } : undefined
}

/** A Claude model's family and version, read from its ID (dated or not). */
export interface ClaudeVersion {
  family: 'sonnet' | 'opus' | 'haiku'
  major: number
  minor: number
  /** `20250929` for dated IDs; absent for the undated ones (`anthropic.claude-sonnet-4-6`). */
  date?: string
  /** The `-v2` of `…-v2:0`; 1 when absent. */
  revision: number
}

// Since Claude 4: claude-<family>-<major>[-<minor>][-<date>][-v<n>[:<n>]]; the undated IDs of 2026
// (`claude-sonnet-4-6`, `claude-opus-4-6-v1`) are the same shape without the date. An 8-digit
// group is a date, never a minor version.
const CLAUDE_NEWER = new RegExp(
  `^anthropic\\.claude-(${MODEL_FAMILIES.join('|')})-(\\d{1,2})(?:-(\\d{1,2}))?(?:-(\\d{8}))?(?:-v(\\d+)(?::\\d+)*(?::\\d+k)?)?$`
)
// Claude 3.x: claude-<major>[-<minor>]-<family>-<date>-v<n>:<n>[:<context>k].
const CLAUDE_OLDER =
  /^anthropic\.claude-(\d)(?:-(\d))?-(sonnet|opus|haiku)(?:-(\d{8}))?(?:-v(\d+)(?::\d+)*(?::\d+k)?)?$/

/**
 * The Claude version of a foundation-model ID or of the model behind a profile ID (the prefix is
 * dropped): `us.anthropic.claude-sonnet-4-5-20250929-v1:0` → Sonnet 4.5 of 2025-09-29,
 * `anthropic.claude-sonnet-4-6` → Sonnet 4.6, `anthropic.claude-3-7-sonnet-20250219-v1:0` → 3.7.
 */
export function claudeVersionOf(id: string): ClaudeVersion | undefined {
  const parsed = parseModelId(id)
  const base = parsed.ok ? parsed.baseModelId : undefined
  if (!base) return undefined
  const newer = CLAUDE_NEWER.exec(base)
  if (newer) {
    return {
      family: newer[1] as ClaudeVersion['family'],
      major: Number(newer[2]),
      minor: Number(newer[3] ?? 0),
      ...(newer[4] ? { date: newer[4] } : {}),
      revision: Number(newer[5] ?? 1)
    }
  }
  const older = CLAUDE_OLDER.exec(base)
  if (older) {
    return {
      family: older[3] as ClaudeVersion['family'],
      major: Number(older[1]),
      minor: Number(older[2] ?? 0),
      ...(older[4] ? { date: older[4] } : {}),
      revision: Number(older[5] ?? 1)
    }
  }
  return undefined
}

/**
 * Orders Claude versions, newest last: by major, then minor, then revision; within one version a
 * dated and an undated ID are the same release, and of two dates the later is newer.
 */
export function compareClaudeVersions(a: ClaudeVersion, b: ClaudeVersion): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.revision - b.revision ||
    (a.date && b.date ? a.date.localeCompare(b.date) : 0)
  )
}
