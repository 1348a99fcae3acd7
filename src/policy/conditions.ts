/**
 * IAM `Condition` blocks, evaluated three-valued: a key whose value the preflight cannot know
 * (`aws:PrincipalOrgID`, session tags) makes a condition `unknown`, never a match, so an
 * unreadable fact can never turn into a pass.
 */

/** Yes, no, or "cannot be known from here". */
export type Tri = 'yes' | 'no' | 'unknown'

/** A context value: present values, known to be absent (`null`), or not knowable. */
export type ContextValue = string[] | null | 'unknown'

export interface RequestContext {
  /** Keys in lower case (IAM condition keys are case-insensitive). */
  values: Record<string, ContextValue>
  /** What a key not in `values` is: absent from the request, or not knowable by the preflight. */
  otherKeys: 'absent' | 'unknown'
}

export interface ConditionResult {
  operator: string
  key: string
  expected: string[]
  actual: ContextValue
  result: Tri
  /** Why this is `unknown`, when it is. */
  note?: string
}

export function lookup(context: RequestContext, key: string): ContextValue {
  const value = context.values[key.toLowerCase()]
  if (value !== undefined) return value
  return context.otherKeys === 'absent' ? null : 'unknown'
}

/** IAM wildcards: `*` any run of characters, `?` one character. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value)
}

type Matcher = (actual: string, expected: string) => boolean

/** Positive base operators; each has a `Not` form that negates it. */
const POSITIVE: Record<string, Matcher> = {
  stringequals: (a, e) => a === e,
  stringequalsignorecase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  stringlike: (a, e) => globMatch(e, a),
  arnequals: (a, e) => globMatch(e, a),
  arnlike: (a, e) => globMatch(e, a),
  bool: (a, e) => a.toLowerCase() === e.toLowerCase()
}

const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike'
}

interface ParsedOperator {
  set?: 'any' | 'all'
  base: string
  ifExists: boolean
}

function parseOperator(operator: string): ParsedOperator {
  let rest = operator
  let set: ParsedOperator['set']
  const prefix = /^(ForAnyValue|ForAllValues):/i.exec(rest)
  if (prefix) {
    set = prefix[1]?.toLowerCase() === 'foranyvalue' ? 'any' : 'all'
    rest = rest.slice(prefix[0].length)
  }
  const ifExists = /IfExists$/i.test(rest)
  if (ifExists) rest = rest.slice(0, -'IfExists'.length)
  return { ...(set ? { set } : {}), base: rest.toLowerCase(), ifExists }
}

/** Whether the preflight knows how to evaluate an operator. */
export function isSupportedOperator(operator: string): boolean {
  const { base } = parseOperator(operator)
  return base in POSITIVE || base in NEGATED || base === 'null'
}

function evaluateOne(
  operator: string,
  key: string,
  expected: string[],
  actual: ContextValue
): ConditionResult {
  const out = (result: Tri, note?: string): ConditionResult => ({
    operator,
    key,
    expected,
    actual,
    result,
    ...(note ? { note } : {})
  })
  const op = parseOperator(operator)
  if (!isSupportedOperator(operator)) {
    return out('unknown', `the preflight does not evaluate the ${operator} operator`)
  }
  if (actual === 'unknown') return out('unknown', `the preflight cannot know ${key}`)
  if (op.base === 'null') {
    // `"Null": {"k": "true"}` means "k is absent".
    const wantsAbsent = expected.some((e) => e.toLowerCase() === 'true')
    return out((actual === null || actual.length === 0) === wantsAbsent ? 'yes' : 'no')
  }
  const negatedOf = NEGATED[op.base]
  const matcher = POSITIVE[negatedOf ?? op.base] as Matcher
  if (actual === null || actual.length === 0) {
    // AWS: a missing key satisfies IfExists, the negated operators and ForAllValues; nothing else.
    if (op.ifExists || negatedOf || op.set === 'all') return out('yes')
    return out('no')
  }
  const hits = (a: string) => expected.some((e) => matcher(a, e))
  const satisfied = (a: string) => (negatedOf ? !hits(a) : hits(a))
  if (op.set === 'all') return out(actual.every(satisfied) ? 'yes' : 'no')
  if (op.set === 'any') return out(actual.some(satisfied) ? 'yes' : 'no')
  // A single-valued key: positive operators need one match, negated ones need none.
  return out(negatedOf ? (actual.some(hits) ? 'no' : 'yes') : actual.some(hits) ? 'yes' : 'no')
}

/** `Condition` values are strings, booleans or numbers, or arrays of them. */
export function conditionValues(raw: unknown): string[] | undefined {
  const list = Array.isArray(raw) ? raw : [raw]
  if (list.length === 0) return undefined
  const out: string[] = []
  for (const v of list) {
    if (typeof v === 'string') out.push(v)
    else if (typeof v === 'boolean' || typeof v === 'number') out.push(String(v))
    else return undefined
  }
  return out
}

/** Every (operator, key) pair of a condition block, each evaluated; the block holds when all do. */
export function evaluateCondition(
  condition: Record<string, Record<string, unknown>>,
  context: RequestContext
): { result: Tri; parts: ConditionResult[] } {
  const parts: ConditionResult[] = []
  for (const [operator, keys] of Object.entries(condition)) {
    for (const [key, raw] of Object.entries(keys)) {
      const expected = conditionValues(raw) ?? []
      parts.push(evaluateOne(operator, key, expected, lookup(context, key)))
    }
  }
  const result: Tri = parts.some((p) => p.result === 'no')
    ? 'no'
    : parts.some((p) => p.result === 'unknown')
      ? 'unknown'
      : 'yes'
  return { result, parts }
}

/** One line for a person: `StringLike token.actions.githubusercontent.com:sub: presented "…", needs "…"`. */
export function describeCondition(part: ConditionResult): string {
  const actual =
    part.actual === 'unknown'
      ? 'not knowable by the preflight'
      : part.actual === null || part.actual.length === 0
        ? 'absent'
        : part.actual.map((a) => `"${a}"`).join(', ')
  const expected = part.expected.map((e) => `"${e}"`).join(' or ')
  const verdict =
    part.result === 'yes' ? 'matches' : part.result === 'no' ? 'does not match' : 'unknown'
  return `${part.operator} ${part.key} ${expected}: the request has ${actual} → ${verdict}${part.note ? ` (${part.note})` : ''}`
}
