import type { Changes, LifecycleChange, MergedReport, TargetRow } from './types.js'

const DAY_MS = 86_400_000

/** Whole days from `now` to the date (YYYY-MM-DD, midnight UTC), rounded up. */
function daysTo(date: string, now: number): number | undefined {
  const when = Date.parse(`${date}T00:00:00Z`)
  return Number.isNaN(when) ? undefined : Math.ceil((when - now) / DAY_MS)
}

const failing = (row: TargetRow): boolean => row.status === 'fail'

function lifecycleMoved(before: TargetRow['lifecycle'], after: TargetRow['lifecycle']): boolean {
  if (!after) return false
  if (!before) return after.status !== 'ACTIVE'
  return (
    before.status !== after.status ||
    before.legacySince !== after.legacySince ||
    before.publicExtendedAccessFrom !== after.publicExtendedAccessFrom ||
    before.endOfLife !== after.endOfLife
  )
}

/**
 * What changed since the previous merged report: rows newly failing or fixed, rows that did not
 * report or are new, lifecycles that moved (or end within `eolDays`), quotas lowered,
 * destinations changed. Without a previous report only the end-of-life window applies.
 */
export function changesSince(
  rows: readonly TargetRow[],
  previous: MergedReport | undefined,
  now: number,
  eolDays: number
): Changes {
  const before = new Map((previous?.rows ?? []).map((r) => [r.key, r]))
  const current = new Set(rows.map((r) => r.key))
  const changes: Changes = {
    compared: previous !== undefined,
    newlyFailing: [],
    fixed: [],
    missing: previous ? previous.rows.filter((r) => !current.has(r.key)).map((r) => r.key) : [],
    added: [],
    lifecycle: [],
    quotasLowered: [],
    destinations: []
  }
  const lifecycleSeen = new Set<string>()
  for (const row of rows) {
    const old = before.get(row.key)
    if (previous && !old) changes.added.push(row.key)
    if (failing(row) && (!old || !failing(old)) && previous) changes.newlyFailing.push(row.key)
    if (old && failing(old) && !failing(row)) changes.fixed.push(row.key)
    if (row.lifecycle) {
      const days = row.lifecycle.endOfLife ? daysTo(row.lifecycle.endOfLife, now) : undefined
      const soon = days !== undefined && days <= eolDays
      const moved = previous && old ? lifecycleMoved(old.lifecycle, row.lifecycle) : false
      // One line per model and lifecycle, not per row: a Legacy model is Legacy in every account.
      const id = `${row.model}\u0000${JSON.stringify(row.lifecycle)}`
      if ((moved || soon) && !lifecycleSeen.has(id)) {
        lifecycleSeen.add(id)
        const change: LifecycleChange = {
          key: row.key,
          model: row.model,
          ...(old?.lifecycle ? { before: old.lifecycle } : {}),
          after: row.lifecycle,
          ...(soon && days !== undefined ? { daysToEndOfLife: days } : {})
        }
        changes.lifecycle.push(change)
      }
    }
    if (old?.quotas && row.quotas) {
      for (const q of row.quotas) {
        const was = old.quotas.find((o) => o.code === q.code)
        if (was && q.value < was.value) {
          changes.quotasLowered.push({
            key: row.key,
            code: q.code,
            name: q.name,
            before: was.value,
            after: q.value
          })
        }
      }
    }
    if (old?.destinations && row.destinations) {
      if (old.destinations.join(',') !== row.destinations.join(',')) {
        changes.destinations.push({
          key: row.key,
          before: old.destinations,
          after: row.destinations
        })
      }
    }
  }
  return changes
}
