import type { CatalogEntry } from '../entry.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * Entries for a class of errors whose exact cause the catalog does not list (classes.ts): they
 * say what is known from the kind of error, and where its message says more. The other classes
 * are spoken for by existing entries (`access-denied`, `validation`, `resource-not-found`,
 * `throttled`, `service-unavailable`, `network-unreachable`).
 */
export const CLASS_ENTRIES = [
  {
    id: 'credentials-error',
    title: 'Credentials refused or not loaded',
    cause:
      'The SDK could not load credentials, or AWS refused the ones it sent (an unknown, expired or malformed key, token or signature). The message names the provider or the token that failed.',
    fix: () =>
      'Check which credentials the failing process uses (`aws sts get-caller-identity` with the same environment and profile), refresh them (`aws sso login`, re-run `configure-aws-credentials`), and remove stale `AWS_ACCESS_KEY_ID`/`AWS_SESSION_TOKEN` variables that shadow the profile. `bedrock-preflight` names the exact cause without the error text.',
    doc: DocUrl.standardizedCredentials,
    verdict: 'fail'
  }
] as const satisfies readonly CatalogEntry<string>[]
