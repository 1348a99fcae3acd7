import type { ObservedError } from '../engine/types.js'
import { CATALOG, type CatalogId } from './entries.js'
import type { CatalogEntry } from './types.js'

const ALL: readonly CatalogEntry[] = CATALOG
const BY_ID = new Map<string, CatalogEntry>(ALL.map((e) => [e.id, e]))

/** Looks an entry up by its (typed) id. */
export function entryById(id: CatalogId): CatalogEntry {
  return BY_ID.get(id) as CatalogEntry
}

export function allEntries(): readonly CatalogEntry[] {
  return ALL
}

/**
 * Makes wording variants comparable: curly quotes and apostrophes (AWS often sends `isn’t`),
 * non-breaking spaces, runs of white space, and wrappers that re-wrap the AWS message.
 */
export function normalizeErrorText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The error codes a free text mentions: `ExpiredToken`, `AccessDeniedException`, `(ValidationException)`. */
function codesIn(text: string): Set<string> {
  const codes = new Set<string>()
  for (const m of text.matchAll(
    /\b([A-Z][A-Za-z]+(?:Exception|Error)|AccessDenied|ExpiredToken|InvalidClientTokenId|SignatureDoesNotMatch|NoSuchEntity|NotAuthorized|InvalidAction|ResourceNotFound)\b/g
  )) {
    if (m[1]) codes.add(m[1].toLowerCase())
  }
  return codes
}

function score(entry: CatalogEntry, text: string, codes: Set<string>): number {
  const codeHit = (entry.codes ?? []).some((c) => codes.has(c.toLowerCase()))
  if (entry.patterns && entry.patterns.length > 0) {
    return entry.patterns.some((p) => p.test(text)) ? 2 + (codeHit ? 1 : 0) : 0
  }
  return codeHit ? 1 : 0
}

function best(
  text: string,
  codes: Set<string>,
  entries: readonly CatalogEntry[]
): CatalogEntry | undefined {
  let winner: CatalogEntry | undefined
  let top = 0
  for (const entry of entries) {
    const s = score(entry, text, codes)
    if (s > top) {
      top = s
      winner = entry
    }
  }
  return winner
}

/** The catalog entry that explains an observed error, if any. */
export function matchError(
  error: Pick<ObservedError, 'code' | 'message'>
): CatalogEntry | undefined {
  const text = normalizeErrorText(`${error.code}: ${error.message}`)
  const codes = codesIn(text)
  codes.add(error.code.toLowerCase())
  return best(text, codes, CATALOG)
}

/** The catalog entry that explains a pasted error text (one message, any wrapper around it). */
export function matchText(text: string): CatalogEntry | undefined {
  const normalized = normalizeErrorText(text)
  return best(normalized, codesIn(normalized), ALL)
}

export interface LogHit {
  /** 1-based line number in the pasted log. */
  line: number
  text: string
  entry: CatalogEntry
}

/**
 * Finds every known error in a pasted log, in order. The first hit that is a real error (not a
 * retry or loop-detector message) is the one to act on: retries repeat the symptom.
 */
export function scanLog(log: string): { first?: LogHit; hits: LogHit[] } {
  const hits: LogHit[] = []
  log.split(/\r?\n/).forEach((raw, i) => {
    const normalized = normalizeErrorText(raw)
    if (!normalized) return
    const entry = best(normalized, codesIn(normalized), ALL)
    if (entry) hits.push({ line: i + 1, text: raw.trim(), entry })
  })
  const first = hits.find((h) => h.entry.id !== 'retries-hide-error') ?? hits[0]
  return { first, hits }
}

/** How an observed error reads in a finding's Observed list: operation, status, code, message, attempts. */
export function observedErrorLines(error: ObservedError): string[] {
  const attempts =
    error.attempts && error.attempts > 1 ? ` (first of ${error.attempts} attempts)` : ''
  return [
    `${error.operation ? `${error.operation} → ` : ''}${error.httpStatus ? `HTTP ${error.httpStatus} ` : ''}${error.code}: ${error.message}${attempts}`,
    ...(error.lastError
      ? [`last attempt ended with ${error.lastError.code}: ${error.lastError.message}`]
      : [])
  ]
}
