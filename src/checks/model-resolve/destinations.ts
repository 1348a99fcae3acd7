import { splitFoundationModelArn } from '../../parse/model-id.js'

/** The model ARNs a profile's `models[]` names, empty entries left out. */
export function modelArnsOf(profile: { models?: { modelArn?: string }[] }): string[] {
  return (profile.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean)
}

/**
 * The regions those ARNs are in. A `global.` profile also names the region-less ARN
 * (`arn:aws:bedrock:::foundation-model/…`): that hop is `unspecified`, the value IAM sees in
 * `aws:RequestedRegion` for it.
 */
export function destinationsOf(modelArns: string[]): string[] {
  return [
    ...new Set(
      modelArns.map((a) => splitFoundationModelArn(a)?.region ?? '').map((r) => r || 'unspecified')
    )
  ]
}

export function describeDestinations(destinations: string[]): string {
  return destinations
    .map((d) => (d === 'unspecified' ? 'all commercial regions (global)' : d))
    .join(', ')
}
