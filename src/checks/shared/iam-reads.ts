import type {
  GetRoleCommandOutput,
  ListServiceSpecificCredentialsCommandOutput,
  SimulatePrincipalPolicyCommandInput,
  SimulatePrincipalPolicyCommandOutput
} from '@aws-sdk/client-iam'
import type { AwsResult } from '../../aws/access.js'
import { iamRegion } from '../../aws/partition.js'
import type { ReadContext } from '../../engine/check.js'

/**
 * The two IAM reads the permission and trust checks make. IAM is global: the partition decides
 * the signing region. The IAM SDK loads on first use (AwsAccess.iam).
 */
export async function getRole(
  ctx: ReadContext,
  partition: string,
  roleName: string
): Promise<AwsResult<GetRoleCommandOutput>> {
  const iam = await ctx.aws.iam(iamRegion(partition))
  return ctx.aws.send<GetRoleCommandOutput>(
    iam.client,
    new iam.sdk.GetRoleCommand({ RoleName: roleName }),
    ctx.signal
  )
}

export async function simulatePrincipalPolicy(
  ctx: ReadContext,
  partition: string,
  input: SimulatePrincipalPolicyCommandInput
): Promise<AwsResult<SimulatePrincipalPolicyCommandOutput>> {
  const iam = await ctx.aws.iam(iamRegion(partition))
  return ctx.aws.send<SimulatePrincipalPolicyCommandOutput>(
    iam.client,
    new iam.sdk.SimulatePrincipalPolicyCommand(input),
    ctx.signal
  )
}

/** The service-specific credentials of an IAM user for one service (a long-term API key's). */
export async function listServiceSpecificCredentials(
  ctx: ReadContext,
  partition: string,
  userName: string,
  serviceName: string
): Promise<AwsResult<ListServiceSpecificCredentialsCommandOutput>> {
  const iam = await ctx.aws.iam(iamRegion(partition))
  return ctx.aws.send<ListServiceSpecificCredentialsCommandOutput>(
    iam.client,
    new iam.sdk.ListServiceSpecificCredentialsCommand({
      UserName: userName,
      ServiceName: serviceName
    }),
    ctx.signal
  )
}
