import { KNOWN_REGIONS } from '../data/regions.js'
import { GEOGRAPHIES_FACT } from '../data/profile-prefixes.js'
import { ACCOUNT_DAILY_CODE, LONG_CONTEXT_QUOTAS_FACT, QUOTA_HINTS } from '../data/quota-hints.js'
import { FALLBACK_MODEL_FACT, LIFECYCLE_FACT, MODEL_FAMILIES } from '../data/models.js'

/** What one region's control plane lists, reduced to what the bundled facts say something about. */
export interface RegionListing {
  region: string
  models: { modelId: string; status?: string }[]
  profiles: string[]
  quotas: { code: string; name: string }[]
}

export type DriftKind =
  | 'unknown-region'
  | 'new-family'
  | 'new-model'
  | 'gone-legacy'
  | 'new-prefix'
  | 'retired-quota-code'
  | 'new-quota-code'

export interface Drift {
  kind: DriftKind
  subject: string
  regions: string[]
  detail: string
  /** The file under src/data/ that holds the fact. */
  fact: string
}

/** Every quota code bundled, with what it was bundled for. */
function bundledCodes(): Map<string, string> {
  const codes = new Map<string, string>()
  for (const [model, c] of Object.entries(QUOTA_HINTS)) {
    for (const [path, code] of Object.entries(c.tpm)) codes.set(code, `${model} ${path} tpm`)
    if (c.tpd) codes.set(c.tpd, `${model} tpd`)
  }
  for (const [model, list] of Object.entries(LONG_CONTEXT_QUOTAS_FACT.value))
    for (const code of list) codes.set(code, `${model} 1M context`)
  codes.set(ACCOUNT_DAILY_CODE, 'Cross-Model Max Tokens Per Day')
  return codes
}

/** `anthropic.claude-sonnet-4-6` → sonnet; `anthropic.claude-3-5-haiku-…` → haiku. */
function familyOf(modelId: string): string | undefined {
  return /^anthropic\.claude-(?:\d+-(?:\d+-)?)?([a-z]+)/.exec(modelId)?.[1]
}

/** A token quota of a Claude model, as its name says (requests-per-minute rows are retired). */
const CLAUDE_TOKEN_QUOTA = /\bClaude\b/i
const TOKEN_METRIC = /tokens per (minute|day)/i

/**
 * What moved on between the bundled facts and the live listings. Absence is judged across every
 * region read (quota codes are the same in every region, but a model missing from one region
 * takes its quotas with it).
 */
export function compareFacts(listings: RegionListing[]): Drift[] {
  const drift = new Map<string, Drift>()
  const add = (d: Omit<Drift, 'regions'>, region: string): void => {
    const key = `${d.kind} ${d.subject}`
    const seen = drift.get(key)
    if (seen) seen.regions.push(region)
    else drift.set(key, { ...d, regions: [region] })
  }
  const codes = bundledCodes()
  const knownModels = new Set([...Object.keys(QUOTA_HINTS), FALLBACK_MODEL_FACT.value.modelId])
  const knownLegacy = new Set(LIFECYCLE_FACT.value.knownLegacy)
  const prefixes = new Set(Object.keys(GEOGRAPHIES_FACT.value))
  const listedCodes = new Set<string>()

  for (const l of listings) {
    if (!KNOWN_REGIONS.includes(l.region)) {
      add(
        {
          kind: 'unknown-region',
          subject: l.region,
          detail: 'not among the bundled region codes',
          fact: 'src/data/regions.ts'
        },
        l.region
      )
    }
    for (const m of l.models.filter((x) => x.modelId.startsWith('anthropic.'))) {
      const family = familyOf(m.modelId)
      if (family && !MODEL_FAMILIES.includes(family)) {
        add(
          {
            kind: 'new-family',
            subject: family,
            detail: `${m.modelId} is of a family this version does not know`,
            fact: 'src/data/models.ts'
          },
          l.region
        )
      }
      if (m.status !== 'LEGACY' && !knownModels.has(m.modelId) && !knownLegacy.has(m.modelId)) {
        add(
          {
            kind: 'new-model',
            subject: m.modelId,
            detail: 'listed, with no bundled quota codes or lifecycle',
            fact: 'src/data/quota-hints.ts'
          },
          l.region
        )
      }
      if (m.status === 'LEGACY' && !knownLegacy.has(m.modelId)) {
        add(
          {
            kind: 'gone-legacy',
            subject: m.modelId,
            detail:
              m.modelId === FALLBACK_MODEL_FACT.value.modelId
                ? 'Legacy now, and it is the bundled fallback model: new accounts cannot use it'
                : 'Legacy now; bundled as current',
            fact: 'src/data/models.ts'
          },
          l.region
        )
      }
    }
    for (const id of l.profiles) {
      const prefix = id.slice(0, id.indexOf('.'))
      if (id.includes('.anthropic.') && prefix && !prefixes.has(prefix)) {
        add(
          {
            kind: 'new-prefix',
            subject: `${prefix}.`,
            detail: `${id} uses a profile prefix this version does not know`,
            fact: 'src/data/profile-prefixes.ts'
          },
          l.region
        )
      }
    }
    for (const q of l.quotas) {
      listedCodes.add(q.code)
      if (CLAUDE_TOKEN_QUOTA.test(q.name) && TOKEN_METRIC.test(q.name) && !codes.has(q.code)) {
        add(
          {
            kind: 'new-quota-code',
            subject: q.code,
            detail: q.name,
            fact: 'src/data/quota-hints.ts'
          },
          l.region
        )
      }
    }
  }
  const out = [...drift.values()]
  if (listings.length > 0) {
    for (const [code, what] of codes) {
      if (listedCodes.has(code)) continue
      out.push({
        kind: 'retired-quota-code',
        subject: code,
        regions: listings.map((l) => l.region),
        detail: `bundled for ${what}; no region read lists it`,
        fact: 'src/data/quota-hints.ts'
      })
    }
  }
  return out
}
