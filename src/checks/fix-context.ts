import type { FixContext } from '../catalog/types.js'
import type { CheckContext } from '../engine/check.js'

/** What fixes may name, from the configuration, the subject and what earlier checks learned. */
export function fixContext(ctx: CheckContext, extra: Partial<FixContext> = {}): FixContext {
  const identity = ctx.facts<{ arn?: string }>('identity')
  const credentials = ctx.facts<{ source?: string }>('credentials')
  return {
    surface: ctx.config.surface,
    profile: ctx.config.profile ?? ctx.config.env.AWS_PROFILE,
    region: ctx.subject.region,
    modelId: ctx.subject.model,
    roleArn: ctx.subject.role,
    callerArn: identity?.arn,
    credentialSource: credentials?.source,
    ...extra
  }
}
