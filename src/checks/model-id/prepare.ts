import type { PreflightConfig } from '../../config.js'
import type { PrepareContext } from '../../engine/check.js'
import { chooseDefaultModel, defaultModelRegion } from '../../aws/default-model.js'
import { usesRuntime } from '../../parse/endpoint.js'
import { getFoundationModel, listSystemProfiles } from '../shared/bedrock-reads.js'

/**
 * The configuration with a model to check: as given when it names one; otherwise with the newest
 * Claude Sonnet the first valid region can call (one ListInferenceProfiles before the first check,
 * shared with model-resolve's own read of it). A pre-plan step (CheckEntry.prepare), because the
 * engine plans every task up front. With `endpoint: mantle`, mantle-model picks from mantle's own
 * list instead. AwsAccess loads the Bedrock SDK for it at once: planLoads has not run yet.
 */
export async function withDefaultModel(
  config: PreflightConfig,
  { aws, signal }: PrepareContext
): Promise<PreflightConfig> {
  if (!usesRuntime(config.endpoint?.value) || config.models.length > 0) return config
  const region = defaultModelRegion(config)
  const reads = (r: string) => ({ config, subject: { region: r }, aws, signal, log: config.log })
  const model = await chooseDefaultModel(
    region,
    (r) => listSystemProfiles(reads(r), r),
    async (r, modelId) => {
      const got = await getFoundationModel(reads(r), r, modelId)
      return got.ok ? got.value.modelLifecycle?.status : undefined
    }
  )
  config.log.debug(`model: ${model.value} (${model.source})`)
  return { ...config, models: [model], modelChosen: true }
}
