import type { ObservedError } from '../types/observed-error.js'
import { CLASS_ENTRY, classOfCode, classOf } from './classes.js'
import { CODES_OF } from './codes.js'
import { CATALOG, type CatalogId } from './entries.js'
import { WORDINGS_OF } from './wordings.js'
import { codeKeysIn, parseErrorText, qualifiedCodeKey } from './parse.js'
import type { CatalogEntry } from './types.js'

/**
 * Catalog order, except that an entry that refines another (`before`) is tried just before it,
 * also when that one refines a third (placed once its own target is).
 */
function inMatchOrder(list: readonly CatalogEntry[]): CatalogEntry[] {
  const out = list.filter((e) => !e.before)
  let waiting = list.filter((x) => x.before)
  while (waiting.length > 0) {
    const placeable = waiting.filter((e) => out.some((x) => x.id === e.before))
    for (const e of placeable.length > 0 ? placeable : waiting) {
      const at = out.findIndex((x) => x.id === e.before)
      out.splice(at < 0 ? out.length : at, 0, e)
    }
    waiting = placeable.length > 0 ? waiting.filter((e) => !placeable.includes(e)) : []
  }
  return out
}

const ALL: readonly CatalogEntry[] = CATALOG
const ORDERED: readonly CatalogEntry[] = inMatchOrder(ALL)
const BY_ID = new Map<string, CatalogEntry>(ALL.map((e) => [e.id, e]))
const RANK = new Map<string, number>(ORDERED.map((e, i) => [e.id, i]))
const codesOf = (e: CatalogEntry): string[] => [
  ...(e.codes ?? []),
  ...(CODES_OF[e.id as CatalogId] ?? [])
]
/** The codes that name an entry on their own. */
const CODE_KEYS = new Map<CatalogEntry, string[]>(
  ALL.map((e) => [
    e,
    codesOf(e)
      .filter((c) => !c.startsWith('~'))
      .map(qualifiedCodeKey)
  ])
)
/** The codes an entry's message patterns refine (`~Code`): they count only with a pattern. */
const REFINED_KEYS = new Map<CatalogEntry, string[]>(
  ALL.map((e) => [e, codesOf(e).map((c) => qualifiedCodeKey(c.replace(/^~/, '')))])
)

/**
 * Each entry's patterns and SDK wordings, joined into one regular expression per set of flags:
 * a text is tried once per entry rather than once per wording.
 */
function joined(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>()
  for (const p of patterns) byFlags.set(p.flags, [...(byFlags.get(p.flags) ?? []), p.source])
  return [...byFlags].map(([flags, sources]) =>
    sources.length === 1
      ? new RegExp(sources[0]!, flags)
      : new RegExp(sources.map((x) => `(?:${x})`).join('|'), flags)
  )
}
const PATTERNS = new Map<CatalogEntry, RegExp[]>(
  ALL.map((e) => [e, joined([...(e.patterns ?? []), ...(WORDINGS_OF[e.id as CatalogId] ?? [])])])
)

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

/** An entry known only by its error codes: it names the kind of error, not its cause. */
export function isGeneric(entry: CatalogEntry): boolean {
  return !entry.patterns?.length
}

/**
 * How well an entry explains a text: 3 a message pattern, 2 a code that names this cause on its
 * own, 1 a code of a class entry; ties go to catalog order. Among message patterns, one whose
 * code the text carries beats one that merely matched around it (`ModelNotReadyException` with
 * an HTTP 429 is not throttling); an entry that refines a code declares it too (codes.ts), so
 * `ThrottlingException: Too many tokens per day` stays the daily quota.
 */
function score(entry: CatalogEntry, text: string, keys: Set<string>): number {
  const codeHit = CODE_KEYS.get(entry)!.some((k) => keys.has(k))
  const patterns = PATTERNS.get(entry)!
  if (patterns.length > 0) {
    if (patterns.some((p) => p.test(text))) {
      return REFINED_KEYS.get(entry)!.some((k) => keys.has(k)) ? 3.25 : 3
    }
    return codeHit ? 2 : 0
  }
  return codeHit ? 1 : 0
}

/**
 * Words without which no entry, code or class can match. A long log is searched for them in one
 * pass (a literal alternation runs at memory speed), and only the lines that hold one are read:
 * most of a build's output is never normalised or run through the catalog, which keeps a 1 MB log
 * under 100 ms. A pasted message or a short log is always read whole.
 * __tests__/catalog/prefilter.test.ts proves no corpus or inventory line is lost by it.
 */
const SIGNAL_WORDS =
  'error|exception|fault|fail|denied|invalid|unable|could|cannot|can.t|not|expired|missing|time|refused|throttl|too|exceed|quota|must|required|unknown|unsupported|malformed|rejected|unrecognized|signature|skew|audience|socket|cert|x509|ssl|tls|pkix|retr|multiple|input|overload|rate|unavailable|deprecat|legacy|end of its life|undefined|null|none|amazonaws|api.aws|partial|disabled|alternate|extraneous|blank|whitespace|only one|doesn|does not|please|some\\(|explicit deny|limit|context|status|eai_again|econn|unreach|epipe|http[ /][0-9]|token|expected|n.t |support|no '
const MAY_BE_ERROR = new RegExp(SIGNAL_WORDS, 'i')
const SIGNALS = new RegExp(SIGNAL_WORDS, 'gi')

/** Whether a text holds a word that some entry, code or class needs (see SIGNAL_WORDS). */
export function maySignalError(text: string): boolean {
  return MAY_BE_ERROR.test(text)
}

/** The indexes of the lines of `log` (split at `\n`) that hold a signal word. */
function signalLines(log: string): Set<number> {
  const found = new Set<number>()
  let line = 0
  let lineEnd = log.indexOf('\n')
  SIGNALS.lastIndex = 0
  for (let m = SIGNALS.exec(log); m; m = SIGNALS.exec(log)) {
    while (lineEnd !== -1 && m.index > lineEnd) {
      line += 1
      lineEnd = log.indexOf('\n', lineEnd + 1)
    }
    found.add(line)
    // Nothing more to learn from this line: go on at the next one.
    if (lineEnd === -1) break
    SIGNALS.lastIndex = lineEnd + 1
  }
  return found
}

/** One reading of a text: the entry, and how surely (see `score`; 0.5 for a class by name or status). */
interface Reading {
  entry: CatalogEntry
  strength: number
}

/** A reading that names a kind of error, not its cause. */
const weak = (r: Reading): boolean => r.strength < 2

/**
 * The best entry for one (normalised) text: parsed into its parts first (parse.ts), then a
 * message pattern beats a code alone, a code beats its class; ties go to catalog order. A code
 * the catalog lacks still names its class (classes.ts), by its name or the HTTP status.
 */
function best(text: string): Reading | undefined {
  if (!text) return undefined
  const parsed = parseErrorText(text)
  const keys = codeKeysIn(text, parsed)
  let winner: CatalogEntry | undefined
  let top = 0
  for (const entry of ORDERED) {
    const s = score(entry, text, keys)
    if (s > top) {
      top = s
      winner = entry
    }
  }
  if (winner) return { entry: winner, strength: top }
  const byName = [...keys].map(classOfCode).find((c) => c !== undefined)
  const cls = byName ?? classOf(parsed, text)
  return cls ? { entry: BY_ID.get(CLASS_ENTRY[cls])!, strength: 0.5 } : undefined
}

/** Whether `candidate` explains a text better than `current` does (catalog order: more specific first). */
function moreSpecific(candidate: Reading, current: Reading): boolean {
  if (candidate.entry.id === current.entry.id || weak(candidate)) return false
  if (weak(current)) return true
  return (RANK.get(candidate.entry.id) ?? 0) < (RANK.get(current.entry.id) ?? 0)
}

export interface LogHit {
  /** 1-based line number of the first line of the error in the pasted text. */
  line: number
  /** How many lines the error spans (a message wrapped over several lines reads as one). */
  span: number
  text: string
  entry: CatalogEntry
  /** Whether the hit names only a kind of error (a bare code, a class), not its cause. */
  generic: boolean
}

/** Above this size a text is a log: read line by line only, never as one message. */
const WHOLE_TEXT_LIMIT = 64 * 1024

/** Lines after a hit that may continue its message, read together with it. */
const MAX_CONTINUATION = 4

/**
 * Entries that describe a passing condition: an attempt that failed so may be retried and then
 * fail for another reason. The failure to act on is a later, lasting one when there is one.
 */
const TRANSIENT = new Set<CatalogId>([
  'throttled',
  'service-unavailable',
  'timeout',
  'network-unreachable',
  'malformed-response',
  'idp-communication',
  'oidc-token-request-failed'
])

/** Retry banners and loop detectors: they repeat a symptom, they are never the cause. */
const ECHOES = new Set<CatalogId>(['retries-hide-error', 'debug-logging'])

/** A log line at warning level: a retry or a fallback announced, not the failure itself. */
const WARNING_LINE = /^\W{0,4}(?:\S+\s+){0,4}?\[?(?:WARN|WARNING)\]?[\s:]/i

/**
 * Finds every known error in a pasted text, in order. A message wrapped over several lines (a
 * terminal's line breaks, a JSON body, a decisive clause such as "with an explicit deny in a
 * service control policy" on the next line) is read as one error, explained by its whole text.
 */
export function scanLog(log: string): { first?: LogHit; hits: LogHit[] } {
  const lines = log.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
  // A pasted message or a short log is read whole; a long log only where a signal word is.
  const signals = log.length > WHOLE_TEXT_LIMIT ? signalLines(log) : undefined
  const cache = new Map<number, string>()
  const norm = (i: number): string => {
    let n = cache.get(i)
    if (n === undefined) cache.set(i, (n = normalizeErrorText(lines[i]!)))
    return n
  }
  const own = lines.map((_, i) => (!signals || signals.has(i) ? best(norm(i)) : undefined))
  const hits: LogHit[] = []
  let i = 0
  while (i < lines.length) {
    let reading = own[i]
    if (!reading) {
      i += 1
      continue
    }
    let joined = norm(i)
    let span = 1
    for (let j = i + 1; j < lines.length && j <= i + MAX_CONTINUATION; j++) {
      if (!norm(j)) break
      const next = own[j]
      // A line that is an error of its own starts the next hit, unless it completes a bare code.
      if (next && !weak(reading)) break
      joined = `${joined} ${norm(j)}`
      const whole = best(joined)
      if (whole && moreSpecific(whole, reading)) {
        reading = whole
        span = j - i + 1
      } else if (next) break
    }
    hits.push({
      line: i + 1,
      span,
      text: lines[i]!.trim(),
      entry: reading.entry,
      generic: weak(reading)
    })
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
      !TRANSIENT.has(h.entry.id) && !h.generic && !WARNING_LINE.test(lines[h.line - 1]!.trim()),
    (h) => !TRANSIENT.has(h.entry.id) && !h.generic,
    (h) => !h.generic,
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
export function explainText(text: string): Explanation {
  const explained = (entry: CatalogEntry | undefined, rest: Omit<Explanation, 'entry' | 'id'>) =>
    entry ? { entry, id: entry.id as CatalogId, ...rest } : rest
  if (!/\r?\n/.test(text.trim()))
    return explained(forRequest(best(normalizeErrorText(text))?.entry, text), { hits: [] })
  const { first, hits } = scanLog(text)
  if (first) {
    const entry = forRequest(first.entry, first.text)
    if (entry === first.entry) return explained(entry, { hit: first, hits })
    const hit = { ...first, entry: entry! }
    return explained(entry, { hit, hits: hits.map((h) => (h === first ? hit : h)) })
  }
  // A message wrapped so that no line explains it alone: read it whole, if it is not a whole log.
  const whole = text.length <= WHOLE_TEXT_LIMIT ? best(normalizeErrorText(text)) : undefined
  return explained(whole?.entry, { hits })
}

/**
 * Signs in the text of an error that its request carried a Bedrock API key, not an access key:
 * the header itself, or Bedrock's own words for the key ("The bearer token included in the
 * request is invalid.", reference bedrock.md §0).
 */
const BEARER_SIGNS = /\bAuthorization:\s*Bearer\b|\bbearer token\b/i

/** An entry that blames an access key gives way to its bearer counterpart for a bearer request. */
function forRequest(entry: CatalogEntry | undefined, text: string): CatalogEntry | undefined {
  return entry?.forBearer && BEARER_SIGNS.test(text) ? BY_ID.get(entry.forBearer) : entry
}

/** What `explain` says of a text: the entry and its typed id, and where in a log it stands. */
export interface Explanation {
  entry?: CatalogEntry
  /** The entry's id, typed: a misspelt id in code that branches on it fails the compiler. */
  id?: CatalogId
  hit?: LogHit
  hits: LogHit[]
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
  error: Pick<ObservedError, 'code' | 'message' | 'auth'> & { httpStatus?: number }
): CatalogEntry | undefined {
  const status = error.httpStatus ? `HTTP ${error.httpStatus} ` : ''
  const message = error.message.replace(/\s*\r?\n\s*/g, ' ')
  const text = `${status}${error.code}: ${message}`
  const entry = explainText(text).entry
  // The request carried a Bedrock API key, not an access key: an entry that blames an access key
  // or its signature would send the user to IAM for nothing; its bearer counterpart explains it.
  const bearer = error.auth === 'api-key' ? entry?.forBearer : undefined
  return bearer ? BY_ID.get(bearer) : entry
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
