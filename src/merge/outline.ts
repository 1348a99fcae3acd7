import type { MergedReport, TargetRow } from './types.js'

/** What every face of the org summary says, as data; the renderers only format it. */
export interface ChangeGroup {
  icon: string
  label: string
  /** Plain, untrusted text: each renderer escapes it. */
  lines: string[]
}

export interface Outline {
  headline: string
  counts: string
  changes: ChangeGroup[]
}

const lifecycleText = (l: NonNullable<TargetRow['lifecycle']>): string =>
  [
    l.status,
    l.legacySince ? `Legacy since ${l.legacySince}` : '',
    l.publicExtendedAccessFrom ? `extended access from ${l.publicExtendedAccessFrom}` : '',
    l.endOfLife ? `end of life ${l.endOfLife}` : ''
  ]
    .filter(Boolean)
    .join(', ')

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function outline(merged: MergedReport): Outline {
  const { rows, changes } = merged
  const failing = rows.filter((r) => r.status === 'fail').length
  const targets = new Set(rows.map((r) => r.target.id)).size
  // A report can fail with no failing row: a gate (credentials, identity) could not be verified.
  const withFailingRow = new Set(rows.filter((r) => r.status === 'fail').map((r) => r.target.id))
  const gateFailed = new Set(
    rows
      .filter((r) => r.result === 'fail' && !withFailingRow.has(r.target.id))
      .map((r) => r.target.id)
  ).size
  const missingTargets = new Set(changes.missing.map((k) => k.split(' · ')[0])).size
  const headline =
    merged.result === 'pass'
      ? `${plural(rows.length, 'target row')} ready`
      : [
          failing > 0 ? `${failing} of ${plural(rows.length, 'target row')} fail` : '',
          changes.missing.length > 0
            ? `${plural(changes.missing.length, 'row')} of ${plural(missingTargets, 'target')} did not report`
            : '',
          gateFailed > 0
            ? `${plural(gateFailed, 'target')} failed on a check that could not be verified`
            : '',
          failing === 0 && changes.missing.length === 0 && gateFailed === 0 ? 'warnings' : ''
        ]
          .filter(Boolean)
          .join(' · ')
  const by = (s: TargetRow['status']) => rows.filter((r) => r.status === s).length
  const counts = `${plural(merged.reports, 'report')}, ${plural(targets, 'target')}, ${plural(rows.length, 'row')}: ${by('pass')} pass, ${by('warn')} warn, ${by('fail')} fail, ${by('unverified')} could not verify`
  const groups: ChangeGroup[] = [
    { icon: '❌', label: 'Newly failing', lines: changes.newlyFailing },
    {
      icon: '⛔',
      label: 'Did not report (in the previous run, not in this one)',
      lines: changes.missing
    },
    { icon: '✅', label: 'Fixed', lines: changes.fixed },
    { icon: '🆕', label: 'New (not in the previous run)', lines: changes.added },
    {
      icon: '⏳',
      label: 'Model lifecycle',
      lines: changes.lifecycle.map(
        (c) =>
          `${c.model}: ${c.before ? `${lifecycleText(c.before)} → ` : ''}${lifecycleText(c.after)}${c.daysToEndOfLife !== undefined ? ` (${c.daysToEndOfLife <= 0 ? 'end of life reached' : `${plural(c.daysToEndOfLife, 'day')} to end of life`})` : ''}`
      )
    },
    {
      icon: '📉',
      label: 'Quotas lowered',
      lines: changes.quotasLowered.map(
        (q) => `${q.key}: ${q.name} (${q.code}) ${q.before} → ${q.after}`
      )
    },
    {
      icon: '🔀',
      label: 'Destinations changed',
      lines: changes.destinations.map(
        (d) => `${d.key}: ${d.before.join(', ')} → ${d.after.join(', ')}`
      )
    }
  ]
  return { headline, counts, changes: groups.filter((g) => g.lines.length > 0) }
}

/** At most `max` items, then how many more. */
export function capped(items: readonly string[], max: number): { shown: string[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) }
}
