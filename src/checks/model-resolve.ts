import type { CheckDefinition } from '../engine/check.js'
import { resolveModel } from './model-resolution.js'

export type { ResolveFacts } from './model-resolution.js'

/**
 * Can this region call this model identifier? Learned at run time from the region's control plane
 * (GetInferenceProfile, GetFoundationModel; ListInferenceProfiles only to name alternatives after
 * a failure), because routing changes every month. Reports the destination regions.
 */
export const modelResolveCheck: CheckDefinition = {
  id: 'model-resolve',
  title: 'Model in region',
  scope: 'region-model',
  sdks: ['bedrock'],
  dependsOn: ['region', 'model-id', 'identity'],
  // Bedrock reads start alongside GetCallerIdentity; broken credentials discard them.
  speculative: ['identity'],
  async run(ctx) {
    const { findings, facts } = await resolveModel(ctx)
    return { findings, ...(facts ? { facts } : {}) }
  }
}
