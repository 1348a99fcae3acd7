/**
 * The statements of the preflight's own IAM policy (docs/preflight-policy.json). Each check's meta
 * names, per permission, the statement that grants it; `npm run docs` writes the policy as the
 * union of those actions under these statements, in this order, so the policy and the checks
 * cannot drift apart.
 */
export const POLICY_STATEMENTS = {
  ReadBedrockModelState: {
    resources: ['*'],
    without: 'those checks are _could not verify_'
  },
  ReadServiceQuotas: {
    resources: ['*'],
    without: 'the quota check is _could not verify_'
  },
  SimulateOwnPermissions: {
    resources: ['arn:aws:iam::<ACCOUNT_ID>:role/<JOB_ROLE_NAME>'],
    without: 'the IAM side is _could not verify_'
  },
  ReadTrustOfNamedRoles: {
    resources: [
      'arn:aws:iam::<ACCOUNT_ID>:role/<JOB_ROLE_NAME>',
      'arn:aws:iam::<ACCOUNT_ID>:role/<ASSUME_ROLE_NAME>',
      'arn:aws:iam::<ACCOUNT_ID>:role/<OIDC_ROLE_NAME>'
    ],
    without: 'the trust-policy side is _could not verify_'
  },
  ReadApiKeyUser: {
    resources: [
      'arn:aws:iam::<ACCOUNT_ID>:user/<API_KEY_USER_NAME>',
      'arn:aws:iam::<ACCOUNT_ID>:role/<JOB_ROLE_NAME>'
    ],
    without: 'who may use the Bedrock API key is _could not verify_'
  },
  AssumeNamedRolesResultDiscarded: {
    resources: ['arn:aws:iam::<ACCOUNT_ID>:role/<ASSUME_ROLE_NAME>'],
    without: 'the role is reported as not assumable by this caller'
  },
  OnlyWithInvokeProbe: {
    resources: [
      'arn:aws:bedrock:*:<ACCOUNT_ID>:inference-profile/*anthropic.claude-*',
      'arn:aws:bedrock:*::foundation-model/anthropic.claude-*'
    ],
    without: 'the probe fails with the real `AccessDeniedException`'
  },
  // Only for `endpoint: mantle|both`: mantle's reads name the project as their resource (IAM's
  // refusals say "on resource: arn:aws:bedrock-mantle:<region>:<account>:project/default").
  ReadMantleModelsAndProject: {
    resources: ['arn:aws:bedrock-mantle:*:<ACCOUNT_ID>:project/*'],
    without:
      'the bedrock-mantle model and project checks are _could not verify_ (needed only for `endpoint: mantle|both`)'
  },
  OnlyWithMantleProbe: {
    resources: ['arn:aws:bedrock-mantle:*:<ACCOUNT_ID>:project/*'],
    without:
      'the mantle probe fails with the real permission error (only with `invoke-probe` and `endpoint: mantle|both`)'
  }
} as const satisfies Record<string, { resources: readonly string[]; without: string }>

export type StatementId = keyof typeof POLICY_STATEMENTS
