import { defineMeta } from '../shared/check.js'
import { DocUrl } from '../../data/doc-url.js'
import type { IdentityFacts } from './facts.js'

/** `sts:GetCallerIdentity`: needs no permission and cannot be denied, so any error is the credentials'. */
export const meta = defineMeta({
  id: 'identity',
  title: 'Caller identity',
  description: '`sts:GetCallerIdentity` works; reports the account and caller ARN.',
  scope: 'run',
  dependsOn: ['credentials'],
  // The SDK resolves the same (memoised) credentials itself: no need to wait for the local checks.
  speculative: ['credentials'],
  gate: true,
  // "No permissions are required to perform this operation." (STS API reference)
  permissions: [],
  // Fixes after it name the caller; the report shows who ran the preflight.
  share: (facts) => {
    const { accountId, arn, userId } = facts as IdentityFacts
    return { fixContext: { callerArn: arn }, identity: { accountId, arn, userId } }
  },
  messages: {
    authenticated: { status: 'pass', title: 'Authenticated as {{arn}}' },
    apiKeyOnly: {
      status: 'unverified',
      title: 'Caller identity not checked: only a Bedrock API key is configured ({{source}})',
      cause:
        'STS GetCallerIdentity needs IAM (SigV4) credentials, and an API key works only for Bedrock, so who the key acts as, and its IAM permissions, cannot be read from here. The Bedrock checks still run with the key.',
      fix: 'Nothing to change if the agent only uses the key: `invoke-probe: true` makes one real call with it, the conclusive test. To let the preflight check the permissions behind the key as well, configure IAM credentials too (`aws-actions/configure-aws-credentials`).',
      doc: DocUrl.apiKeysUse
    },
    // Also a 200 without the caller (a proxy, a wrong endpoint override): the AWS layer ends it
    // as `IncompleteAnswer` (src/aws/complete.ts), so it proves nothing and never passes.
    refused: {
      status: 'catalog',
      title: 'STS GetCallerIdentity failed: {{code}}',
      skips: 'AWS did not confirm who the credentials belong to'
    },
    callerNotArn: {
      status: 'catalog',
      catalog: 'malformed-response',
      title: 'STS GetCallerIdentity answered with a caller that is not one ARN'
    }
  }
})
