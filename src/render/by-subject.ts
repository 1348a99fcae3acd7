import type { Finding } from '../engine/types.js'

/**
 * Findings under their subject, as the job summary and the terminal list them: the run-level
 * ones (identity, credentials; key `''`) first, then one group per region, model or role, each in
 * report order.
 */
export function bySubject(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>([['', []]])
  for (const f of findings) {
    const key = f.subject ?? ''
    const group = groups.get(key)
    if (group) group.push(f)
    else groups.set(key, [f])
  }
  return groups
}
