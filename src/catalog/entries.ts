import type { CatalogEntry, FixContext } from './entry.js'
import { GROUPED_ENTRIES } from './entries/index.js'
import { configureCredentialsStep, modelSettingWords, RESTART_SURFACES } from './snippets.js'
import { KNOWN_REGIONS } from '../data/regions.js'
import { FALLBACK_MODEL_FACT } from '../data/models.js'
import { refreshSteps } from '../commands/credential-refresh.js'
import { MANTLE_REGIONS } from '../data/mantle-regions.js'
import { mantleCurl } from '../commands/mantle-commands.js'
import { commandBlock, type Word } from '../commands/shell.js'
import { mantleForm } from '../parse/endpoint.js'
import { parseArn, parseIamPrincipalArn, parseSessionArn } from '../parse/arn.js'
// Every documentation address lives once, in data/doc-url.ts; entries name theirs `DOC.<page>`.
import { DocUrl as DOC } from '../data/doc-url.js'

/**
 * Every AWS, SDK and tool error bedrock-preflight knows, as data: what `explain` matches, what a
 * check says when it meets one (a message with `status: 'catalog'`, or one that names an entry
 * with `catalog:`), and docs/troubleshooting.md. States a check detects on its own live in that
 * check's messages (src/checks/<id>/meta.ts), not here.
 *
 * Order matters only between entries of equal specificity (see match.ts): more specific first.
 * Message texts come from AWS documentation and public reports collected in shared/reference,
 * and from the texts users pasted into public issues (__tests__/fixtures/pasted-errors.ts): SDKs
 * and tools word the same condition differently (botocore, the AWS CLI, the JavaScript SDK v2 and
 * v3, configure-aws-credentials, agents on Bedrock), so an entry lists each wording it answers.
 */

/** The profile as one word of a command: the user's name quoted, or a placeholder to fill in. */
const profileWord = (ctx: FixContext): Word => ctx.profile ?? { placeholder: 'your-profile' }
const inCi = (ctx: FixContext): boolean => ctx.surface === 'github-actions'

/**
 * A Bedrock endpoint name for a region this version does not know (`us-west-3`): the region is
 * mistyped or does not exist. For a known region the name exists wherever Bedrock runs, so a
 * failure to resolve it is the network's (see `network-dns`). `undefined`/`None` are a missing
 * region (see `region-missing`).
 */
const UNKNOWN_REGION = `(?!(?:${KNOWN_REGIONS.join('|')}|undefined|null|none)\\.)[a-z]{2}(?:-[a-z]+)+-\\d+`
const BEDROCK_HOST_UNKNOWN_REGION = new RegExp(
  `(?:ENOTFOUND |Could not connect to the endpoint URL: "https://)bedrock(?:-runtime)?\\.${UNKNOWN_REGION}\\.amazonaws\\.com`,
  'i'
)

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

const mantleHost = (ctx: FixContext): string => `bedrock-mantle.${ctx.region ?? '<region>'}.api.aws`

/** The bare ID mantle would list for a runtime-style ID (parse/endpoint.ts); none for an ARN. */
const mantleModelGuess = (modelId: string): string | undefined =>
  modelId.startsWith('arn:') ? undefined : mantleForm(modelId)

/** `GET /v1/models` of mantle, signed with the environment's AWS keys or sent with an API key. */
const mantleListModels = (ctx: FixContext, path = '/v1/models', filter = '.data[].id'): string =>
  mantleCurl(ctx.region ?? '<region>', path, filter)

/** The IAM role a fix can name: from the role ARN, else from an assumed-role caller ARN. */
function roleName(ctx: FixContext): string | undefined {
  const role = ctx.roleArn ? parseIamPrincipalArn(ctx.roleArn) : undefined
  if (role?.type === 'role') return role.name
  return ctx.callerArn ? parseSessionArn(ctx.callerArn)?.roleName : undefined
}

/** AWS's managed policy AmazonBedrockMantleInferenceAccess (v1), as a policy one can paste. */
export const MANTLE_INFERENCE_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'BedrockMantleInference',
        Effect: 'Allow',
        Action: ['bedrock-mantle:CreateInference', 'bedrock-mantle:Get*', 'bedrock-mantle:List*'],
        Resource: 'arn:aws:bedrock-mantle:*:*:project/*'
      },
      {
        Sid: 'BedrockMantleCallWithBearerToken',
        Effect: 'Allow',
        Action: 'bedrock-mantle:CallWithBearerToken',
        Resource: '*'
      }
    ]
  },
  null,
  2
)

const LISTED_HERE = [
  // ── Credentials and identity ────────────────────────────────────────────────────────────────
  {
    id: 'action-credentials-not-loaded',
    title: 'configure-aws-credentials found no credentials',
    patterns: [/Credentials could not be loaded, please check your action inputs/i],
    cause:
      "The `aws-actions/configure-aws-credentials` step had no credential source it could use: with `role-to-assume` and no keys it needs a GitHub OIDC token, which the job only gets with `permissions: id-token: write`; with keys, the secrets it was given were empty (pull requests from forks and Dependabot runs get no secrets). An `AWS_PROFILE` in the job's environment can also make it look for a profile the runner does not have.",
    fix: (ctx) =>
      `Fix the workflow, not the runner. For GitHub OIDC (no stored keys), grant the permission on the job or workflow and pass the role:\n\n${configureCredentialsStep(ctx.region)}\n\nWith keys instead, check that \`aws-access-key-id\`/\`aws-secret-access-key\` name secrets that exist in this repository (and are passed to a reusable workflow with \`secrets: inherit\`), and remove \`AWS_PROFILE\` from the job's \`env\`.`,
    doc: DOC.configureCredentials,
    verdict: 'fail'
  },
  {
    id: 'action-input-missing',
    title: 'configure-aws-credentials has no aws-region',
    patterns: [/Input required and not supplied: aws-region/i],
    cause:
      'The `aws-actions/configure-aws-credentials` step ran without its required `aws-region` input, or with an empty one: usually `${{ secrets.AWS_REGION }}` or `${{ vars.AWS_REGION }}` that is not defined where the job runs (a reusable workflow receives no secrets unless they are passed).',
    fix: () =>
      'Give the step a region it can read, in the workflow:\n\n```yaml\n- uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3\n  with:\n    aws-region: us-east-1\n    role-to-assume: arn:aws:iam::<account-id>:role/<role-name>\n```\n\nIf the value comes from a secret, define it for this repository or environment, and call a reusable workflow with `secrets: inherit`.',
    doc: DOC.configureCredentials,
    verdict: 'fail'
  },
  {
    id: 'no-credentials',
    title: 'No credentials found',
    seed: 'Could not load credentials from any providers',
    patterns: [
      /Could not load credentials from any providers/i,
      /Credential is missing/i,
      // botocore, boto3 and the AWS CLI
      /Unable to locate credentials/i,
      /\bNoCredentialsError\b/,
      // the JavaScript SDK v2
      /Missing credentials in config/i,
      // Rust (rusoto)
      /Couldn't find AWS credentials in environment/i
    ],
    cause:
      'The AWS SDK (the JavaScript SDK says "Could not load credentials from any providers" or, in v2, "Missing credentials in config"; botocore, boto3 and the AWS CLI say "Unable to locate credentials") looked for credentials in every place it knows (environment variables, the shared config and credentials files for `AWS_PROFILE`, SSO, a web identity token file, `credential_process`, container and instance metadata) and found none. A tool that reads its own settings (a Bedrock API key, keys typed into an extension) may still fall back to this chain for some calls.',
    fix: (ctx) =>
      inCi(ctx)
        ? `Configure credentials in the job before this step. With GitHub OIDC (no stored keys):\n\n${configureCredentialsStep(ctx.region)}\n\nIf that step exists, check that it ran and did not fail, and that \`id-token: write\` is granted.`
        : [
            'Pick one credential source and configure it:',
            '',
            "| You're on | Use |",
            '|---|---|',
            "| Developer laptop | AWS SSO: `aws configure sso`, then `aws sso login --profile <name>` and `AWS_PROFILE=<name>` in the agent's .env (`~/.insightworker/.env`) |",
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
      /The SSO session associated with this profile/i,
      // botocore: the cached SSO token could not be refreshed
      /Error when retrieving token from sso/i,
      /\bTokenRetrievalError\b/,
      /Error loading SSO Token/i,
      /Unable to load SSO token/i,
      /\bSSO session has expired or is invalid\b/i,
      /SSO access token has either expired or is otherwise invalid/i,
      // the SSO portal refusing the cached token (CLI, Go and other SDKs)
      /\bUnauthorizedException\b.{0,120}GetRoleCredentials|GetRoleCredentials.{0,120}(?:\bUnauthorizedException\b|StatusCode: 401)/i,
      /Session token not found or invalid/i,
      /\bInvalidGrantException\b/,
      /Invalid refresh token provided/i
    ],
    cause:
      'The profile gets its credentials from AWS IAM Identity Center (SSO), and the SSO session has expired (12 hours by default), its refresh token was refused, or it was never started on this machine. The SDKs word it differently: "Token has expired and refresh failed" (botocore), "Session token not found or invalid" from `GetRoleCredentials`, "The SSO session associated with this profile has expired" (JavaScript).',
    fix: (ctx) =>
      `${commandBlock([{ argv: ['aws', 'sso', 'login', '--profile', profileWord(ctx)] }])}\n\n${RESTART_SURFACES}`,
    doc: DOC.sso,
    verdict: 'fail'
  },
  {
    id: 'profile-not-found',
    title: 'Profile not found',
    patterns: [/\bProfileNotFound\b/, /The config profile \([^)]*\) could not be found/i],
    cause:
      'The profile named by `AWS_PROFILE` (or `--profile`, or a tool setting) is not in `~/.aws/config` or `~/.aws/credentials` on this machine: a typo, a config file that names it `[name]` instead of `[profile name]`, or a container, CI job or service account whose home has no such files.',
    fix: (ctx) =>
      inCi(ctx)
        ? "CI runners have no `~/.aws` profiles: remove `AWS_PROFILE` from the job's `env` and let `aws-actions/configure-aws-credentials` export the credentials."
        : `List the profiles this machine has and use one of them (or unset \`AWS_PROFILE\` to use the default chain):\n\n${commandBlock([{ argv: ['aws', 'configure', 'list-profiles'] }, { env: [['AWS_PROFILE', { placeholder: 'one-of-them' }]], export: true }])}\n\nIn \`~/.aws/config\` a named profile's header is \`[profile name]\`; in a container, mount \`~/.aws\` or pass credentials another way.`,
    doc: DOC.credentialChain,
    verdict: 'fail'
  },
  {
    id: 'imds-credentials-failed',
    title: 'Instance or task role credentials not available',
    patterns: [
      /Error when retrieving credentials from (?:iam-role|container-role)/i,
      /Credential refresh failed, response did not contain/i,
      /Error retrieving credentials from the instance profile metadata service/i
    ],
    cause:
      'The SDK fell through to the EC2 instance (or ECS/EKS task) role and the metadata service answered without credentials: no role is attached, IMDSv2 is required and a container on the instance is one network hop too far (the default hop limit of 1), or the metadata service was slow to answer a refresh.',
    fix: () =>
      'Attach an IAM role to the instance or task that may call Bedrock. For containers on EC2 with IMDSv2, raise the hop limit:\n\n```sh\naws ec2 modify-instance-metadata-options --instance-id <instance-id> \\\n  --http-tokens required --http-put-response-hop-limit 2\n```\n\nIf it fails only now and then, give the SDK more time: `AWS_METADATA_SERVICE_TIMEOUT=5` and `AWS_METADATA_SERVICE_NUM_ATTEMPTS=3`.',
    doc: DOC.imds,
    verdict: 'fail'
  },
  {
    id: 'expired-token',
    // A bearer request carries no access key (AWS UG api-keys-use): the key is what was refused.
    forBearer: 'bedrock-api-key-rejected',
    title: 'Expired security token',
    seed: 'ExpiredToken / The security token included in the request is expired',
    patterns: [
      /\bExpiredToken(Exception)?\b/,
      /security token included in the request is expired/i,
      /\bToken is expired\b/i
    ],
    cause:
      'The credentials are temporary and past their expiry: an SSO session (12 h by default), an `aws login` session, what a `credential_process` tool returned, a GitHub OIDC session (`role-duration-seconds`, 1 h by default) or a chained role session (at most 1 h).',
    fix: (ctx) =>
      inCi(ctx)
        ? "The session from `aws-actions/configure-aws-credentials` ran out before this step. Run the preflight (and the work it guards) earlier in the job, re-run `configure-aws-credentials` right before the step that needs AWS, or raise `role-duration-seconds` (up to the role's maximum session duration; chained roles are capped at 1 hour)."
        : `${refreshSteps(ctx.credentialSource, ctx.profile)}\n\n${RESTART_SURFACES}`,
    doc: DOC.sso,
    verdict: 'fail'
  },
  {
    id: 'invalid-client-token',
    // A bearer request carries no access key (AWS UG api-keys-use): the key is what was refused.
    forBearer: 'bedrock-api-key-invalid',
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
    // A bearer request carries no access key (AWS UG api-keys-use): the key is what was refused.
    forBearer: 'bedrock-api-key-invalid',
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
    // A bearer request carries no access key (AWS UG api-keys-use): the key is what was refused.
    forBearer: 'bedrock-api-key-invalid',
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
    fix: (ctx) =>
      `Set ${inCi(ctx) ? '`aws-region`' : '`--region`'} (or \`AWS_REGION\`) to the real code of the region your agent calls, such as \`us-east-1\`.`,
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
      `Re-run the job; if it persists, check ${DOC.githubStatus} and that the job has \`permissions: id-token: write\`.`,
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
    patterns: [
      /Region is missing/i,
      /Region not configured/i,
      /\bConfigError\b.*region/i,
      // botocore, boto3 and the AWS CLI
      /\bNoRegionError\b/,
      /You must specify a region/i,
      // the JavaScript SDK v2
      /Missing region in config/i,
      // a client that built the endpoint name from an unset region
      /bedrock(?:-runtime)?\.(?:undefined|null|none)\.amazonaws\.com/i
    ],
    cause:
      'No AWS region is set: `AWS_REGION` (and `AWS_DEFAULT_REGION`) are unset and the profile names none. A client that builds the endpoint name itself then asks for `bedrock-runtime.undefined.amazonaws.com`.',
    fix: (ctx) =>
      inCi(ctx)
        ? 'Set it on the action (`aws-region: us-east-1`), or job-wide:\n\n```yaml\nenv:\n  AWS_REGION: us-east-1\n```\n\n`aws-actions/configure-aws-credentials` also exports `AWS_REGION` when given `aws-region`.'
        : "Add the region your agent calls Bedrock in to the agent's .env (`~/.insightworker/.env`), or pass `--region` to the preflight:\n\n```sh\nAWS_REGION=us-east-1\n```",
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
    patterns: [BEDROCK_HOST_UNKNOWN_REGION],
    cause:
      'The Bedrock endpoint name is built from a region that does not exist (mistyped, such as `us-west-3`), so it does not resolve.',
    fix: () =>
      'Use a region where Amazon Bedrock runs Claude, for example `us-east-1`, `us-west-2`, `eu-central-1` or `ap-northeast-1`.',
    doc: DOC.regions,
    verdict: 'fail'
  },
  // ── Bedrock API keys (bearer tokens in AWS_BEARER_TOKEN_BEDROCK) ───────────────────────────
  {
    id: 'bedrock-api-key-invalid',
    // Bedrock may send this text under the code `UnrecognizedClientException`, which alone names
    // an unknown access key: the message says a bearer token was sent, so this entry comes first.
    before: 'invalid-client-token',
    title: 'Bedrock API key not recognised',
    patterns: [/bearer token included in the request is invalid/i],
    cause:
      "The request carried `Authorization: Bearer …`, and Bedrock does not know the token: a Bedrock API key that was deleted or mistyped, or something that is not a Bedrock API key at all (a placeholder a tool sends, another service's token). The JavaScript SDK and most agents send `AWS_BEARER_TOKEN_BEDROCK` in preference to your IAM credentials whenever it is set.",
    fix: () =>
      "Check what is in `AWS_BEARER_TOKEN_BEDROCK` (or the tool's API-key setting): a short-term key starts with `bedrock-api-key-`, a long-term key with `ABSK`. Create a new key in the Bedrock console (API keys) if in doubt, or unset the variable to use your IAM credentials instead.",
    doc: DOC.apiKeysUse,
    verdict: 'fail'
  },
  {
    id: 'bedrock-api-key-rejected',
    title: 'Bedrock API key expired or from another region',
    patterns: [/Authentication failed: Please make sure your API Key is valid/i],
    cause:
      'Bedrock read the API key and refused it: a short-term key expires after at most 12 hours (sooner if the session that made it ends) and works only in the region it was made for; a long-term key may have expired or been revoked.',
    fix: (ctx) =>
      `Make a new key for the region you call${ctx.region ? ` (${ctx.region})` : ''} and put it in \`AWS_BEARER_TOKEN_BEDROCK\`; set the tool's Bedrock region to the key's region. Short-term keys come from \`@aws/bedrock-token-generator\` (npm) or \`aws-bedrock-token-generator\` (PyPI) with your current credentials. Restart the tool so it reads the new value.`,
    doc: DOC.apiKeysHow,
    verdict: 'fail'
  },
  {
    id: 'bedrock-api-key-format',
    title: 'Not a Bedrock API key',
    patterns: [/Invalid API Key format/i, /Must start with pre-defined prefix/i],
    cause:
      'The bearer token sent to Bedrock does not have the shape of a Bedrock API key (`bedrock-api-key-…` or `ABSK…`): usually a stale or wrong `AWS_BEARER_TOKEN_BEDROCK`, or a tool sending another value (an Anthropic API key, a placeholder) as the bearer token.',
    fix: () =>
      "Unset `AWS_BEARER_TOKEN_BEDROCK` (shell profile, `.env`, the tool's settings) to use IAM credentials, or set it to a key copied whole from the Bedrock console, without quotes or spaces.",
    doc: DOC.apiKeysUse,
    verdict: 'fail'
  },
  {
    id: 'bedrock-api-key-missing',
    title: 'Request reached Bedrock without credentials',
    patterns: [/Authorization header is missing/i],
    cause:
      'Bedrock received a request with no `Authorization` header at all: the tool meant to send a Bedrock API key and sent none (the variable is empty in the process that makes the call, or the tool version drops it), or it sent the request unsigned.',
    fix: () =>
      'Check that `AWS_BEARER_TOKEN_BEDROCK` is set and non-empty in the environment of the process that calls Bedrock (`printenv AWS_BEARER_TOKEN_BEDROCK | wc -c`; an IDE started from the dock does not see your shell profile). If it is and the error started with a new version of the tool, use the previous version until it is fixed, or use IAM credentials instead of the key.',
    doc: DOC.apiKeysUse,
    verdict: 'fail'
  },
  {
    id: 'bedrock-api-key-denied',
    title: 'Bedrock API keys not allowed for this identity',
    patterns: [/not authorized to perform:? bedrock(?:-mantle)?:CallWithBearerToken\b/i],
    cause:
      'Using a Bedrock API key (a bearer token) needs `bedrock:CallWithBearerToken` on the identity behind the key, and it is not allowed, or a policy denies it: organizations often deny API keys with an SCP (condition key `bedrock:bearerTokenType`).',
    fix: () =>
      'Allow `bedrock:CallWithBearerToken` (and `bedrock-mantle:CallWithBearerToken` for the Mantle endpoint) for the identity the key belongs to, or, if your organization forbids API keys, unset `AWS_BEARER_TOKEN_BEDROCK` and use IAM credentials (SSO, a role) instead.',
    doc: DOC.apiKeysPermissions,
    verdict: 'fail'
  },
  // ── bedrock-mantle (bedrock-mantle.{region}.api.aws): its own IDs, routes, IAM and keys ────
  // Its errors come in the Anthropic shape on /anthropic/v1/* (`error.type`: not_found_error,
  // permission_error) and in the OpenAI shape on /v1/* (`error.code`: access_denied,
  // invalid_api_key); the checks present them as `HTTP <status> <code>: <message>`.
  {
    id: 'mantle-model-not-served',
    title: 'Model not served by bedrock-mantle here',
    patterns: [
      // 404 not_found_error on both shapes; OpenAI's own "does not exist or you do not have
      // access to it" is not mantle's.
      /The model '[^']+' does not exist(?! or you do not have access)/i,
      /The model '[^']+' does not support the '\/[^']*' API/i,
      // AWS UG inference-responses-api (a model on the wrong OpenAI route prefix)
      /isn't supported on this route/i,
      // Grok on /v1/chat/completions instead of /openai/v1 (BerriAI/litellm#33027)
      /Berm is not enabled for this account/i
    ],
    cause:
      'bedrock-mantle serves its own lineup, per region (and per account), under its own IDs and routes. Claude Code\'s docs: "Mantle has its own model lineup separate from the standard Bedrock catalog", and "Mantle uses model IDs prefixed with `anthropic.` and without a version suffix, for example `anthropic.claude-haiku-4-5`": inference-profile IDs (`us.…`, `global.…`) and runtime IDs with a date or `-v1:0` are not mantle\'s, and a model listed in one region may be missing in the next. Each model is also served on some routes only: Claude only on the Messages API (`/anthropic/v1/messages`), never on `/v1/chat/completions` or the Responses routes; the OpenAI GPT-5 family on `/openai/v1/responses`, most other models on `/v1/chat/completions`.',
    fix: (ctx) => {
      const guess = ctx.modelId ? mantleModelGuess(ctx.modelId) : undefined
      return [
        `List what bedrock-mantle serves in ${ctx.region ?? 'your region'} and use an ID exactly as listed:`,
        '',
        mantleListModels(ctx),
        '',
        `${
          guess && guess !== ctx.modelId
            ? `For \`${ctx.modelId}\`, look for \`${guess}\` (no prefix, no date or version suffix). `
            : ''
        }If the model is not listed, use a region that lists it or call it on bedrock-runtime instead. Send Claude to the Messages API, \`POST https://${mantleHost(ctx)}/anthropic/v1/messages\` with the header \`anthropic-version: 2023-06-01\` (an Anthropic SDK with \`baseURL\` \`https://${mantleHost(ctx)}/anthropic\`), not to \`/v1/chat/completions\` or a Responses route.`
      ].join('\n')
    },
    doc: DOC.modelsGetInfo,
    verdict: 'fail'
  },
  {
    id: 'mantle-permission-denied',
    title: 'Not allowed to call bedrock-mantle',
    patterns: [
      // bedrock-mantle:CallWithBearerToken is the API key's own permission (bedrock-api-key-denied)
      /not authorized to perform:? bedrock-mantle:(?!CallWithBearerToken\b)\w+/i
    ],
    cause:
      'bedrock-mantle has its own IAM actions (service prefix `bedrock-mantle`), authorized on the *project* a request belongs to (`arn:aws:bedrock-mantle:<region>:<account>:project/default` unless the request names another), not on a model: a policy written for bedrock-runtime (`bedrock:InvokeModel` on `foundation-model/…`) does not cover it. Inference needs `bedrock-mantle:CreateInference`; listing models `bedrock-mantle:ListModels`, reading one `GetModel`, projects `GetProject`/`ListProjects`. The end of the message says which policy refused: no identity-based policy allows it, a session policy (one passed when the session was made, as some tools do) does not, or an explicit deny in an SCP or permissions boundary.',
    fix: (ctx) => {
      const role = roleName(ctx)
      const caller = ctx.callerArn ? parseIamPrincipalArn(ctx.callerArn) : undefined
      const user = caller?.type === 'user' ? caller.name : undefined
      // The caller's partition (GovCloud's is aws-us-gov), so the ARNs exist where it runs.
      const partition = parseArn(ctx.callerArn ?? ctx.roleArn ?? '')?.partition ?? 'aws'
      const inPartition = (text: string) => text.replace(/arn:aws:/g, `arn:${partition}:`)
      const managed = inPartition('arn:aws:iam::aws:policy/AmazonBedrockMantleInferenceAccess')
      const command = role
        ? `aws iam attach-role-policy --role-name ${role} --policy-arn ${managed}`
        : user
          ? `aws iam attach-user-policy --user-name ${user} --policy-arn ${managed}`
          : undefined
      return [
        ...(command
          ? [
              `Attach AWS's managed policy to ${role ? `the role \`${role}\`` : `the user \`${user}\``}:`,
              '',
              '```sh',
              command,
              '```',
              '',
              'or add an equivalent statement to its own policy:'
            ]
          : [
              `Attach AWS's managed policy \`${managed}\` to the role or user that calls bedrock-mantle, or add an equivalent statement to its policy:`
            ]),
        '',
        '```json',
        inPartition(MANTLE_INFERENCE_POLICY),
        '```',
        '',
        'A Bedrock API key (bearer token) also needs `bedrock-mantle:CallWithBearerToken` for the identity behind it (the second statement); SigV4 calls do not. If the message says "no session policy allows", the policy passed at AssumeRole (or by the tool that made the session) must allow the action too; "with an explicit deny" names the SCP or boundary to change.'
      ].join('\n')
    },
    doc: DOC.mantleManagedPolicy,
    verdict: 'fail'
  },
  {
    id: 'mantle-api-key-invalid',
    title: 'bedrock-mantle refused the API key',
    // 401, code invalid_api_key (NousResearch/hermes-agent#87190)
    patterns: [/Invalid bearer token/i],
    cause:
      'bedrock-mantle did not accept the bearer token the request carried (`Authorization: Bearer …` or `x-api-key`): a Bedrock API key that expired (a short-term key lasts at most 12 hours, sooner if the session that made it ends), was made for another region (a short-term key works only in the region it was made for), was deleted or revoked, or something that is not a Bedrock API key at all: a placeholder a tool sends when it found no key, an OpenAI or Anthropic key.',
    fix: (ctx) =>
      [
        'Check the key itself against the same endpoint; a 200 means the key is good and the tool sends something else:',
        '',
        '```sh',
        `curl -s -o /dev/null -w '%{http_code}\\n' -H "Authorization: Bearer $AWS_BEARER_TOKEN_BEDROCK" https://${mantleHost(ctx)}/v1/models`,
        '```',
        '',
        `Otherwise make a new key for the region you call${ctx.region ? ` (${ctx.region})` : ''} and put it in \`AWS_BEARER_TOKEN_BEDROCK\` (or the tool's API-key setting, without quotes or spaces): a short-term key starts with \`bedrock-api-key-\` and comes from \`@aws/bedrock-token-generator\` (npm) or \`aws-bedrock-token-generator\` (PyPI) with your current credentials, a long-term key starts with \`ABSK\` (Bedrock console, API keys). Restart the tool so it reads the new value.`
      ].join('\n'),
    doc: DOC.apiKeysUse,
    verdict: 'fail'
  },
  {
    id: 'mantle-data-retention',
    title: "Model not served under the account's data retention mode",
    patterns: [
      // bedrock-mantle (AWS UG data-retention: a model's `status_reason`, and the 400)
      /not available under data retention mode/i,
      // bedrock-runtime's wording of the same gate (anomalyco/opencode#31560)
      /data retention mode '[^']*' is not available for this model/i
    ],
    cause:
      "Each model accepts some data retention modes only (its `allowed_modes`), and the mode in effect for the request is not one of them, so Bedrock blocks it before it runs; credentials and permissions are fine. The effective mode is the project's, else the account's in this region, else the model's default (new accounts and projects are `inherit`). Claude Fable 5 and Mythos 5 are served only under `provider_data_share` (prompts and outputs shared with Anthropic and kept up to 30 days); an account set to zero retention (`none`) blocks every model that requires retention.",
    fix: (ctx) =>
      [
        'See which modes the model accepts and which is in effect:',
        '',
        mantleListModels(
          ctx,
          `/v1/models/${ctx.modelId ? (mantleModelGuess(ctx.modelId) ?? ctx.modelId) : '<model-id>'}`,
          '{status, status_reason, data_retention}'
        ),
        '',
        `Then use a model whose \`allowed_modes\` include your mode, or, if whoever owns your data policy accepts that model's terms, set a mode it allows for the account in this region (the setting is per region; the preflight never changes it):`,
        '',
        '```sh',
        `aws bedrock put-account-data-retention --mode provider_data_share --region ${ctx.region ?? '<region>'}`,
        `aws bedrock get-account-data-retention --region ${ctx.region ?? '<region>'}`,
        '```',
        '',
        `or for one project only: \`POST https://${mantleHost(ctx)}/v1/organization/projects/<project-id>\` with \`{"data_retention": {"mode": "provider_data_share"}}\` (IAM \`bedrock-mantle:UpdateProject\`). Zero retention for a model that requires retention needs approval from AWS (your account manager).`
      ].join('\n'),
    doc: DOC.dataRetention,
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
      `Attach a policy that allows both ARN forms. For \`us.\` profiles:\n\n\`\`\`json\n${SEED_INVOKE_POLICY}\n\`\`\`\n\nFor \`eu.\`, \`jp.\`, \`au.\`, \`apac.\` or \`global.\` profiles, change the profile pattern to match; the \`invoke-permission\` check prints the exact minimal policy for your model and region.`,
    doc: DOC.bedrockIam,
    verdict: 'fail'
  },
  {
    id: 'bedrock-read-denied',
    title: 'Not allowed to read from Bedrock',
    patterns: [/not authorized to perform:? bedrock:(?:Get|List)\w+/i],
    cause:
      "The identity that made the call may not use the Bedrock read it names (`bedrock:ListFoundationModels`, `bedrock:GetInferenceProfile`, …). Apps and agents often list models at start-up and fail there even though invoking is allowed. When the read was bedrock-preflight's own, only that part is unverified: it is not known to be broken.",
    fix: () =>
      'Allow the named action for the identity in the message (the AWS managed policy `AmazonBedrockReadOnly` allows every `bedrock:Get*` and `bedrock:List*`), or configure the tool so it does not list models. For bedrock-preflight\'s own reads, see README, "Permissions the preflight needs".',
    doc: DOC.accessDenied,
    verdict: 'unverified'
  },
  {
    id: 'preflight-read-denied',
    title: 'The preflight may not read this',
    patterns: [/not authorized to perform: iam:(GetRole|SimulatePrincipalPolicy|ListRoles)\b/i],
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
      /required AWS Marketplace actions/i,
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
    // Legacy models in their paid public extended-access period get the same text (AWS UG
    // model-lifecycle; shared/reference/bedrock.md §0): that cause comes first because the model's
    // lifecycle says so in one read, while an account restriction takes AWS Support to confirm.
    cause:
      "Bedrock refuses the call, raised by the runtime rather than the catalog API. First, the model may be Legacy and in its public extended-access period (GetFoundationModel's `modelLifecycle`: status `LEGACY`, `publicExtendedAccessTime` passed), when calls are refused with this text. Otherwise it is the account itself: since October 2025 model access is enabled by default and the console's *Model access* page is retired, so this error now usually means an account-level restriction (new or flagged accounts), which only AWS can lift.",
    fix: (ctx) =>
      `First read the model's lifecycle; if it is \`LEGACY\` and past its \`publicExtendedAccessTime\`, move to an active Claude model (\`aws bedrock list-inference-profiles\`) and update ${modelSettingWords(ctx.surface)}:\n\n\`\`\`sh\naws bedrock get-foundation-model --model-identifier ${ctx.modelId ?? '<model-id>'}${ctx.region ? ` --region ${ctx.region}` : ''} --query modelDetails.modelLifecycle\n\`\`\`\n\nOtherwise check that the model is available to the account (\`aws bedrock get-foundation-model-availability --model-id ${ctx.modelId ?? '<id>'}\`) and that the Anthropic use-case form was submitted. If all is in order, open an AWS Support case (Account and billing) quoting the error; AWS lifts the restriction.`,
    doc: DOC.modelAccess,
    verdict: 'fail'
  },
  {
    id: 'account-not-authorized',
    title: 'Account not authorized for this model',
    patterns: [
      /\bBadCScoreException\b/,
      /Your account is not authorized to (access this model|perform this action)/i
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
    title: 'No access to the model in this region',
    patterns: [
      /You don't have access to the model with the specified model ID/i,
      /Your account is not authorized to invoke this API operation/i
    ],
    cause:
      'Bedrock says the account has no access to this model where the call was made. In the threads that report it, the client called a region other than the one where access was granted (before October 2025 access was granted per region, and it still is for accounts with restrictions), or access to the model had never been granted or completed (the Anthropic use-case form, the first-use Marketplace subscription).',
    fix: (ctx) =>
      `First check the region the client really calls (\`AWS_REGION\`, the tool's own region setting${ctx.region ? `; here ${ctx.region}` : ''}) against the region where you use the model. Then ask Bedrock there:\n\n\`\`\`sh\naws bedrock get-foundation-model-availability --model-id <model-id> --region <region>\n\`\`\`\n\nIf it is not available, open the model in the Bedrock console of that region (Model catalog) and complete what it asks (the Anthropic use-case form, the Marketplace subscription); make sure the caller has the AWS Marketplace permissions for first use.`,
    doc: DOC.modelAccess,
    verdict: 'fail'
  },
  // ── Bedrock: model identifiers, lifecycle ─────────────────────────────────────────────────
  {
    id: 'model-end-of-life',
    title: 'Model past end of life',
    patterns: [/model version has reached the end of its life/i],
    cause: 'This model version was retired and can no longer be called.',
    fix: (ctx) =>
      `Move to an active Claude model (\`aws bedrock list-inference-profiles\` shows what is current) and update ${modelSettingWords(ctx.surface)}.`,
    doc: DOC.lifecycle,
    verdict: 'fail'
  },
  {
    id: 'model-legacy-unused',
    title: 'Legacy model not used recently',
    patterns: [
      /marked by provider as Legacy and you have not been actively using the model/i,
      /marked by provider as Legacy/i
    ],
    cause:
      'The model is in its Legacy period and the account has not used it in the last 15 (or 30) days, so access was withdrawn.',
    fix: (ctx) => `Move to an active Claude model and update ${modelSettingWords(ctx.surface)}.`,
    doc: DOC.lifecycle,
    verdict: 'fail'
  },
  {
    id: 'on-demand-not-supported',
    title: 'Model needs an inference profile',
    patterns: [
      /with on-demand throughput isn.t supported/i,
      /(?:doesn.t|does not) support on-demand throughput/i
    ],
    cause:
      'This model is offered only through cross-region inference profiles in this region: its bare ID cannot be invoked on demand.',
    fix: (ctx) =>
      `Use an inference profile ID that contains the model, e.g. \`${ctx.modelId ? `us.${ctx.modelId}` : `us.${FALLBACK_MODEL_FACT.value.modelId}`}\` from a US region (\`eu.\` from the EU, \`jp.\`/\`au.\`/\`apac.\` in Asia Pacific, \`global.\` anywhere). \`aws bedrock list-inference-profiles --region ${ctx.region ?? '$AWS_REGION'}\` lists them; the \`model-resolve\` check names the right one.`,
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
      "The model or inference profile the agent names doesn't exist in this region, or is not enabled for the account here.",
    fix: (ctx) =>
      `List what is callable here:\n\n\`\`\`sh\naws bedrock list-inference-profiles --region ${ctx.region ?? '$AWS_REGION'}\n\`\`\`\n\nIf the model you want is missing, use a region that offers it, or the prefix for your region (\`us.\` profiles only serve US regions and ca-central-1; in the EU use \`eu.\`, in Tokyo \`jp.\`, anywhere \`global.\`). Dropping the prefix only works where the model runs in-region.`,
    doc: DOC.regions,
    verdict: 'fail'
  },
  {
    id: 'anthropic-version-invalid',
    title: 'Anthropic API version not accepted',
    patterns: [/Invalid API version/i, /anthropic-version: .{0,40} is not a valid version/i],
    cause:
      'The request names an Anthropic API version the endpoint does not take. bedrock-runtime\'s InvokeModel takes the Messages body with `"anthropic_version": "bedrock-2023-05-31"`; the Messages API on bedrock-mantle (and Anthropic\'s own API) takes the header `anthropic-version: 2023-06-01`. A model ID or another value in that field, or one endpoint\'s version sent to the other, is refused before the model runs.',
    fix: () =>
      'On bedrock-runtime, send `"anthropic_version": "bedrock-2023-05-31"` in the InvokeModel body (Anthropic\'s `AnthropicBedrock` client does); on bedrock-mantle, the header `anthropic-version: 2023-06-01` (the `AnthropicBedrockMantle` client does). A tool that sets its own version: use one of those, or update it.',
    doc: DOC.messagesApi,
    verdict: 'fail'
  },
  {
    id: 'beta-flag-invalid',
    title: 'Beta header not accepted by Bedrock',
    patterns: [/invalid beta flag/i],
    cause:
      "The tool sent an Anthropic beta flag (the `anthropic-beta` header or the `anthropic_beta` body field) that Bedrock does not accept for this model: a beta offered only on Anthropic's own API, one Bedrock retired (such as a 1M-context beta for a model that no longer takes it), or one a newer model refuses. Credentials, permissions and model access are fine: Bedrock read the request and rejected the flag.",
    fix: () =>
      'Update the tool: releases that send a flag Bedrock refuses are usually fixed quickly, and going back one version works meanwhile. In Claude Code, `CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS=1` stops the optional betas. Remove betas you added yourself (`ANTHROPIC_BETAS`, `anthropic_beta` in a request, a 1M-context option), and behind a proxy such as LiteLLM, have it drop parameters Bedrock does not support.',
    doc: DOC.messagesParameters,
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
    doc: DOC.countTokens,
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
      `Check the quota the preflight's \`quota\` check reads, *Service Quotas → Amazon Bedrock → "Model invocation max tokens per day for <model>"* in ${ctx.region ?? 'this region'} (also the account-wide "Cross-Model Max Tokens Per Day"):\n\n\`\`\`sh\naws service-quotas list-service-quotas --service-code bedrock --region ${ctx.region ?? '<region>'} --query "Quotas[?contains(QuotaName, 'tokens per day')].[QuotaName,QuotaCode,Value]" --output table\n\`\`\`\n\nIf it is 0 or too low, open an AWS Support case quoting the quota code (it is not adjustable by you).`,
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
      /Rate exceeded/i,
      // bedrock-mantle and Anthropic-shaped bodies: `rate_limit_error`, an HTTP 429
      /\brate_limit_error\b/,
      /\b(?:HTTP|status code|StatusCode|http_status)[ :_=]*429\b/i
    ],
    cause: 'The account is over its requests- or tokens-per-minute quota for this model right now.',
    fix: (ctx) =>
      `Retry later, spread the load, use a cross-region profile (more capacity), set \`maxTokens\` so each call reserves less, or request a higher quota: the tokens- and requests-per-minute quotas of the model on the path its ID takes (on-demand, cross-Region or global), as the preflight's \`quota\` check reads them:\n\n\`\`\`sh\naws service-quotas list-service-quotas --service-code bedrock --region ${ctx.region ?? '<region>'} --query "Quotas[?contains(QuotaName, 'per minute')].[QuotaName,QuotaCode,Value]" --output table\n\`\`\``,
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
      /\bServiceUnavailable(Exception|Error)?\b/,
      /\boverloaded_error\b/,
      // Anthropic-shaped 500 (bedrock-mantle's Messages API, obra/lace#355)
      /\bapi_error\b/,
      /Bedrock is unable to process your request/i,
      /Too many connections, please wait/i,
      /\b50[0234] Service Unavailable\b|\bService Unavailable\b.{0,40}\b503\b/i,
      // 529: Anthropic's overloaded status, which bedrock-mantle's Messages API uses too
      /\b(?:HTTP|status code|StatusCode|http_status)[ :_=]*5(?:0[0234]|29)\b/i,
      // ServiceException: Service Quotas' (and Lambda's) modeled server-side error.
      /\b(InternalFailure|InternalServerException|InternalError|ServiceException)\b/,
      /\bModelNotReady(Exception)?\b/
    ],
    cause:
      'AWS answered with a server-side error (5xx, or Bedrock\'s "unable to process your request" / "Too many connections"): capacity or a service problem on AWS\'s side, temporary, not related to your configuration.',
    fix: () =>
      'Re-run the job, or retry with backoff. If it persists, check the AWS Health Dashboard for the region; a cross-region inference profile (`us.`, `eu.`, `global.`) spreads the load over more capacity.',
    doc: DOC.bedrockErrors,
    verdict: 'unverified'
  },
  {
    id: 'sdk-unknown-service',
    title: 'SDK too old for Bedrock, or the wrong client',
    patterns: [
      /Unknown service: '?bedrock/i,
      /\bUnknownServiceError\b/,
      /requested operation is not recognized by the service/i
    ],
    cause:
      'The installed boto3/botocore (or AWS CLI) is older than Amazon Bedrock, so it does not know the `bedrock-runtime` service; or InvokeModel/Converse was sent to the `bedrock` control-plane client or endpoint, which does not have those operations.',
    fix: () =>
      'Upgrade the SDK in the environment that runs the code (`python -m pip install -U boto3 botocore`, or a current AWS CLI v2), and call InvokeModel and Converse on a `bedrock-runtime` client (`boto3.client("bedrock-runtime")`, endpoint `https://bedrock-runtime.<region>.amazonaws.com`).',
    doc: DOC.bedrockGettingStartedApi,
    verdict: 'fail'
  },
  // ── Network: after the service errors, whose messages may mention a time-out ──────────────
  {
    id: 'network-dns',
    title: 'Endpoint name does not resolve',
    patterns: [
      /\b(ENOTFOUND|EAI_AGAIN)\b/,
      /getaddrinfo/i,
      /Name or service not known/i,
      /nodename nor servname provided/i,
      // botocore's EndpointConnectionError: for a Bedrock endpoint, usually a name that does not resolve
      /Could not connect to the endpoint URL: "https:\/\/bedrock/i
    ],
    cause:
      'DNS could not resolve the AWS endpoint: no network, a proxy or VPN the tool does not go through, a private network without VPC endpoints, or a wrong endpoint override (`AWS_ENDPOINT_URL_*`, a base URL with an unexpanded variable). For a real region the name exists wherever Bedrock runs; a region where Bedrock is not offered has no such name either. bedrock-mantle (`bedrock-mantle.<region>.api.aws`) is served in fewer regions than bedrock-runtime: in the others its name does not exist (`bedrock-mantle.us-west-1.api.aws` is NXDOMAIN), which an SDK may report only as a connection error.',
    fix: () =>
      `Check that the name resolves from the same machine (\`nslookup bedrock-runtime.<region>.amazonaws.com\`, or \`nslookup bedrock-mantle.<region>.api.aws\`), \`HTTPS_PROXY\`/\`NO_PROXY\`, VPC endpoints for STS and Bedrock on self-hosted runners, any \`AWS_ENDPOINT_URL*\` variables or base URLs, and that the region offers Amazon Bedrock. bedrock-mantle runs only in ${MANTLE_REGIONS.join(', ')}: for another region, point the tool at one of these (or at bedrock-runtime).`,
    doc: DOC.endpoints,
    verdict: 'unverified'
  },
  {
    id: 'network-unreachable',
    title: 'Endpoint unreachable',
    patterns: [
      /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/,
      /socket hang up/i,
      /Could not connect to the endpoint URL/i
    ],
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
    id: 'incomplete-answer',
    title: 'Incomplete answer: not AWS answering',
    // Our own code (src/aws/complete.ts): an HTTP 2xx that lacks what AWS always sends, or a redirect.
    patterns: [/\bIncompleteAnswer\b/],
    cause:
      'A proxy, gateway or captive portal answered instead of AWS: the answer lacks what AWS always sends for this operation (a decision for every action and resource asked, credentials, a profile with its models, a model output), names another resource than the one asked, or redirects elsewhere. An incomplete answer is no evidence either way, so this part could not be verified (it is not known to be broken).',
    fix: () =>
      'Let the runner reach AWS directly: check `HTTPS_PROXY`/`NO_PROXY` (AWS endpoints such as `*.amazonaws.com` must not go through a portal or a rewriting gateway), any `AWS_ENDPOINT_URL*` variables (they must name the real service or a VPC endpoint for it), and sign in to any captive portal; then re-run.',
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
      'Both `AWS_ACCESS_KEY_ID` and `AWS_PROFILE` are set. Many SDKs (boto3, the AWS CLI, older JavaScript SDKs, agents built on them) use the environment key and never fall through to the profile; the current JavaScript SDK prefers the profile instead. Either way one of the two is stale and ignored: the most common subtle SSO failure.',
    // Only the key's lines change: the profile, the region and everything else stay as they are
    // (issue 31: a fix that also printed `AWS_REGION=us-east-1` moved the user to another region).
    fix: (ctx) =>
      `Comment the static key out (and \`AWS_SESSION_TOKEN\`, if set) so the SDK falls through to ${ctx.profile ? `profile "${ctx.profile}"` : 'your profile'}; leave \`AWS_PROFILE\` and the other lines as they are:\n\n${commandBlock(
        [
          { env: [['AWS_ACCESS_KEY_ID', 'AKIA...']], commentedOut: true },
          { env: [['AWS_SECRET_ACCESS_KEY', '...']], commentedOut: true }
        ]
      )}`,
    doc: DOC.credentialChain,
    verdict: 'warn'
  },
  {
    id: 'retries-hide-error',
    title: 'Retries hide the real error',
    seed: 'SDK retries hide the real error',
    patterns: [/loop detector/i, /same error \d+ times/i, /reached max retries/i],
    cause:
      "The same error repeated by retries (or by your agent's loop detector) is a symptom. The real error is the first failure: not a warning, and not a throttled or unavailable attempt that was retried and then failed for another reason (then the repeated other error is the cause).",
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
      'Run the preflight with `--debug` (CLI) or `RUNNER_DEBUG=1` (Actions, "Enable debug logging" on re-run): it lists each provider tried, in order, and each AWS request. In your agent, `AWS_SDK_LOAD_CONFIG=1` and `AWS_LOG_LEVEL=DEBUG` in the agent\'s .env (`~/.insightworker/.env`) do the same.',
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
] as const satisfies readonly CatalogEntry<string>[]

/** Every entry: those above, then those kept in files of their own (src/catalog/entries/). */
export const CATALOG = [...LISTED_HERE, ...GROUPED_ENTRIES] as const

/** The id of an entry: a misspelt id fails the compiler, not a user. */
export type CatalogId = (typeof CATALOG)[number]['id']
