import { DocUrl } from './doc-url.js'
import { fact } from './fact.js'
import { MODEL_FAMILIES } from './models.js'
/**
 * Which inference-profile prefix serves which source region, from AWS's tables (shared/reference
 * bedrock.md §1.2–1.4, snapshot ≈ Dec 2025 plus 2026 model cards). Used ONLY for hints when the
 * control plane cannot be read: ListInferenceProfiles in the region is always the answer that wins.
 */

/** A Claude generation parsed from a model ID: `claude-sonnet-4-5-…` → 4.5, `claude-3-7-sonnet` → 3.7. */
export function claudeVersion(modelId: string): number | undefined {
  // Newer IDs: claude-<family>-<major>[-<minor>][-<date>]; a date (8 digits) is not a minor version.
  const newer = new RegExp(
    `claude-(?:${MODEL_FAMILIES.join('|')})-(\\d+)(?:-(\\d{1,2}))?(?:-|$|:)`
  ).exec(modelId)
  if (newer?.[1]) return Number(newer[1]) + (newer[2] ? Number(newer[2]) / 10 : 0)
  const older = /claude-(\d+)(?:-(\d{1,2}))?-(?:sonnet|opus|haiku)/.exec(modelId)
  if (older?.[1]) return Number(older[1]) + (older[2] ? Number(older[2]) / 10 : 0)
  return undefined
}

/**
 * The source regions of each geographic prefix, as AWS UG `inference-profiles-support` lists them
 * (`us.` Claude 4.5+ profiles also take ca-central-1; `jp.` serves Sonnet 4.6 and Opus 4.7 too).
 */
export const GEOGRAPHIES_FACT = fact<Readonly<Record<string, readonly string[]>>>(
  'Geographic inference-profile prefixes and their source regions',
  {
    us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
    eu: [
      'eu-central-1',
      'eu-central-2',
      'eu-north-1',
      'eu-south-1',
      'eu-south-2',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
      'il-central-1'
    ],
    jp: ['ap-northeast-1', 'ap-northeast-3'],
    au: ['ap-southeast-2', 'ap-southeast-4', 'ap-southeast-6'],
    'us-gov': ['us-gov-east-1', 'us-gov-west-1'],
    ca: ['ca-central-1', 'ca-west-1'],
    // Open-ended: any ap- region and me-central-1 for the models that have apac. profiles.
    apac: ['ap-*', 'me-central-1'],
    global: []
  },
  DocUrl.profiles
)
const geo = (prefix: string): string[] => [...(GEOGRAPHIES_FACT.value[prefix] ?? [])]
const US = geo('us')
const EU = geo('eu')
const JP = geo('jp')
const AU = geo('au')
const GOV = geo('us-gov')
const CA = geo('ca')

/**
 * The prefixes likely to serve `region` for this model, best first. For Claude 4.5 and later,
 * Tokyo/Osaka use `jp.` and Sydney/Melbourne/Auckland `au.`; older models use `apac.` there.
 * `us.` Claude 4.5+ profiles also take ca-central-1 as a source. `global.` serves every
 * commercial region for the models that have it.
 */
export function likelyPrefixes(region: string, modelId: string): string[] {
  const version = claudeVersion(modelId)
  const modern = version === undefined || version >= 4.5
  if (GOV.includes(region)) return ['us-gov']
  const out: string[] = []
  if (US.includes(region)) out.push('us')
  else if (region === 'ca-central-1') out.push(...(modern ? ['us', 'ca'] : ['ca']))
  else if (CA.includes(region)) out.push('ca')
  else if (EU.includes(region)) out.push('eu')
  else if (JP.includes(region)) out.push(modern ? 'jp' : 'apac')
  else if (AU.includes(region)) out.push(modern ? 'au' : 'apac')
  else if (region.startsWith('ap-') || region === 'me-central-1') {
    if (!modern) out.push('apac')
  }
  out.push('global')
  return out
}

/** The source regions the built-in table knows for a prefix (for "`us.` serves …" hints). */
export function regionsServedBy(prefix: string): readonly string[] | undefined {
  switch (prefix) {
    case 'us':
      return [...US, 'ca-central-1']
    case 'eu':
      return EU
    case 'jp':
      return JP
    case 'au':
      return AU
    case 'us-gov':
      return GOV
    case 'ca':
      return CA
    default:
      return undefined
  }
}

const [E1, E2, W1, W2] = US as [string, string, string, string]
const EU_DESTINATIONS = [
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-3'
]
/** Claude Sonnet 4.5, Haiku 4.5 and Opus 4.5 share their `us.` and `eu.` tables (reference §1.3). */
const CLAUDE_45 = [
  'anthropic.claude-sonnet-4-5-20250929-v1:0',
  'anthropic.claude-haiku-4-5-20251001-v1:0',
  'anthropic.claude-opus-4-5-20251101-v1:0'
]
const SONNET_HAIKU_45 = CLAUDE_45.slice(0, 2)

type SourceTable = Record<string, readonly string[]>
const same = (sources: readonly string[], destinations: readonly string[]): SourceTable =>
  Object.fromEntries(sources.map((s) => [s, destinations]))

/**
 * Source → destination regions of geographic profiles, as AWS UG `inference-profiles-support`
 * lists them (shared/reference bedrock.md §1.3, snapshot ≈ Dec 2025; `au.` from ap-southeast-6
 * from AWS's Apr 2026 blog). Only models whose tables were read are here: a model not listed has
 * no prediction beyond the profile and the source region's model.
 */
export const GEO_DESTINATIONS_FACT = fact<
  readonly { prefix: string; models: readonly string[]; sources: SourceTable }[]
>(
  'Destinations of geographic profiles per source region',
  [
    {
      prefix: 'us',
      models: CLAUDE_45,
      sources: {
        ...same([E1, E2, W2], [E1, E2, W2]),
        [W1]: [E1, E2, W1, W2],
        'ca-central-1': ['ca-central-1', E1, E2, W2]
      }
    },
    {
      prefix: 'eu',
      models: CLAUDE_45,
      sources: {
        ...same(
          ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'],
          EU_DESTINATIONS
        ),
        'eu-central-2': [...EU_DESTINATIONS, 'eu-central-2'],
        'eu-west-2': [...EU_DESTINATIONS, 'eu-west-2']
      }
    },
    { prefix: 'jp', models: SONNET_HAIKU_45, sources: same(JP, JP) },
    {
      prefix: 'au',
      models: SONNET_HAIKU_45,
      sources: {
        ...same(['ap-southeast-2', 'ap-southeast-4'], ['ap-southeast-2', 'ap-southeast-4']),
        'ap-southeast-6': ['ap-southeast-6', 'ap-southeast-2', 'ap-southeast-4']
      }
    },
    {
      prefix: 'us-gov',
      models: [CLAUDE_45[0] as string],
      sources: { 'us-gov-east-1': ['us-gov-west-1'], 'us-gov-west-1': ['us-gov-west-1'] }
    },
    {
      prefix: 'us',
      models: ['anthropic.claude-sonnet-4-20250514-v1:0'],
      sources: { ...same([E1, E2, W2], [E1, E2, W2]), [W1]: [E1, E2, W1, W2] }
    },
    {
      prefix: 'us',
      models: ['anthropic.claude-3-7-sonnet-20250219-v1:0'],
      sources: same([E1, E2, W2], [E1, E2, W2])
    }
  ],
  DocUrl.profiles
)
const GEO_DESTINATIONS = GEO_DESTINATIONS_FACT.value

/**
 * The destination regions AWS documents for a geographic profile called from `source`, or
 * undefined when the bundled table does not list that profile and source. AWS: "if an inference
 * profile is tied to a geography (such as US, EU, or APAC), its destination Region list will never
 * change" (AWS UG `cross-region-inference`), so a listed set is the set. `global.` profiles are
 * never here: their destinations "can change over time as AWS adds more commercial Regions".
 */
export function documentedDestinations(
  prefix: string,
  source: string,
  modelId: string
): readonly string[] | undefined {
  const row = GEO_DESTINATIONS.find((r) => r.prefix === prefix && r.models.includes(modelId))
  return row?.sources[source]
}
