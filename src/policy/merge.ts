/**
 * One IAM policy from the per-finding policies of one cause: statements with the same effect,
 * actions, principal and condition keys become one, listing each resource (and each condition
 * value) once. The per-finding policies come from src/policy/bedrock-invoke-policy.ts and the
 * other checks that grant (as data, src/policy/fix-parts.ts).
 *
 * Merging condition values widens a statement to every resource × every value. For the invoke
 * policies that is exactly the union: `bedrock:InferenceProfileArn` names a profile, and a
 * profile routes only to its own model, so "model A through profile B" is a call AWS never makes.
 */
import type { IamPolicy, IamStatement } from './document.js'
import { isPolicyPart, type FixPart } from './fix-parts.js'

type Values = string[]
type Conditions = Record<string, Record<string, Values>>

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v]

const one = (v: string[]): string | string[] => (v.length === 1 ? (v[0] as string) : v)

function normalConditions(c: IamStatement['Condition']): Conditions {
  const out: Conditions = {}
  for (const [op, keys] of Object.entries(c ?? {})) {
    out[op] = {}
    for (const [key, v] of Object.entries(keys)) out[op][key] = list(v)
  }
  return out
}

/** What must be equal for two statements to become one (resources and condition values may differ). */
function shapeOf(s: IamStatement): string {
  const cond = normalConditions(s.Condition)
  return JSON.stringify([
    s.Effect,
    [...list(s.Action)].sort(),
    [...list(s.NotAction)].sort(),
    s.Principal ?? null,
    s.Resource === undefined,
    Object.keys(cond)
      .sort()
      .map((op) => [op, Object.keys(cond[op] ?? {}).sort()])
  ])
}

/** The merged policy; statement order follows the first appearance of each shape. */
export function mergePolicies(policies: readonly IamPolicy[]): IamPolicy {
  const merged = new Map<
    string,
    { first: IamStatement; resources: Set<string>; conditions: Conditions }
  >()
  for (const policy of policies) {
    for (const s of policy.Statement) {
      const key = shapeOf(s)
      const entry = merged.get(key) ?? { first: s, resources: new Set(), conditions: {} }
      for (const r of list(s.Resource)) entry.resources.add(r)
      for (const [op, keys] of Object.entries(normalConditions(s.Condition))) {
        const target = (entry.conditions[op] ??= {})
        for (const [k, v] of Object.entries(keys)) {
          target[k] = [...new Set([...(target[k] ?? []), ...v])]
        }
      }
      merged.set(key, entry)
    }
  }
  const sids = new Map<string, number>()
  const statements = [...merged.values()].map(({ first, resources, conditions }) => {
    const out: IamStatement = {} as IamStatement
    if (first.Sid) {
      const seen = sids.get(first.Sid) ?? 0
      sids.set(first.Sid, seen + 1)
      out.Sid = seen ? `${first.Sid}${seen + 1}` : first.Sid
    }
    out.Effect = first.Effect
    if (first.Principal !== undefined) out.Principal = first.Principal
    if (first.Action !== undefined) out.Action = first.Action
    if (first.NotAction !== undefined) out.NotAction = first.NotAction
    if (first.Resource !== undefined) out.Resource = [...resources].sort()
    if (first.Condition) {
      out.Condition = Object.fromEntries(
        Object.entries(conditions).map(([op, keys]) => [
          op,
          Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, one([...v].sort())]))
        ])
      )
    }
    return out
  })
  return {
    ...(policies[0]?.Version ? { Version: policies[0].Version } : {}),
    Statement: statements
  }
}

/**
 * One policy granting every action of these: statements with the same Sid and effect become one,
 * listing each action once, sorted, on every resource any of them named. For the preflight's
 * read statements, whose resources depend only on the statement and the subjects asked about.
 */
export function unionOfActions(policies: readonly IamPolicy[]): IamPolicy {
  // One statement per Sid (IAM refuses a policy with two statements of one Sid): the same
  // statement of the preflight's policy, asked by several subjects, gets their actions and
  // resources together. All are the preflight's own reads, so the union grants nothing else.
  const merged = new Map<
    string,
    { first: IamStatement; actions: Set<string>; resources: Set<string> }
  >()
  for (const policy of policies) {
    for (const s of policy.Statement) {
      const key = JSON.stringify([s.Sid ?? '', s.Effect, s.Condition ?? null])
      const entry = merged.get(key) ?? {
        first: s,
        actions: new Set<string>(),
        resources: new Set<string>()
      }
      for (const a of list(s.Action)) entry.actions.add(a)
      for (const r of list(s.Resource)) entry.resources.add(r)
      merged.set(key, entry)
    }
  }
  return {
    Version: policies[0]?.Version ?? '2012-10-17',
    Statement: [...merged.values()].map(({ first, actions, resources }) => ({
      ...first,
      Action: one([...actions].sort()),
      Resource: one([...resources])
    }))
  }
}

/**
 * The parts of the first fix, with each policy replaced by the merge of the policies at the same
 * position in every fix (fixes of one shape, see shapeOf in fix-parts.ts).
 */
export function mergeParts(fixes: readonly (readonly FixPart[])[]): FixPart[] {
  const [first] = fixes
  if (first === undefined) return []
  if (fixes.length === 1) return [...first]
  let index = 0
  return first.map((part) => {
    if (!isPolicyPart(part)) return part
    const i = index++
    const same = fixes
      .map((f) => f.filter(isPolicyPart)[i]?.policy)
      .filter((p): p is IamPolicy => p !== undefined)
    return { policy: mergePolicies(same) }
  })
}
