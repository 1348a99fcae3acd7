import type { Tag } from '@aws-sdk/client-sts'
import type { FindingDetail, ObservedError } from '../../engine/types.js'
import { suggestedTrustStatement } from '../../policy/trust-policy.js'
import type { IdentityFacts } from '../identity/facts.js'
import { detailOf } from '../../policy/fix-parts.js'
import type { RoleArn } from '../../parse/arn.js'
import { identityPolicy, storedPrincipalArn, type RoleTrustContext } from './side.js'

/** What the probe sends: configure-aws-credentials' tags, and how a refusal of them ends. */
export interface Tagging {
  tags: Tag[]
  severity: 'fail' | 'warn'
}

/**
 * AssumeRole works, but not with the session tags the job's configure-aws-credentials step sends.
 * Error in `true` (the user said that step tags), warning in `auto` (we only know it usually does).
 */
export async function reportTagsRefused(
  ctx: RoleTrustContext,
  error: ObservedError,
  role: RoleArn & { arn: string },
  identity: IdentityFacts,
  tagging: Tagging
): Promise<void> {
  const who = await storedPrincipalArn(ctx, identity)
  const details: FindingDetail[] = [
    detailOf(`Trust statement admitting ${who}, with session tags`, [
      {
        text: `In the trust policy of \`${role.arn}\`, the statement that admits the caller needs \`sts:TagSession\` next to \`sts:AssumeRole\`:\n\n`
      },
      { trust: suggestedTrustStatement({ AWS: who }, ['sts:AssumeRole', 'sts:TagSession']) }
    ])
  ]
  if (role.account !== identity.accountId) {
    details.push(
      detailOf(`Identity statement for ${who}`, [
        { text: "Across accounts the caller's own policy must allow it too:\n\n" },
        { policy: identityPolicy(['sts:AssumeRole', 'sts:TagSession'], role.arn) }
      ])
    )
  }
  const observed = [
    `with ${tagging.tags.length} session tags (${tagging.tags.map((t) => t.Key).join(', ')}): refused, as above`,
    'without session tags: sts:AssumeRole succeeded; the credentials were discarded',
    tagging.severity === 'warn'
      ? 'role-session-tags: auto (in GitHub Actions the preflight assumes the job chains roles with configure-aws-credentials, which tags sessions)'
      : 'role-session-tags: true'
  ]
  ctx.report(
    tagging.severity === 'warn' ? 'tagsRefusedIfTagged' : 'tagsRefused',
    { caller: identity.arn, role: role.arn },
    { error, observed, details }
  )
}
