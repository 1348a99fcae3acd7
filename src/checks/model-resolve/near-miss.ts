// The listed identifier a model ID that Bedrock does not know was most likely meant to be: a
// missing or wrong version suffix (`…-v1` for `…-v1:0`), a geography prefix of another region
// (`eu.` from us-east-1), a typo. Pure: the candidates are what the region's own listing
// (ListInferenceProfiles, ListFoundationModels) answered, so a correction is never synthesized.
import { MAX_EDITS } from './meta.js'

export { MAX_EDITS }

export interface NearMatches {
  /** The one nearest listed ID, when a single one is nearest (ties broken as `rank` says). */
  best?: string
  /** Every listed ID within reach, nearest first. */
  near: string[]
  /** Without a `best`, the IDs equally nearest (none when nothing is near). */
  tied: string[]
}

interface Parts {
  /** The profile's geography prefix without its dot (`us`, `global`), `''` for a model ID. */
  prefix: string
  model: string
}

/** `us.anthropic.claude-…` has a prefix; `anthropic.claude-…` does not (names have no dots). */
function partsOf(id: string): Parts {
  const dots = id.split('.').length - 1
  const dot = id.indexOf('.')
  return dots >= 2
    ? { prefix: id.slice(0, dot), model: id.slice(dot + 1) }
    : { prefix: '', model: id }
}

/** The ID without its version suffix: `-v1:0`, `-v1`, `:0` (Bedrock's `name-vN:M` form). */
const stem = (model: string): string => model.replace(/(?:-v\d+)?(?::\d+)*$/, '')

/** Levenshtein distance, stopping early once it exceeds `bound`. */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let lowest = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      current.push(value)
      lowest = Math.min(lowest, value)
    }
    if (lowest > bound) return bound + 1
    previous = current
  }
  return previous[b.length]!
}

interface Scored {
  id: string
  edits: number
  /** Edits inside the model part; at equal `edits`, a prefix swap beats a typo. */
  typos: number
  rank: number
}

function score(input: Parts, id: string, rank: (prefix: string) => number): Scored {
  const c = partsOf(id)
  const sameStem = stem(input.model) === stem(c.model)
  const typos = sameStem
    ? input.model === c.model
      ? 0
      : 1
    : editDistance(input.model, c.model, MAX_EDITS)
  return { id, edits: typos + (input.prefix === c.prefix ? 0 : 1), typos, rank: rank(c.prefix) }
}

/**
 * The listed IDs within `MAX_EDITS` of `input`, nearest first: fewer edits, then a prefix swap
 * before a typo, then the prefix `prefixOrder` ranks first (the region's own geography, then
 * `global.`; a bare model ID after those). `best` is the first only when nothing ties with it:
 * two equally near IDs are named both, never one guessed.
 */
export function nearestListed(
  input: string,
  listed: readonly string[],
  prefixOrder: readonly string[]
): NearMatches {
  const rank = (prefix: string) => {
    const i = prefixOrder.indexOf(prefix)
    return i >= 0 ? i : prefix === '' ? prefixOrder.length : prefixOrder.length + 1
  }
  const parts = partsOf(input)
  const scored = [...new Set(listed)]
    .filter((id) => id !== input)
    .map((id) => score(parts, id, rank))
    .filter((s) => s.edits <= MAX_EDITS)
    .sort((a, b) => a.edits - b.edits || a.typos - b.typos || a.rank - b.rank)
  const first = scored[0]
  const tied = scored.filter(
    (s) => first && s.edits === first.edits && s.typos === first.typos && s.rank === first.rank
  )
  const near = scored.map((s) => s.id)
  return first && tied.length === 1
    ? { best: first.id, near, tied: [] }
    : { near, tied: tied.map((s) => s.id) }
}

/** What separates `input` from the listed `use`, in words: the prefix, the version, a typo. */
export function differenceOf(input: string, use: string): string {
  const a = partsOf(input)
  const b = partsOf(use)
  const prefix =
    a.prefix === b.prefix
      ? ''
      : b.prefix
        ? `the geography prefix (\`${b.prefix}.\`${a.prefix ? ` for \`${a.prefix}.\`` : ''})`
        : `the geography prefix (none for \`${a.prefix}.\`)`
  const model =
    a.model === b.model
      ? ''
      : stem(a.model) === stem(b.model)
        ? 'the version suffix'
        : 'a typo in the model name'
  return [prefix, model].filter(Boolean).join(' and ')
}
