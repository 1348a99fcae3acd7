import type { CheckRun } from '../shared/check.js'
import { mantleModels } from '../shared/mantle.js'
import { DEFAULT_PROJECT } from '../shared/mantle-project.js'
import type { meta } from './meta.js'
import { mantleOf } from '../shared/mantle.js'
import { shownUrl } from '../../aws/mantle.js'

const COST_NOTE =
  'The probe is one real Messages API call (a one-word prompt, max_tokens 1): it is billed like any call, a fraction of a cent.'

/** An Anthropic Message, as far as the probe reads it. */
interface Message {
  stop_reason?: string
  usage?: { input_tokens?: number; output_tokens?: number }
}

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region
  if (!region) return
  const mantle = mantleOf(ctx.aws)
  const models = await mantleModels(ctx)
  if (models.length === 0) {
    ctx.report('nothingToProbe', { region })
    return
  }
  const project = ctx.config.mantleProject?.value ?? DEFAULT_PROJECT
  const where = mantle.endpoint(region)
  const betas = ctx.config.anthropicBetas
  for (const model of models) {
    const started = Date.now()
    const r = await mantle.call<Message>(
      region,
      {
        operation: 'CreateInference',
        method: 'POST',
        route: { messages: true },
        project,
        ...(betas ? { betas: betas.value } : {}),
        body: { model, max_tokens: 1, messages: [{ role: 'user', content: 'Hi' }] }
      },
      ctx.signal
    )
    const observed = [
      `POST ${shownUrl(where.messages)} (from ${where.source}), project ${project}, ${mantle.auth === 'api-key' ? 'with the Bedrock API key (x-api-key)' : 'signed with SigV4 as bedrock-mantle'}`,
      ...(betas
        ? [`sent the agent's beta flags (from ${betas.source}): ${betas.value.join(', ')}`]
        : []),
      COST_NOTE
    ]
    if (!r.ok) {
      const what = (await ctx.explain(r.error))?.title ?? r.error.code
      ctx.report(
        'failed',
        { model, region, what },
        { error: r.error, observed, fixContext: { modelId: model } }
      )
      continue
    }
    const usage = r.value.usage
    ctx.report(
      'answered',
      { model, region, ms: Date.now() - started },
      {
        observed: [
          `stop_reason: ${r.value.stop_reason ?? '?'}`,
          ...(usage
            ? [`tokens: ${usage.input_tokens ?? '?'} in, ${usage.output_tokens ?? '?'} out`]
            : []),
          ...observed
        ]
      }
    )
  }
}
