import type {
  GetFoundationModelAvailabilityCommandOutput,
  GetUseCaseForModelAccessCommandOutput
} from '@aws-sdk/client-bedrock'
import type { AwsResult } from '../../aws/access.js'
import type { CheckContext, CheckRun } from '../shared/check.js'
import type { ObservedError } from '../../engine/types.js'
import { isReadDenied } from '../../engine/read-denied.js'
import { availabilityLines, negativeSignals, unknownValues } from './availability.js'
import { NOT_SUFFICIENT, type meta } from './meta.js'

type AccessContext = CheckContext<typeof meta.messages>

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region ?? ''
  const model = ctx.facts('model-id')?.model
  if (!model) return // model-id passed (a dependency), so it named the model: never here
  // Application and provisioned ARNs name their model only through model-resolve's reads.
  const base = model.baseModelId ?? (await ctx.waitFor('model-resolve'))?.baseModelId
  if (!base) {
    ctx.report('modelUnknown')
    return
  }
  const anthropic = base.startsWith('anthropic.')
  const [availability, useCase] = await Promise.all([
    readAvailability(ctx, region, base),
    anthropic ? readUseCase(ctx, region) : undefined
  ])

  // What looked fine, repeated on each failure and warning: fixing those is still not proof.
  const seen = [
    ...(availability.ok ? availabilityLines(availability.value) : []),
    ...(useCase?.ok ? ['Anthropic use-case form: submitted'] : [])
  ]
  const data = { model: base, region }
  const fixContext = { modelId: base }
  const viaProfile = model.kind !== 'foundation-model' && model.kind !== 'foundation-model-arn'
  const signals = availability.ok ? negativeSignals(availability.value, viaProfile) : []

  if (!availability.ok) {
    const { error } = availability
    ctx.report('availabilityUnreadable', data, {
      error,
      permission: 'bedrock:GetFoundationModelAvailability',
      observed: await seenIfItFails(ctx, error, seen),
      fixContext
    })
  }
  for (const signal of signals) ctx.report(signal, data, { observed: seen, fixContext })
  const unknown = availability.ok ? unknownValues(availability.value) : []
  if (unknown.length > 0)
    ctx.report('availabilityUnknown', { ...data, values: unknown.join(', ') }, { observed: seen })

  if (useCase && !useCase.ok) {
    const { error } = useCase
    if (error.code === 'ResourceNotFoundException') {
      // The modeled answer when no form exists for the account (or its organization).
      ctx.report('useCaseFormMissing', {}, { error, observed: seen, fixContext })
    } else {
      ctx.report(
        'useCaseUnreadable',
        {},
        {
          error,
          permission: 'bedrock:GetUseCaseForModelAccess',
          observed: await seenIfItFails(ctx, error, seen),
          fixContext
        }
      )
    }
  }

  if (availability.ok && signals.length === 0 && unknown.length === 0 && (!useCase || useCase.ok)) {
    const observed = [...seen, NOT_SUFFICIENT]
    if (anthropic) ctx.report('available', data, { observed })
    else ctx.report('availableWithoutForm', data, { observed })
  }
}

/**
 * `seen` for a read that failed, when its finding fails or warns; nothing when it is only
 * unverified (a denied read, a time-out): then nothing is being fixed.
 */
async function seenIfItFails(
  ctx: AccessContext,
  error: ObservedError,
  seen: string[]
): Promise<string[]> {
  if (isReadDenied(error)) return []
  const verdict = (await ctx.explain(error))?.verdict ?? 'fail'
  return verdict === 'fail' || verdict === 'warn' ? seen : []
}

async function readAvailability(
  ctx: AccessContext,
  region: string,
  modelId: string
): Promise<AwsResult<GetFoundationModelAvailabilityCommandOutput>> {
  const { client, sdk } = await ctx.aws.bedrock(region)
  return ctx.aws.send<GetFoundationModelAvailabilityCommandOutput>(
    client,
    new sdk.GetFoundationModelAvailabilityCommand({ modelId }),
    ctx.signal
  )
}

/**
 * The Anthropic use-case form belongs to the account (or its organization), not to a model: the
 * read takes no model, so every model of a region shares one answer (AwsAccess.shared). It is
 * still read per region: each region's control plane answers for itself.
 */
function readUseCase(
  ctx: AccessContext,
  region: string
): Promise<AwsResult<GetUseCaseForModelAccessCommandOutput>> {
  return ctx.aws.shared(`GetUseCaseForModelAccess@${region}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    return ctx.aws.send<GetUseCaseForModelAccessCommandOutput>(
      client,
      new sdk.GetUseCaseForModelAccessCommand({}),
      ctx.signal
    )
  })
}
