/**
 * IAM `Condition` blocks, evaluated three-valued: a key whose value the preflight cannot know
 * (`aws:PrincipalOrgID`, session tags) makes a condition `unknown`, never a match, so an
 * unreadable fact can never turn into a pass. Where AWS's documentation does not say what a
 * construct does, the answer is `unknown` too, so it can never turn into a blame either.
 *
 * The rules, and the pages that define them (docs/trust.md has the table):
 * - Operators, missing keys, `…IfExists`, `Null`, per-component ARN matching: "IAM JSON policy
 *   elements: Condition operators",
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * - `ForAnyValue:` / `ForAllValues:`, multivalued keys: "Single-valued vs. multivalued context
 *   keys",
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * - `${…}` variables, defaults, `${*}` `${?}` `${$}`: "IAM policy elements: Variables and tags",
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
import { expandValue, type ContextValue, type Pattern } from './policy-variables.js'

export type { ContextValue }

/** Yes, no, or "cannot be known from here". */
export type Tri = 'yes' | 'no' | 'unknown'

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

/**
 * Keys that can hold several values in one request ("Multivalued" in AWS's global condition
 * keys reference, `ArrayOf…` in the Service Authorization Reference). A plain operator on one of
 * them is not defined by AWS's documentation ("Multivalued context keys require a condition set
 * operator"), so it is `unknown`.
 */
const MULTIVALUED_KEYS = new Set([
  'aws:tagkeys',
  'sts:transitivetagkeys',
  'aws:calledvia',
  'aws:principalorgpaths',
  'aws:principalservicenameslist',
  'cognito-identity.amazonaws.com:amr'
])

export function isMultivaluedKey(key: string): boolean {
  return MULTIVALUED_KEYS.has(key.toLowerCase())
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** IAM wildcards: `*` any run of characters, `?` one character. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegex(c)))
    .join('')
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value)
}

/** A pattern's tokens as a regular expression (literal text stays literal, `${*}` included). */
function patternMatch(pattern: Pattern, value: string, ignoreCase = false): boolean {
  const source = pattern
    .map((t) => (t.kind === 'star' ? '.*' : t.kind === 'one' ? '.' : escapeRegex(t.text)))
    .join('')
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value)
}

/**
 * Splits a pattern into the six colon-separated ARN components (`arn`, partition, service,
 * region, account, resource; the resource keeps any further colons).
 */
function splitPattern(pattern: Pattern): Pattern[] {
  const parts: Pattern[] = [[]]
  for (const token of pattern) {
    if (token.kind !== 'text') {
      ;(parts[parts.length - 1] as Pattern).push(token)
      continue
    }
    let rest = token.text
    while (parts.length < 6 && rest.includes(':')) {
      const at = rest.indexOf(':')
      if (at > 0)
        (parts[parts.length - 1] as Pattern).push({ kind: 'text', text: rest.slice(0, at) })
      parts.push([])
      rest = rest.slice(at + 1)
    }
    if (rest) (parts[parts.length - 1] as Pattern).push({ kind: 'text', text: rest })
  }
  return parts
}

function splitArn(value: string): string[] {
  const parts = value.split(':')
  return parts.length < 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')]
}

/**
 * `ArnEquals`/`ArnLike`: "Each of the six colon-delimited components of the ARN is checked
 * separately and each can include multi-character match wildcards (*) or single-character match
 * wildcards (?)" (Condition operators page), case-sensitively. A pattern of fewer than six
 * components has none to check some of the request's against, so it never matches: neither
 * `arn:*:role/ci` nor `arn:aws:iam::*` matches `arn:aws:iam::111122223333:role/ci`.
 */
function arnMatch(pattern: Pattern, value: string): Tri {
  const want = splitPattern(pattern)
  if (want.length !== 6) return 'no'
  return componentsMatch(want, value)
}

/**
 * The negated ARN operators on a pattern of fewer than six components: AWS documents no answer
 * (evaluators differ: one finds such a pattern failing both `ArnLike` and `ArnNotLike`), so
 * `unknown`, never "the negation holds".
 */
function arnMatchForNegation(pattern: Pattern, value: string): Tri {
  const want = splitPattern(pattern)
  return want.length !== 6 ? 'unknown' : componentsMatch(want, value)
}

function componentsMatch(want: Pattern[], value: string): Tri {
  const have = splitArn(value)
  if (have.length !== 6) return 'no'
  return want.every((p, i) => patternMatch(p, have[i] as string)) ? 'yes' : 'no'
}

type Family = 'string' | 'arn' | 'bool'

interface BaseOperator {
  family: Family
  negated: boolean
  /** Matches one request value against one policy value (already expanded). */
  match: (pattern: Pattern, actual: string) => Tri
  /** Whether `*` and `?` are wildcards in the policy value. */
  wildcards: boolean
}

const literalText = (p: Pattern) => p.map((t) => (t.kind === 'text' ? t.text : '')).join('')

const exact = (p: Pattern, a: string): Tri => (literalText(p) === a ? 'yes' : 'no')
const ignoringCase = (p: Pattern, a: string): Tri =>
  literalText(p).toLowerCase() === a.toLowerCase() ? 'yes' : 'no'
const like = (p: Pattern, a: string): Tri => (patternMatch(p, a) ? 'yes' : 'no')
const bool = (p: Pattern, a: string): Tri =>
  literalText(p).toLowerCase() === a.toLowerCase() ? 'yes' : 'no'

const OPERATORS: Record<string, BaseOperator> = {
  stringequals: { family: 'string', negated: false, match: exact, wildcards: false },
  stringnotequals: { family: 'string', negated: true, match: exact, wildcards: false },
  stringequalsignorecase: {
    family: 'string',
    negated: false,
    match: ignoringCase,
    wildcards: false
  },
  stringnotequalsignorecase: {
    family: 'string',
    negated: true,
    match: ignoringCase,
    wildcards: false
  },
  stringlike: { family: 'string', negated: false, match: like, wildcards: true },
  stringnotlike: { family: 'string', negated: true, match: like, wildcards: true },
  arnequals: { family: 'arn', negated: false, match: arnMatch, wildcards: true },
  arnlike: { family: 'arn', negated: false, match: arnMatch, wildcards: true },
  arnnotequals: { family: 'arn', negated: true, match: arnMatchForNegation, wildcards: true },
  arnnotlike: { family: 'arn', negated: true, match: arnMatchForNegation, wildcards: true },
  bool: { family: 'bool', negated: false, match: bool, wildcards: false }
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
  const { base, set, ifExists } = parseOperator(operator)
  if (base === 'null') return !set && !ifExists
  return base in OPERATORS
}

function or(values: Tri[]): Tri {
  if (values.includes('yes')) return 'yes'
  return values.includes('unknown') ? 'unknown' : 'no'
}

function and(values: Tri[]): Tri {
  if (values.includes('no')) return 'no'
  return values.includes('unknown') ? 'unknown' : 'yes'
}

function not(value: Tri): Tri {
  return value === 'yes' ? 'no' : value === 'no' ? 'yes' : 'unknown'
}

/**
 * `Null`: `true` means "the key is absent", `false` "the key is present"; several values are
 * ORed like any other condition values. A value that is neither is not defined: `unknown`.
 */
function evaluateNull(expected: string[], actual: string[] | null): Tri {
  const absent = actual === null || actual.length === 0
  return or(
    expected.map((e) => {
      const v = e.toLowerCase()
      if (v === 'true') return absent ? 'yes' : 'no'
      if (v === 'false') return absent ? 'no' : 'yes'
      return 'unknown'
    })
  )
}

function evaluateOne(
  operator: string,
  key: string,
  expected: string[],
  actual: ContextValue,
  context: RequestContext
): ConditionResult {
  const out = (result: Tri, note?: string): ConditionResult => ({
    operator,
    key,
    expected,
    actual,
    result,
    ...(note ? { note } : {})
  })
  if (!isSupportedOperator(operator)) {
    return out('unknown', `the preflight does not evaluate the ${operator} operator`)
  }
  const op = parseOperator(operator)
  if (actual === 'unknown') return out('unknown', `the preflight cannot know ${key}`)
  if (op.base === 'null') return out(evaluateNull(expected, actual))
  const base = OPERATORS[op.base] as BaseOperator
  if (actual === null || actual.length === 0) {
    // A missing key: `…IfExists` holds; `ForAnyValue` is false and `ForAllValues` true whatever
    // the operator (set operators page); otherwise the negated operators hold and the others do
    // not (Condition operators page: "If the policy condition requires that the key is not
    // matched, such as StringNotLike or ArnNotLike, and the right key is not present, the
    // condition is true").
    if (op.ifExists) return out('yes')
    if (op.set === 'any') return out('no')
    if (op.set === 'all') return out('yes')
    return out(base.negated ? 'yes' : 'no')
  }
  if (!op.set && (actual.length > 1 || isMultivaluedKey(key))) {
    return out(
      'unknown',
      `${key} is a multivalued key; AWS does not document a plain ${operator} on it (use ForAnyValue: or ForAllValues:)`
    )
  }
  // Policy variables are substituted in string and ARN values; Bool takes its value literally.
  const patterns: (Pattern | 'unknown' | null)[] = expected.map((e) =>
    base.family === 'bool'
      ? [{ kind: 'text', text: e }]
      : expandValue(e, (k) => lookup(context, k), base.wildcards)
  )
  if (patterns.length === 0) return out('unknown', `${operator} ${key} has no values`)
  // One request value against the policy values: they are ORed.
  const hits = (a: string): Tri =>
    // A variable with no value is "effectively null": nothing equals it or is like it.
    or(patterns.map((p) => (p === 'unknown' ? 'unknown' : p === null ? 'no' : base.match(p, a))))
  const satisfied = (a: string): Tri => (base.negated ? not(hits(a)) : hits(a))
  const unresolved = patterns.includes('unknown')
    ? 'a policy variable in it has no value the preflight knows'
    : base.family === 'arn'
      ? 'AWS does not document a negated ARN operator on a pattern of fewer than six components'
      : undefined
  let result: Tri
  if (op.set === 'all') result = and(actual.map(satisfied))
  else if (op.set === 'any') result = or(actual.map(satisfied))
  else result = satisfied(actual[0] as string)
  return out(result, result === 'unknown' ? unresolved : undefined)
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
      parts.push(evaluateOne(operator, key, expected, lookup(context, key), context))
    }
  }
  return { result: and(parts.map((p) => p.result)), parts }
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
