/**
 * `explain` reads only the lines of a log that hold a signal word (match.ts SIGNAL_WORDS), which
 * is what keeps a 1 MB log fast. This proves the shortcut loses nothing: every line of the corpus
 * and every inventoried message that some entry's pattern, an SDK wording, a code or a class could
 * explain holds a signal word.
 */
import { readFileSync } from 'node:fs'
import { classOf, classOfCode } from '../../src/catalog/classes.js'
import { allEntries, maySignalError, normalizeErrorText } from '../../src/catalog/match.js'
import { codeKeysIn, parseErrorText } from '../../src/catalog/parse.js'
import { WORDINGS_OF } from '../../src/catalog/wordings.js'
import { PASTED_ERRORS } from '../fixtures/pasted-errors.js'

const inventory = (name: string): { message?: string; sample?: string }[] =>
  JSON.parse(
    readFileSync(new URL(`../../src/catalog/inventory/${name}`, import.meta.url), 'utf8')
  ) as { message?: string; sample?: string }[]

const PATTERNS = [
  ...allEntries().flatMap((e) => e.patterns ?? []),
  ...Object.values(WORDINGS_OF).flatMap((w) => w ?? [])
]

function explainable(line: string): boolean {
  const parsed = parseErrorText(line)
  return (
    PATTERNS.some((p) => p.test(line)) ||
    [...codeKeysIn(line, parsed)].some((k) => classOfCode(k) !== undefined) ||
    classOf(parsed, line) !== undefined
  )
}

describe('the signal-word shortcut of explain', () => {
  const texts = [
    ...PASTED_ERRORS.map((p) => p.text),
    ...['sdk-messages.json', 'bedrock-validation.json', 'endpoint-rules.json'].flatMap((f) =>
      inventory(f).map((r) => r.sample ?? r.message ?? '')
    )
  ]
  it('keeps every line of the corpus and the inventories that any entry could explain', () => {
    const lost = texts
      .flatMap((t) => t.split(/\r?\n/))
      .map(normalizeErrorText)
      .filter((l) => l && explainable(l) && !maySignalError(l))
    expect(lost).toEqual([])
  })
})
