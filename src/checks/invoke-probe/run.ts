import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime'
import type { CheckRun } from '../shared/check.js'
import type { meta } from './meta.js'

/** At list prices about 10 input + 1 output tokens: on the order of $0.00002 (reference §6 d). */
const COST_NOTE =
  'The probe is one real Converse call (a one-word prompt, maxTokens 1): it is billed like any call, a fraction of a cent.'

const SUBSCRIPTION_NOTE =
  'On a brand-new account the first calls may succeed while the Marketplace subscription is still being finalised (up to 15 minutes); re-run later to be sure.'

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region ?? ''
  const model = ctx.facts('model-id')?.model
  if (!model) return // model-id passed (a dependency), so its facts are there
  const modelId = model.input
  const runtime = await ctx.aws.runtime(region)
  const betas = ctx.config.anthropicBetas
  const betaNote = betas
    ? [`sent the agent's beta flags (from ${betas.source}): ${betas.value.join(', ')}`]
    : []
  const started = Date.now()
  const r = await ctx.aws.send<ConverseCommandOutput>(
    runtime.client,
    new runtime.sdk.ConverseCommand({
      modelId,
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
      inferenceConfig: { maxTokens: 1 },
      // The agent's own beta flags, as Claude Code sends them to Bedrock (`anthropic_beta`).
      ...(betas ? { additionalModelRequestFields: { anthropic_beta: betas.value } } : {})
    }),
    ctx.signal
  )
  if (!r.ok) {
    const what = (await ctx.explain(r.error))?.title ?? r.error.code
    ctx.report(
      'failed',
      { modelId, region, what },
      {
        error: r.error,
        observed: [...betaNote, COST_NOTE],
        ...(model.baseModelId ? { fixContext: { modelId: model.baseModelId } } : {})
      }
    )
    return
  }
  const usage = r.value.usage
  ctx.report(
    'answered',
    { modelId, region, ms: Date.now() - started },
    {
      observed: [
        `stopReason: ${r.value.stopReason ?? '?'}`,
        ...(usage
          ? [`tokens: ${usage.inputTokens ?? '?'} in, ${usage.outputTokens ?? '?'} out`]
          : []),
        ...betaNote,
        COST_NOTE,
        SUBSCRIPTION_NOTE
      ]
    }
  )
}
