/**
 * Every documentation page bedrock-preflight links to or reads its facts from, once (as
 * codeql-action's `src/doc-url.ts`): checks' messages, catalog entries, facts and renderers name a
 * page by its key, so a moved page is changed here and nowhere else.
 * `__tests__/data/doc-url.test.ts` fails on a documentation address written anywhere else in
 * `src/`; addresses that are not pages to read (service endpoints, the OIDC issuer) are exempt
 * there, each with its reason.
 */

const BEDROCK_GUIDE = 'https://docs.aws.amazon.com/bedrock/latest/userguide'
const BEDROCK_API = 'https://docs.aws.amazon.com/bedrock/latest/APIReference'
const IAM_GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide'
const IAM_API = 'https://docs.aws.amazon.com/IAM/latest/APIReference'
const SDK_REFERENCE = 'https://docs.aws.amazon.com/sdkref/latest/guide'
const GITHUB_OIDC =
  'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services'
/** The project's docs on its default branch (the check pages live under `checks/`). */
const PROJECT = 'https://github.com/org/bedrock-preflight'

export const DocUrl = {
  // ── Amazon Bedrock user guide ──
  apiKeys: `${BEDROCK_GUIDE}/api-keys.html`,
  apiKeysHow: `${BEDROCK_GUIDE}/api-keys-how.html`,
  apiKeysUse: `${BEDROCK_GUIDE}/api-keys-use.html`,
  apiKeysPermissions: `${BEDROCK_GUIDE}/api-keys-permissions.html`,
  bedrockErrors: `${BEDROCK_GUIDE}/troubleshooting-api-error-codes.html`,
  bedrockGettingStartedApi: `${BEDROCK_GUIDE}/getting-started-api.html`,
  bedrockIam: `${BEDROCK_GUIDE}/inference-profiles-prereq.html`,
  countTokens: `${BEDROCK_GUIDE}/count-tokens.html`,
  crossRegion: `${BEDROCK_GUIDE}/cross-region-inference.html`,
  conversationFeatures: `${BEDROCK_GUIDE}/conversation-inference-supported-models-features.html`,
  dataRetention: `${BEDROCK_GUIDE}/data-retention.html`,
  extendedThinking: `${BEDROCK_GUIDE}/claude-messages-extended-thinking.html`,
  geoCris: `${BEDROCK_GUIDE}/geographic-cross-region-inference.html`,
  globalCris: `${BEDROCK_GUIDE}/global-cross-region-inference.html`,
  inference: `${BEDROCK_GUIDE}/inference.html`,
  lifecycle: `${BEDROCK_GUIDE}/model-lifecycle.html`,
  mantleQuotas: `${BEDROCK_GUIDE}/quotas-mantle.html`,
  mantleRegions: `${BEDROCK_GUIDE}/endpoints-region-availability.html`,
  messagesApi: `${BEDROCK_GUIDE}/inference-messages-api.html`,
  messagesParameters: `${BEDROCK_GUIDE}/model-parameters-anthropic-claude-messages.html`,
  modelAccess: `${BEDROCK_GUIDE}/model-access.html`,
  modelsGetInfo: `${BEDROCK_GUIDE}/models-get-info.html`,
  profiles: `${BEDROCK_GUIDE}/inference-profiles-support.html`,
  provisionedThroughput: `${BEDROCK_GUIDE}/prov-throughput.html`,
  quotaIncrease: `${BEDROCK_GUIDE}/quotas-increase.html`,
  quotas: `${BEDROCK_GUIDE}/quotas.html`,
  /** The models each region offers (not the endpoints: see `bedrockEndpoints`, `awsEndpoints`). */
  regions: `${BEDROCK_GUIDE}/models-region-compatibility.html`,
  runtimeQuotas: `${BEDROCK_GUIDE}/quotas-runtime.html`,
  workspaces: `${BEDROCK_GUIDE}/workspaces.html`,

  // ── Amazon Bedrock API reference, authorization and managed policies ──
  getFoundationModelAvailability: `${BEDROCK_API}/API_GetFoundationModelAvailability.html`,
  getInferenceProfile: `${BEDROCK_API}/API_GetInferenceProfile.html`,
  bedrockAuthorization:
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
  mantleAuthorization:
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockmantle.html',
  mantleManagedPolicy:
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonBedrockMantleInferenceAccess.html',

  // ── AWS general reference ──
  awsEndpoints: 'https://docs.aws.amazon.com/general/latest/gr/rande.html',
  bedrockEndpoints: 'https://docs.aws.amazon.com/general/latest/gr/bedrock.html',
  sovereignCloud: 'https://docs.aws.amazon.com/general/latest/gr/aws-european-sovereign-cloud.html',

  // ── IAM, STS, Organizations ──
  accessDenied: `${IAM_GUIDE}/troubleshoot_access-denied.html`,
  arns: `${IAM_GUIDE}/reference_identifiers.html#identifiers-arns`,
  crossAccountRoles: `${IAM_GUIDE}/id_roles_common-scenarios_aws-accounts.html`,
  evaluationResult: `${IAM_API}/API_EvaluationResult.html`,
  permissionsBoundaries: `${IAM_GUIDE}/access_policies_boundaries.html`,
  policyEvaluation: `${IAM_GUIDE}/reference_policies_evaluation-logic.html`,
  roles: `${IAM_GUIDE}/troubleshoot_roles.html`,
  sessionTags: `${IAM_GUIDE}/id_session-tags.html#id_session-tags_permissions-required`,
  signing: `${IAM_GUIDE}/reference_sigv-troubleshooting.html`,
  simulate: `${IAM_API}/API_SimulatePrincipalPolicy.html`,
  stsErrors: 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html',
  stsRegions: `${IAM_GUIDE}/id_credentials_temp_enable-regions.html`,
  scp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',

  // ── SDKs, the AWS CLI, EC2 ──
  cliConfigFiles: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  cliQuotaIncrease:
    'https://docs.aws.amazon.com/cli/latest/reference/service-quotas/request-service-quota-increase.html',
  credentialChain:
    'https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html',
  endpoints: `${SDK_REFERENCE}/feature-ss-endpoints.html`,
  endpointSettings: `${SDK_REFERENCE}/feature-endpoints.html`,
  generalSettings: `${SDK_REFERENCE}/feature-gen-config.html`,
  podIdentitySdk: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-minimum-sdk.html',
  standardizedCredentials: `${SDK_REFERENCE}/standardized-credentials.html`,
  staticCredentials: `${SDK_REFERENCE}/feature-static-credentials.html`,
  imds: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  region: `${SDK_REFERENCE}/feature-region.html`,
  awsConfigFile: `${SDK_REFERENCE}/file-format.html`,
  serviceTier:
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ServiceTier.html',
  promptCaching: 'https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html',
  claudeCodeGateway: 'https://code.claude.com/docs/en/llm-gateway',
  sso: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html',

  // ── GitHub, Anthropic, tools ──
  anthropicModels: 'https://docs.anthropic.com/en/docs/about-claude/models/overview',
  configureCredentials: 'https://github.com/aws-actions/configure-aws-credentials#readme',
  dotenvRules: 'https://github.com/motdotla/dotenv#what-rules-does-the-parsing-engine-follow',
  githubOidc: GITHUB_OIDC,
  githubStatus: 'https://www.githubstatus.com',

  // ── This project ──
  projectDocs: `${PROJECT}/blob/main/docs`,
  projectIssues: `${PROJECT}/issues`,
  envFileSecurity: `${PROJECT}/blob/main/docs/security.md#what-the-env-file-may-set`,
  modelChecks: `${PROJECT}/blob/main/docs/model-checks.md#model-resolve`,
  claudeCodeSettings: 'https://code.claude.com/docs/en/settings#settings-precedence',
  claudeCodeBedrock: 'https://code.claude.com/docs/en/amazon-bedrock',
  claudeCodeBedrockCredentials:
    'https://code.claude.com/docs/en/amazon-bedrock#advanced-credential-configuration',
  claudeCodeActionProviders:
    'https://github.com/anthropics/claude-code-action/blob/main/docs/cloud-providers.md',
  claudeCodePage: `${PROJECT}/blob/main/docs/claude-code.md`
} as const

export type DocUrl = (typeof DocUrl)[keyof typeof DocUrl]
