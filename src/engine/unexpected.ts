import type { Finding } from './types.js'
import { findingFromEntry } from '../catalog/on-demand.js'

/**
 * A finding for an error that a check failed to turn into a finding itself: never a stack trace.
 */
export async function describeUnexpected(checkId: string, err: unknown): Promise<Finding> {
  const message = err instanceof Error ? err.message : String(err)
  return findingFromEntry(
    checkId,
    'unexpected',
    { surface: 'cli' },
    {
      title: 'Could not verify: the check stopped on an unexpected error',
      observed: [`${err instanceof Error ? err.name : 'Error'}: ${message.split('\n')[0]}`]
    }
  )
}
