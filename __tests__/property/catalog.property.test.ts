import fc from 'fast-check'
import {
  allEntries,
  matchError,
  matchText,
  normalizeErrorText,
  scanLog
} from '../../src/catalog/match.js'
import { BEDROCK_ERRORS, SEED_TEXTS, STS_AND_SDK_ERRORS } from '../fixtures/reference-errors.js'
import { anyText, soup } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

const REFERENCE = [...STS_AND_SDK_ERRORS, ...BEDROCK_ERRORS]
const ENTRY_IDS = new Set(allEntries().map((e) => e.id))
const errorish = fc.oneof(
  anyText,
  soup(
    [
      'ExpiredToken',
      'AccessDeniedException',
      'ThrottlingException',
      'ValidationException',
      ': ',
      ' ',
      '\n',
      'not authorized to perform',
      'bedrock:InvokeModel',
      'is expired',
      'timed out',
      'ECONNREFUSED',
      '’',
      '\u00a0',
      '(',
      ')',
      'Error',
      'Exception',
      'getaddrinfo',
      'model',
      'on-demand',
      "isn't",
      'supported'
    ],
    40
  ),
  // Huge inputs: a pasted log of a whole job must not stall the regexes.
  fc
    .tuple(anyText, fc.integer({ min: 1000, max: 20000 }))
    .map(([t, n]) => (t || 'x ').repeat(Math.ceil(n / Math.max(1, t.length))))
)

/** Noise around a log line that can never look like an AWS error itself. */
const benignWord = fc.constantFrom(
  'starting',
  'agent',
  'loaded',
  'step',
  'done',
  'INFO',
  '[run]',
  '-->',
  '|',
  '12:00:01',
  '2025-06-01T10:00:00Z',
  'pid=42'
)
const benignLine = fc.array(benignWord, { maxLength: 6 }).map((w) => w.join(' '))
const whitespace = fc.constantFrom(' ', '  ', '\t', '\u00a0', ' \u202f')

describe('the error catalog, for any text', () => {
  it(
    'normalises any text to a fixed point without edge or repeated white space',
    () => {
      fc.assert(
        fc.property(errorish, (text) => {
          const once = normalizeErrorText(text)
          expect(normalizeErrorText(once)).toBe(once)
          expect(once).toBe(once.trim())
          expect(once).not.toMatch(/\s\s/)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'matches any text, error or log to a catalog entry or to nothing, never throwing',
    () => {
      fc.assert(
        fc.property(errorish, anyText, (text, code) => {
          const entry = matchText(text)
          if (entry) expect(ENTRY_IDS.has(entry.id)).toBe(true)
          const byError = matchError({ code, message: text })
          if (byError) expect(ENTRY_IDS.has(byError.id)).toBe(true)
          const { first, hits } = scanLog(text)
          const lines = text.split(/\r?\n/).length
          hits.forEach((h, i) => {
            expect(h.line).toBeGreaterThanOrEqual(1)
            expect(h.line).toBeLessThanOrEqual(lines)
            if (i > 0) expect(h.line).toBeGreaterThan(hits[i - 1]!.line)
          })
          if (hits.length) expect(hits).toContain(first)
          else expect(first).toBeUndefined()
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'recognises every real AWS error inside any log wrapper, spacing and quote style',
    () => {
      const wrapped = fc
        .tuple(fc.constantFrom(...REFERENCE), benignLine, benignLine, whitespace, fc.boolean())
        .map(([ref, before, after, ws, curly]) => {
          let message = ref.message.replace(/ /g, ws)
          if (curly) message = message.replace(/'/g, '\u2019')
          return { ref, text: `${before} ${ref.code}: ${message} ${after}` }
        })
      fc.assert(
        fc.property(wrapped, ({ ref, text }) => {
          expect(matchText(text)?.id).toBe(ref.catalogId)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'finds a real error at its line in any noisy log',
    () => {
      const log = fc.tuple(
        fc.constantFrom(
          ...REFERENCE.map((r) => ({ text: `${r.code}: ${r.message}`, catalogId: r.catalogId })),
          ...SEED_TEXTS
        ),
        fc.array(benignLine, { maxLength: 20 }),
        fc.array(benignLine, { maxLength: 20 }),
        fc.constantFrom('\n', '\r\n')
      )
      fc.assert(
        fc.property(log, ([error, before, after, eol]) => {
          const { first } = scanLog([...before, error.text, ...after].join(eol))
          expect(first?.entry.id).toBe(error.catalogId)
          expect(first?.line).toBe(before.length + 1)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
