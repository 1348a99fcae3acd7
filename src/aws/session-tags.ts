/**
 * The session tags a later `sts:AssumeRole` of this job will carry. aws-actions/configure-aws-
 * credentials tags every AssumeRole session (not AssumeRoleWithWebIdentity, whose tags come from
 * the token) unless the step sets `role-skip-session-tagging: true`, and tagging needs
 * `sts:TagSession` in the role's trust policy: without it the chained step fails with
 * "is not authorized to perform: sts:TagSession" although plain AssumeRole works. The preflight
 * sends the same keys, so its probe is refused exactly where that step would be.
 */
import type { Tag } from '@aws-sdk/client-sts'

/** `role-session-tags`: whether the job's later AssumeRole passes session tags. */
export type SessionTagging = 'auto' | 'true' | 'false'

export const SESSION_TAGGING: readonly SessionTagging[] = ['auto', 'true', 'false']

/** STS limits on a tag value: at most 256 of these characters. */
const TAG_VALUE_LENGTH = 256
const NOT_TAG_VALUE_CHARACTER = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu

function tagValue(value: string): string {
  return value.replace(NOT_TAG_VALUE_CHARACTER, '_').slice(0, TAG_VALUE_LENGTH)
}

/**
 * What the probe should send, decided from the setting and where the run happens: `auto` tags only
 * inside GitHub Actions, where configure-aws-credentials is how jobs chain roles. A refusal is an
 * error when the user said the later step tags (`true`) and a warning when we only assume it.
 */
export function sessionTagPlan(
  setting: SessionTagging,
  env: Readonly<Record<string, string | undefined>>
): { tags: Tag[]; severity: 'fail' | 'warn' } | undefined {
  if (setting === 'false') return undefined
  if (setting === 'auto' && env.GITHUB_ACTIONS !== 'true') return undefined
  return { tags: configureAwsCredentialsTags(env), severity: setting === 'true' ? 'fail' : 'warn' }
}

/**
 * The keys configure-aws-credentials sends (GitHub, Repository, Workflow, Action, Actor, Commit,
 * Branch), with values from the runner's variables; a variable that is unset is left out, and a
 * value is cut to what STS accepts, so a trust condition on `aws:RequestTag/…` sees what it would.
 */
export function configureAwsCredentialsTags(
  env: Readonly<Record<string, string | undefined>>
): Tag[] {
  const tags: Tag[] = [{ Key: 'GitHub', Value: 'Actions' }]
  const from: [string, string][] = [
    ['Repository', 'GITHUB_REPOSITORY'],
    ['Workflow', 'GITHUB_WORKFLOW'],
    ['Action', 'GITHUB_ACTION'],
    ['Actor', 'GITHUB_ACTOR'],
    ['Commit', 'GITHUB_SHA'],
    ['Branch', 'GITHUB_REF']
  ]
  for (const [key, variable] of from) {
    const value = env[variable]?.trim()
    if (value) tags.push({ Key: key, Value: tagValue(value) })
  }
  return tags
}
