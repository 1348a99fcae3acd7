/**
 * A fact about AWS or Anthropic that this version bundles, with where it was read and when. Every
 * one is a hint: wherever AWS answers at run time (listings, lifecycle, profiles, quotas), the
 * live answer wins. `docs/facts.md` is generated from these (scripts/docs/facts.ts), and
 * `bedrock-preflight facts --check` compares the ones AWS can answer with what it says today.
 */
export interface Source {
  url: string
  /** The day the source was read (YYYY-MM-DD). */
  checked: string
}

export interface Fact<T> {
  /** What the fact is, as docs/facts.md titles it. */
  title: string
  value: T
  source: Source
}

/** The day the facts of this version were checked (shared/reference bedrock.md §00). */
export const CHECKED = '2026-12-07'

export function fact<T>(title: string, value: T, url: string, checked = CHECKED): Fact<T> {
  return { title, value, source: { url, checked } }
}
