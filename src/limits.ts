/**
 * How much one run may be asked to do. Each bound sits far above any real configuration (AWS has
 * fewer than 40 regions; an agent names a handful of models) and keeps the work before the first
 * request small: a list past its bound is refused with the input named, never planned.
 */
export const LIMITS = {
  regions: 50,
  models: 50,
  roles: 50,
  /** An agent's `.env` is a few hundred bytes; this leaves room for long comments. */
  envFileBytes: 256 * 1024,
  envFileLines: 5_000
} as const
