import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts'
import type { CheckRun } from '../shared/check.js'
import { describeCaller, isSingleArn } from '../../parse/arn.js'
import { parseRegion } from '../../parse/region.js'
import type { IdentityFacts } from './facts.js'
import type { meta } from './meta.js'

/** A region to sign STS with when none is configured: STS answers from every region. */
const FALLBACK_STS_REGION = 'us-east-1'

/** The facts of a run with only a Bedrock API key: no caller, so no ARN to simulate or trust. */
const API_KEY_ONLY: IdentityFacts = {
  accountId: '',
  arn: '',
  userId: '',
  partition: 'aws',
  kind: 'api-key'
}

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const firstValid = ctx.config.regions.map((r) => parseRegion(r.value)).find((r) => r.ok)
  const region = firstValid?.ok ? firstValid.region : FALLBACK_STS_REGION
  const result = await ctx.aws.send<GetCallerIdentityCommandOutput>(
    ctx.aws.sts(region),
    new GetCallerIdentityCommand({}),
    ctx.signal
  )
  if (!result.ok && ctx.config.bedrockApiKey && result.error.code === 'CredentialsProviderError') {
    // Only a Bedrock API key: the model checks run with it; who it is stays unknown (never a pass).
    ctx.report('apiKeyOnly', { source: ctx.config.bedrockApiKey.source })
    return API_KEY_ONLY
  }
  if (!result.ok) {
    ctx.report(
      'refused',
      { code: result.error.code },
      { error: result.error, fixContext: { region } }
    )
    return
  }
  // Complete by the time it is here: the AWS layer holds an answer without Account or Arn back.
  const { Account = '', Arn = '', UserId = '' } = result.value
  // A value of several lines would pose as more outputs in caller-arn: never a pass, and the
  // text itself is not repeated.
  if (!isSingleArn(Arn)) {
    const error = {
      code: 'MalformedResponse',
      message: 'GetCallerIdentity answered with a caller ARN that is not one ARN',
      operation: 'sts:GetCallerIdentity'
    }
    ctx.report('callerNotArn', {}, { error, fixContext: { region } })
    return
  }
  const caller = describeCaller(Arn)
  ctx.report(
    'authenticated',
    { arn: Arn },
    {
      observed: [
        `account ${Account}`,
        ...(caller?.roleArn && caller.kind === 'assumed-role'
          ? [`role ${caller.roleArn}, session ${caller.sessionName}`]
          : [])
      ]
    }
  )
  return {
    accountId: Account,
    arn: Arn,
    userId: UserId,
    partition: caller?.partition ?? 'aws',
    kind: caller?.kind ?? 'other',
    ...(caller?.roleArn ? { roleArn: caller.roleArn } : {})
  } satisfies IdentityFacts
}
