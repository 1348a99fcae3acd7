import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime'
import type { CheckDefinition } from '../engine/check.js'
import { findingFromError, matchError } from '../catalog/match.js'
import { fixContext } from './fix-context.js'
import type { ModelIdFacts } from './model-id.js'

const CHECK = 'invoke-probe'

/** At list prices about 10 input + 1 output tokens: on the order of $0.00002 (reference §6 d). */
const COST_NOTE =
  'The probe is one real Converse call (a one-word prompt, maxTokens 1): it is billed like any call, a fraction of a cent.'

/**
 * One real call, the only definitive test: it exercises IAM, SCPs, the Marketplace subscription,
 * the Anthropic form, entitlement and quotas at once. Opt-in (`invoke-probe: true`) because it is
 * billed. Every error is explained by the catalog.
 */
export const invokeProbeCheck: CheckDefinition = {
  id: CHECK,
  title: 'Invoke probe',
  scope: 'region-model',
  sdks: ['bedrock-runtime'],
  dependsOn: ['region', 'model-id', 'identity'],
  speculative: ['identity'],
  applies: (config) => config.invokeProbe,
  async run(ctx) {
    const region = ctx.subject.region ?? ''
    const model = ctx.facts<ModelIdFacts>('model-id')?.model
    if (!model) return { findings: [] }
    const modelId = model.input
    const runtime = await ctx.aws.runtime(region)
    const started = Date.now()
    const r = await ctx.aws.send<ConverseCommandOutput>(
      runtime.client,
      new runtime.sdk.ConverseCommand({
        modelId,
        messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
        inferenceConfig: { maxTokens: 1 }
      }),
      ctx.signal
    )
    if (!r.ok) {
      return {
        findings: [
          findingFromError(
            CHECK,
            r.error,
            fixContext(ctx, { ...(model.baseModelId ? { modelId: model.baseModelId } : {}) }),
            {
              title: `Converse with ${modelId} in ${region} failed: ${matchError(r.error)?.title ?? r.error.code}`,
              observed: [COST_NOTE]
            }
          )
        ]
      }
    }
    const usage = r.value.usage
    return {
      findings: [
        {
          checkId: CHECK,
          status: 'pass',
          title: `Converse with ${modelId} answered in ${region} (${Date.now() - started} ms; one billed call, a fraction of a cent)`,
          observed: [
            `stopReason: ${r.value.stopReason ?? '?'}`,
            ...(usage
              ? [`tokens: ${usage.inputTokens ?? '?'} in, ${usage.outputTokens ?? '?'} out`]
              : []),
            COST_NOTE,
            'On a brand-new account the first calls may succeed while the Marketplace subscription is still being finalised (up to 15 minutes); re-run later to be sure.'
          ]
        }
      ]
    }
  }
}
