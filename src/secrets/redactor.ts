import { fromBase64, LONG_TERM_PREFIX, SHORT_TERM_PREFIX } from '../parse/bedrock-api-key.js'
import { mapStrings } from './map-strings.js'

/** What every face prints instead of a secret (the runner's own `::add-mask::` stand-in). */
export const REDACTED = '***'

/** Very short values would redact ordinary words; real keys, tokens and signatures are long. */
const MIN_SECRET_LENGTH = 8

/**
 * The parts a Bedrock API key carries inside it (AWS UG `api-keys-how`, and parse/bedrock-api-key.ts):
 * a short-term key is base64 of a presigned URL whose X-Amz-Signature and X-Amz-Security-Token
 * are secrets of their own; a long-term key is base64 of `BedrockAPIKey-<id>-at-<account>:<secret>`.
 * An error message that quotes any part (AWS echoes the session token it refused) must lose it.
 */
function apiKeyParts(key: string): string[] {
  if (key.startsWith(SHORT_TERM_PREFIX)) {
    const body = key.slice(SHORT_TERM_PREFIX.length)
    const decoded = fromBase64(body)
    if (!decoded) return [body]
    const parts = [body, decoded]
    try {
      const q = new URL(decoded.startsWith('https://') ? decoded : `https://${decoded}`)
        .searchParams
      for (const name of ['X-Amz-Signature', 'X-Amz-Security-Token']) {
        const value = q.get(name)
        if (value) parts.push(value)
      }
    } catch {
      // Not a URL: the body and its decoded text are all there is to hide.
    }
    return parts
  }
  if (key.startsWith(LONG_TERM_PREFIX)) {
    const body = key.slice(LONG_TERM_PREFIX.length)
    const decoded = fromBase64(body)
    const secret = decoded?.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : undefined
    return [body, ...(decoded ? [decoded] : []), ...(secret ? [secret] : [])]
  }
  return []
}

/**
 * Every form in which a secret can come back: itself, URL-encoded (as a query string or a
 * presigned URL carries it), and for a Bedrock API key each secret part inside it.
 */
export function secretForms(secret: string): string[] {
  const value = secret.trim()
  const forms = new Set<string>()
  for (const form of [secret, value, ...apiKeyParts(value)]) {
    forms.add(form)
    forms.add(encodeURIComponent(form))
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH)
}

/**
 * Every secret the run has seen (credentials from any source, credentials the checks obtained,
 * Bedrock API keys and their parts, the OIDC token), and the one function that hides them: both
 * faces register secrets here through `Logger.mask` and pass every text they write through
 * `apply`, the AWS messages quoted in findings included.
 */
export class Redactor {
  private readonly secrets = new Set<string>()
  private sorted: string[] = []

  /** Registers a secret; returns the forms now hidden, for the runner's `::add-mask::`. */
  add(secret: string | undefined): string[] {
    if (!secret) return []
    const forms = secretForms(secret).filter((f) => !this.secrets.has(f))
    if (forms.length) {
      for (const f of forms) this.secrets.add(f)
      // Longest first, so a secret that contains another is hidden whole.
      this.sorted = [...this.secrets].sort((a, b) => b.length - a.length)
    }
    return forms
  }

  apply(text: string): string {
    let out = text
    for (const secret of this.sorted) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED)
    }
    return out
  }

  /** A copy of a value (a report, a finding) with every string in it passed through `apply`. */
  applyDeep<T>(value: T): T {
    return mapStrings(value, (s) => this.apply(s))
  }
}
