/**
 * Policy variables in condition values, as "IAM policy elements: Variables and tags" defines them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 * `${key}` is replaced by the request's value of `key`; `${key, 'default'}` by the default when
 * the key has no value; `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$`.
 * A variable whose key has no value and no default makes the value "effectively null": "There is
 * no equal or like value" (section "Policy variables with no value"), so `StringEquals` and
 * `StringLike` do not match it and `StringNotEquals`/`StringNotLike` do: `null` here. Multivalued
 * keys cannot be variables, and a key the preflight cannot know makes the value `unknown`.
 */
/** A context value: present values, known to be absent (`null`), or not knowable. */
export type ContextValue = string[] | null | 'unknown'

/** A condition value as tokens: literal text, or the `*` and `?` wildcards. */
export type Pattern = ({ kind: 'text'; text: string } | { kind: 'star' } | { kind: 'one' })[]

const DEFAULTED = /^\s*([^,\s]+)\s*,\s*'((?:[^']|'')*)'\s*$/

/** Resolves the inside of one `${…}`: a literal, a value, or `unknown`. */
function resolve(inner: string, lookup: (key: string) => ContextValue): string | 'unknown' | null {
  if (inner === '*' || inner === '?' || inner === '$') return inner
  const defaulted = DEFAULTED.exec(inner)
  const key = (defaulted ? defaulted[1] : inner.trim()) as string
  const fallback = defaulted ? (defaulted[2] as string).replace(/''/g, "'") : undefined
  if (!/^[A-Za-z0-9_.:/-]+$/.test(key)) return 'unknown'
  const value = lookup(key)
  if (value === 'unknown') return 'unknown'
  if (value === null || value.length === 0) return fallback ?? null
  // "You can't use multivalued context keys as policy variables."
  return value.length === 1 ? (value[0] as string) : 'unknown'
}

/**
 * Expands one condition value. With `wildcards`, an unescaped `*` or `?` in the policy's own text
 * is a wildcard; text that a variable brings in is always literal.
 */
export function expandValue(
  value: string,
  lookup: (key: string) => ContextValue,
  wildcards: boolean
): Pattern | 'unknown' | null {
  const out: Pattern = []
  const text = (t: string) => {
    if (!t) return
    const last = out[out.length - 1]
    if (last?.kind === 'text') last.text += t
    else out.push({ kind: 'text', text: t })
  }
  let i = 0
  while (i < value.length) {
    const c = value[i] as string
    if (c === '$' && value[i + 1] === '{') {
      const end = value.indexOf('}', i + 2)
      if (end > 0) {
        const resolved = resolve(value.slice(i + 2, end), lookup)
        if (resolved === 'unknown' || resolved === null) return resolved
        text(resolved)
        i = end + 1
        continue
      }
    }
    if (wildcards && c === '*') out.push({ kind: 'star' })
    else if (wildcards && c === '?') out.push({ kind: 'one' })
    else text(c)
    i += 1
  }
  return out
}
