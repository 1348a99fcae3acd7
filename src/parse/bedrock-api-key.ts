import { API_KEY_FORMATS_FACT } from '../data/api-keys.js'

/**
 * Bedrock API keys, read offline (AWS UG `api-keys-how`). A key is a secret: nothing returned here
 * contains it, its signature or the session token a short-term key embeds.
 *
 * - Short-term: `bedrock-api-key-` + base64 of a presigned `CallWithBearerToken` URL without its
 *   scheme (`bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=KEY/DATE/REGION/
 *   bedrock/aws4_request&X-Amz-Date=…&X-Amz-Expires=…&…&Version=1`, as @aws/bedrock-token-generator
 *   writes it). It works in that region only, until X-Amz-Date + X-Amz-Expires (at most 12 h, and
 *   never past the signing session), with the permissions of whoever signed it.
 * - Long-term: `ABSK` + base64 of `<user-name>-at-<account>:<secret>`, an IAM service-specific
 *   credential of any IAM user (the console's are named `BedrockAPIKey-<id>`; src/data/api-keys.ts).
 */
export const SHORT_TERM_PREFIX = API_KEY_FORMATS_FACT.value.shortTermPrefix
export const LONG_TERM_PREFIX = API_KEY_FORMATS_FACT.value.longTermPrefix
/** AWS: a short-term key lasts at most 12 hours. */
export const MAX_SHORT_TERM_SECONDS = API_KEY_FORMATS_FACT.value.maxShortTermHours * 3600
/** An IAM user name (IAM API `userNameType`): 1–64 of letters, digits and `+=,.@_-`. */
const USER_NAME = '[\\w+=,.@-]{1,64}'

export type BedrockApiKey =
  | {
      ok: true
      kind: 'short-term'
      region: string
      /** The signing key's kind, from its access key ID prefix: an IAM user's or a session's. */
      signedWith: 'long-term' | 'temporary' | 'unknown'
      /** The signing access key ID (not secret; printed only as `AKIA…`/`ASIA…` plus the last 4). */
      accessKeyId: string
      issuedAt: Date
      expiresAt: Date
    }
  | { ok: true; kind: 'long-term'; account: string; userName: string }
  | { ok: false; problem: string }

/** Base64 (or base64url) of text, decoded; undefined for anything else. */
export function fromBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined
  const decoded = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')
  // Base64 of text decodes to printable characters; anything else to replacement or control ones.
  return [...decoded].some((c) => c === '\uFFFD' || c.charCodeAt(0) < 9) ? undefined : decoded
}

/** `20261201T100131Z` → a Date, or undefined. */
function amzDate(value: string | null): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '')
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!))
}

function shortTerm(body: string): BedrockApiKey {
  const decoded = fromBase64(body)
  if (!decoded)
    return { ok: false, problem: 'the part after `bedrock-api-key-` is not base64 text' }
  let url: URL
  try {
    url = new URL(decoded.startsWith('https://') ? decoded : `https://${decoded}`)
  } catch {
    return { ok: false, problem: 'it does not decode to a presigned URL' }
  }
  const q = url.searchParams
  if (q.get('Action') !== 'CallWithBearerToken')
    return { ok: false, problem: 'its presigned URL is not for `CallWithBearerToken`' }
  const credential = (q.get('X-Amz-Credential') ?? '').split('/')
  const [accessKeyId = '', , region = '', service = ''] = credential
  const issuedAt = amzDate(q.get('X-Amz-Date'))
  const seconds = Number(q.get('X-Amz-Expires'))
  if (
    credential.length !== 5 ||
    service !== 'bedrock' ||
    !/^[a-z]{2,4}(-[a-z]+)+-\d+$/.test(region)
  )
    return {
      ok: false,
      problem: 'its X-Amz-Credential does not name a region and the bedrock service'
    }
  if (!issuedAt || !Number.isInteger(seconds) || seconds <= 0)
    return { ok: false, problem: 'its X-Amz-Date or X-Amz-Expires is missing or malformed' }
  if (!q.get('X-Amz-Signature')) return { ok: false, problem: 'its presigned URL has no signature' }
  const signedWith = /^AKIA/.test(accessKeyId)
    ? 'long-term'
    : /^ASIA/.test(accessKeyId)
      ? 'temporary'
      : 'unknown'
  return {
    ok: true,
    kind: 'short-term',
    region,
    signedWith,
    accessKeyId,
    issuedAt,
    expiresAt: new Date(issuedAt.getTime() + Math.min(seconds, MAX_SHORT_TERM_SECONDS) * 1000)
  }
}

function longTerm(body: string): BedrockApiKey {
  const decoded = fromBase64(body)
  const m = decoded ? new RegExp(`^(${USER_NAME})-at-(\\d{12}):.+$`, 's').exec(decoded) : null
  if (!m) {
    return {
      ok: false,
      problem: 'the part after `ABSK` does not decode to `<user-name>-at-<account>:<secret>`'
    }
  }
  return { ok: true, kind: 'long-term', userName: m[1]!, account: m[2]! }
}

/** Classifies and decodes a key; never throws, never returns the key or any part of its secret. */
export function parseBedrockApiKey(value: string): BedrockApiKey {
  const key = value.trim()
  if (key.startsWith(SHORT_TERM_PREFIX)) return shortTerm(key.slice(SHORT_TERM_PREFIX.length))
  if (key.startsWith(LONG_TERM_PREFIX)) return longTerm(key.slice(LONG_TERM_PREFIX.length))
  return {
    ok: false,
    problem: `it starts with neither \`${SHORT_TERM_PREFIX}\` (a short-term key) nor \`${LONG_TERM_PREFIX}\` (a long-term key)`
  }
}

/** An access key ID as findings may show it: its kind prefix and last four characters. */
export function shownKeyId(accessKeyId: string): string {
  return accessKeyId.length > 8 ? `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}` : '…'
}
