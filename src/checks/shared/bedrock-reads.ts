import type {
  FoundationModelDetails,
  GetInferenceProfileCommandOutput,
  GetProvisionedModelThroughputCommandOutput,
  FoundationModelSummary,
  InferenceProfileSummary,
  ListFoundationModelsCommandOutput,
  ListInferenceProfilesCommandOutput,
  GetFoundationModelCommandOutput
} from '@aws-sdk/client-bedrock'
import type { AwsResult } from '../../aws/access.js'
import { INCOMPLETE_ANSWER, incompleteAnswerMessage } from '../../aws/complete.js'
import type { ReadContext } from '../../engine/check.js'

// Bedrock control-plane reads of the model checks. model-resolve, model-access and invoke-probe
// start together; AwsAccess.shared sends each identical read once per run, not once per check.

export function getInferenceProfile(
  ctx: ReadContext,
  region: string,
  identifier: string
): Promise<AwsResult<GetInferenceProfileCommandOutput>> {
  return ctx.aws.shared(`GetInferenceProfile@${region}/${identifier}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    return ctx.aws.send<GetInferenceProfileCommandOutput>(
      client,
      new sdk.GetInferenceProfileCommand({ inferenceProfileIdentifier: identifier }),
      ctx.signal
    )
  })
}

export function getFoundationModel(
  ctx: ReadContext,
  region: string,
  modelId: string
): Promise<AwsResult<FoundationModelDetails>> {
  return ctx.aws.shared(`GetFoundationModel@${region}/${modelId}`, async () => {
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
  ctx: ReadContext,
  region: string
): Promise<AwsResult<InferenceProfileSummary[]>> {
  return ctx.aws.shared(`ListInferenceProfiles@${region}`, async () => {
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
    // Still a page to read after the bound: a partial list is no evidence ("none of the profiles
    // it lists calls the model"), so it is no answer, as an incomplete page is.
    if (nextToken) {
      return {
        ok: false as const,
        error: {
          code: INCOMPLETE_ANSWER,
          message: incompleteAnswerMessage(
            'ListInferenceProfiles',
            200,
            'with another page after 10 pages of 1,000 profiles'
          ),
          operation: 'bedrock:ListInferenceProfiles'
        }
      }
    }
    return { ok: true as const, value: all }
  })
}

/** Every foundation model `region`'s control plane knows (one page: the API does not paginate). */
export function listFoundationModels(
  ctx: ReadContext,
  region: string
): Promise<AwsResult<FoundationModelSummary[]>> {
  return ctx.aws.shared(`ListFoundationModels@${region}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    const r = await ctx.aws.send<ListFoundationModelsCommandOutput>(
      client,
      new sdk.ListFoundationModelsCommand({}),
      ctx.signal
    )
    return r.ok ? { ok: true as const, value: r.value?.modelSummaries ?? [] } : r
  })
}

export function getProvisionedModel(
  ctx: ReadContext,
  region: string,
  arn: string
): Promise<AwsResult<GetProvisionedModelThroughputCommandOutput>> {
  return ctx.aws.shared(`GetProvisionedModelThroughput@${region}/${arn}`, async () => {
    const { client, sdk } = await ctx.aws.bedrock(region)
    return ctx.aws.send<GetProvisionedModelThroughputCommandOutput>(
      client,
      new sdk.GetProvisionedModelThroughputCommand({ provisionedModelId: arn }),
      ctx.signal
    )
  })
}
