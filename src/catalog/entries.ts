import type { CatalogEntry, FixContext } from './types.js'
import { CONFIGURE_CREDENTIALS_STEP, RESTART_SURFACES } from './snippets.js'

/**
 * Every AWS, SDK and tool error bedrock-preflight knows, as data: what `explain` matches, what a
 * check says when it meets one (a message with `status: 'catalog'`, or one that names an entry
 * with `catalog:`), and docs/troubleshooting.md. States a check detects on its own live in that
 * check's messages (src/checks/<id>/meta.ts), not here.
 *
 * Order matters only between entries of equal specificity (see match.ts): more specific first.
 * Message texts come from AWS documentation and public reports collected in shared/reference.
 */

const DOC = {
  credentialChain:
    'https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html',
  sso: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html',
  configureCredentials: 'https://github.com/aws-actions/configure-aws-credentials#readme',
  stsErrors: 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html',
  signing: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html',
  roles: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_roles.html',
  githubOidc:
    'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
  region: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html',
  stsRegions:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html',
  endpoints: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html',
  bedrockErrors:
    'https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html',
  bedrockIam: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html',
  geoCris:
    'https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html',
  globalCris:
    'https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html',
  profiles: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html',
  regions: 'https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html',
  modelAccess: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html',
  lifecycle: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html',
  quotas: 'https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html',
  scp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  simulate: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html',
  accessDenied: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html',
  sessionTags:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required'
} as const

const profileName = (ctx: FixContext): string => ctx.profile ?? '<your-profile>'
const inCi = (ctx: FixContext): boolean => ctx.surface === 'github-actions'

/** The seed page's policy, with both ARN forms; the invoke-permission check gives an exact one. */
export const SEED_INVOKE_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        Resource: [
          'arn:aws:bedrock:*::foundation-model/*',
          'arn:aws:bedrock:*:*:inference-profile/us.anthropic.claude-*'
        ]
      }
    ]
  },
  null,
  2
)

export const CATALOG = [
  // ── Credentials and identity ────────────────────────────────────────────────────────────────
  {
    id: 'no-credentials',
    title: 'No credentials found',
    seed: 'Could not load credentials from any providers',
    patterns: [/Could not load credentials from any providers/i, /Credential is missing/i],
    cause:
      'The AWS SDK looked for credentials in every place it knows (environment variables, the shared config and credentials files for `AWS_PROFILE`, SSO, a web identity token file, `credential_process`, container and instance metadata) and found none.',
    fix: (ctx) =>
      inCi(ctx)
        ? `Configure credentials in the job before this step. With GitHub OIDC (no stored keys):\n\n${CONFIGURE_CREDENTIALS_STEP}\n\nIf that step exists, check that it ran and did not fail, and that \`id-token: write\` is granted.`
        : [
            'Pick one credential source and configure it:',
            '',
            "| You're on | Use |",
            '|---|---|',
            '| Developer laptop | AWS SSO: `aws configure sso`, then `aws sso login --profile <name>` and `AWS_PROFILE=<name>` in `~/.insightworker/.env` |',
            '| EC2 / Fargate / EKS | the instance, task or pod IAM role (nothing to set) |',
            '| Static keys (legacy) | `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` |'
          ].join('\n'),
    doc: DOC.credentialChain,
    verdict: 'fail'
  },
  {
    id: 'sso-session-expired',
    title: 'SSO session expired',
    patterns: [
      /SSO session associated with this profile has expired/i,
      /SSO session token associated with profile=.* was not found or is invalid/i,
      /SSO session associated with this profile is invalid/i,
      /The SSO session associated with this profile/i
    ],
    cause:
      'The profile gets its credentials from AWS IAM Identity Center (SSO), and the SSO session has expired (12 hours by default) or was never started on this machine.',
    fix: (ctx) =>
      `\`\`\`sh\naws sso login --profile ${profileName(ctx)}\n\`\`\`\n\n${RESTART_SURFACES}`,
    doc: DOC.sso,
    verdict: 'fail'
  },
  {
    id: 'expired-token',
    title: 'Expired security token',
    seed: 'ExpiredToken / The security token included in the request is expired',
    patterns: [
      /\bExpiredToken(Exception)?\b/,
      /security token included in the request is expired/i,
      /\bToken is expired\b/i
    ],
    cause:
      'The credentials are temporary and past their expiry: an SSO session (12 h by default), a GitHub OIDC session (`role-duration-seconds`, 1 h by default) or a chained role session (at most 1 h).',
    fix: (ctx) =>
      inCi(ctx)
        ? "The session from `aws-actions/configure-aws-credentials` ran out before this step. Run the preflight (and the work it guards) earlier in the job, re-run `configure-aws-credentials` right before the step that needs AWS, or raise `role-duration-seconds` (up to the role's maximum session duration; chained roles are capped at 1 hour)."
        : ctx.credentialSource === 'env-temporary'
          ? 'The `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` in the environment (or `.env`) are an old temporary session. Remove them and use a profile that refreshes itself, e.g. SSO: `aws sso login --profile <name>` and `AWS_PROFILE=<name>`.'
          : `You are probably using AWS SSO and the session has expired:\n\n\`\`\`sh\naws sso login --profile ${profileName(ctx)}\n\`\`\`\n\n${RESTART_SURFACES}`,
    doc: DOC.sso,
    verdict: 'fail'
  },
  {
    id: 'invalid-client-token',
    title: 'Access key not recognised',
    patterns: [
      /\bInvalidClientTokenId\b/,
      /security token included in the request is invalid/i,
      /AWS access key ID provided does not exist in our records/i,
      /\bUnrecognizedClientException\b/
    ],
    cause:
      'AWS does not know this access key: it was deleted or deactivated, belongs to another partition (GovCloud, China), or is a temporary `ASIA…` key sent without its `AWS_SESSION_TOKEN`.',
    fix: (ctx) =>
      inCi(ctx)
        ? 'Replace stored keys with GitHub OIDC (`aws-actions/configure-aws-credentials` with `role-to-assume`). If you must keep keys, rotate them in IAM and update the repository secrets; a temporary key also needs `aws-session-token`.'
        : 'Check the key in IAM (Users → Security credentials). If it starts with `ASIA`, set `AWS_SESSION_TOKEN` too, or better, drop static keys and use `aws sso login --profile <name>`.',
    doc: DOC.stsErrors,
    verdict: 'fail'
  },
  {
    id: 'signature-mismatch',
    title: 'Secret key does not match',
    patterns: [
      /\bSignatureDoesNotMatch\b/,
      /request signature we calculated does not match the signature you provided/i
    ],
    cause:
      'The secret access key does not belong to the access key ID (a copy-paste error, trailing whitespace or a newline in the secret), or the clock of this machine is far off.',
    fix: () =>
      'Re-copy the secret access key without surrounding spaces or newlines (in GitHub secrets, paste it again). Check the clock: `date -u` must be within 5 minutes of real time.',
    doc: DOC.signing,
    verdict: 'fail'
  },
  {
    id: 'incomplete-signature',
    title: 'Malformed request signature',
    patterns: [/\bIncompleteSignature\b/, /request signature does not conform to AWS standards/i],
    cause:
      'The request was signed incompletely: usually a credential variable is empty or truncated.',
    fix: () =>
      'Check that `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and, for temporary keys, `AWS_SESSION_TOKEN` are complete and non-empty.',
    doc: DOC.signing,
    verdict: 'fail'
  },
  {
    id: 'request-expired',
    title: 'Clock skew',
    patterns: [
      /\bRequestExpired\b/,
      /request is no longer valid due to expired timestamps/i,
      /Signature expired/i,
      /\bRequestTimeTooSkewed\b/
    ],
    cause:
      "This machine's clock differs from AWS's by more than 5 minutes, so signatures look expired.",
    fix: () =>
      'Synchronise the clock (NTP): `sudo timedatectl set-ntp true` on Linux, or enable automatic time on macOS/Windows.',
    doc: DOC.signing,
    verdict: 'fail'
  },
  {
    id: 'invalid-signature-region',
    title: 'Request signed for the wrong region',
    patterns: [/Credential should be scoped to a valid region/i],
    cause:
      'The request was signed for a region that does not match the endpoint, usually a malformed or mistyped region.',
    fix: () => 'Set `aws-region` (or `AWS_REGION`) to a real region code such as `us-east-1`.',
    doc: DOC.region,
    verdict: 'fail'
  },
  {
    id: 'sts-region-disabled',
    title: 'STS not activated in this region',
    patterns: [/\bRegionDisabledException\b/, /STS is not activated in this region/i],
    cause: 'The account has deactivated the regional STS endpoint for this region.',
    fix: (ctx) =>
      `Activate STS for ${ctx.region ?? 'this region'} in IAM → Account settings → Security Token Service (STS) → Endpoints, or use a region where it is active.`,
    doc: DOC.stsRegions,
    verdict: 'fail'
  },
  // ── Roles and GitHub OIDC ─────────────────────────────────────────────────────────────────
  {
    id: 'web-identity-denied',
    title: 'OIDC token does not satisfy the role trust policy',
    patterns: [/Not authorized to perform sts:AssumeRoleWithWebIdentity/i],
    cause:
      "The role's trust policy does not admit this GitHub token: its `sub` (or `aud`) condition does not match what the job presents. A job with `environment:` presents `repo:OWNER/REPO:environment:NAME`, a pull request `repo:OWNER/REPO:pull_request`, a branch `repo:OWNER/REPO:ref:refs/heads/BRANCH`.",
    fix: (ctx) =>
      `Edit the trust policy of ${ctx.roleArn ? `\`${ctx.roleArn}\`` : 'the role'} so its condition matches the job's \`sub\` claim (shown by the \`oidc-trust\` check), for example:\n\n\`\`\`json\n"Condition": {\n  "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },\n  "StringLike": { "token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:*" }\n}\n\`\`\`\n\nUse \`StringLike\` (not \`StringEquals\`) when the value has a wildcard.`,
    doc: DOC.githubOidc,
    verdict: 'fail'
  },
  {
    id: 'oidc-provider-missing',
    title: 'No GitHub OIDC provider in the account',
    patterns: [/No OpenIDConnect provider found in your account/i],
    cause:
      'The AWS account has no IAM identity provider for `https://token.actions.githubusercontent.com`, so no GitHub token can be exchanged for a role.',
    fix: () =>
      'Create it once per account:\n\n```sh\naws iam create-open-id-connect-provider \\\n  --url https://token.actions.githubusercontent.com \\\n  --client-id-list sts.amazonaws.com\n```\n\n(or IAM → Identity providers → Add provider → OpenID Connect).',
    doc: DOC.githubOidc,
    verdict: 'fail'
  },
  {
    id: 'oidc-audience',
    title: 'OIDC token audience not accepted',
    patterns: [/Incorrect token audience/i],
    cause:
      "The token's `aud` claim is not in the OIDC provider's client-ID list. `configure-aws-credentials` asks for `sts.amazonaws.com`.",
    fix: () =>
      "Add `sts.amazonaws.com` to the provider's audiences (IAM → Identity providers → token.actions.githubusercontent.com → Add audience), or pass the audience the provider lists via `audience:` in `configure-aws-credentials`.",
    doc: DOC.githubOidc,
    verdict: 'fail'
  },
  {
    id: 'oidc-invalid-token',
    title: 'OIDC token rejected',
    patterns: [/\bInvalidIdentityToken\b/, /\bExpiredTokenException\b.*web identity/i],
    cause:
      'STS rejected the GitHub OIDC token itself (malformed, expired, or signed by an unexpected issuer).',
    fix: () =>
      'Request a fresh token in the same job (tokens are valid for minutes) and check the provider URL is exactly `https://token.actions.githubusercontent.com`.',
    doc: DOC.githubOidc,
    verdict: 'fail'
  },
  {
    id: 'oidc-token-unavailable',
    title: 'No OIDC token for this job',
    patterns: [/Unable to get ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN) env variable/i],
    cause:
      'The job did not get the `id-token: write` permission, so GitHub gave it no way to request an OIDC token. Pull requests from forks never get one.',
    fix: () =>
      'Grant the permission in the workflow or job:\n\n```yaml\npermissions:\n  id-token: write\n  contents: read\n```',
    doc: DOC.githubOidc,
    verdict: 'fail'
  },
  {
    id: 'oidc-token-request-failed',
    title: 'GitHub did not issue an OIDC token',
    patterns: [/Failed to get ID Token/i, /Response json body do not have ID Token field/i],
    cause:
      "The request to GitHub's token endpoint failed; the message after it says how (HTTP status, network).",
    fix: () =>
      'Re-run the job; if it persists, check https://www.githubstatus.com and that the job has `permissions: id-token: write`.',
    doc: DOC.githubOidc,
    verdict: 'unverified'
  },
  {
    id: 'tag-session-denied',
    title: 'Session tags refused (sts:TagSession)',
    patterns: [/not authorized to perform:? sts:TagSession\b/i],
    cause:
      "AssumeRole was called with session tags, and the role's trust policy does not allow `sts:TagSession` (across accounts, the caller's own policy must allow it too). aws-actions/configure-aws-credentials tags every AssumeRole session (role chaining, access keys plus a role) unless `role-skip-session-tagging: true`; OIDC sessions are not tagged.",
    fix: (ctx) =>
      `Add \`sts:TagSession\` to the \`Action\` of the statement in the trust policy of ${ctx.roleArn ? `\`${ctx.roleArn}\`` : 'the role'} that admits ${ctx.callerArn ? `\`${ctx.callerArn}\`` : 'the caller'} (\`"Action": ["sts:AssumeRole", "sts:TagSession"]\`). If no policy reads the tags, set \`role-skip-session-tagging: true\` on the configure-aws-credentials step that assumes the role instead${inCi(ctx) ? ', and `role-session-tags: false` here' : ''}.`,
    doc: DOC.sessionTags,
    verdict: 'fail'
  },
  {
    id: 'assume-role-denied',
    title: 'Could not assume role',
    seed: 'Could not assume role',
    patterns: [
      /not authorized to perform: sts:AssumeRole\b(?!WithWebIdentity)/i,
      /Could not assume role/i
    ],
    cause:
      "Either the caller's own policies do not allow `sts:AssumeRole` on the role, or the role's trust policy does not name the caller as a principal. AWS's message does not say which; the `role-trust` check does.",
    fix: (ctx) =>
      `Check the trust relationship of ${ctx.roleArn ? `\`${ctx.roleArn}\`` : 'the target role'}: it must include ${ctx.callerArn ? `\`${ctx.callerArn}\`` : 'your user or role ARN'} as a Principal, and the caller's identity policy must allow \`sts:AssumeRole\` on the role (both are needed across accounts).`,
    doc: DOC.roles,
    verdict: 'fail'
  },
  {
    id: 'idp-communication',
    title: 'Identity provider unreachable',
    patterns: [/\bIDPCommunicationError\b/],
    cause: 'STS could not reach the identity provider to validate the token; this is transient.',
    fix: () => 'Re-run the job. If it keeps failing, check the provider URL and GitHub status.',
    doc: DOC.stsErrors,
    verdict: 'unverified'
  },
  // ── Region and network ────────────────────────────────────────────────────────────────────
  {
    id: 'region-missing',
    title: 'Region not configured',
    seed: 'Region not configured',
    patterns: [/Region is missing/i, /Region not configured/i, /\bConfigError\b.*region/i],
    cause:
      'No AWS region is set: `AWS_REGION` (and `AWS_DEFAULT_REGION`) are unset and the profile names none.',
    fix: (ctx) =>
      inCi(ctx)
        ? 'Set it on the action (`aws-region: us-east-1`), or job-wide:\n\n```yaml\nenv:\n  AWS_REGION: us-east-1\n```\n\n`aws-actions/configure-aws-credentials` also exports `AWS_REGION` when given `aws-region`.'
        : 'Add it to `~/.insightworker/.env`:\n\n```sh\nAWS_REGION=us-east-1\n```',
    doc: DOC.region,
    verdict: 'fail'
  },
  {
    id: 'region-invalid',
    title: 'Malformed region',
    patterns: [/Invalid region in client config/i, /is not a valid region/i],
    cause: 'The configured region is not of the form `us-east-1` (letters, a direction, a number).',
    fix: () =>
      'Use a region code such as `us-east-1`, `eu-west-1` or `ap-northeast-1`, without spaces or quotes.',
    doc: DOC.region,
    verdict: 'fail'
  },
  {
    id: 'region-without-bedrock',
    title: 'No Bedrock endpoint in this region',
    patterns: [
      /ENOTFOUND bedrock(-runtime)?\.[a-z0-9-]+\.amazonaws\.com/i,
      /Could not connect to the endpoint URL: "https:\/\/bedrock/i
    ],
    cause:
      'The Bedrock endpoint for this region does not resolve: Amazon Bedrock is not offered in the region, or the region name is mistyped.',
    fix: () =>
      'Use a region where Amazon Bedrock runs Claude, for example `us-east-1`, `us-west-2`, `eu-central-1` or `ap-northeast-1`.',
    doc: DOC.regions,
    verdict: 'fail'
  },
  // ── Bedrock: permissions ──────────────────────────────────────────────────────────────────
  {
    id: 'bedrock-scp-deny',
    title: 'Service control policy denies Bedrock',
    patterns: [
      /not authorized to perform: bedrock:\w+ on resource: .* with an explicit deny in a service control policy/i
    ],
    cause:
      'An AWS Organizations service control policy denies this call. With cross-region profiles the resource named can be a *destination* region you never chose (or `arn:aws:bedrock:::…`, the global hop, where `aws:RequestedRegion` is `unspecified`): a region-deny SCP must allow every destination of the profile.',
    fix: () =>
      'Ask the organization\'s administrators to allow the profile\'s destination regions in the region-deny SCP (and `"aws:RequestedRegion": "unspecified"` for `global.` profiles), or use a profile whose destinations are all allowed.',
    doc: DOC.geoCris,
    verdict: 'fail'
  },
  {
    id: 'bedrock-explicit-deny',
    title: 'Explicit deny on Bedrock',
    patterns: [
      /not authorized to perform: bedrock:\w+ on resource: .* with an explicit deny in an? (identity-based|resource-based|permissions boundary|session) policy/i
    ],
    cause:
      'A policy attached to the caller (or its permissions boundary or session policy) explicitly denies this action on this resource; an explicit deny overrides every allow.',
    fix: () =>
      'Find the `Deny` statement (IAM → the role → Permissions; the boundary; or the session policy passed at AssumeRole) and narrow it so it no longer matches this model or profile.',
    doc: DOC.accessDenied,
    verdict: 'fail'
  },
  {
    id: 'bedrock-invoke-denied',
    title: 'Not allowed to invoke the model',
    seed: 'AccessDeniedException: not authorized to perform: bedrock:InvokeModel',
    patterns: [
      /not authorized to perform: bedrock:(InvokeModel|InvokeModelWithResponseStream|Converse|ConverseStream)\b/i
    ],
    cause:
      'The role or user lacks Bedrock invoke permission on one of the resources the call needs. A cross-region profile needs both ARN forms: the `inference-profile/…` ARN in the source region **and** `foundation-model/…` in every destination region (plus the region-less `arn:aws:bedrock:::foundation-model/…` for `global.` profiles).',
    fix: () =>
      `Attach a policy that allows both ARN forms. The InsightWorker default (\`us.\` profiles):\n\n\`\`\`json\n${SEED_INVOKE_POLICY}\n\`\`\`\n\nFor \`eu.\`, \`jp.\`, \`au.\`, \`apac.\` or \`global.\` profiles, change the profile pattern to match; the \`invoke-permission\` check prints the exact minimal policy for your model and region.`,
    doc: DOC.bedrockIam,
    verdict: 'fail'
  },
  {
    id: 'preflight-read-denied',
    title: 'The preflight may not read this',
    patterns: [
      /not authorized to perform: (iam:(GetRole|SimulatePrincipalPolicy|ListRoles)|bedrock:(Get|List)\w+)\b/i
    ],
    cause:
      'The identity running the preflight lacks a read-only permission it uses to verify this part, so this part could not be verified (it is not known to be broken).',
    fix: () =>
      'Grant the preflight\'s read-only policy (see README, "Permissions the preflight needs"), or accept this part as unverified.',
    doc: DOC.accessDenied,
    verdict: 'unverified'
  },
  // ── Bedrock: model access ─────────────────────────────────────────────────────────────────
  {
    id: 'marketplace-permission-missing',
    title: 'AWS Marketplace permissions missing for first use',
    patterns: [
      /Model access is denied due to .*AWS Marketplace/i,
      /not authorized to perform: aws-marketplace:(ViewSubscriptions|Subscribe)/i
    ],
    cause:
      'Claude is sold through AWS Marketplace. On the first invocation Bedrock subscribes the account automatically, which needs `aws-marketplace:Subscribe` and `aws-marketplace:ViewSubscriptions` on the caller, and they are missing.',
    fix: () =>
      'Either let an administrator enable the model once for the account (invoke it once from the console or use `ListFoundationModelAgreementOffers` + `CreateFoundationModelAgreement`), or give the role:\n\n```json\n{\n  "Effect": "Allow",\n  "Action": ["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"],\n  "Resource": "*",\n  "Condition": { "StringEquals": { "aws:CalledViaLast": "bedrock.amazonaws.com" } }\n}\n```\n\nThen wait up to 2 minutes (AWS says to retry after 5–15 minutes if you just fixed it).',
    doc: DOC.modelAccess,
    verdict: 'fail'
  },
  {
    id: 'marketplace-subscription-pending',
    title: 'Marketplace subscription still being processed',
    patterns: [
      /\bMPAgreementBeingCreated\b/,
      /subscription for this model is still being processed/i
    ],
    cause:
      "The account's AWS Marketplace subscription for this model was started and is not finished yet.",
    fix: () => 'Wait and try again after 15 minutes; nothing to change.',
    doc: DOC.bedrockErrors,
    verdict: 'warn'
  },
  {
    id: 'marketplace-agreement-failed',
    title: 'Marketplace agreement failed',
    patterns: [/AWS Marketplace Agreement failed/i, /AWS Marketplace Agreement has not succeeded/i],
    cause:
      'The AWS Marketplace agreement for the model could not be completed. AWS names invalid payment methods and restricted geo-locations as the common causes.',
    fix: () =>
      "Check the account's payment method (Billing → Payment preferences) and that it may buy from AWS Marketplace, then invoke again; contact AWS Support if it persists.",
    doc: DOC.bedrockErrors,
    verdict: 'fail'
  },
  {
    id: 'ftu-form-missing',
    title: 'Anthropic use-case form not submitted',
    patterns: [
      /\bFTUFormNotFilled\b/,
      /Model use case details have not been submitted/i,
      /You have not filled out the required use-case form/i
    ],
    cause:
      'Anthropic models need a one-time use-case form per account (or per organization, submitted from the management account) before first use.',
    fix: (ctx) =>
      `Submit it once: Bedrock console${ctx.region ? ` (${ctx.region})` : ''} → Model catalog → an Anthropic model → submit use case details (or the playground prompts for it), or \`PutUseCaseForModelAccess\`. Then wait up to 15 minutes. The preflight never submits it for you: it contains company details.`,
    doc: DOC.modelAccess,
    verdict: 'fail'
  },
  {
    id: 'account-not-enabled',
    title: 'Account not enabled for the model',
    seed: 'ValidationException: Operation not allowed - your account is not enabled for this model',
    patterns: [/\bOperation not allowed\b/i, /your account is not enabled for this model/i],
    cause:
      "Bedrock refuses the account itself, raised by the runtime rather than the catalog API. Since October 2025 model access is enabled by default and the console's *Model access* page is retired; this error now usually means an account-level restriction (new or flagged accounts), which only AWS can lift.",
    fix: () =>
      'First check that the model is available to the account (`aws bedrock get-foundation-model-availability --model-id <id>`) and that the Anthropic use-case form was submitted. If all is in order, open an AWS Support case (Account and billing) quoting the error; AWS lifts the restriction.',
    doc: DOC.modelAccess,
    verdict: 'fail'
  },
  {
    id: 'account-not-authorized',
    title: 'Account not authorized for this model',
    patterns: [
      /\bBadCScoreException\b/,
      /Your account is not authorized to (access this model|perform this action|invoke this API operation)/i
    ],
    cause: 'Bedrock does not allow this account to use the model; AWS Support decides.',
    fix: () => 'Open an AWS Support case quoting the error and the model ID.',
    doc: DOC.bedrockErrors,
    verdict: 'fail'
  },
  {
    id: 'model-not-available-for-account',
    title: 'Model not available for this account',
    patterns: [/is not available for this account/i],
    cause:
      'The newest models are released to accounts gradually; this account does not have this one yet, even if `GetFoundationModelAvailability` looks positive.',
    fix: () => 'Use an earlier model for now, or contact AWS Sales / your account team for access.',
    doc: DOC.modelAccess,
    verdict: 'fail'
  },
  {
    id: 'model-access-legacy',
    title: 'Model access not granted',
    patterns: [/You don't have access to the model with the specified model ID/i],
    cause:
      'Older wording for missing model access, from before access became automatic (October 2025).',
    fix: () =>
      'Check `GetFoundationModelAvailability` for the model, submit the Anthropic use-case form if asked, and make sure the caller has the AWS Marketplace permissions for first use.',
    doc: DOC.modelAccess,
    verdict: 'fail'
  },
  // ── Bedrock: model identifiers, lifecycle ─────────────────────────────────────────────────
  {
    id: 'model-end-of-life',
    title: 'Model past end of life',
    patterns: [/model version has reached the end of its life/i],
    cause: 'This model version was retired and can no longer be called.',
    fix: () =>
      'Move to an active Claude model (`aws bedrock list-inference-profiles` shows what is current) and update `BEDROCK_MODEL`.',
    doc: DOC.lifecycle,
    verdict: 'fail'
  },
  {
    id: 'model-legacy-unused',
    title: 'Legacy model not used recently',
    patterns: [/marked by provider as Legacy and you have not been actively using the model/i],
    cause:
      'The model is in its Legacy period and the account has not used it in the last 15 (or 30) days, so access was withdrawn.',
    fix: () => 'Move to an active Claude model and update `BEDROCK_MODEL`.',
    doc: DOC.lifecycle,
    verdict: 'fail'
  },
  {
    id: 'on-demand-not-supported',
    title: 'Model needs an inference profile',
    patterns: [/with on-demand throughput isn.t supported/i],
    cause:
      'This model is offered only through cross-region inference profiles in this region: its bare ID cannot be invoked on demand.',
    fix: (ctx) =>
      `Use an inference profile ID that contains the model, e.g. \`${ctx.modelId ? `us.${ctx.modelId}` : 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'}\` from a US region (\`eu.\` from the EU, \`jp.\`/\`au.\`/\`apac.\` in Asia Pacific, \`global.\` anywhere). \`aws bedrock list-inference-profiles --region ${ctx.region ?? '$AWS_REGION'}\` lists them; the \`model-resolve\` check names the right one.`,
    doc: DOC.profiles,
    verdict: 'fail'
  },
  {
    id: 'invalid-model-identifier',
    title: 'Model identifier not valid here',
    patterns: [/The provided model identifier is invalid/i],
    cause:
      'The ID is mistyped, the model is not offered in this region, or it is an inference profile whose prefix does not serve this region (a `us.` profile from a non-US region, `apac.` where `jp.` is right).',
    fix: (ctx) =>
      `List what this region offers: \`aws bedrock list-inference-profiles --region ${ctx.region ?? '$AWS_REGION'}\`. Use the profile whose prefix serves your region (\`eu.\` in the EU, \`jp.\` in Tokyo/Osaka, \`au.\` in Sydney/Melbourne, \`global.\` anywhere); the \`model-resolve\` check names it.`,
    doc: DOC.profiles,
    verdict: 'fail'
  },
  {
    id: 'model-id-format',
    title: 'Model identifier malformed',
    patterns: [/failed to satisfy constraint: Member must satisfy regular expression pattern/i],
    cause:
      'The model ID does not have the shape Bedrock accepts (`anthropic.claude-…`, a profile ID or an ARN).',
    fix: () =>
      'Copy the ID exactly from `aws bedrock list-inference-profiles` or `list-foundation-models`.',
    doc: DOC.profiles,
    verdict: 'fail'
  },
  {
    id: 'model-not-found',
    title: 'Model not found',
    seed: 'ResourceNotFoundException: model not found',
    patterns: [
      /ResourceNotFound(Exception)?\b.*\b(model|inference profile)\b/i,
      /model not found/i
    ],
    cause:
      "The model or inference profile in `BEDROCK_MODEL` doesn't exist in this region, or is not enabled for the account here.",
    fix: (ctx) =>
      `List what is callable here:\n\n\`\`\`sh\naws bedrock list-inference-profiles --region ${ctx.region ?? '$AWS_REGION'}\n\`\`\`\n\nIf the model you want is missing, use a region that offers it, or the prefix for your region (\`us.\` profiles only serve US regions and ca-central-1; in the EU use \`eu.\`, in Tokyo \`jp.\`, anywhere \`global.\`). Dropping the prefix only works where the model runs in-region.`,
    doc: DOC.regions,
    verdict: 'fail'
  },
  {
    id: 'count-tokens-unsupported',
    title: 'Model does not support CountTokens',
    patterns: [/(model )?doesn.t support counting tokens/i],
    cause:
      'CountTokens on `bedrock-runtime` accepts only base model IDs of some models; inference-profile IDs and the newest Claude models are refused.',
    fix: () =>
      'Call CountTokens with the base model ID, or skip it: it is no proof of invoke access (bedrock-preflight uses control-plane reads, IAM simulation and the optional invoke probe instead).',
    doc: 'https://docs.aws.amazon.com/bedrock/latest/userguide/count-tokens.html',
    verdict: 'fail'
  },
  // ── Bedrock: quotas and service health ────────────────────────────────────────────────────
  {
    id: 'daily-token-quota',
    title: 'Daily token quota reached (or zero)',
    patterns: [/Too many tokens per day/i],
    cause:
      'The account reached its daily token quota for this model. New accounts often start with a quota of 0 that cannot be raised in the console.',
    fix: (ctx) =>
      `Check *Service Quotas → Amazon Bedrock → "Model invocation max tokens per day"* for the model in ${ctx.region ?? 'this region'}; if it is 0 or too low, open an AWS Support case (the quota is not adjustable by you).`,
    doc: DOC.quotas,
    verdict: 'fail'
  },
  {
    id: 'throttled',
    title: 'Throttled',
    patterns: [
      /\bThrottlingException\b/,
      /Too many (tokens|requests), please wait/i,
      /\bThrottling\b/,
      /Rate exceeded/i
    ],
    cause: 'The account is over its requests- or tokens-per-minute quota for this model right now.',
    fix: () =>
      'Retry later, spread the load, use a cross-region profile (more capacity), or request a higher quota in Service Quotas.',
    doc: DOC.quotas,
    verdict: 'unverified'
  },
  {
    id: 'service-quota-exceeded',
    title: 'Service quota exceeded',
    patterns: [/\bServiceQuotaExceededException\b/, /exceeds the service quota for your account/i],
    cause: 'A Bedrock service quota for the account is exhausted.',
    fix: () => 'Request an increase in Service Quotas → Amazon Bedrock.',
    doc: DOC.quotas,
    verdict: 'fail'
  },
  {
    id: 'service-unavailable',
    title: 'AWS service unavailable',
    patterns: [
      /\bServiceUnavailable(Exception)?\b/,
      /\boverloaded_error\b/,
      /\b(InternalFailure|InternalServerException|InternalError)\b/,
      /\bModelNotReady(Exception)?\b/
    ],
    cause:
      'AWS answered with a server-side error (5xx): temporary, not related to your configuration.',
    fix: () => 'Re-run the job. If it persists, check the AWS Health Dashboard for the region.',
    doc: DOC.bedrockErrors,
    verdict: 'unverified'
  },
  // ── Network: after the service errors, whose messages may mention a time-out ──────────────
  {
    id: 'network-dns',
    title: 'Endpoint name does not resolve',
    patterns: [/\b(ENOTFOUND|EAI_AGAIN)\b/, /getaddrinfo/i],
    cause:
      'DNS could not resolve the AWS endpoint: no network, a proxy that is not configured for Node, a private network without VPC endpoints, or a wrong endpoint override (`AWS_ENDPOINT_URL_*`).',
    fix: () =>
      'Check connectivity from the runner (`nslookup sts.amazonaws.com`), `HTTPS_PROXY`/`NO_PROXY`, VPC endpoints for STS and Bedrock on self-hosted runners, and any `AWS_ENDPOINT_URL*` variables.',
    doc: DOC.endpoints,
    verdict: 'unverified'
  },
  {
    id: 'network-unreachable',
    title: 'Endpoint unreachable',
    patterns: [/\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/, /socket hang up/i],
    cause:
      'The connection to the AWS endpoint was refused or cut: a firewall, a proxy, a wrong endpoint override, or a network outage.',
    fix: () =>
      'Check outbound HTTPS (443) to `*.amazonaws.com` from the runner, proxy settings (`HTTPS_PROXY`), and any `AWS_ENDPOINT_URL*` variables.',
    doc: DOC.endpoints,
    verdict: 'unverified'
  },
  {
    id: 'timeout',
    title: 'No answer in time',
    patterns: [
      /\b(TimeoutError|RequestTimeout|ETIMEDOUT|AbortError)\b/,
      /timed? ?out/i,
      /reached timeout-seconds/i
    ],
    cause:
      'AWS did not answer within the time allowed: a slow or blocked network, or an endpoint that accepts connections and never replies.',
    fix: () =>
      'Check the network path to AWS (proxy, firewall, VPC endpoints). If AWS is only slow from here, raise `timeout-seconds`.',
    doc: DOC.endpoints,
    verdict: 'unverified'
  },
  {
    id: 'malformed-response',
    title: 'Unreadable answer from the endpoint',
    patterns: [/\bMalformedResponse\b/, /Deserialization error/i],
    cause:
      'The endpoint answered with something that is not an AWS response: usually a proxy, captive portal or a wrong `AWS_ENDPOINT_URL*` in between.',
    fix: () =>
      'Check `AWS_ENDPOINT_URL*` and proxy settings; the endpoint must be the real AWS service (or a VPC endpoint for it).',
    doc: DOC.endpoints,
    verdict: 'unverified'
  },
  // ── Seed-page advice and texts of tools around the SDK ────────────────────────────────────
  {
    id: 'static-key-shadows-profile',
    title: 'A static key shadows the profile',
    seed: '.env has AWS_ACCESS_KEY_ID but I want to use SSO',
    patterns: [/Multiple credential sources detected/i],
    cause:
      "Both `AWS_ACCESS_KEY_ID` and `AWS_PROFILE` are set. Many SDKs (boto3, the AWS CLI, older JavaScript SDKs, InsightWorker's) use the environment key and never fall through to the profile; the current JavaScript SDK prefers the profile instead. Either way one of the two is stale and ignored: the most common subtle SSO failure.",
    fix: () =>
      'Comment the static key out so the SDK falls through to your profile:\n\n```sh\n# AWS_ACCESS_KEY_ID=AKIA...\n# AWS_SECRET_ACCESS_KEY=...\n# This makes the SDK fall through to:\nAWS_PROFILE=my-sso-profile\nAWS_REGION=us-east-1\n```',
    doc: DOC.credentialChain,
    verdict: 'warn'
  },
  {
    id: 'retries-hide-error',
    title: 'Retries hide the real error',
    seed: 'SDK retries hide the real error',
    patterns: [/loop detector/i, /same error \d+ times/i, /reached max retries/i],
    cause:
      "The same error repeated by retries (or by InsightWorker's loop detector) is a symptom; the first error message is the real one.",
    fix: () =>
      'Read the first error before the retries or the loop-detector message; `bedrock-preflight explain` finds it in a pasted log.',
    doc: DOC.bedrockErrors,
    verdict: 'warn'
  },
  {
    id: 'debug-logging',
    title: 'Seeing which credential provider was used',
    seed: 'Debug logging',
    cause: 'The SDK tries credential providers in a fixed order; the first that answers wins.',
    fix: () =>
      'Run the preflight with `--debug` (CLI) or `RUNNER_DEBUG=1` (Actions, "Enable debug logging" on re-run): it lists each provider tried, in order, and each AWS request. In InsightWorker, `AWS_SDK_LOAD_CONFIG=1` and `AWS_LOG_LEVEL=DEBUG` in `~/.insightworker/.env` do the same.',
    doc: DOC.credentialChain,
    verdict: 'warn'
  },
  // ── Catch-alls: least specific, last ──────────────────────────────────────────────────────
  {
    id: 'access-denied',
    title: 'Access denied',
    codes: ['AccessDenied', 'AccessDeniedException', 'NotAuthorized', 'UnauthorizedOperation'],
    cause:
      'AWS refused the call for lack of permission; the message names the action and the resource.',
    fix: () =>
      "Allow the named action on the named resource in the caller's identity policy, and check SCPs and permissions boundaries for a deny.",
    doc: DOC.accessDenied,
    verdict: 'fail'
  },
  {
    id: 'validation',
    title: 'Request rejected as invalid',
    codes: ['ValidationException', 'ValidationError', 'InvalidParameterValue', 'InvalidAction'],
    cause: 'AWS rejected the request as malformed; the message says which value.',
    fix: () => 'Correct the value named in the message (model ID, region or ARN).',
    doc: DOC.bedrockErrors,
    verdict: 'fail'
  },
  {
    id: 'resource-not-found',
    title: 'Resource not found',
    codes: [
      'ResourceNotFoundException',
      'ResourceNotFound',
      'NoSuchEntity',
      'NoSuchEntityException'
    ],
    cause: 'The named resource does not exist in this account and region.',
    fix: () => 'Check the ARN or ID for typos, the account and the region.',
    doc: DOC.bedrockErrors,
    verdict: 'fail'
  }
] as const satisfies readonly CatalogEntry[]

/** The id of an entry: a misspelt id fails the compiler, not a user. */
export type CatalogId = (typeof CATALOG)[number]['id']
