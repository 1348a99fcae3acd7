/**
 * What each subject of a run comes to: a region × model pair (or a region, a model, a role, or
 * the run itself) is passed only when every finding that concerns it passed (its own, those of
 * its region and its model, and the run-level ones); skipped is never passed. The grid of the
 * summary and the terminal, the "every check passed for …" line and the headline's count of
 * subjects all read this one layout, built from each finding's `scope` (never from its label).
 */
import type { CheckStatus, Finding, FindingScope } from '../engine/types.js'
import type { Cause } from './causes.js'

export type LeafKind = 'pair' | 'region' | 'model' | 'role' | 'run'

/** A subject a reader asks "does it work?" about. */
export interface Leaf {
  kind: LeafKind
  scope: FindingScope
  /** As findings label it: `us-east-1 · us.anthropic.…`, a role ARN, `''` for the run. */
  label: string
}

export interface LeafState {
  leaf: Leaf
  status: CheckStatus
  /** The numbers (1-based, summary order) of the causes that keep it from passing. */
  causes: number[]
}

const KEYS: (keyof FindingScope)[] = ['region', 'model', 'role']

export const scopeLabel = (s: FindingScope | undefined): string =>
  s ? KEYS.flatMap((k) => (s[k] ? [s[k]] : [])).join(' · ') : ''

/** The subjects of a run, in report order: pairs when there are any, then roles. */
export function leavesOf(findings: readonly Finding[]): Leaf[] {
  const pairs = new Map<string, Leaf>()
  const regions = new Map<string, Leaf>()
  const models = new Map<string, Leaf>()
  const roles = new Map<string, Leaf>()
  for (const f of findings) {
    const s = f.scope
    if (!s) continue
    if (s.role) roles.set(s.role, { kind: 'role', scope: { role: s.role }, label: s.role })
    else if (s.region && s.model) {
      const scope = { region: s.region, model: s.model }
      pairs.set(scopeLabel(scope), { kind: 'pair', scope, label: scopeLabel(scope) })
    } else if (s.region) {
      regions.set(s.region, { kind: 'region', scope: { region: s.region }, label: s.region })
    } else if (s.model) {
      models.set(s.model, { kind: 'model', scope: { model: s.model }, label: s.model })
    }
  }
  const paired = [...pairs.values()]
  // A region or model with no pair of its own (a model that goes elsewhere) is a subject itself.
  const alone = [
    ...[...regions.values()].filter((r) => !paired.some((p) => p.scope.region === r.scope.region)),
    ...[...models.values()].filter((m) => !paired.some((p) => p.scope.model === m.scope.model))
  ]
  const leaves = [...paired, ...alone, ...roles.values()]
  return leaves.length ? leaves : [{ kind: 'run', scope: {}, label: '' }]
}

/**
 * Whether a finding bears on a subject: a run-level finding on all of them (but a run-level
 * skip, which is told once and decides nothing: its cause, if any, is a finding of its own);
 * otherwise when each part of its scope is the subject's.
 */
export function concerns(f: Finding, leaf: Leaf): boolean {
  const s = f.scope
  if (!s || !KEYS.some((k) => s[k])) return f.status !== 'skipped'
  return KEYS.every((k) => !s[k] || leaf.scope[k] === s[k])
}

/** Worst first, as a cell shows it: a skipped check was not verified, so it outranks a warning. */
const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, skipped: 2, unverified: 3, fail: 4 }

/** Whether a skipped finding is explained by this finding (`explainedBy`). */
export const explains = (cause: Finding, skipped: Finding): boolean =>
  skipped.explainedBy !== undefined &&
  skipped.explainedBy.checkId === cause.checkId &&
  (skipped.explainedBy.subject ?? '') === (cause.subject ?? '')

/** The cause (1-based) each finding belongs to or, skipped, is explained by. */
export function causeNumbers(
  findings: readonly Finding[],
  causes: readonly Cause[]
): Map<Finding, number> {
  const numbers = new Map<Finding, number>()
  causes.forEach((c, i) => c.findings.forEach((f) => numbers.set(f, i + 1)))
  for (const f of findings) {
    if (f.status !== 'skipped' || !f.explainedBy) continue
    const n = causes.findIndex((c) => c.findings.some((cf) => explains(cf, f)))
    if (n >= 0) numbers.set(f, n + 1)
  }
  return numbers
}

/** Each subject's status and the causes behind it. */
export function leafStates(findings: readonly Finding[], causes: readonly Cause[]): LeafState[] {
  const numbers = causeNumbers(findings, causes)
  return leavesOf(findings).map((leaf) => {
    const mine = findings.filter((f) => concerns(f, leaf))
    const status = mine.reduce<CheckStatus>(
      (worst, f) => (RANK[f.status] > RANK[worst] ? f.status : worst),
      mine.length ? 'pass' : 'skipped'
    )
    const causesOf = [...new Set(mine.flatMap((f) => numbers.get(f) ?? []))].sort((a, b) => a - b)
    return { leaf, status, causes: causesOf }
  })
}

const NOUN: Record<LeafKind, [string, string]> = {
  pair: ['region × model pair', 'region × model pairs'],
  region: ['region', 'regions'],
  model: ['model', 'models'],
  role: ['role', 'roles'],
  run: ['run', 'runs']
}

export const countOf = (n: number, kind: LeafKind): string => `${n} ${NOUN[kind][n === 1 ? 0 : 1]}`

/**
 * "12 region × model pairs", "4 of 12 region × model pairs and 1 role": the subjects some cause
 * keeps from passing, by kind; empty when the run has one subject (the headline then says no more).
 */
export function coverage(states: readonly LeafState[]): string {
  if (states.length < 2) return ''
  const kinds = [...new Set(states.map((s) => s.leaf.kind))]
  return kinds
    .map((kind) => {
      const all = states.filter((s) => s.leaf.kind === kind)
      const hit = all.filter((s) => s.causes.length > 0).length
      if (hit === 0) return ''
      return hit === all.length ? countOf(hit, kind) : `${hit} of ${countOf(all.length, kind)}`
    })
    .filter(Boolean)
    .join(' and ')
}

/** One table of subjects: rows × columns (a region × model matrix) or rows with one status each. */
export interface Grid {
  /** What the rows are ("Region", "Role", …). */
  rowTitle: string
  rows: string[]
  /** Full column names (model IDs); one `''` column when each row is a subject of its own. */
  columns: string[]
  cell: (row: string, column: string) => LeafState | undefined
}

const TITLES: Record<LeafKind, string> = {
  pair: 'Region',
  region: 'Region',
  model: 'Model',
  role: 'Role',
  run: 'Run'
}

/** The grids a run's subjects form: the region × model matrix, then the subjects on their own. */
export function gridsOf(states: readonly LeafState[]): Grid[] {
  const grids: Grid[] = []
  const pairs = states.filter((s) => s.leaf.kind === 'pair')
  if (pairs.length) {
    const rows = [...new Set(pairs.map((s) => s.leaf.scope.region as string))]
    const columns = [...new Set(pairs.map((s) => s.leaf.scope.model as string))]
    grids.push({
      rowTitle: 'Region',
      rows,
      columns,
      cell: (r, c) => pairs.find((s) => s.leaf.scope.region === r && s.leaf.scope.model === c)
    })
  }
  for (const kind of ['region', 'model', 'role'] as const) {
    const list = states.filter((s) => s.leaf.kind === kind)
    if (!list.length) continue
    grids.push({
      rowTitle: TITLES[kind],
      rows: list.map((s) => s.leaf.label),
      columns: [''],
      cell: (r) => list.find((s) => s.leaf.label === r)
    })
  }
  return grids
}

/**
 * Short column names for model IDs: without `anthropic.claude-` and the date and version
 * (`us.sonnet-4-5`), or the last part of an ARN, as long as they stay distinct; the full ID is
 * then given in a legend.
 */
export function shortModelNames(models: readonly string[]): Map<string, string> {
  const short = (id: string): string => {
    const tail = id.startsWith('arn:') ? (id.split('/').pop() ?? id) : id
    return tail.replace('anthropic.claude-', '').replace(/-\d{8}-v\d+(:\d+)?$/, '')
  }
  const names = models.map(short)
  const distinct = new Set(names).size === names.length && names.every((n) => n.length > 0)
  return new Map(models.map((m, i) => [m, distinct ? (names[i] as string) : m]))
}

/** The skipped findings a cause explains (`explainedBy`), to list under it. */
export function explainedFindings(c: Cause, findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.status === 'skipped' && c.findings.some((cause) => explains(cause, f))
  )
}

/** Skipped findings no cause explains: told as "not checked", never as passed or failed. */
export function unexplainedSkips(
  findings: readonly Finding[],
  causes: readonly Cause[]
): Finding[] {
  const numbers = causeNumbers(findings, causes)
  return findings.filter((f) => f.status === 'skipped' && !numbers.has(f))
}

/** Checks that passed for every subject they ran for (none of their findings did otherwise). */
export function checksPassedEverywhere(findings: readonly Finding[]): string[] {
  const ids = [...new Set(findings.map((f) => f.checkId))]
  return ids.filter((id) => findings.every((f) => f.checkId !== id || f.status === 'pass'))
}

/** Findings of one check and one title together (for "not checked" and "also skipped" lists). */
export function byCheckAndTitle(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = `${f.checkId}\u0000${f.title}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  return [...groups.values()]
}

/** Findings of one check together, in report order. */
export function byCheck(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>()
  for (const f of findings) groups.set(f.checkId, [...(groups.get(f.checkId) ?? []), f])
  return [...groups.values()]
}

/** A grid cell: the status symbol and the numbers of the causes behind it; `·` where none ran. */
export const cellText = (s: LeafState | undefined, symbol: Record<CheckStatus, string>): string =>
  s ? `${symbol[s.status]}${s.causes.length ? ` ${s.causes.join(', ')}` : ''}` : '·'
