import { defineMeta } from '../shared/check.js'
import { ROLE_ARN_SHAPE } from '../shared/role-arn.js'
import { DocUrl } from '../../data/doc-url.js'

const CANNOT = "This job's GitHub OIDC token cannot assume {{role}}"
const WHICH_SUB =
  'A job with `environment:` presents `…:environment:NAME`, a pull request `…:pull_request`, a branch `…:ref:refs/heads/BRANCH`. Use `StringLike` (not `StringEquals`) for values with `*`.'

/**
 * Exchanges this job's GitHub OIDC token for `oidc-role-arn` with AssumeRoleWithWebIdentity, an
 * unsigned call: it works with no AWS credentials at all, e.g. in an `if: failure()` step after
 * configure-aws-credentials failed.
 */
export const meta = defineMeta({
  id: 'oidc-trust',
  title: 'OIDC trust',
  description:
    "The job's GitHub OIDC token is accepted by `oidc-role-arn`; works in an `if: failure()` step with no AWS credentials.",
  scope: 'oidc',
  dependsOn: [],
  sdks: ['iam'],
  // sts:AssumeRoleWithWebIdentity is authorised by the token and the trust policy, not by IAM.
  permissions: [
    {
      action: 'iam:GetRole',
      statement: 'ReadTrustOfNamedRoles',
      why: 'which condition of the trust policy the token does not meet (optional: only with credentials)'
    }
  ],
  messages: {
    notRoleArn: {
      status: 'fail',
      title: 'oidc-role-arn "{{arn}}" is not an IAM role ARN',
      cause: ROLE_ARN_SHAPE,
      fix: 'Correct the `oidc-role-arn` input.',
      doc: DocUrl.arns
    },
    outsideActions: {
      status: 'skipped',
      title: 'OIDC trust: checked only inside GitHub Actions (a GitHub OIDC token is needed)',
      cause:
        'Only a GitHub Actions job with `permissions: id-token: write` can obtain the token this check exchanges.',
      fix: 'Run the preflight with `oidc-role-arn` in a GitHub Actions job that has `permissions: id-token: write`.',
      doc: DocUrl.githubOidc
    },

    // No token: the catalog explains the error of the token request.
    tokenRefused: { status: 'catalog', title: 'No GitHub OIDC token: {{reason}}' },
    tokenFailed: { status: 'catalog', title: 'No GitHub OIDC token could be obtained' },
    emptyToken: {
      status: 'catalog',
      catalog: 'oidc-token-unavailable',
      title: 'GitHub returned an empty OIDC token'
    },
    unreadableToken: {
      status: 'catalog',
      catalog: 'oidc-invalid-token',
      title: 'The OIDC token GitHub returned is not a readable JWT'
    },

    assumed: { status: 'pass', title: "This job's GitHub OIDC token can assume {{role}}" },

    // The trust policy's conditions refuse the token: the fix names the `sub` it presents.
    conditionsRefuse: {
      status: 'catalog',
      catalog: 'web-identity-denied',
      title: `${CANNOT}: oidc token does not satisfy the role trust policy`,
      fix: `The job presents \`sub\` = \`{{sub}}\`. Make the trust policy of \`{{role}}\` accept it, for every run of the repository with \`"StringLike": { "{{host}}:sub": "{{corrected}}" }\`, or only this exact context with \`"StringEquals": { "{{host}}:sub": "{{sub}}" }\`.\n\n${WHICH_SUB}`
    },
    /** The same, for a token without a `repository` claim: no condition for every run to suggest. */
    conditionsRefuseNoRepository: {
      status: 'catalog',
      catalog: 'web-identity-denied',
      title: `${CANNOT}: oidc token does not satisfy the role trust policy`,
      fix: `The job presents \`sub\` = \`{{sub}}\`. Make the trust policy of \`{{role}}\` accept it, or only this exact context with \`"StringEquals": { "{{host}}:sub": "{{sub}}" }\`.\n\n${WHICH_SUB}`
    },
    /** Any other refusal (no provider, wrong audience, …): as the catalog explains it. */
    refused: { status: 'catalog', title: `${CANNOT}: {{reason}}` },
    refusedUnexplained: { status: 'catalog', title: CANNOT }
  }
})
