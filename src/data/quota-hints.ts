/**
 * Quota codes of Amazon Bedrock (service code `bedrock`) for Claude models, as public Service
 * Quotas listings show them (quoted in public repositories' quota guides and registries). They
 * are hints, not facts: the quota check reads each one with GetServiceQuota and uses it only when
 * the name AWS returns names the same model, path and metric (./quota-names.ts); otherwise it
 * finds the quota by name in the region's listing. A wrong or retired code costs time, never a
 * wrong verdict. Quota codes are the same in every region.
 */
export type QuotaPath = 'on-demand' | 'cross-region' | 'global'
export type QuotaMetric = 'tpm' | 'rpm' | 'tpd'

type Codes = Partial<Record<QuotaPath, Partial<Record<QuotaMetric, string>>>>

export const QUOTA_HINTS: Readonly<Record<string, Codes>> = {
  'anthropic.claude-sonnet-4-5-20250929-v1:0': {
    'cross-region': { tpm: 'L-F4DDD3EB', rpm: 'L-4A6BFAB1', tpd: 'L-381AD9EE' },
    global: { tpm: 'L-27C57EE8', rpm: 'L-DB84CE56' }
  },
  'anthropic.claude-haiku-4-5-20251001-v1:0': {
    'cross-region': { tpm: 'L-58BE175A', rpm: 'L-CCA5DF70' },
    global: { tpm: 'L-9A11C666', rpm: 'L-E5084BBA' }
  },
  'anthropic.claude-sonnet-4-20250514-v1:0': {
    'cross-region': { tpm: 'L-59759B4A', rpm: 'L-559DCC33' },
    global: { tpm: 'L-97E41E39', rpm: 'L-C63AA5DA' }
  },
  'anthropic.claude-opus-4-5-20251101-v1:0': {
    'cross-region': { tpm: 'L-7007E9C9', rpm: 'L-27989F42' },
    global: { tpm: 'L-3ABF6ACC', rpm: 'L-58424D95' }
  },
  'anthropic.claude-opus-4-1-20250805-v1:0': {
    'cross-region': { tpm: 'L-BD85BFCD', rpm: 'L-7EC72A47' }
  },
  'anthropic.claude-opus-4-20250514-v1:0': {
    'cross-region': { tpm: 'L-29C2B0A3', rpm: 'L-C99C7EF6' }
  },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': {
    'cross-region': { tpm: 'L-6E888CC2', rpm: 'L-3D8CC480' }
  },
  'anthropic.claude-3-5-sonnet-20240620-v1:0': {
    'on-demand': { tpm: 'L-A50569E5', rpm: 'L-254CACF4' },
    'cross-region': { tpm: 'L-479B647F', rpm: 'L-F457545D' }
  },
  'anthropic.claude-3-5-haiku-20241022-v1:0': {
    'on-demand': { tpm: 'L-7AB4ABDD', rpm: 'L-C7438F8F' },
    'cross-region': { tpm: 'L-4BF37C17', rpm: 'L-252DF594' }
  },
  'anthropic.claude-3-haiku-20240307-v1:0': {
    'on-demand': { tpm: 'L-8CE99163', rpm: 'L-2DC80978' },
    'cross-region': { tpm: 'L-DCADBC78', rpm: 'L-616A3F5B' }
  }
}

/**
 * The most output tokens one call may ask for (Anthropic's model pages). Bedrock reserves input +
 * `maxTokens` against the per-minute quota when a call starts, and an unset `maxTokens` reserves
 * this much: a per-minute quota below it cannot fit one such call. Keyed by family and version.
 */
export const MAX_OUTPUT_TOKENS: Readonly<Record<string, number>> = {
  'opus|4.1': 32_000,
  'opus|4': 32_000,
  'sonnet|3.5': 8_192,
  'haiku|3.5': 8_192,
  'haiku|3': 4_096,
  'sonnet|3': 4_096,
  'opus|3': 4_096
}
/** For the Claude 4.5 generation and newer (and 3.7 Sonnet): 64K output tokens. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 64_000
