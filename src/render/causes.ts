/**
 * Findings grouped by cause across regions, models and roles: one missing permission seen in
 * twelve region × model pairs is one thing to fix, with one merged policy, not twelve.
 *
 * A cause is the check, its state (messageId), the catalogued AWS error, the place in a file and
 * the fix, compared without its policy blocks (those are merged, see merge-policy.ts). Fixes that
 * name a region or a model stay separate causes: each one's fix must work when pasted.
 */
import {
  SEVERITY,
  type CheckStatus,
  type Finding,
  type FindingDetail,
  type SourceLocation
} from '../engine/types.js'
import {
  fencedPolicies,
  mergeFencedPolicies,
  unionOfActions,
  withoutPolicies
} from './merge-policy.js'

export interface Cause {
  /** Stable within one report: the grouping key. */
  key: string
  status: CheckStatus
  checkId: string
  messageId?: string
  catalogId?: Finding['catalogId']
  title: string
  cause?: string
  /** The fix, with the policies of every finding merged into one. */
  fix?: string
  details: FindingDetail[]
  /** What the first finding observed (each finding's lines are in the JSON report). */
  observed: string[]
  docUrl?: string
  location?: SourceLocation
  /** Subjects it was seen for, in report order; `''` is the run itself. */
  subjects: string[]
  findings: Finding[]
  /** The fix differs between subjects (a coarse group, see groupCauses' `coarse`). */
  fixVaries: boolean
}

export const needsAction = (f: Finding): boolean =>
  f.status === 'fail' || f.status === 'warn' || f.status === 'unverified'

const where = (l: SourceLocation | undefined): string => (l ? `${l.file}:${l.line ?? ''}` : '')

const READ_DENIED = 'preflight-read-denied' satisfies Finding['catalogId']
/** The sentence of a denied read's fix that names its permission (src/engine/read-denied.ts). */
const LEAD = /^Allow `[^`]+` for the identity that runs the preflight with this statement[^:]*:/

/**
 * A read the preflight was refused, with its statement in the fix: one cause for all of them
 * (whichever check made the read), so the summary prints one statement listing every missing
 * read action instead of "allow X" once per read.
 */
const isDeniedRead = (f: Finding): boolean =>
  f.catalogId === READ_DENIED && fencedPolicies(f.fix ?? '').length > 0

/** The read permission a denied-read finding was refused (its cause names it). */
export function readPermissionsOf(f: Finding): string[] {
  if (f.catalogId !== READ_DENIED) return []
  const named = /may not call `([^`]+)`/.exec(f.cause ?? '')
  return named?.[1] ? [named[1]] : []
}

function keyOf(f: Finding, coarse: boolean): string {
  if (!coarse && isDeniedRead(f)) {
    const fix = withoutPolicies(f.fix ?? '').replace(LEAD, '')
    return [f.status, READ_DENIED, fix].join('\u0000')
  }
  return [
    f.status,
    f.checkId,
    f.messageId ?? '',
    f.catalogId ?? '',
    where(f.location),
    coarse ? '' : withoutPolicies(f.fix ?? '')
  ].join('\u0000')
}

const isList = (body: string): boolean =>
  body.split('\n').every((l) => /^\s*- /.test(l) || l.trim() === '')

/** One detail per title: lists united, policies merged, otherwise the first body. */
function mergeDetails(findings: Finding[], fix: string | undefined): FindingDetail[] {
  const byTitle = new Map<string, string[]>()
  for (const f of findings) {
    for (const d of f.details ?? []) byTitle.set(d.title, [...(byTitle.get(d.title) ?? []), d.body])
  }
  const out: FindingDetail[] = []
  for (const [title, bodies] of byTitle) {
    const unique = [...new Set(bodies)]
    let body: string
    if (unique.length === 1) body = unique[0] as string
    else if (unique.every(isList)) {
      body = [...new Set(unique.flatMap((b) => b.split('\n').filter((l) => l.trim())))].join('\n')
    } else if (new Set(unique.map(withoutPolicies)).size === 1) body = mergeFencedPolicies(unique)
    else
      body = `${unique[0] as string}\n\n(One of ${unique.length} variants: the JSON report has each.)`
    // The merged fix already shows this merged policy: do not print it twice.
    if (findings.length > 1 && fix && /```json\n/.test(body) && fix.includes(body.trim())) continue
    out.push({ title, body })
  }
  return out
}

/** The cause of several denied reads: what could not be read, and one statement for all of it. */
function buildDeniedReads(key: string, findings: Finding[]): Cause {
  const first = findings[0] as Finding
  const permissions = [...new Set(findings.flatMap(readPermissionsOf))]
  const named = permissions.map((p) => `\`${p}\``).join(', ')
  const checks = [...new Set(findings.map((f) => f.checkId))]
  const policies = findings.flatMap((f) => fencedPolicies(f.fix ?? '').slice(0, 1))
  const merged = JSON.stringify(unionOfActions(policies), null, 2)
  const fix = (first.fix ?? '').replace(/```json\n[\s\S]*?\n```/, `\`\`\`json\n${merged}\n\`\`\``)
  const lines = findings.map(
    (f) =>
      `- ${readPermissionsOf(f)
        .map((p) => `\`${p}\``)
        .join(', ')}: ${f.title} (\`${f.checkId}\`${f.subject ? `, ${f.subject}` : ''})`
  )
  return {
    key,
    status: first.status,
    checkId: checks.join(', '),
    catalogId: READ_DENIED,
    title: `The preflight may not make ${permissions.length} of its read-only calls, so ${findings.length} findings could not be verified`,
    cause: `The identity running the preflight may not call ${named}, so these parts could not be verified (they are not known to be broken).`,
    fix: fix.replace(
      LEAD,
      'Add this policy to the identity that runs the preflight: one addition for every read above, with the other reads of the same checks so the next run is not stopped at the next one (read-only; part of docs/preflight-policy.json):'
    ),
    details: [{ title: 'What could not be read', body: [...new Set(lines)].join('\n') }],
    observed: first.observed ?? [],
    ...(first.docUrl ? { docUrl: first.docUrl } : {}),
    subjects: [...new Set(findings.map((f) => f.subject ?? ''))],
    findings,
    fixVaries: false
  }
}

function build(key: string, findings: Finding[], coarse: boolean): Cause {
  const first = findings[0] as Finding
  if (!coarse && findings.length > 1 && isDeniedRead(first)) return buildDeniedReads(key, findings)
  const fixes = [...new Set(findings.map((f) => f.fix ?? ''))]
  const fixVaries = coarse && new Set(fixes.map(withoutPolicies)).size > 1
  const fix =
    first.fix === undefined ? undefined : fixVaries ? first.fix : mergeFencedPolicies(fixes)
  return {
    key,
    status: first.status,
    checkId: first.checkId,
    ...(first.messageId ? { messageId: first.messageId } : {}),
    ...(first.catalogId ? { catalogId: first.catalogId } : {}),
    title: first.title,
    ...(first.cause ? { cause: first.cause } : {}),
    ...(fix !== undefined ? { fix } : {}),
    details: mergeDetails(findings, fix),
    observed: first.observed ?? [],
    ...(first.docUrl ? { docUrl: first.docUrl } : {}),
    ...(first.location ? { location: first.location } : {}),
    subjects: [...new Set(findings.map((f) => f.subject ?? ''))],
    findings,
    fixVaries
  }
}

/**
 * The causes of the findings that need action, worst first, then in report order. `coarse`
 * groups by check and state only (for a view with room for a few lines, like annotations): the
 * fix may then differ between subjects, which `fixVaries` says.
 */
export function groupCauses(findings: readonly Finding[], coarse = false): Cause[] {
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    if (!needsAction(f)) continue
    const key = keyOf(f, coarse)
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  return [...groups.entries()]
    .map(([key, list]) => build(key, list, coarse))
    .sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status])
}

/**
 * The subjects in few words: a full region × model matrix as `a, b × x, y`, otherwise a list of
 * up to `max`, then "and N more".
 */
export function subjectList(subjects: readonly string[], max = 6): string {
  const pairs = subjects.map((s) => s.split(' · '))
  if (subjects.length > 1 && pairs.every((p) => p.length === 2)) {
    const regions = [...new Set(pairs.map((p) => p[0] as string))]
    const models = [...new Set(pairs.map((p) => p[1] as string))]
    if (regions.length * models.length === subjects.length) {
      const few = (list: string[]) =>
        list.length <= max
          ? list.join(', ')
          : `${list.slice(0, max).join(', ')} and ${list.length - max} more`
      return `${few(regions)} × ${few(models)}`
    }
  }
  const named = subjects.map((s) => s || 'this run')
  if (named.length <= max) return named.join(', ')
  return `${named.slice(0, max).join(', ')} and ${named.length - max} more`
}

/** "9 region × model pairs", "2 roles", "the run". */
export function subjectCount(subjects: readonly string[]): string {
  if (subjects.length === 1) return subjects[0] || 'the run'
  const pairs = subjects.every((s) => s.includes(' · '))
  const roles = subjects.every((s) => s.startsWith('arn:'))
  const noun = pairs ? 'region × model pairs' : roles ? 'roles' : 'subjects'
  return `${subjects.length} ${noun}`
}
