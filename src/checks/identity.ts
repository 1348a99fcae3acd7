import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts'
import type { CheckDefinition } from '../engine/check.js'
import { findingFromError } from '../catalog/on-demand.js'
import { describeCaller } from '../parse/arn.js'
import { parseRegion } from '../parse/region.js'
import { fixContext } from './fix-context.js'

/** The caller as STS sees it; later checks use its ARN and account. */
export interface IdentityFacts extends Record<string, unknown> {
  accountId: string
  arn: string
  userId: string
  partition: string
  /** For a role session, the role's IAM ARN (what IAM policy simulation needs). */
  roleArn?: string
  kind: string
}

/** A region to sign STS with when none is configured: STS answers from every region. */
const FALLBACK_STS_REGION = 'us-east-1'

/** `sts:GetCallerIdentity`: needs no permission and cannot be denied, so any error is the credentials'. */
export const identityCheck: CheckDefinition = {
  id: 'identity',
  title: 'Caller identity',
  scope: 'run',
  dependsOn: ['credentials'],
  // The SDK resolves the same (memoised) credentials itself: no need to wait for the local checks.
  speculative: ['credentials'],
  gate: true,
  async run(ctx) {
    const firstValid = ctx.config.regions.map((r) => parseRegion(r.value)).find((r) => r.ok)
    const region = firstValid?.ok ? firstValid.region : FALLBACK_STS_REGION
    const result = await ctx.aws.send<GetCallerIdentityCommandOutput>(
      ctx.aws.sts(region),
      new GetCallerIdentityCommand({}),
      ctx.signal
    )
    if (!result.ok) {
      return {
        findings: [
          await findingFromError('identity', result.error, fixContext(ctx, { region }), {
            title: `STS GetCallerIdentity failed: ${result.error.code}`
          })
        ]
      }
    }
    const { Account = '', Arn = '', UserId = '' } = result.value
    if (!Arn || !Account) {
      // A 200 without the caller (a proxy, a wrong endpoint override) proves nothing: never a pass.
      const error = {
        code: 'MalformedResponse',
        message: 'GetCallerIdentity answered without the caller ARN or account',
        operation: 'sts:GetCallerIdentity'
      }
      return {
        findings: [
          await findingFromError('identity', error, fixContext(ctx, { region }), {
            title: 'STS GetCallerIdentity answered without an identity'
          })
        ]
      }
    }
    const caller = describeCaller(Arn)
    const facts: IdentityFacts = {
      accountId: Account,
      arn: Arn,
      userId: UserId,
      partition: caller?.partition ?? 'aws',
      kind: caller?.kind ?? 'other',
      ...(caller?.roleArn ? { roleArn: caller.roleArn } : {})
    }
    return {
      findings: [
        {
          checkId: 'identity',
          status: 'pass',
          title: `Authenticated as ${Arn}`,
          observed: [
            `account ${Account}`,
            ...(caller?.roleArn && caller.kind === 'assumed-role'
              ? [`role ${caller.roleArn}, session ${caller.sessionName}`]
              : [])
          ]
        }
      ],
      facts
    }
  }
}
