/** The run's time limit: at least one second, at most ten minutes. */
export const MIN_TIMEOUT_SECONDS = 1
export const MAX_TIMEOUT_SECONDS = 600

export type TimeoutParse = { ok: true; seconds: number } | { ok: false; problem: string }

/**
 * A `timeout-seconds` value: plain decimal digits only. `Number()` alone would take `0x10` as 16,
 * `1e3` as 1000 and `16.5` as a fraction, none of which a user means by a number of seconds.
 */
export function parseTimeoutSeconds(text: string): TimeoutParse {
  const t = text.trim()
  const seconds = /^[0-9]+$/.test(t) ? Number(t) : NaN
  if (seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS) return { ok: true, seconds }
  const shown = t.length > 20 ? `${t.slice(0, 20)}…` : t
  return {
    ok: false,
    problem: `must be a whole number of seconds from ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS}, written in digits, got "${shown}"`
  }
}
