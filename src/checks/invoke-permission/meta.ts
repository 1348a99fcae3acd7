import { defineMeta } from '../shared/check.js'
import { API_KEY_ONLY } from '../shared/api-key-only.js'
import { usesRuntime } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

/** `{{actions}}` and `{{subject}}`: the denied action(s) and ARNs, one line (wording.ts). */
const NOT_GRANTED = 'No policy of {{name}} allows {{actions}} on {{subject}}'
const NOT_SIMULATED = 'Invoke permission not simulated for this kind of caller'
const RUN_AS_ROLE =
  'Run the job as an IAM role (GitHub OIDC with `aws-actions/configure-aws-credentials`) so its policy can be checked, or enable `invoke-probe` for a real call.'

/**
 * Does the caller's IAM allow the invocation on every ARN it needs? iam:SimulatePrincipalPolicy
 * with the context keys the real call carries; SCPs and permissions boundaries are attributed.
 * The ARNs come from model-resolve: the profile, and the model in each of its destinations.
 */
export const meta = defineMeta({
  id: 'invoke-permission',
  title: 'Invoke permission',
  description:
    'IAM simulation of `bedrock:InvokeModel` and `InvokeModelWithResponseStream` on every ARN the call reaches, including SCPs and permissions boundaries.',
  scope: 'region-model',
  // identity before model-resolve: with broken credentials the skip names "Caller identity".
  // model-resolve starts alongside identity, so waiting for it waits for identity too.
  dependsOn: ['region', 'model-id', 'identity', 'model-resolve'],
  uses: ['api-key'],
  sdks: ['iam'],
  permissions: [
    {
      action: 'iam:SimulatePrincipalPolicy',
      statement: 'SimulateOwnPermissions',
      why: "whether the caller's identity policies, SCPs and permissions boundary allow the invocation on every ARN it needs"
    },
    {
      action: 'iam:GetRole',
      statement: 'ReadTrustOfNamedRoles',
      why: 'resolving a role path (the session ARN drops it), only when IAM does not know `role/NAME`'
    }
  ],
  // bedrock-runtime's: with `endpoint: mantle` the agent never calls it, so nothing here applies.
  applies: (config) => usesRuntime(config.endpoint?.value),
  messages: {
    allowed: {
      status: 'pass',
      title:
        '{{name}} may call InvokeModel and InvokeModelWithResponseStream on all {{count}} {{arns}} the call needs'
    },
    // GetInferenceProfile was denied: the ARNs are the bundled table's, a geographic profile's
    // documented destinations (AWS: they "will never change"), so an allow on all of them is one.
    allowedPredicted: {
      status: 'pass',
      title:
        '{{name}} may call InvokeModel and InvokeModelWithResponseStream on all {{count}} ARNs of {{profile}} from {{region}}, destinations as AWS documents them (predicted from the bundled table: bedrock:GetInferenceProfile was denied)'
    },
    // A global. profile (destinations change over time) or a model the table does not list.
    allowedOnPredicted: {
      status: 'unverified',
      title:
        '{{name}} may invoke the {{count}} predicted ARNs of {{profile}}, but its destinations could not be read (bedrock:GetInferenceProfile was denied)',
      cause:
        'The preflight may not call `bedrock:GetInferenceProfile`, so the ARNs simulated are predicted from the bundled profile table, not read from AWS: {{why}} IAM allows every predicted ARN; whether that covers every destination the call can reach is not known.',
      fix: 'Allow `bedrock:GetInferenceProfile` (read-only) for the identity that runs the preflight, so the destinations are read from AWS, or settle it with one real call (`invoke-probe: true`).',
      doc: DocUrl.crossRegion
    },
    keyPrincipalUnknown: {
      status: 'unverified',
      title:
        'Invoke permission not simulated: the agent calls Bedrock with an API key whose principal cannot be asked ({{why}})',
      cause:
        "The agent's Bedrock calls carry the API key, so they are allowed or denied as the key's own principal; that principal is not one IAM can be asked about with this job's credentials, and simulating the job's role instead would describe calls the agent does not make.",
      fix: 'Run the preflight with credentials of the identity behind the key, or settle it with one real call (`invoke-probe: true`).',
      doc: DocUrl.apiKeysPermissions
    },
    needsCredentials: {
      status: 'unverified',
      title: 'Invoke permission not simulated: IAM simulation needs IAM credentials',
      ...API_KEY_ONLY
    },
    rootCaller: {
      status: 'unverified',
      title: NOT_SIMULATED,
      cause:
        'the root user cannot be simulated (it is allowed everything its SCPs allow); do not run jobs as root.',
      fix: RUN_AS_ROLE,
      doc: DocUrl.simulate
    },
    callerNotSimulable: {
      status: 'unverified',
      title: NOT_SIMULATED,
      cause: 'IAM can simulate users and roles only, and the caller is {{caller}}.',
      fix: RUN_AS_ROLE,
      doc: DocUrl.simulate
    },
    // The simulation itself failed: the catalog explains the error; a denial is "could not verify".
    notSimulated: {
      status: 'catalog',
      title: 'Could not simulate invoke permission for {{principal}}'
    },
    scpDenies: {
      status: 'catalog',
      catalog: 'bedrock-scp-deny',
      title: 'A service control policy denies {{actions}} in {{regions}}',
      fix: "Ask the organization's administrators to let the SCP allow `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` for {{allowRegions}}: every destination of `{{profile}}` must be allowed, or the call fails even though you never chose that region. Otherwise use a profile whose destinations the SCP allows. No identity policy can override an SCP deny."
    },
    boundaryDenies: {
      status: 'catalog',
      catalog: 'bedrock-explicit-deny',
      title: 'The permissions boundary of {{name}} does not allow {{actions}} on {{subject}}',
      cause:
        "The role's permissions boundary caps what its policies can grant, and it does not include these invoke permissions, so they are denied even where the identity policy allows them.",
      fix: 'Add these statements to the permissions boundary of `{{principal}}` (a boundary must allow what the identity policy grants):\n\n{{policy}}'
    },
    // Denied only because a condition key had no value in the simulation: the real call may
    // carry it (a VPC endpoint, a principal tag, MFA), so this is never "add these statements".
    unknownDecision: {
      status: 'unverified',
      title:
        'IAM answered {{decisions}} for {{name}} on {{subject}}: a decision this version cannot read',
      cause:
        'SimulatePrincipalPolicy returned an `EvalDecision` its published API model did not define when this version was built (it defines `allowed`, `explicitDeny`, `implicitDeny`), so it is taken neither as a grant nor as a denial.',
      fix: 'Update bedrock-preflight, or run with `invoke-probe: true`, the conclusive test.',
      doc: DocUrl.evaluationResult
    },
    dependsOnContext: {
      status: 'unverified',
      title:
        "{{name}}'s policies allow {{actions}} on {{subject}} only under conditions the simulation could not supply ({{keys}})",
      cause:
        'The policies that would allow the call test context keys ({{keys}}) that IAM simulation does not know for this job, so it cannot say whether they hold. {{meaning}}',
      fix: 'Nothing to add if the job runs where these conditions hold. To verify, enable `invoke-probe` (one real call from the job), or run the job where the condition is met.',
      doc: DocUrl.simulate
    },
    explicitDeny: {
      status: 'catalog',
      catalog: 'bedrock-explicit-deny',
      title: "An explicit Deny in {{name}}'s policies blocks {{actions}} on {{subject}}"
    },
    notGranted: {
      status: 'catalog',
      catalog: 'bedrock-invoke-denied',
      title: NOT_GRANTED,
      fix: 'Add these statements to an identity policy of `{{principal}}`; they grant exactly the denied ARNs:\n\n{{policy}}'
    },
    // The same, for a call through an inference profile: the models are granted only through it.
    notGrantedViaProfile: {
      status: 'catalog',
      catalog: 'bedrock-invoke-denied',
      title: NOT_GRANTED,
      fix: 'Add these statements to an identity policy of `{{principal}}`; they grant exactly the denied ARNs (models only through this profile):\n\n{{policy}}'
    }
  }
})
