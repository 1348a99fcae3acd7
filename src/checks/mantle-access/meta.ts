import { defineMeta } from '../shared/check.js'
import { callsMantle } from '../../parse/endpoint.js'
import { API_KEY_ONLY } from '../shared/api-key-only.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * May the caller infer through bedrock-mantle? The actions AWS's page on inference lists for the
 * mantle endpoint (`bedrock-mantle:CreateInference`, `GetProject`, `ListProjects`; managed policy
 * AmazonBedrockMantleInferenceAccess grants them on `arn:aws:bedrock-mantle:*:*:project/*`),
 * simulated on the project the agent uses. CreateInference is the request itself; the two reads
 * are what tools that look up projects need, so their denial alone warns.
 */
export const meta = defineMeta({
  id: 'mantle-access',
  title: 'Mantle endpoint permission',
  description:
    'The caller may call `bedrock-mantle:CreateInference` (and the project reads) on its project, SCPs included.',
  scope: 'region',
  dependsOn: ['region', 'identity'],
  sdks: ['iam'],
  permissions: [
    {
      action: 'iam:SimulatePrincipalPolicy',
      statement: 'SimulateOwnPermissions',
      why: 'whether the caller may call bedrock-mantle:CreateInference on its project (endpoint mantle|both)'
    }
  ],
  applies: (config) => callsMantle(config),
  messages: {
    allowed: {
      status: 'pass',
      title:
        '{{name}} may infer through bedrock-mantle ({{actions}} allowed on {{project}}; endpoint {{endpoint}} from {{source}})'
    },
    inferenceDenied: {
      status: 'fail',
      title:
        'No policy of {{name}} allows {{missing}} on {{project}}: the agent cannot infer through bedrock-mantle (endpoint {{endpoint}} from {{source}})',
      cause:
        "bedrock-mantle has its own IAM actions (service prefix `bedrock-mantle`), apart from the runtime's `bedrock:InvokeModel`: each request needs `bedrock-mantle:CreateInference` on the project it is attributed to, so a policy written for bedrock-runtime does not cover it.",
      fix: 'Add to an identity policy of `{{principal}}` (or attach the AWS managed policy `AmazonBedrockMantleInferenceAccess`):\n\n{{grant}}',
      doc: DocUrl.inference
    },
    readsDenied: {
      status: 'warn',
      title:
        '{{name}} may infer through bedrock-mantle, but not {{missing}} on {{project}} (endpoint {{endpoint}} from {{source}})',
      cause:
        "Inference needs only `bedrock-mantle:CreateInference`; AWS's documented policy for the mantle endpoint also grants the project reads, which tools that look up or list projects call.",
      fix: 'Add to an identity policy of `{{principal}}` (or attach the AWS managed policy `AmazonBedrockMantleInferenceAccess`):\n\n{{grant}}',
      doc: DocUrl.inference
    },
    scpDenies: {
      status: 'fail',
      title:
        'A service control policy denies {{missing}} on {{project}} to {{name}}: the agent cannot infer through bedrock-mantle',
      cause:
        'An SCP of the organization does not allow the action; no identity policy can override it.',
      fix: "Ask the organization's administrators to allow `{{missing}}` in the SCP, or point the agent at bedrock-runtime (`endpoint: runtime`, unset ANTHROPIC_BEDROCK_BASE_URL) if the runtime is allowed.",
      doc: DocUrl.scp
    },
    boundaryDenies: {
      status: 'fail',
      title:
        'The permissions boundary of {{name}} does not allow {{missing}} on {{project}}: the agent cannot infer through bedrock-mantle',
      cause:
        'A permissions boundary caps what the identity policies grant: the action must be allowed by both.',
      fix: 'Add `{{missing}}` on `{{project}}` to the permissions boundary of {{name}}.',
      doc: DocUrl.permissionsBoundaries
    },
    explicitDeny: {
      status: 'fail',
      title: 'An explicit Deny blocks {{missing}} on {{project}} for {{name}}',
      cause: 'An explicit Deny wins over every Allow.',
      fix: 'Remove or narrow the Deny on `{{missing}}` in {{statements}}.',
      doc: DocUrl.policyEvaluation
    },
    dependsOnContext: {
      status: 'unverified',
      title:
        'Whether {{name}} may infer through bedrock-mantle depends on {{keys}}, which the simulation could not supply',
      cause:
        'A policy on the bedrock-mantle actions tests a condition key that only the real request carries (a VPC endpoint, a source IP, a tag), so the simulation cannot decide it.',
      fix: 'Compare the policy conditions on `{{missing}}` with where the agent runs.',
      doc: DocUrl.inference
    },
    notSimulated: {
      status: 'catalog',
      title: 'Could not check whether {{name}} may infer through bedrock-mantle'
    },
    callerNotSimulable: {
      status: 'unverified',
      title: 'The bedrock-mantle permissions of {{caller}} cannot be simulated',
      cause:
        'IAM simulates users and roles only; this caller is neither (root, a federated user or another kind), so its bedrock-mantle permissions are not known from here.',
      fix: 'Run the preflight as the IAM role or user the agent uses.',
      doc: DocUrl.inference
    },
    needsCredentials: {
      status: 'unverified',
      title: 'bedrock-mantle permissions not checked: IAM simulation needs IAM credentials',
      ...API_KEY_ONLY
    }
  }
})
