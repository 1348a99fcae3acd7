import type { ObservedError } from '../engine/types.js'

/** Node and SDK conditions that mean "no answer", as opposed to an answer that says no. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
  'AbortError',
  'NetworkingError',
  'MalformedResponse',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerException',
  'InternalError',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException'
])

/** True when the error says nothing about permissions: the call simply did not get an answer. */
export function isTransient(error: ObservedError): boolean {
  return (
    NETWORK_CODES.has(error.code) || (error.httpStatus !== undefined && error.httpStatus >= 500)
  )
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim().length > 0) ?? ''
  return line.trim()
}

interface SdkLikeError {
  name?: string
  code?: string
  Code?: string
  message?: string
  errno?: string
  $fault?: string
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string }
  $response?: { statusCode?: number }
  cause?: unknown
}

/**
 * Reduces whatever an SDK call threw to code, first message line and HTTP status. Deserialisation
 * failures (a body that is not the protocol's XML or JSON) become `MalformedResponse`.
 */
export function observeError(err: unknown, operation?: string): ObservedError {
  const e = (
    typeof err === 'object' && err !== null ? err : { message: String(err) }
  ) as SdkLikeError
  const rawMessage = typeof e.message === 'string' ? e.message : String(err)
  const httpStatus = e.$metadata?.httpStatusCode ?? e.$response?.statusCode
  let code = e.Code ?? (typeof e.code === 'string' ? e.code : undefined) ?? e.name ?? 'Error'
  let message = firstLine(rawMessage)

  if (
    /Deserialization error|Unexpected token|not valid JSON|char '.*' is not expected|Non-whitespace before first tag|Unexpected end of JSON/i.test(
      rawMessage
    )
  ) {
    code = 'MalformedResponse'
    message = `The endpoint answered with a body that is not valid AWS ${/JSON/i.test(rawMessage) ? 'JSON' : 'XML'}${httpStatus ? ` (HTTP ${httpStatus})` : ''}`
  } else if ((code === 'Unknown' || code === 'UnknownError' || code === 'Error') && httpStatus) {
    // An HTTP error with no AWS error document: name it by its status, not "UnknownError".
    code = httpStatus >= 500 ? 'ServiceUnavailable' : `HTTP${httpStatus}`
    message =
      message && message !== 'UnknownError' && message !== 'Unknown'
        ? message
        : `HTTP ${httpStatus} with no AWS error in the body`
  }
  // Node wraps network failures; the useful code sits on the error or its cause.
  const cause = e.cause as SdkLikeError | undefined
  if (cause && typeof cause.code === 'string' && NETWORK_CODES.has(cause.code)) code = cause.code
  if (!message) message = code

  const observed: ObservedError = { code, message }
  if (httpStatus !== undefined) observed.httpStatus = httpStatus
  if (e.$metadata?.attempts !== undefined) observed.attempts = e.$metadata.attempts
  if (e.$metadata?.requestId) observed.requestId = e.$metadata.requestId
  if (operation) observed.operation = operation
  return observed
}
