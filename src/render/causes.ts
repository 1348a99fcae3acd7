/**
 * Findings grouped by cause across regions, models and roles: one missing permission seen in
 * twelve region × model pairs is one thing to fix, with one merged policy, not twelve.
 *
 * A cause is the check, its state (messageId), the catalogued AWS error, the place in a file and
 * the fix, compared without its policies (those are merged, see src/policy/merge.ts). Fixes that
 * name a region or a model stay separate causes: each one's fix must work when pasted.
 */
import { READ_DENIED } from '../catalog/read-denied.js'
import {
  SEVERITY,
  type CheckStatus,
  type Finding,
  type FindingDetail,
  type FindingScope,
  type SourceLocation
} from '../engine/types.js'
import {
  detailOf,
  isPolicyPart,
  listDetail,
  markdownOf,
  policiesOf,
  shapeOf,
  type FixPart
} from '../policy/fix-parts.js'
import { mergeParts, unionOfActions } from '../policy/merge.js'

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

/** A fix as data: its parts, or its words when it has no policy. */
const partsOf = (f: { fix?: string; fixParts?: FixPart[] }): FixPart[] =>
  f.fixParts ?? (f.fix === undefined ? [] : [{ text: f.fix }])

/**
 * A read the preflight was refused, with its statement in the fix: one cause for all of them
 * (whichever check made the read), so the summary prints one statement listing every missing
 * read action instead of "allow X" once per read.
 */
const isDeniedRead = (f: Finding): boolean =>
  f.catalogId === READ_DENIED.catalogId &&
  f.permission !== undefined &&
  policiesOf(partsOf(f)).length > 0

/** The read permission a denied-read finding was refused. */
export function readPermissionsOf(f: Finding): string[] {
  return f.catalogId === READ_DENIED.catalogId && f.permission ? [f.permission] : []
}

/** The fixes of these findings, each once (by what it prints). */
function distinctFixes(findings: readonly Finding[]): FixPart[][] {
  const byText = new Map<string, FixPart[]>()
  for (const f of findings) byText.set(f.fix ?? '', partsOf(f))
  return [...byText.values()]
}

function keyOf(f: Finding, coarse: boolean): string {
  if (!coarse && isDeniedRead(f)) {
    // Its words after the lead that names the permission: those of the face it ran on.
    return [f.status, READ_DENIED.catalogId, shapeOf(partsOf(f).slice(1))].join('\u0000')
  }
  return [
    f.status,
    f.checkId,
    f.messageId ?? '',
    f.catalogId ?? '',
    where(f.location),
    coarse ? '' : shapeOf(partsOf(f))
  ].join('\u0000')
}

/** A detail as data: its parts, or its words. */
const detailParts = (d: FindingDetail): FixPart[] => d.parts ?? [{ text: d.body }]

/** Whether a detail is only policies that the fix already prints. */
function shownInFix(detail: FixPart[], fix: readonly FixPart[]): boolean {
  const printed = new Set(policiesOf(fix).map((p) => JSON.stringify(p)))
  return (
    detail.length > 0 &&
    detail.every((p) => isPolicyPart(p) && printed.has(JSON.stringify(p.policy)))
  )
}

/** One detail per title: lists united, policies merged, otherwise the first body. */
function mergeDetails(findings: Finding[], fix: readonly FixPart[] | undefined): FindingDetail[] {
  const byTitle = new Map<string, Map<string, FindingDetail>>()
  for (const f of findings) {
    for (const d of f.details ?? []) {
      const same = byTitle.get(d.title) ?? new Map<string, FindingDetail>()
      if (!same.has(d.body)) same.set(d.body, d)
      byTitle.set(d.title, same)
    }
  }
  const out: FindingDetail[] = []
  for (const [title, distinct] of byTitle) {
    const unique = [...distinct.values()]
    const bodies = unique.map((d) => d.body)
    let detail: FindingDetail
    if (unique.length === 1) detail = unique[0] as FindingDetail
    else if (unique.every((d) => d.items !== undefined)) {
      detail = listDetail(title, [...new Set(unique.flatMap((d) => d.items ?? []))])
    } else if (new Set(unique.map((d) => shapeOf(detailParts(d)))).size === 1) {
      detail = detailOf(title, mergeParts(unique.map(detailParts)))
    } else
      detail = {
        title,
        body: `${bodies[0] as string}\n\n(One of ${unique.length} variants: the JSON report has each.)`
      }
    // The merged fix already shows this merged policy: do not print it twice.
    if (findings.length > 1 && fix && shownInFix(detailParts(detail), fix)) continue
    out.push({ title, body: detail.body })
  }
  return out
}

/** The cause of several denied reads: what could not be read, and one statement for all of it. */
function buildDeniedReads(key: string, findings: Finding[]): Cause {
  const first = findings[0] as Finding
  const permissions = [...new Set(findings.flatMap(readPermissionsOf))]
  const checks = [...new Set(findings.map((f) => f.checkId))]
  const union = unionOfActions(findings.flatMap((f) => policiesOf(partsOf(f)).slice(0, 1)))
  // The first read's fix, its lead naming every read and its statement granting all of them.
  const fix = partsOf(first).map((part, i): FixPart =>
    i === 0 ? { text: READ_DENIED.many.lead } : isPolicyPart(part) ? { policy: union } : part
  )
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
    catalogId: READ_DENIED.catalogId,
    title: READ_DENIED.many.title(permissions.length, findings.length),
    cause: READ_DENIED.many.cause(permissions),
    fix: markdownOf(fix),
    details: [{ title: READ_DENIED.many.detailTitle, body: [...new Set(lines)].join('\n') }],
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
  const fixes = distinctFixes(findings)
  const fixVaries = coarse && new Set(fixes.map(shapeOf)).size > 1
  const merged =
    first.fix === undefined ? undefined : fixVaries ? partsOf(first) : mergeParts(fixes)
  return {
    key,
    status: first.status,
    checkId: first.checkId,
    ...(first.messageId ? { messageId: first.messageId } : {}),
    ...(first.catalogId ? { catalogId: first.catalogId } : {}),
    title: first.title,
    ...(first.cause ? { cause: first.cause } : {}),
    ...(merged !== undefined ? { fix: markdownOf(merged) } : {}),
    details: mergeDetails(findings, merged),
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

/** Each subject once, as data, in report order. */
function scopesOf(findings: readonly Finding[]): { label: string; scope: FindingScope }[] {
  const seen = new Map<string, FindingScope>()
  for (const f of findings) {
    const label = f.subject ?? ''
    if (!seen.has(label)) seen.set(label, f.scope ?? {})
  }
  return [...seen].map(([label, scope]) => ({ label, scope }))
}

/** "a, b and 3 more": a list that stops at `max`. */
export const few = (list: readonly string[], max: number): string =>
  list.length <= max
    ? list.join(', ')
    : `${list.slice(0, max).join(', ')} and ${list.length - max} more`

/**
 * The subjects of these findings in few words: a full region × model matrix as `a, b × x, y`,
 * otherwise a list of up to `max`, then "and N more".
 */
export function subjectList(findings: readonly Finding[], max = 6): string {
  const subjects = scopesOf(findings)
  if (
    subjects.length > 1 &&
    subjects.every((s) => s.scope.region && s.scope.model && !s.scope.role)
  ) {
    const regions = [...new Set(subjects.map((s) => s.scope.region as string))]
    const models = [...new Set(subjects.map((s) => s.scope.model as string))]
    if (regions.length * models.length === subjects.length) {
      return `${few(regions, max)} × ${few(models, max)}`
    }
  }
  return few(
    subjects.map((s) => s.label || 'this run'),
    max
  )
}

/** "9 region × model pairs", "2 roles", "the run". */
export function subjectCount(findings: readonly Finding[]): string {
  const subjects = scopesOf(findings)
  if (subjects.length === 1) return subjects[0]?.label || 'the run'
  const is = (test: (s: FindingScope) => boolean) => subjects.every((s) => test(s.scope))
  const noun = is((s) => !!s.region && !!s.model && !s.role)
    ? 'region × model pairs'
    : is((s) => !!s.role)
      ? 'roles'
      : is((s) => !!s.region && !s.model && !s.role)
        ? 'regions'
        : is((s) => !!s.model && !s.region && !s.role)
          ? 'models'
          : 'subjects'
  return `${subjects.length} ${noun}`
}
