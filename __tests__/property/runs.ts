/**
 * How hard the property tests push. `npm test` runs a quick profile (FC_RUNS unset: 300 cases a
 * property); `npm run test:full` sets FC_RUNS=10000. A failure prints fast-check's seed and path,
 * so `FC_SEED=<seed>` replays it exactly.
 */
import type { Parameters } from 'fast-check'

const requested = Number(process.env.FC_RUNS)

/** Cases per property in this run. */
export const RUNS = Number.isInteger(requested) && requested > 0 ? requested : 300

/** `npm run test:full`: every property at full count, every fault on every call. */
export const FULL_PROFILE = RUNS >= 10_000

/** The full profile needs more than Jest's default 30 s per test. */
export const PROPERTY_TIMEOUT_MS = Math.max(30_000, RUNS * 30)

/** fast-check parameters for one property: the run count, and a fixed seed when replaying. */
export function runs<T>(overrides: Parameters<T> = {}): Parameters<T> {
  const seed = Number(process.env.FC_SEED)
  return { numRuns: RUNS, ...(Number.isInteger(seed) ? { seed } : {}), ...overrides }
}
