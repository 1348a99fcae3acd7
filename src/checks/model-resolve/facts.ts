import type { ModelId } from '../../parse/model-id.js'
import { partitionOf } from '../../aws/partition.js'

/** How a configured model reaches the model, learned from the control plane of the region. */
export interface ResolveFacts extends Record<string, unknown> {
  region: string
  partition: string
  /** What the application sends as `modelId` (the configured value). */
  invokeId: string
  kind: ModelId['kind']
  baseModelId: string
  provider: string
  /** System or application inference-profile ARN (IAM resource and `bedrock:InferenceProfileArn`). */
  profileArn?: string
  profileId?: string
  profileKind?: 'geo' | 'global' | 'application'
  provisionedArn?: string
  /** Foundation-model ARNs the call reaches, the region-less global one included. */
  modelArns: string[]
  /** Destination regions; `unspecified` stands for the global hop (`arn:aws:bedrock:::…`). */
  destinations: string[]
  /**
   * Set when the route was not read from AWS (GetInferenceProfile denied) but predicted from the
   * bundled table (src/data/profile-prefixes.ts). `complete`: the destinations are the fixed set
   * AWS documents for a geographic profile from this source; otherwise (a `global.` profile, whose
   * destinations change, or a model the table does not list) only part of the route is known.
   */
  predicted?: { permission: string; complete: boolean }
  /** GetFoundationModel's lifecycle, as dates: the report's observations carry it (merge compares runs). */
  lifecycle?: LifecycleFacts
}

/** A model's lifecycle as GetFoundationModel states it; dates are YYYY-MM-DD. */
export interface LifecycleFacts {
  status: string
  legacySince?: string
  publicExtendedAccessFrom?: string
  endOfLife?: string
}

/**
 * The part of the facts every route shares: where it is called from, what the application sends,
 * and the model behind it. `provider` is the ID's own when it has one, else the model's prefix.
 */
export function routeFacts(
  region: string,
  model: ModelId,
  baseModelId: string
): Pick<ResolveFacts, 'region' | 'partition' | 'invokeId' | 'kind' | 'baseModelId' | 'provider'> {
  return {
    region,
    partition: partitionOf(region),
    invokeId: model.input,
    kind: model.kind,
    baseModelId,
    provider: model.provider ?? baseModelId.split('.')[0] ?? ''
  }
}
