import { LONG_CONTEXT_NAME, type QuotaMetric, type QuotaPath } from '../../data/quota-hints.js'
import { MODEL_FAMILIES } from '../../data/models.js'

/**
 * A Claude model as quota names and model IDs both identify it: provider, family, version and
 * variant (`V2`). Quota names use the display name and change over time ("Anthropic Claude 3.5
 * Sonnet V2", "Anthropic Claude Sonnet 4.5 V1", "Claude Opus 4.5"), model IDs the API name
 * (`anthropic.claude-3-5-sonnet-20241022-v2:0`); both reduce to `anthropic|sonnet|3.5|v2`.
 */
export function modelKeyOfId(modelId: string): string | undefined {
  const m = /^([a-z0-9-]+)\.claude-(.+)$/.exec(modelId)
  if (!m) return undefined
  const parts = (m[2] ?? '').split(/[-:]/)
  const family = parts.find((p) => FAMILIES.has(p))
  const dateAt = parts.findIndex((p) => /^\d{8}$/.test(p))
  const numbers = (dateAt < 0 ? parts : parts.slice(0, dateAt)).filter((p) => /^\d{1,2}$/.test(p))
  const variant = /-v(\d+)(?::|$)/.exec(modelId)?.[1] ?? '1'
  if (!family || numbers.length === 0) return undefined
  return `${m[1]}|${family}|${numbers.join('.')}|v${variant}`
}

const FAMILIES = new Set(MODEL_FAMILIES)

export function modelKeyOfName(display: string): string | undefined {
  const text = display.toLowerCase().replace(/\(.*?\)/g, ' ')
  const family = [...FAMILIES].find((f) => new RegExp(`\\b${f}\\b`).test(text))
  const version = /\b(\d+(?:\.\d+)?)\b/.exec(text.replace(/\bv\d+\b/g, ' '))?.[1]
  const variant = /\bv(\d+)\b/.exec(text)?.[1] ?? '1'
  if (!family || !version || !/\bclaude\b/.test(text)) return undefined
  return `anthropic|${family}|${version}|v${variant}`
}

/** What a Bedrock quota's name says it limits. */
export type QuotaMeaning =
  | { kind: 'model'; metric: QuotaMetric; path: QuotaPath | 'any'; model: string }
  | { kind: 'account-daily' }

/**
 * Reads a quota name: "Cross-region model inference tokens per minute for Anthropic Claude Sonnet
 * 4.5 V1", "On-demand InvokeModel requests per minute for …", "Global cross-Region model inference
 * tokens per minute for …", "Model invocation max tokens per day for … (doubled for cross-region
 * calls)", "Cross-Model Max Tokens Per Day". Undefined for every other quota.
 */
export function quotaMeaning(name: string): QuotaMeaning | undefined {
  // "(doubled for cross-region calls)" qualifies the daily quota; it names no path.
  const text = name
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (/^cross-model max tokens per day$/i.test(text)) return { kind: 'account-daily' }
  // The 1M-context beta's quotas are their own: a standard call never draws on them.
  if (LONG_CONTEXT_NAME.test(text)) return undefined
  // bedrock-mantle's own (mantle-quota/names.ts): not a runtime path's.
  if (/^bedrock mantle /i.test(text)) return undefined
  const metric: QuotaMetric | undefined = /tokens per minute/i.test(text)
    ? 'tpm'
    : /requests per minute/i.test(text)
      ? 'rpm'
      : /tokens per day/i.test(text)
        ? 'tpd'
        : undefined
  const at = text.toLowerCase().lastIndexOf(' for ')
  if (!metric || at < 0) return undefined
  const head = text.slice(0, at)
  const path: QuotaPath | 'any' = /global cross-region/i.test(head)
    ? 'global'
    : /cross-region/i.test(head)
      ? 'cross-region'
      : /on-demand/i.test(head)
        ? 'on-demand'
        : 'any'
  const model = modelKeyOfName(text.slice(at + 5))
  return model ? { kind: 'model', metric, path, model } : undefined
}

/**
 * Reads the name of a 1M-context quota ("Cross-region model inference tokens per minute for
 * Anthropic Claude Sonnet 4.5 V1 1M Context Length", reference bedrock.md §00): what it limits,
 * read as the standard quota it stands beside. Undefined for every other quota.
 */
export function longContextMeaning(name: string): QuotaMeaning | undefined {
  if (!LONG_CONTEXT_NAME.test(name)) return undefined
  return quotaMeaning(name.replace(LONG_CONTEXT_NAME, ' '))
}
