import type {
  FoundationModelDetails,
  GetInferenceProfileCommandOutput,
  GetProvisionedModelThroughputCommandOutput,
  InferenceProfileSummary,
  ListInferenceProfilesCommandOutput,
  GetFoundationModelCommandOutput
} from '@aws-sdk/client-bedrock'
import type { AwsAccess, AwsResult } from '../aws/access.js'
import type { CheckContext } from '../engine/check.js'

/**
 * Bedrock control-plane reads shared by the model checks of one run: model-resolve, model-access
 * and invoke-probe start together, and the same GetInferenceProfile / GetFoundationModel for the
 * same region is sent once (in flight or answered), not once per check.
 */
const memo = new WeakMap<AwsAccess, Map<string, Promise<AwsResult<unknown>>>>()

function once<T>(
  ctx: CheckContext,
  key: string,
  call: () => Promise<AwsResult<T>>
): Promise<AwsResult<T>> {
  let calls = memo.get(ctx.aws)
  if (!calls) {
    calls = new Map()
    memo.set(ctx.aws, calls)
  }
  let pending = calls.get(key) as Promise<AwsResult<T>> | undefined
  if (!pending) {
    pending = call()
    calls.set(key, pending)
  }
  return pending
}

export function getInferenceProfile(
  ctx: CheckContext,
  region: string,
  identifier: string
): Promise<AwsResult<GetInferenceProfileCommandOutput>> {
  return once(ctx, `GetInferenceProfile@${region}/${identifier}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    return ctx.aws.send<GetInferenceProfileCommandOutput>(
      client,
      new sdk.GetInferenceProfileCommand({ inferenceProfileIdentifier: identifier }),
      ctx.signal
    )
  })
}

export function getFoundationModel(
  ctx: CheckContext,
  region: string,
  modelId: string
): Promise<AwsResult<FoundationModelDetails>> {
  return once(ctx, `GetFoundationModel@${region}/${modelId}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    const r = await ctx.aws.send<GetFoundationModelCommandOutput>(
      client,
      new sdk.GetFoundationModelCommand({ modelIdentifier: modelId }),
      ctx.signal
    )
    return r.ok
      ? {
          ok: true as const,
          value: r.value.modelDetails ?? ({ modelArn: '', modelId } as FoundationModelDetails)
        }
      : r
  })
}

/** Every system-defined profile callable from `region` (all pages). */
export function listSystemProfiles(
  ctx: CheckContext,
  region: string
): Promise<AwsResult<InferenceProfileSummary[]>> {
  return once(ctx, `ListInferenceProfiles@${region}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    const all: InferenceProfileSummary[] = []
    let nextToken: string | undefined
    // Bounded: a region has a few hundred profiles at most; 10 pages of 1000 is far beyond that.
    for (let page = 0; page < 10; page++) {
      const r = await ctx.aws.send<ListInferenceProfilesCommandOutput>(
        client,
        new sdk.ListInferenceProfilesCommand({
          typeEquals: 'SYSTEM_DEFINED',
          maxResults: 1000,
          ...(nextToken ? { nextToken } : {})
        }),
        ctx.signal
      )
      if (!r.ok) return r
      all.push(...(r.value.inferenceProfileSummaries ?? []))
      nextToken = r.value.nextToken
      if (!nextToken) break
    }
    return { ok: true as const, value: all }
  })
}

export function getProvisionedModel(
  ctx: CheckContext,
  region: string,
  arn: string
): Promise<AwsResult<GetProvisionedModelThroughputCommandOutput>> {
  return once(ctx, `GetProvisionedModelThroughput@${region}/${arn}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    return ctx.aws.send<GetProvisionedModelThroughputCommandOutput>(
      client,
      new sdk.GetProvisionedModelThroughputCommand({ provisionedModelId: arn }),
      ctx.signal
    )
  })
}
