import type { LoadedReport } from './load.js'
import { rowsConcerned, worse } from './rows.js'
import type { MergedCause, TargetRow } from './types.js'

/** Text from an untrusted report, cut to what a summary needs. */
const MAX_TEXT = 4000
const cut = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text

/**
 * The problems of every report, one per cause: the same check state (check, message, catalog
 * entry) in twelve accounts is one cause with one fix and twelve targets. The first report's
 * wording stands for all (a fix may name that target's ARNs: the summary says whose it is).
 */
export function mergeCauses(
  reports: readonly { loaded: LoadedReport; rows: TargetRow[] }[]
): MergedCause[] {
  const byKey = new Map<string, MergedCause & { rowSet: Set<string>; targetSet: Set<string> }>()
  for (const { loaded, rows } of reports) {
    for (const f of loaded.report.findings) {
      if (f.status === 'pass' || f.status === 'skipped') continue
      const key = [f.checkId, f.messageId ?? f.title, f.catalogId ?? ''].join('\u0000')
      let cause = byKey.get(key)
      if (!cause) {
        cause = {
          checkId: f.checkId,
          ...(f.messageId ? { messageId: f.messageId } : {}),
          ...(f.catalogId ? { catalogId: f.catalogId } : {}),
          status: f.status,
          title: cut(f.title) ?? '',
          ...(f.cause ? { cause: cut(f.cause) } : {}),
          ...(f.fix ? { fix: cut(f.fix) } : {}),
          rows: [],
          targets: [],
          rowSet: new Set(),
          targetSet: new Set()
        }
        byKey.set(key, cause)
      }
      cause.status = worse(cause.status, f.status)
      for (const row of rowsConcerned(f, loaded.report, rows)) {
        cause.rowSet.add(row.key)
        cause.targetSet.add(row.target.id)
      }
    }
  }
  const order = { fail: 0, unverified: 1, warn: 2, skipped: 3, pass: 4 }
  return [...byKey.values()]
    .map(({ rowSet, targetSet, ...c }) => ({ ...c, rows: [...rowSet], targets: [...targetSet] }))
    .sort((a, b) => order[a.status] - order[b.status] || b.targets.length - a.targets.length)
}
