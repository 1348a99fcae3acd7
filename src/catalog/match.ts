import type { ObservedError } from '../types/observed-error.js'
import { CATALOG, type CatalogId } from './entries.js'
import type { CatalogEntry } from './types.js'

const ALL: readonly CatalogEntry[] = CATALOG
const BY_ID = new Map<string, CatalogEntry>(ALL.map((e) => [e.id, e]))
const RANK = new Map<string, number>(ALL.map((e, i) => [e.id, i]))

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

/** An entry known only by its error codes: it names the kind of error, not its cause. */
export function isGeneric(entry: CatalogEntry): boolean {
  return !entry.patterns?.length
}

function score(entry: CatalogEntry, text: string, codes: Set<string>): number {
  const codeHit = (entry.codes ?? []).some((c) => codes.has(c.toLowerCase()))
  if (entry.patterns && entry.patterns.length > 0) {
    return entry.patterns.some((p) => p.test(text)) ? 2 + (codeHit ? 1 : 0) : 0
  }
  return codeHit ? 1 : 0
}

/** The best entry for one (normalised) text: a message pattern beats a bare code; ties go to catalog order. */
function best(text: string): CatalogEntry | undefined {
  if (!text) return undefined
  const codes = codesIn(text)
  let winner: CatalogEntry | undefined
  let top = 0
  for (const entry of ALL) {
    const s = score(entry, text, codes)
    if (s > top) {
      top = s
      winner = entry
    }
  }
  return winner
}

/** Whether `candidate` explains a text better than `current` does (catalog order: more specific first). */
function moreSpecific(candidate: CatalogEntry, current: CatalogEntry): boolean {
  if (candidate.id === current.id || isGeneric(candidate)) return false
  return isGeneric(current) || (RANK.get(candidate.id) ?? 0) < (RANK.get(current.id) ?? 0)
}

export interface LogHit {
  /** 1-based line number of the first line of the error in the pasted text. */
  line: number
  /** How many lines the error spans (a message wrapped over several lines reads as one). */
  span: number
  text: string
  entry: CatalogEntry
}

/** Lines after a hit that may continue its message, read together with it. */
const MAX_CONTINUATION = 4

/**
 * Entries that describe a passing condition: an attempt that failed so may be retried and then
 * fail for another reason. The failure to act on is a later, lasting one when there is one.
 */
const TRANSIENT = new Set<string>([
  'throttled',
  'service-unavailable',
  'timeout',
  'network-unreachable',
  'malformed-response',
  'idp-communication',
  'oidc-token-request-failed'
])

/** Retry banners and loop detectors: they repeat a symptom, they are never the cause. */
const ECHOES = new Set<string>(['retries-hide-error', 'debug-logging'])

/** A log line at warning level: a retry or a fallback announced, not the failure itself. */
const WARNING_LINE = /^\W{0,4}(?:\S+\s+){0,4}?\[?(?:WARN|WARNING)\]?[\s:]/i

/**
 * Finds every known error in a pasted text, in order. A message wrapped over several lines (a
 * terminal's line breaks, a JSON body, a decisive clause such as "with an explicit deny in a
 * service control policy" on the next line) is read as one error, explained by its whole text.
 */
export function scanLog(log: string): { first?: LogHit; hits: LogHit[] } {
  const lines = log.split(/\r?\n/)
  const normalized = lines.map(normalizeErrorText)
  const own = normalized.map((l) => best(l))
  const hits: LogHit[] = []
  let i = 0
  while (i < lines.length) {
    let entry = own[i]
    if (!entry) {
      i += 1
      continue
    }
    let joined = normalized[i]!
    let span = 1
    for (let j = i + 1; j < lines.length && j <= i + MAX_CONTINUATION; j++) {
      if (!normalized[j]) break
      const next = own[j]
      // A line that is an error of its own starts the next hit, unless it completes a bare code.
      if (next && !isGeneric(entry)) break
      joined = `${joined} ${normalized[j]}`
      const whole = best(joined)
      if (whole && moreSpecific(whole, entry)) {
        entry = whole
        span = j - i + 1
      } else if (next) break
    }
    hits.push({ line: i + 1, span, text: lines[i]!.trim(), entry })
    i += span
  }
  return { first: decisive(hits, lines), hits }
}

/**
 * The error to act on: the first failure, not the first line that looks like an error. Retry and
 * loop-detector lines only repeat a symptom; a throttled or unavailable attempt that was retried
 * and then failed for another reason is not the cause; a warning is not a failure; and a bare
 * code (`AccessDeniedException` in a header dump) gives way to the message that explains it.
 */
function decisive(hits: readonly LogHit[], lines: readonly string[]): LogHit | undefined {
  const real = hits.filter((h) => !ECHOES.has(h.entry.id))
  if (!real.length) return hits[0]
  const tiers: ((h: LogHit) => boolean)[] = [
    (h) =>
      !TRANSIENT.has(h.entry.id) &&
      !isGeneric(h.entry) &&
      !WARNING_LINE.test(lines[h.line - 1]!.trim()),
    (h) => !TRANSIENT.has(h.entry.id) && !isGeneric(h.entry),
    (h) => !isGeneric(h.entry),
    () => true
  ]
  for (const keep of tiers) {
    const found = real.find(keep)
    if (found) return found
  }
  return real[0]
}

/**
 * What a pasted text (one message, a wrapped message, or a whole log) is explained by: the
 * decisive error of the log when it has one, else the best entry for the whole text.
 */
export function explainText(text: string): { entry?: CatalogEntry; hit?: LogHit; hits: LogHit[] } {
  if (!/\r?\n/.test(text.trim())) return { entry: best(normalizeErrorText(text)), hits: [] }
  const { first, hits } = scanLog(text)
  if (first) return { entry: first.entry, hit: first, hits }
  return { entry: best(normalizeErrorText(text)), hits }
}

/** The catalog entry that explains a pasted error text (one message, any wrapper around it). */
export function matchText(text: string): CatalogEntry | undefined {
  return explainText(text).entry
}

/**
 * The catalog entry that explains an observed error, if any: the same reading `explain` gives a
 * pasted text, so a check and `explain` never disagree. An HTTP 5xx without a modelled code still
 * reads as a server-side error.
 */
export function matchError(
  error: Pick<ObservedError, 'code' | 'message'> & { httpStatus?: number }
): CatalogEntry | undefined {
  const status = error.httpStatus ? `HTTP ${error.httpStatus} ` : ''
  const message = error.message.replace(/\s*\r?\n\s*/g, ' ')
  return explainText(`${status}${error.code}: ${message}`).entry
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
