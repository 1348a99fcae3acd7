import type * as Catalog from '../catalog/match.js'

let pending: Promise<typeof Catalog> | undefined

/**
 * The catalog of AWS errors (≈ 40 KB of text and patterns), loaded on first use: a healthy run
 * parses it while AWS answers, never before its first request. One import for the whole process.
 */
export function loadCatalog(): Promise<typeof Catalog> {
  pending ??= import('../catalog/match.js')
  return pending
}
