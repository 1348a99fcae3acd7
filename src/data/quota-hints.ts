import { DocUrl } from './doc-url.js'
import { fact } from './fact.js'

/**
 * Quota codes of Amazon Bedrock (service code `bedrock`) for Claude models, as public Service
 * Quotas listings show them (reference bedrock.md §00). They are hints, not facts: the quota check
 * reads each one with GetServiceQuota and uses it only when the name AWS returns names the same
 * model, path and metric (checks/shared/quota-names.ts); otherwise it finds the quota by name in the
 * region's listing. A wrong or retired code costs time, never a wrong verdict. Quota codes are the
 * same in every region.
 */
export type QuotaPath = 'on-demand' | 'cross-region' | 'global'
/**
 * What a quota name can limit. `rpm` is only recognised, to be ignored: AWS removed the
 * requests-per-minute quotas of bedrock-runtime in 2026 (AWS UG `quotas-runtime` lists token
 * quotas only); old accounts may still show stale RPM rows, some at 0, which AWS does not enforce.
 */
export type QuotaMetric = 'tpm' | 'rpm' | 'tpd'
/** The metrics bedrock-runtime enforces, so the ones the quota check requires. */
export type EnforcedMetric = Exclude<QuotaMetric, 'rpm'>

export const QUOTA_METRICS_FACT = fact(
  'Quotas bedrock-runtime enforces: tokens per minute and per day (no requests per minute since 2026)',
  {
    enforced: ['tokens per minute', 'tokens per day', 'Cross-Model Max Tokens Per Day'],
    retired: ['requests per minute']
  },
  DocUrl.runtimeQuotas
)

export interface ModelQuotaCodes {
  /** Tokens per minute, per path. */
  tpm: Partial<Record<QuotaPath, string>>
  /** `Model invocation max tokens per day for …`: the model's on every path. */
  tpd?: string
}

export const QUOTA_HINTS_FACT = fact<Readonly<Record<string, ModelQuotaCodes>>>(
  'Quota codes of Claude models (tokens per minute per path, tokens per day)',
  {
    'anthropic.claude-sonnet-5': {
      tpm: { 'cross-region': 'L-D4FBCF4E', global: 'L-DD84E5CA' }
    },
    'anthropic.claude-opus-4-7': { tpm: { 'cross-region': 'L-5DB28B7B' } },
    'anthropic.claude-opus-4-6-v1': {
      tpm: { 'cross-region': 'L-0AD9BBE8' },
      tpd: 'L-82CD9B28'
    },
    'anthropic.claude-sonnet-4-6': {
      tpm: { 'on-demand': 'L-5F5A169C', 'cross-region': 'L-15B8E632', global: 'L-7BEE40FB' },
      tpd: 'L-B29C9321'
    },
    'anthropic.claude-sonnet-4-5-20250929-v1:0': {
      tpm: { 'cross-region': 'L-F4DDD3EB', global: 'L-27C57EE8' },
      tpd: 'L-381AD9EE'
    },
    'anthropic.claude-haiku-4-5-20251001-v1:0': {
      tpm: { 'cross-region': 'L-58BE175A', global: 'L-9A11C666' },
      tpd: 'L-6120CF2D'
    },
    'anthropic.claude-opus-4-5-20251101-v1:0': {
      tpm: { 'cross-region': 'L-7007E9C9', global: 'L-3ABF6ACC' }
    },
    'anthropic.claude-sonnet-4-20250514-v1:0': {
      tpm: { 'cross-region': 'L-59759B4A', global: 'L-97E41E39' }
    },
    'anthropic.claude-opus-4-1-20250805-v1:0': { tpm: { 'cross-region': 'L-BD85BFCD' } },
    'anthropic.claude-opus-4-20250514-v1:0': { tpm: { 'cross-region': 'L-29C2B0A3' } },
    'anthropic.claude-3-7-sonnet-20250219-v1:0': { tpm: { 'cross-region': 'L-6E888CC2' } },
    'anthropic.claude-3-5-sonnet-20240620-v1:0': {
      tpm: { 'on-demand': 'L-A50569E5', 'cross-region': 'L-479B647F' }
    },
    'anthropic.claude-3-5-haiku-20241022-v1:0': {
      tpm: { 'on-demand': 'L-7AB4ABDD', 'cross-region': 'L-4BF37C17' }
    },
    'anthropic.claude-3-haiku-20240307-v1:0': {
      tpm: { 'on-demand': 'L-8CE99163', 'cross-region': 'L-DCADBC78' }
    }
  },
  DocUrl.runtimeQuotas
)
export const QUOTA_HINTS = QUOTA_HINTS_FACT.value

/** The bundled code of a model's quota on a path, if any. */
export function hintedCode(
  baseModelId: string,
  path: QuotaPath,
  metric: EnforcedMetric
): string | undefined {
  const codes = QUOTA_HINTS[baseModelId]
  return metric === 'tpd' ? codes?.tpd : codes?.tpm[path]
}

/**
 * The code of the account-wide `Cross-Model Max Tokens Per Day` (per account and region; AWS UG
 * `quotas-runtime`). Public Service Quotas listings show it as L-E3F10727 (two independent
 * accounts' listings, Sep–Oct 2026); like every code here it is a hint, used only when the name
 * AWS returns is that quota's, and otherwise found by name in the region's listing.
 */
export const ACCOUNT_DAILY_CODE_FACT = fact(
  'Quota code of the account-wide Cross-Model Max Tokens Per Day',
  'L-E3F10727',
  DocUrl.runtimeQuotas
)
export const ACCOUNT_DAILY_CODE = ACCOUNT_DAILY_CODE_FACT.value

/**
 * Requests-per-minute rows that public listings still show (reference bedrock.md §00: L-00FF3314
 * for Sonnet 4.6; its name, with L-15B8E632 as the tokens-per-minute code of the same path, from
 * public Service Quotas listings, Sep–Oct 2026). AWS no longer enforces them (AWS UG
 * `quotas-runtime`): bundled so a reader of a listing knows the code, never to be checked.
 */
export const STALE_RPM_CODES_FACT = fact<Readonly<Record<string, string>>>(
  'Requests-per-minute quota codes still listed (not enforced)',
  {
    'L-00FF3314': 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.6'
  },
  DocUrl.runtimeQuotas
)

/**
 * Quotas of the 1M-context beta, listed beside the standard ones (`… V1 1M Context Length`): they
 * apply to calls that ask for the 1M context only, never to a standard call.
 */
export const LONG_CONTEXT_QUOTAS_FACT = fact<Readonly<Record<string, readonly string[]>>>(
  'Quota codes of the 1M-context beta (never a standard call’s quota)',
  {
    'anthropic.claude-sonnet-4-5-20250929-v1:0': ['L-8EA73537', 'L-229A5DEC'],
    'anthropic.claude-sonnet-4-6': ['L-47DE5258']
  },
  DocUrl.runtimeQuotas
)

/** How quota names say a quota is the 1M-context one (reference bedrock.md §00). */
export const LONG_CONTEXT_NAME = /\b1M Context Length\b/i

/**
 * `--desired-value` takes a plain number (`64,000` fails with `invalid float value`), above the
 * default (AWS refuses "a quota value greater than the default quota value of …" otherwise).
 */
export const QUOTA_REQUEST_FACT = fact(
  'A quota increase request: a plain number, above the default',
  { format: 'plain digits', aboveDefault: true },
  DocUrl.cliQuotaIncrease
)

/**
 * The most output tokens one call may ask for (Anthropic's model pages). Bedrock reserves input +
 * `maxTokens` against the per-minute quota when a call starts, and an unset `maxTokens` reserves
 * this much: a per-minute quota below it cannot fit one such call. Keyed by family and version;
 * a model not listed is a newer one and gets the newest models' maximum.
 */
export const MAX_OUTPUT_TOKENS_FACT = fact<Readonly<Record<string, number>>>(
  'Output maximum per Claude model (by family and version)',
  {
    'sonnet|4.6': 64_000,
    'sonnet|4.5': 64_000,
    'haiku|4.5': 64_000,
    'opus|4.5': 64_000,
    'sonnet|4': 64_000,
    'sonnet|3.7': 64_000,
    'opus|4.1': 32_000,
    'opus|4': 32_000,
    'sonnet|3.5': 8_192,
    'haiku|3.5': 8_192,
    'haiku|3': 4_096,
    'sonnet|3': 4_096,
    'opus|3': 4_096
  },
  DocUrl.anthropicModels
)
export const MAX_OUTPUT_TOKENS = MAX_OUTPUT_TOKENS_FACT.value
/** Opus 4.6 and later, the 5.x generation, and whatever is newer than this table: 128K. */
export const NEWEST_MAX_OUTPUT_FACT = fact(
  'Output maximum of the newest Claude models (Opus 4.6 and later, the 5.x generation)',
  128_000,
  DocUrl.anthropicModels
)
export const DEFAULT_MAX_OUTPUT_TOKENS = NEWEST_MAX_OUTPUT_FACT.value
