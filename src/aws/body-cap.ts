import { Transform, type Readable } from 'node:stream'

/**
 * The largest answer the preflight reads. The biggest legitimate ones (ListInferenceProfiles of a
 * busy account, a GetRole with a long trust policy, SimulatePrincipalPolicy with every matched
 * statement) are tens of kilobytes; 4 MiB leaves room for growth. Anything larger is a proxy's
 * page, a misrouted endpoint or a hostile network, and reading it would cost the SDK several
 * times its size in memory (buffer, string, parsed document).
 */
export const RESPONSE_LIMIT_BYTES = 4 * 1024 * 1024

/**
 * The most of an event stream the preflight reads: the probe stops after the first event, a
 * `message_start` of a few hundred bytes (or an exception event of about as many); 64 KiB covers
 * it and whatever the socket delivered with it, and stops a stream that never frames an event.
 */
export const EVENT_STREAM_LIMIT_BYTES = 64 * 1024

/**
 * What a call that hit the limit ends with: a `MalformedResponse` (the catalog's "unreadable answer
 * from the endpoint": a proxy, a portal, a wrong endpoint), whose first line `observeError` keeps.
 */
export function responseTooLarge(service: string, limit: number, status?: number): Error {
  return Object.assign(
    new Error(
      `response too large from ${service}: more than ${Math.round(limit / 1024 / 1024)} MB${status ? ` (HTTP ${status})` : ''}, where no AWS answer the preflight reads is larger than a few hundred KB`
    ),
    { name: 'MalformedResponse', ...(status ? { $metadata: { httpStatusCode: status } } : {}) }
  )
}

interface RawResponse {
  statusCode?: number
  headers?: Record<string, string | undefined>
  body?: unknown
}

function isReadable(body: unknown): body is Readable {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Readable).pipe === 'function' &&
    typeof (body as Readable).destroy === 'function'
  )
}

/**
 * Bounds one HTTP response before the SDK reads it: a declared length over the limit ends the call
 * at once (the socket is dropped, nothing is read); otherwise the body is counted as it streams and
 * fails the read at the limit, dropping the socket. Mutates `response.body`, as the SDK's own
 * middleware does.
 */
export function capBody(
  response: unknown,
  limit: number,
  service: string,
  /** An event stream the reader stops early (after its first event): drop the socket then. */
  stream = false
): void {
  const r = response as RawResponse | undefined
  if (!r || !isReadable(r.body)) return
  const source = r.body
  const declared = Number(r.headers?.['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    source.destroy()
    throw responseTooLarge(service, limit, r.statusCode)
  }
  let seen = 0
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > limit) {
        source.destroy()
        done(responseTooLarge(service, limit, r.statusCode))
        return
      }
      done(null, chunk)
    }
  })
  source.on('error', (err) => counted.destroy(err))
  // A reader that stops early (the probe, after an event stream's first event) closes the counted
  // stream: the socket is dropped rather than left holding an unread answer.
  if (stream)
    counted.on('close', () => {
      if (!source.readableEnded) source.destroy()
    })
  source.pipe(counted)
  r.body = counted
}
