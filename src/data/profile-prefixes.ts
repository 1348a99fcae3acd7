/**
 * Which inference-profile prefix serves which source region, from AWS's tables (shared/reference
 * bedrock.md §1.2–1.4, snapshot ≈ Dec 2025 plus 2026 model cards). Used ONLY for hints when the
 * control plane cannot be read: ListInferenceProfiles in the region is always the answer that wins.
 */

/** A Claude generation parsed from a model ID: `claude-sonnet-4-5-…` → 4.5, `claude-3-7-sonnet` → 3.7. */
export function claudeVersion(modelId: string): number | undefined {
  // Newer IDs: claude-<family>-<major>[-<minor>][-<date>]; a date (8 digits) is not a minor version.
  const newer = /claude-(?:sonnet|opus|haiku)-(\d+)(?:-(\d{1,2}))?(?:-|$|:)/.exec(modelId)
  if (newer?.[1]) return Number(newer[1]) + (newer[2] ? Number(newer[2]) / 10 : 0)
  const older = /claude-(\d+)(?:-(\d{1,2}))?-(?:sonnet|opus|haiku)/.exec(modelId)
  if (older?.[1]) return Number(older[1]) + (older[2] ? Number(older[2]) / 10 : 0)
  return undefined
}

const US = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']
const EU = [
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1'
]
const JP = ['ap-northeast-1', 'ap-northeast-3']
const AU = ['ap-southeast-2', 'ap-southeast-4', 'ap-southeast-6']
const GOV = ['us-gov-east-1', 'us-gov-west-1']
const CA = ['ca-central-1', 'ca-west-1']

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
