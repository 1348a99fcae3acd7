import { KNOWN_REGIONS } from '../data/regions.js'

export type RegionParse =
  { ok: true; region: string; known: boolean } | { ok: false; problem: string; suggestion?: string }

/**
 * `us-east-1`, `us-gov-west-1`, `ap-southeast-7`, `eusc-de-east-1` (the European Sovereign Cloud):
 * an area of two to four letters, words, a number.
 */
export const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/

/** Repairs the usual slips (`US-EAST-1`, `us_east_1`, `us-east1`, quotes, spaces) into a candidate. */
function repair(raw: string): string {
  return raw
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, '-')
    .replace(/([a-z])(\d+)$/, '$1-$2')
}

/** Validates a region code; a malformed one comes back with what is wrong and a likely fix. */
export function parseRegion(raw: string): RegionParse {
  if (raw.trim().length === 0) return { ok: false, problem: 'the region is empty' }
  if (REGION_SHAPE.test(raw)) return { ok: true, region: raw, known: KNOWN_REGIONS.includes(raw) }
  const candidate = repair(raw)
  const suggestion = REGION_SHAPE.test(candidate) ? candidate : undefined
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw
  return {
    ok: false,
    problem: `"${shown}" is not a region code (expected the form us-east-1)`,
    ...(suggestion ? { suggestion } : {})
  }
}
