import type { ContextEntry } from '@aws-sdk/client-iam'
import { splitFoundationModelArn } from '../../parse/model-id.js'
import type { ResolveFacts } from '../model-resolve/facts.js'

/** One simulated resource with the context the real call carries for it. */
export interface SimulatedResource {
  resource: string
  /** `aws:RequestedRegion` for this hop: the region, or `unspecified` for the global hop. */
  requestedRegion: string
  profileArn?: string
}

/**
 * Every ARN one invocation is authorised against (reference §5.5): the profile ARN in the source
 * region; the foundation model in each destination region (and the source); the region-less
 * foundation-model ARN for global profiles, where `aws:RequestedRegion` is `unspecified`.
 */
export function resourcesToSimulate(facts: ResolveFacts): SimulatedResource[] {
  if (facts.provisionedArn) {
    return [{ resource: facts.provisionedArn, requestedRegion: facts.region }]
  }
  const profileArn = facts.profileArn
  const out: SimulatedResource[] = []
  if (profileArn) out.push({ resource: profileArn, requestedRegion: facts.region, profileArn })
  const models = new Set(facts.modelArns)
  // AWS: "you must also specify the foundation model in each Region associated with it", and the
  // source region's model is evaluated even when the source is not a destination.
  if (profileArn && facts.profileKind !== 'application' && facts.baseModelId) {
    models.add(
      `arn:${facts.partition}:bedrock:${facts.region}::foundation-model/${facts.baseModelId}`
    )
  }
  for (const arn of models) {
    const region = splitFoundationModelArn(arn)?.region ?? facts.region
    out.push({
      resource: arn,
      requestedRegion: region || 'unspecified',
      ...(profileArn ? { profileArn } : {})
    })
  }
  return out
}

/** The context keys the real call carries for this resource, as SimulatePrincipalPolicy takes them. */
export function contextEntries(r: SimulatedResource): ContextEntry[] {
  return [
    {
      ContextKeyName: 'aws:RequestedRegion',
      ContextKeyType: 'string',
      ContextKeyValues: [r.requestedRegion]
    },
    ...(r.profileArn
      ? [
          {
            ContextKeyName: 'bedrock:InferenceProfileArn',
            ContextKeyType: 'string' as const,
            ContextKeyValues: [r.profileArn]
          }
        ]
      : [])
  ]
}
