import { defineMeta } from '../../engine/check.js'

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
  messages: {
    authenticated: { status: 'pass', title: 'Authenticated as {{arn}}' },
    refused: { status: 'catalog', title: 'STS GetCallerIdentity failed: {{code}}' },
    // A 200 without the caller (a proxy, a wrong endpoint override) proves nothing: never a pass.
    noCaller: {
      status: 'catalog',
      catalog: 'malformed-response',
      title: 'STS GetCallerIdentity answered without an identity'
    }
  }
})
