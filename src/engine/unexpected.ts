import type { Finding } from './types.js'
import { DocUrl } from '../data/doc-url.js'

/**
 * For an error a check did not turn into a finding itself: said plainly, never as a stack trace.
 * Not a catalog entry: no AWS text means this; it is the preflight's own shortcoming.
 */
export const UNEXPECTED = {
  title: 'Could not verify: the check stopped on an unexpected error',
  cause:
    'bedrock-preflight met a situation it does not handle yet, so it cannot say whether this part is ready.',
  fix: 'Re-run with `RUNNER_DEBUG=1` (or `--debug`) and open an issue with the debug log; nothing was changed in your account.',
  doc: DocUrl.projectIssues
} as const

export function describeUnexpected(
  checkId: string,
  subject: string | undefined,
  err: unknown
): Finding {
  const message = err instanceof Error ? err.message : String(err)
  return {
    checkId,
    ...(subject ? { subject } : {}),
    messageId: 'unexpected',
    status: 'unverified',
    title: UNEXPECTED.title,
    observed: [`${err instanceof Error ? err.name : 'Error'}: ${message.split('\n')[0]}`],
    cause: UNEXPECTED.cause,
    fix: UNEXPECTED.fix,
    docUrl: UNEXPECTED.doc
  }
}
