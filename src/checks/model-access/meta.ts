import { defineMeta } from '../shared/check.js'
import { usesRuntime } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * Said wherever every signal is positive (an Observed line of the pass): claude-code#51183 saw
 * all four and still a refusal.
 */
export const NOT_SUFFICIENT =
  'All positive is necessary, not sufficient: a newly released model can still answer "not available for this account", and a first Marketplace subscription is only final after the first call. `invoke-probe: true` settles it with one real call.'

const REGION_UNAVAILABLE = {
  status: 'fail',
  title: '{{model}} is not available in {{region}}',
  cause:
    '`GetFoundationModelAvailability` reports `regionAvailability: NOT_AVAILABLE`: the model does not run in this region for the account.',
  fix: 'Use an inference profile that this region can call (`aws bedrock list-inference-profiles --region {{region}}`; the model-resolve check names it), or a region where the model runs.',
  doc: DocUrl.regions
} as const

const ACCESS = 'Access to {{model}} in {{region}}: agreement available, authorized, entitled'

/**
 * Is the account allowed to use the model? GetFoundationModelAvailability (agreement,
 * authorization, entitlement, region) and, for Anthropic models, the one-time use-case form.
 */
export const meta = defineMeta({
  id: 'model-access',
  title: 'Model access',
  description:
    'Bedrock reports the model available to the account, and the Anthropic use-case form is on file.',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity', 'api-key'],
  speculative: ['identity', 'api-key'],
  // Application and provisioned ARNs name their model only through model-resolve's reads.
  uses: ['model-resolve'],
  sdks: ['bedrock'],
  permissions: [
    {
      action: 'bedrock:GetFoundationModelAvailability',
      statement: 'ReadBedrockModelState',
      why: 'the Marketplace agreement, authorization, entitlement and region availability of the model for the account'
    },
    {
      action: 'bedrock:GetUseCaseForModelAccess',
      statement: 'ReadBedrockModelState',
      why: 'whether the Anthropic use-case form is on file (Anthropic models only)'
    }
  ],
  // bedrock-runtime's: with `endpoint: mantle` the agent never calls it, so nothing here applies.
  applies: (config) => usesRuntime(config.endpoint?.value),
  messages: {
    available: { status: 'pass', title: `${ACCESS}, use-case form on file` },
    // Models of other providers have no use-case form.
    availableWithoutForm: { status: 'pass', title: ACCESS },
    modelUnknown: {
      status: 'skipped',
      title: 'Model access: not checked, because the model behind this ARN could not be read',
      cause: 'See the model-resolve row for the cause and fix.',
      fix: 'Follow the fix of the model-resolve row ("Model in region") for this ARN; this check then asks about the model it finds.',
      doc: DocUrl.modelChecks
    },
    availabilityUnknown: {
      status: 'unverified',
      title:
        'The availability of {{model}} in {{region}} has values this version cannot read: {{values}}',
      cause:
        'GetFoundationModelAvailability answered a field missing or with a value its published API model did not define when this version was built, so access is not taken as granted.',
      fix: 'Update bedrock-preflight (`uses: org/bedrock-preflight@v1` follows the newest v1), or run with `invoke-probe: true`, the conclusive test.',
      doc: DocUrl.getFoundationModelAvailability
    },
    availabilityUnreadable: {
      status: 'catalog',
      title: 'Could not read the availability of {{model}} in {{region}}'
    },
    agreementPending: {
      status: 'catalog',
      catalog: 'marketplace-subscription-pending',
      title: 'The Marketplace agreement for {{model}} is still being created'
    },
    agreementFailed: {
      status: 'catalog',
      catalog: 'marketplace-agreement-failed',
      title: 'The Marketplace agreement for {{model}} failed'
    },
    agreementMissing: {
      status: 'warn',
      title: 'No Marketplace agreement for {{model}} yet: the first call must create it',
      cause:
        '`GetFoundationModelAvailability` reports no AWS Marketplace agreement for this model in the account. Bedrock creates it on the first invocation, which needs `aws-marketplace:Subscribe` and `aws-marketplace:ViewSubscriptions` on the caller (or an administrator enabling the model once); without them the first call fails with "Model access is denied due to … AWS Marketplace actions".',
      fix: 'Either have an administrator enable the model once (`aws bedrock list-foundation-model-agreement-offers --model-id <id>` then `aws bedrock create-foundation-model-agreement --model-id <id> --offer-token <token>`), or give the calling role `aws-marketplace:Subscribe`, `aws-marketplace:Unsubscribe` and `aws-marketplace:ViewSubscriptions` (condition `aws:CalledViaLast` = `bedrock.amazonaws.com`). A valid payment method is needed either way.',
      doc: DocUrl.modelAccess
    },
    notAuthorized: {
      status: 'fail',
      title: 'Bedrock reports the account is not authorized for {{model}}',
      cause:
        '`GetFoundationModelAvailability` reports `authorizationStatus: NOT_AUTHORIZED`. AWS does not document the field in detail; it is seen when an IAM or SCP deny covers the model or when the account is restricted.',
      fix: 'Look for a Deny on `bedrock:InvokeModel*` for this model (identity policies, SCPs; the invoke-permission check simulates them). If there is none, open an AWS Support case quoting the model ID.',
      doc: DocUrl.modelAccess
    },
    notEntitled: {
      status: 'catalog',
      catalog: 'model-not-available-for-account',
      title: '{{model}} is not available for this account'
    },
    regionUnavailable: REGION_UNAVAILABLE,
    // A profile may still reach the model elsewhere: model-resolve decides routing.
    regionUnavailableViaProfile: {
      ...REGION_UNAVAILABLE,
      status: 'warn',
      title:
        '{{model}} is not available in {{region}} itself (the profile may route elsewhere; see model-resolve)'
    },
    useCaseFormMissing: {
      status: 'catalog',
      catalog: 'ftu-form-missing',
      title: 'The Anthropic use-case form has not been submitted for this account'
    },
    useCaseUnreadable: {
      status: 'catalog',
      title: 'Could not read whether the Anthropic use-case form was submitted'
    }
  }
})
