import type { IdentityFacts } from '../identity/facts.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * What a check that needs IAM (SigV4) credentials says when the job has only a Bedrock API key:
 * the key works for Bedrock and Bedrock Runtime only, so STS, IAM and Service Quotas cannot be
 * asked. One wording for every such check (each names its own state after it).
 */
export const API_KEY_ONLY = {
  cause:
    'The job has a Bedrock API key but no IAM credentials, and a key works only for Bedrock and Bedrock Runtime: this check needs IAM (SigV4) credentials, so it could not verify (it is not known to be broken).',
  fix: 'Nothing to change if the agent only uses the key: `invoke-probe: true` makes one real call with it, the conclusive test. To have this checked too, configure IAM credentials in the job (`aws-actions/configure-aws-credentials`).',
  doc: DocUrl.apiKeys
} as const

/** Whether `identity` found only a Bedrock API key (no caller to simulate, assume or ask). */
export function apiKeyOnly(identity: Pick<IdentityFacts, 'kind'> | undefined): boolean {
  return identity?.kind === 'api-key'
}
