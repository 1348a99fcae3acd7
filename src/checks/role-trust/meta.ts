import { defineMeta } from '../shared/check.js'
import { ROLE_ARN_SHAPE } from '../shared/role-arn.js'
import { API_KEY_ONLY } from '../shared/api-key-only.js'
import { DocUrl } from '../../data/doc-url.js'

// ── The diagnosis of a refused AssumeRole (decide.ts picks the message) ──────────────────────
// Its status, doc and catalogId come from the catalog entry of the AccessDenied; where the cause
// is left out, the catalog's is shown (AWS's message does not say which side refuses).

const CANNOT = 'Cannot assume {{role}}: '
const BOTH_REFUSE = `${CANNOT}both the trust policy and the caller's policies refuse`
const TRUST_REFUSES = `${CANNOT}the role's trust policy refuses the caller`
const CALLER_REFUSES = `${CANNOT}the caller's policies do not allow sts:AssumeRole`
const UNVERIFIED = `${CANNOT}which side refuses could not be fully verified`
const BOTH_ALLOW = `${CANNOT}both sides appear to allow it`

const TRUST_CHANGE = '**Trust side:** {{trustChange}}'
const CALLER_CHANGE = '**Caller side:** {{callerChange}}'
const BOTH_CHANGES = `${TRUST_CHANGE}\n\n${CALLER_CHANGE}`
const UNREAD_FIX =
  'Grant the preflight `iam:GetRole` and `iam:SimulatePrincipalPolicy` so it can tell which side refuses.'
const LOOK_BEYOND =
  "Both sides appear to allow it, so look beyond them: a session policy on the caller, an SCP or RCP in the role's organization, a trust condition on session tags or a source identity, or a role that was deleted and recreated (trust policies keep the old principal ID). Compare the trust policy with the statement below."
const CROSS_ACCOUNT =
  "This is a cross-account role: the role's trust policy must name the caller (or its account) and the caller's own identity policy must allow sts:AssumeRole on the role. Either one missing gives the same AccessDenied."

/**
 * `sts:AssumeRole` for each `assume-role-arn`, with the session tags the job's configure-aws-
 * credentials step would send (`role-session-tags`); when refused, which side refuses: the role's
 * trust policy (iam:GetRole, evaluated here) or the caller's own policies
 * (iam:SimulatePrincipalPolicy), or only the tags (sts:TagSession).
 */
export const meta = defineMeta({
  id: 'role-trust',
  title: 'Role trust',
  description:
    "Each `assume-role-arn` can be assumed (with configure-aws-credentials' session tags); if not, which side refuses.",
  scope: 'role',
  dependsOn: ['identity'],
  // AssumeRole needs only the credentials: it starts while identity is still in flight.
  speculative: ['identity'],
  sdks: ['iam'],
  permissions: [
    {
      action: 'sts:AssumeRole',
      statement: 'AssumeNamedRolesResultDiscarded',
      why: 'the role can be assumed (the credentials are discarded)'
    },
    {
      action: 'sts:TagSession',
      statement: 'AssumeNamedRolesResultDiscarded',
      why: 'the role accepts the session tags configure-aws-credentials sends'
    },
    {
      action: 'iam:GetRole',
      statement: 'ReadTrustOfNamedRoles',
      why: "the trust side of a refusal (the role's trust policy)"
    },
    {
      action: 'iam:SimulatePrincipalPolicy',
      statement: 'SimulateOwnPermissions',
      why: "the caller side of a refusal (the caller's own policies)"
    }
  ],
  messages: {
    needsCredentials: {
      status: 'unverified',
      title: 'Trust of {{role}} not checked: sts:AssumeRole needs IAM credentials',
      ...API_KEY_ONLY
    },
    notRoleArn: {
      status: 'fail',
      title: 'assume-role-arn "{{arn}}" is not an IAM role ARN',
      cause: ROLE_ARN_SHAPE,
      fix: 'Correct the `assume-role-arn` input (or `--assume-role-arn`).',
      doc: DocUrl.arns
    },
    assumed: { status: 'pass', title: '{{caller}} can assume {{role}}' },

    // AssumeRole works, but not with the tags the job's configure-aws-credentials step sends: an
    // error when the user said that step tags (`true`), a warning when we only know it usually
    // does (`auto`).
    tagsRefused: {
      status: 'fail',
      catalog: 'tag-session-denied',
      title: '{{caller}} can assume {{role}}, but not with session tags'
    },
    tagsRefusedIfTagged: {
      status: 'warn',
      catalog: 'tag-session-denied',
      title: '{{caller}} can assume {{role}}, but not with session tags'
    },

    /** Refused with an error that is not AccessDenied: the catalog says what it is. */
    assumeFailed: { status: 'catalog', title: 'sts:AssumeRole on {{role}} failed: {{code}}' },
    roleMissing: {
      status: 'catalog',
      title: '{{role}} does not exist',
      cause:
        'There is no role named `{{name}}` in account {{account}}; STS answers AccessDenied for a role that does not exist.',
      fix: 'Correct the role ARN (check its name and account), or create the role.'
    },

    // Same account: a trust statement naming the caller suffices; one naming the account delegates.
    bothRefuse: {
      status: 'catalog',
      title: BOTH_REFUSE,
      cause:
        'Neither side grants it: the trust policy does not admit `{{who}}`, and no identity policy of the caller allows `sts:AssumeRole` on the role. Within one account, a trust statement naming `{{who}}` is enough on its own; one naming only the account also needs the identity statement.',
      fix: BOTH_CHANGES
    },
    trustRefuses: {
      status: 'catalog',
      title: TRUST_REFUSES,
      cause:
        "The role's trust policy does not admit `{{who}}`; the caller's own permissions are not the problem.",
      fix: TRUST_CHANGE
    },
    callerDenies: {
      status: 'catalog',
      title: CALLER_REFUSES,
      cause:
        "An explicit Deny (or an SCP) on the caller's side blocks `sts:AssumeRole`, whatever the trust policy says.",
      fix: CALLER_CHANGE
    },
    callerNotAllowed: {
      status: 'catalog',
      title: CALLER_REFUSES,
      cause:
        "The trust policy admits the caller only through its account (or `*`), which delegates the decision to the caller's identity policies, and none of them allows `sts:AssumeRole` on the role.",
      fix: CALLER_CHANGE
    },
    unverified: { status: 'catalog', title: UNVERIFIED, fix: '{{changes}}' },
    unverifiedUnread: { status: 'catalog', title: UNVERIFIED, fix: UNREAD_FIX },
    bothAllow: { status: 'catalog', title: BOTH_ALLOW, fix: LOOK_BEYOND },

    // Across accounts both sides are always needed, whichever refuses.
    crossAccountBothRefuse: {
      status: 'catalog',
      title: BOTH_REFUSE,
      cause: CROSS_ACCOUNT,
      fix: BOTH_CHANGES
    },
    crossAccountTrustRefuses: {
      status: 'catalog',
      title: TRUST_REFUSES,
      cause: CROSS_ACCOUNT,
      fix: TRUST_CHANGE
    },
    crossAccountCallerRefuses: {
      status: 'catalog',
      title: CALLER_REFUSES,
      cause: CROSS_ACCOUNT,
      fix: CALLER_CHANGE
    },
    crossAccountUnverified: {
      status: 'catalog',
      title: UNVERIFIED,
      cause: CROSS_ACCOUNT,
      fix: '{{changes}}'
    },
    crossAccountUnverifiedUnread: {
      status: 'catalog',
      title: UNVERIFIED,
      cause: CROSS_ACCOUNT,
      fix: UNREAD_FIX
    },
    crossAccountBothAllow: {
      status: 'catalog',
      title: BOTH_ALLOW,
      cause: CROSS_ACCOUNT,
      fix: LOOK_BEYOND
    },

    // One side could not be read: a finding of its own, next to the diagnosis.
    trustInOtherAccount: {
      status: 'unverified',
      title: 'Trust policy of {{role}} not read: the role is in another account',
      cause:
        "iam:GetRole can only read roles in the caller's own account, so the trust side of this cross-account role could not be checked.",
      fix: 'Ask the owner of account {{account}} to confirm the trust policy of `{{role}}` names `{{who}}` (see the suggested statement), or run the preflight with credentials of that account.',
      doc: DocUrl.crossAccountRoles
    },
    /** iam:GetRole failed: a denial is "could not verify", naming the permission. */
    trustUnread: { status: 'catalog', title: 'Trust policy of {{role}} could not be read' },
    /** iam:SimulatePrincipalPolicy failed: likewise. */
    callerUnsimulated: {
      status: 'catalog',
      title: 'Could not simulate sts:AssumeRole for {{principal}}'
    }
  }
})
