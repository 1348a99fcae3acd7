import type { Finding } from '../engine/types.js'
import type * as Catalog from './match.js'

// The checks that run before the first request (region, env-file, credentials, identity,
// model-id) need the catalog, ≈ 40 KB of text and patterns, only when something is wrong. These
// builders load it on first use, so a healthy run parses it while AWS answers, not before.
const load = (): Promise<typeof Catalog> => import('./match.js')

/** `findingFromEntry` of ./match.js, loading the catalog first. */
export async function findingFromEntry(
  ...args: Parameters<typeof Catalog.findingFromEntry>
): Promise<Finding> {
  return (await load()).findingFromEntry(...args)
}

/** `findingFromError` of ./match.js, loading the catalog first. */
export async function findingFromError(
  ...args: Parameters<typeof Catalog.findingFromError>
): Promise<Finding> {
  return (await load()).findingFromError(...args)
}
