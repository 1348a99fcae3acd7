import { AssumeRoleCommand, type AssumeRoleCommandOutput, type Tag } from '@aws-sdk/client-sts'
import { maskReturnedCredentials } from '../../aws/partition.js'
import { sessionTagPlan } from '../../aws/session-tags.js'
import type { CheckRun } from '../shared/check.js'
import { SESSION_NAME, SESSION_SECONDS } from '../shared/assume-role.js'
import { parseRoleArn } from '../../parse/arn.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import { diagnose } from './diagnose.js'
import type { meta } from './meta.js'
import { reportTagsRefused } from './session-tags.js'

/**
 * `sts:AssumeRole` on the role, with the session tags the job's configure-aws-credentials step
 * would send; the credentials are masked at once and discarded. Refused for the tags alone, it
 * asks once more without them; refused with AccessDenied, it asks which side refuses (diagnose.ts).
 */
export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const roleArn = ctx.subject.role ?? ''
  const parsed = parseRoleArn(roleArn)
  if (!parsed) {
    ctx.report('notRoleArn', { arn: roleArn })
    return
  }
  const role = { ...parsed, arn: roleArn }
  const region = ctx.subject.region ?? 'us-east-1'
  const tagging = sessionTagPlan(ctx.config.roleSessionTags ?? 'auto', ctx.config.env)
  const assume = (tags: Tag[] | undefined) =>
    ctx.aws.send<AssumeRoleCommandOutput>(
      ctx.aws.sts(region),
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: SESSION_NAME,
        DurationSeconds: SESSION_SECONDS,
        ...(tags ? { Tags: tags } : {})
      }),
      ctx.signal
    )
  const [identity, tagged] = await Promise.all([ctx.waitFor('identity'), assume(tagging?.tags)])
  if (tagged.ok) maskReturnedCredentials(ctx.log, tagged.value.Credentials)
  if (!identity) return // discarded: identity did not pass
  if (apiKeyOnly(identity)) {
    ctx.report('needsCredentials', { role: roleArn })
    return
  }
  let assumed = tagged
  // Refused for the tags alone? Ask once more without them: that tells "add sts:TagSession"
  // apart from a role the caller cannot assume at all (a third round trip, on this path only).
  // The catalog says what the refusal is, so the check and `explain` never disagree.
  let tagRefused: string | undefined
  if (tagging && !tagged.ok && (await ctx.explain(tagged.error))?.id === 'tag-session-denied') {
    assumed = await assume(undefined)
    if (assumed.ok) {
      maskReturnedCredentials(ctx.log, assumed.value.Credentials)
      await reportTagsRefused(ctx, tagged.error, role, identity, tagging)
      return
    }
    // Refused without tags too: that is the finding; the tag refusal stays on record.
    tagRefused = `with ${tagging.tags.length} session tags: ${tagged.error.code}: ${tagged.error.message}`
  }
  const later = tagRefused ? [tagRefused] : []
  if (assumed.ok) {
    ctx.report(
      'assumed',
      { caller: identity.arn, role: roleArn },
      {
        observed: [
          `sts:AssumeRole (session ${SESSION_NAME}, ${SESSION_SECONDS} s${tagging ? `, ${tagging.tags.length} session tags as configure-aws-credentials sends them` : ''}) succeeded as ${assumed.value.AssumedRoleUser?.Arn ?? roleArn}; the credentials were discarded`
        ]
      }
    )
    return
  }
  if (!/^AccessDenied/.test(assumed.error.code)) {
    ctx.report(
      'assumeFailed',
      { role: roleArn, code: assumed.error.code },
      { error: assumed.error, observed: later }
    )
    return
  }
  await diagnose(ctx, role, identity, assumed.error, later)
}
