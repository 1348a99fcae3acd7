/**
 * One IAM policy from the per-finding policies of one cause: statements with the same effect,
 * actions, principal and condition keys become one, listing each resource (and each condition
 * value) once. The per-finding policies come from src/policy/bedrock-invoke-policy.ts.
 *
 * Merging condition values widens a statement to every resource × every value. For the invoke
 * policies that is exactly the union: `bedrock:InferenceProfileArn` names a profile, and a
 * profile routes only to its own model, so "model A through profile B" is a call AWS never makes.
 */

type Values = string[]
type Conditions = Record<string, Record<string, Values>>

interface Statement {
  Sid?: string
  Effect: string
  Action?: string | string[]
  NotAction?: string | string[]
  Resource?: string | string[]
  Principal?: unknown
  Condition?: Record<string, Record<string, string | string[]>>
}

export interface MergeablePolicy {
  Version?: string
  Statement: Statement[]
}

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v]

const one = (v: string[]): string | string[] => (v.length === 1 ? (v[0] as string) : v)

/** A policy document (`{ Statement: [...] }`) or undefined, from any parsed JSON. */
export function asPolicy(value: unknown): MergeablePolicy | undefined {
  if (!value || typeof value !== 'object') return undefined
  const statements = (value as { Statement?: unknown }).Statement
  if (!Array.isArray(statements) || statements.length === 0) return undefined
  const ok = statements.every(
    (s) => s && typeof s === 'object' && typeof (s as Statement).Effect === 'string'
  )
  return ok ? (value as MergeablePolicy) : undefined
}

function normalConditions(c: Statement['Condition']): Conditions {
  const out: Conditions = {}
  for (const [op, keys] of Object.entries(c ?? {})) {
    out[op] = {}
    for (const [key, v] of Object.entries(keys)) out[op][key] = list(v)
  }
  return out
}

/** What must be equal for two statements to become one (resources and condition values may differ). */
function shapeOf(s: Statement): string {
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
export function mergePolicies(policies: readonly MergeablePolicy[]): MergeablePolicy {
  const merged = new Map<
    string,
    { first: Statement; resources: Set<string>; conditions: Conditions }
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
    const out: Statement = {} as Statement
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

const FENCE = /```json\n([\s\S]*?)\n```/g

/** The JSON policies fenced in a Markdown text, in order (blocks that are not policies are left out). */
export function fencedPolicies(markdown: string): MergeablePolicy[] {
  const out: MergeablePolicy[] = []
  for (const m of markdown.matchAll(FENCE)) {
    try {
      const p = asPolicy(JSON.parse(m[1] ?? ''))
      if (p) out.push(p)
    } catch {
      // Not JSON: an example, not a policy.
    }
  }
  return out
}

/** The text with its fenced policy blocks taken out: what must be equal for two fixes to be one. */
export function withoutPolicies(markdown: string): string {
  return markdown.replace(FENCE, (block, body: string) => {
    try {
      return asPolicy(JSON.parse(body)) ? '```json\n(policy)\n```' : block
    } catch {
      return block
    }
  })
}

/**
 * The first text, with each of its fenced policies replaced by the merge of the policies at the
 * same position in every text (texts that differ only in their policies, see withoutPolicies).
 */
export function mergeFencedPolicies(texts: readonly string[]): string {
  const [first] = texts
  if (first === undefined) return ''
  if (texts.length === 1) return first
  const all = texts.map(fencedPolicies)
  let index = 0
  return first.replace(FENCE, (block, body: string) => {
    try {
      if (!asPolicy(JSON.parse(body))) return block
    } catch {
      return block
    }
    const i = index++
    const same = all.map((p) => p[i]).filter((p): p is MergeablePolicy => p !== undefined)
    return `\`\`\`json\n${JSON.stringify(mergePolicies(same), null, 2)}\n\`\`\``
  })
}

/**
 * One policy granting every action of these: statements with the same Sid and effect become one,
 * listing each action once, sorted, on every resource any of them named. For the preflight's
 * read statements, whose resources depend only on the statement and the subjects asked about.
 */
export function unionOfActions(policies: readonly MergeablePolicy[]): MergeablePolicy {
  // One statement per Sid (IAM refuses a policy with two statements of one Sid): the same
  // statement of the preflight's policy, asked by several subjects, gets their actions and
  // resources together. All are the preflight's own reads, so the union grants nothing else.
  const merged = new Map<
    string,
    { first: Statement; actions: Set<string>; resources: Set<string> }
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
