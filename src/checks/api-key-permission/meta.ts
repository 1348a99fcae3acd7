import { defineMeta } from '../shared/check.js'
import type { IamPolicy } from '../../policy/document.js'
import { API_KEY_ONLY } from '../shared/api-key-only.js'
import { DocUrl } from '../../data/doc-url.js'

/** The statement that lets a principal use its API key on the endpoint(s) of `action`. */
const GRANT = (action = 'bedrock:CallWithBearerToken'): IamPolicy => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }]
})

/**
 * May the identity behind the Bedrock API key use it? `bedrock:CallWithBearerToken` (and, for an
 * agent on the mantle endpoint, `bedrock-mantle:CallWithBearerToken`, per AWS's managed policy
 * AmazonBedrockMantleInferenceAccess), simulated for the key's own principal (with
 * `bedrock:bearerTokenType`, the key an SCP commonly conditions on), and for a long-term key its
 * state in IAM. `{{action}}` is the action of the endpoint(s) the agent uses.
 */
export const meta = defineMeta({
  id: 'api-key-permission',
  title: 'API key permission',
  description:
    "The identity behind the Bedrock API key may use it: `bedrock:CallWithBearerToken` simulated for the key's own principal, SCPs included; a long-term key is active and unexpired.",
  scope: 'region',
  dependsOn: ['region', 'identity', 'api-key'],
  sdks: ['iam'],
  permissions: [
    {
      action: 'iam:SimulatePrincipalPolicy',
      statement: 'ReadApiKeyUser',
      why: "the key's own principal may call bedrock:CallWithBearerToken"
    },
    {
      action: 'iam:ListServiceSpecificCredentials',
      statement: 'ReadApiKeyUser',
      why: 'the status and expiry of a long-term key'
    }
  ],
  applies: (config) => config.bedrockApiKey !== undefined,
  messages: {
    allowed: {
      status: 'pass',
      title: '{{principal}} may use its Bedrock API key ({{action}} allowed)'
    },
    scpDenies: {
      status: 'fail',
      catalog: 'bedrock-api-key-denied',
      title: 'A service control policy denies Bedrock API keys for {{principal}}',
      fix: "Ask the organization's administrators whether API keys are meant to be allowed (the SCP denies `{{action}}`, often for one `{{conditionKey}}`); no identity policy can override it. Otherwise unset `AWS_BEARER_TOKEN_BEDROCK` and let the agent use IAM credentials."
    },
    explicitDeny: {
      status: 'fail',
      catalog: 'bedrock-api-key-denied',
      title: 'An explicit Deny blocks Bedrock API keys for {{principal}}',
      fix: 'Remove or narrow the Deny on `{{action}}` in {{statements}}, or unset `AWS_BEARER_TOKEN_BEDROCK` and let the agent use IAM credentials.'
    },
    notAllowed: {
      status: 'fail',
      catalog: 'bedrock-api-key-denied',
      title: 'No policy of {{principal}} allows {{action}}: its API key is refused',
      fix: 'Add to an identity policy of `{{principal}}`:\n\n{{grant}}'
    },
    dependsOnContext: {
      status: 'unverified',
      title:
        'Whether {{principal}} may use its API key depends on {{keys}}, which the simulation could not supply',
      cause:
        'A policy on `{{action}}` tests a condition key that only the real request carries (a VPC endpoint, a source IP, a principal tag), so the simulation cannot decide it.',
      fix: 'Compare the policy conditions on `{{action}}` with where the agent runs, or settle it with one real call (`invoke-probe: true`).',
      doc: DocUrl.apiKeysPermissions
    },
    otherSigner: {
      status: 'unverified',
      title:
        "The API key was signed by {{signer}}, not by this job's credentials: its permissions are not simulated",
      cause:
        'A short-term key acts with the permissions of whoever made it, and that is another access key than the one the preflight runs with, so IAM cannot be asked about it from here.',
      fix: 'Run the preflight with the credentials that made the key, or settle it with one real call (`invoke-probe: true`).',
      doc: DocUrl.apiKeysPermissions
    },
    otherAccount: {
      status: 'unverified',
      title:
        "The API key's IAM user {{user}} is in account {{account}}, the job's credentials in {{callerAccount}}",
      cause:
        "IAM simulates and lists only the caller's own account, so the key's user could not be read.",
      fix: 'Run the preflight with credentials of account {{account}}, or settle it with one real call (`invoke-probe: true`).',
      doc: DocUrl.apiKeysPermissions
    },
    keyInactive: {
      status: 'fail',
      title: 'The long-term Bedrock API key of {{user}} is Inactive',
      cause:
        'IAM has the key, but deactivated: Bedrock refuses it ("The bearer token included in the request is invalid.").',
      fix: 'Reactivate it (`aws iam update-service-specific-credential --user-name {{user}} --service-specific-credential-id {{id}} --status Active`) or make a new key.',
      doc: DocUrl.apiKeysPermissions
    },
    keyExpired: {
      status: 'catalog',
      catalog: 'bedrock-api-key-rejected',
      title: 'The long-term Bedrock API key of {{user}} expired on {{date}}'
    },
    noKeyOfUser: {
      status: 'fail',
      catalog: 'bedrock-api-key-invalid',
      title: 'IAM user {{user}} has no Bedrock API key: this one was deleted'
    },
    notSimulated: {
      status: 'catalog',
      title: 'Could not check whether {{principal}} may use its API key'
    },
    needsCredentials: {
      status: 'unverified',
      title: 'Who may use the API key not checked: IAM simulation needs IAM credentials',
      ...API_KEY_ONLY
    }
  }
})

export { GRANT }
