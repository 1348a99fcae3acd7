/** Inputs the property tests draw from: arbitrary text of every kind, and near-misses of valid values. */
import fc from 'fast-check'

/** Any string: ASCII, full Unicode (astral planes, lone surrogates) and grapheme clusters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(
      '\n',
      '\r\n',
      ' ',
      '\t',
      '\u00a0',
      '\u2019',
      '\uFEFF',
      '"',
      "'",
      '#',
      '=',
      ':',
      '/',
      '%',
      '\\'
    )
  })
)

/**
 * Text assembled from meaningful fragments and noise, so generated values land near the inputs a
 * parser cares about (and its edge cases) instead of almost always being rejected at the first
 * character.
 */
export function soup(fragments: readonly string[], maxLength = 12): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...fragments) },
        { weight: 1, arbitrary: anyText }
      ),
      {
        maxLength
      }
    )
    .map((parts) => parts.join(''))
}

/** A value that could be a secret: distinctive enough to search for in every message. */
export const secretValue: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z0-9+/]{12,40}$/)
  .map((s) => `SeCrEt${s}`)

/** Ways people and tools wrap a value: URL-encoding, quotes, whitespace, a BOM. */
export function mangled(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(value, fc.constantFrom('plain', 'url', 'quoted', 'spaced', 'bom', 'upper', 'truncated'))
    .map(([v, how]) => {
      switch (how) {
        case 'url':
          return encodeURIComponent(v)
        case 'quoted':
          return `"${v}"`
        case 'spaced':
          return ` ${v}\t`
        case 'bom':
          return `\uFEFF${v}`
        case 'upper':
          return v.toUpperCase()
        case 'truncated':
          return v.slice(0, Math.floor(v.length / 2))
        default:
          return v
      }
    })
}
