import type {
  InvokeModelWithResponseStreamCommandOutput,
  ServiceTierType
} from '@aws-sdk/client-bedrock-runtime'
import { readFirstEvent } from '../../aws/first-event.js'
import type { ObservedError } from '../../engine/types.js'
import type { CheckRun } from '../shared/check.js'
import type { meta } from './meta.js'
import { probeBody, sentBetas } from './request.js'
import { findRefused, refusedBetas, stopSending } from './stop-betas.js'
import { removeVariable } from '../shared/agent-variable.js'
import { SERVICE_TIERS_FACT } from '../../data/service-tiers.js'

/** At list prices about 10 input + 1 output tokens: on the order of $0.00002 (reference §6 d). */
const COST_NOTE =
  'The probe is one real InvokeModelWithResponseStream call (a one-word prompt, max_tokens 1), read to its first event only: it is billed like any call, a fraction of a cent.'

const SUBSCRIPTION_NOTE =
  'On a brand-new account the first calls may succeed while the Marketplace subscription is still being finalised (up to 15 minutes); re-run later to be sure.'

const OPERATION = 'bedrock-runtime:InvokeModelWithResponseStream'

/**
 * The exception events of the stream (the API model's `ResponseStream` union). One that arrives
 * as the first event, the SDK throws from the call itself: no HTTP error status, the answer had
 * begun with HTTP 200.
 */
const STREAM_EXCEPTIONS = new Set([
  'InternalServerException',
  'ModelStreamErrorException',
  'ValidationException',
  'ThrottlingException',
  'ModelTimeoutException',
  'ServiceUnavailableException'
])
const inStream = (e: ObservedError) =>
  (e.httpStatus === undefined || e.httpStatus < 300) && STREAM_EXCEPTIONS.has(e.code)

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region ?? ''
  const model = ctx.facts('model-id')?.model
  if (!model) return // model-id passed (a dependency), so its facts are there
  const modelId = model.input
  const runtime = await ctx.aws.runtime(region)
  const betas = sentBetas(ctx.config, modelId)
  // Claude Code sends ANTHROPIC_BEDROCK_SERVICE_TIER as this header with every call, accepted or
  // not (src/data/service-tiers.ts): so does the probe.
  const tier = ctx.config.agent?.switches?.serviceTier
  const sent = [
    `sent what Claude Code sends: the Anthropic Messages body (anthropic_version bedrock-2023-05-31, max_tokens 1)${
      betas.length
        ? `, anthropic_beta ${betas.map((b) => `${b.flag} (from ${b.source})`).join(', ')}`
        : ', no beta flags'
    }${
      tier
        ? `, X-Amzn-Bedrock-Service-Tier ${tier.value.slice(0, 40)} (from ${tier.source})`
        : ', no service tier (the default one)'
    }`
  ]
  const started = Date.now()
  const r = await ctx.aws.send<InvokeModelWithResponseStreamCommandOutput>(
    runtime.client,
    new runtime.sdk.InvokeModelWithResponseStreamCommand({
      modelId,
      contentType: 'application/json',
      accept: 'application/json',
      body: new TextEncoder().encode(JSON.stringify(probeBody(betas))),
      ...(tier ? { serviceTier: tier.value as ServiceTierType } : {})
    }),
    ctx.signal
  )
  const first = r.ok ? await readFirstEvent(r.value.body, OPERATION, ctx.signal) : undefined
  const error: ObservedError | undefined = !r.ok
    ? r.error
    : first?.ok === false
      ? first.error
      : undefined
  if (error) {
    const entry = await ctx.explain(error)
    const fixContext = model.baseModelId ? { fixContext: { modelId: model.baseModelId } } : {}
    if (entry?.id === 'beta-flag-invalid' && betas.length) {
      const { refused, known } = refusedBetas(betas, error.message)
      const location = refused.find((b) => b.model?.location)?.model?.location
      ctx.report(
        known ? 'betaRefused' : 'oneBetaRefused',
        {
          modelId,
          region,
          flags: refused.map((b) => b.flag).join(', '),
          message: error.message,
          sources: [...new Set(refused.map((b) => b.source))].join(' and '),
          stop: known ? stopSending(ctx, refused) : findRefused(ctx, refused)
        },
        { error, observed: [...sent, COST_NOTE], ...fixContext, ...(location ? { location } : {}) }
      )
      return
    }
    if (entry?.id === 'service-tier-refused' && tier) {
      ctx.report(
        'tierRefused',
        {
          modelId,
          region,
          tier: tier.value.slice(0, 40),
          source: tier.source,
          message: error.message,
          tiers: SERVICE_TIERS_FACT.value.join(', '),
          remove: removeVariable(ctx.config, 'ANTHROPIC_BEDROCK_SERVICE_TIER', tier.source)
        },
        {
          error,
          observed: [...sent, COST_NOTE],
          ...fixContext,
          ...(tier.location ? { location: tier.location } : {})
        }
      )
      return
    }
    ctx.report(
      r.ok || inStream(error) ? 'streamFailed' : 'failed',
      { modelId, region, what: entry?.title ?? error.code },
      { error, observed: [...sent, COST_NOTE], ...fixContext }
    )
    return
  }
  const start = first?.ok ? first.start : {}
  ctx.report(
    'answered',
    { modelId, region, ms: Date.now() - started },
    {
      observed: [
        'first event: message_start',
        ...(start.inputTokens !== undefined || start.outputTokens !== undefined
          ? [`tokens: ${start.inputTokens ?? '?'} in, ${start.outputTokens ?? '?'} out so far`]
          : []),
        ...sent,
        COST_NOTE,
        SUBSCRIPTION_NOTE
      ]
    }
  )
}
