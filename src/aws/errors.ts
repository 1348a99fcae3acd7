import type { ObservedError } from '../types/observed-error.js'

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
  // An answer that is not AWS's whole answer (complete.ts): no answer, as far as evidence goes.
  'IncompleteAnswer',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerException',
  'InternalError',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException'
])

/**
 * AWS's "not now": the awsQuery services (STS, IAM) say `Throttling`, the JSON ones
 * `ThrottlingException`; some proxies and older APIs say `TooManyRequestsException` or HTTP 429.
 */
const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  // bedrock-mantle's, in Anthropic's error shape
  'rate_limit_error'
])

export function isThrottle(error: Pick<ObservedError, 'code' | 'httpStatus'>): boolean {
  return THROTTLE_CODES.has(error.code) || error.httpStatus === 429
}

/** True when the error says nothing about permissions: the call simply did not get an answer. */
export function isTransient(error: ObservedError): boolean {
  return (
    NETWORK_CODES.has(error.code) || (error.httpStatus !== undefined && error.httpStatus >= 500)
  )
}

function firstLine(text: string): string {
  const line = text.split(/\r\n|[\n\r\u2028\u2029]/).find((l) => l.trim().length > 0) ?? ''
  return line.trim()
}

interface SdkLikeError {
  name?: unknown
  code?: unknown
  Code?: unknown
  message?: unknown
  $metadata?: { httpStatusCode?: unknown; attempts?: unknown; requestId?: unknown } | null
  $response?: { statusCode?: unknown } | null
  cause?: unknown
}

/** A string field, when it is one: thrown values come from SDKs, Node, proxies and our own bugs. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined
}

function integerOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined
}

/** `String(value)` throws for null-prototype objects and symbols in templates; this never does. */
function describeThrown(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/**
 * Reduces whatever an SDK call threw to code, first message line and HTTP status. Deserialisation
 * failures (a body that is not the protocol's XML or JSON) become `MalformedResponse`. Never
 * throws, whatever was thrown.
 */
export function observeError(err: unknown, operation?: string): ObservedError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkLikeError
  const rawMessage = textOf(e.message) ?? describeThrown(err)
  const httpStatus = integerOf(e.$metadata?.httpStatusCode) ?? integerOf(e.$response?.statusCode)
  let code = firstLine(textOf(e.Code) ?? textOf(e.code) ?? textOf(e.name) ?? '') || 'Error'
  let message = firstLine(rawMessage)

  if (code === 'MalformedResponse' && /^response too large from /.test(rawMessage)) {
    // Ours (body-cap.ts), read through the SDK's deserialiser, which appends its own hint line.
  } else if (
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
  const cause = (typeof e.cause === 'object' ? e.cause : undefined) as
    SdkLikeError | null | undefined
  const causeCode = textOf(cause?.code)
  if (causeCode && NETWORK_CODES.has(causeCode)) code = causeCode
  if (!message) message = code

  const observed: ObservedError = { code, message }
  if (httpStatus !== undefined) observed.httpStatus = httpStatus
  const attempts = integerOf(e.$metadata?.attempts)
  if (attempts !== undefined) observed.attempts = attempts
  const requestId = textOf(e.$metadata?.requestId)
  if (requestId) observed.requestId = requestId
  if (operation) observed.operation = operation
  return observed
}
