/**
 * Reads a pasted error text into its parts, whatever SDK or tool wrote it: the error code (in any
 * casing, wrapped in any exception class), the service, the operation, the HTTP status and the
 * message. Matching decides by these parts first and by message patterns only to refine
 * (match.ts), so a code the catalog does not list still lands on its class (classes.ts).
 *
 * The dialects, as the SDKs' sources write them (src/catalog/inventory/sdk-messages.json names
 * each file):
 * - botocore, boto3, the AWS CLI: `An error occurred (Code) when calling the Op operation: msg`
 * - JavaScript v3 and v2: `Code: msg`, `name: 'Code'`, `$metadata: { httpStatusCode: 403 }`
 * - Go v2 and the Terraform AWS provider: `operation error STS: GetCallerIdentity, https response
 *   error StatusCode: 403, RequestID: …, api error Code: msg`
 * - Go v1: `Code: msg\n\tstatus code: 400, request id: …`
 * - Java v1: `msg (Service: X; Status Code: 400; Error Code: Code; Request ID: …)`
 * - Java v2: `software.amazon.awssdk.services.x.model.CodeException: msg (Service: X, Status Code: 400, …)`
 * - Rust: `ServiceError(ServiceError { source: Code(…), … code: Some("Code"), message: Some("msg") …`
 * - .NET: `Amazon.X.Model.CodeException: msg`, `Amazon.Runtime.AmazonServiceException`
 * - PHP: `Error executing "Op" on "https://…"; AWS HTTP error: … resulted in a `403 Forbidden`
 *   response: … Code (client): msg`
 * - Ruby: `Aws::X::Errors::Code: msg`
 * - Anthropic-shaped bodies (the Anthropic SDKs, Claude Code, bedrock-mantle):
 *   `{"type":"error","error":{"type":"invalid_request_error","message":"…"}}`, `API Error: 400 …`
 * - AWS JSON bodies and headers: `"__type":"com.amazon…#Code"`, `x-amzn-ErrorType: Code:…`
 */
export interface ParsedError {
  /** The error code as written (`ExpiredToken`, `ValidationException`, `invalid_request_error`). */
  code?: string
  /** The HTTP status the text names, if any. */
  httpStatus?: number
  /** The AWS service (`STS`, `BedrockRuntime`, `bedrock-runtime`) as the text names it. */
  service?: string
  /** The API operation (`AssumeRoleWithWebIdentity`, `Converse`). */
  operation?: string
}

/**
 * One key for every spelling of a code: `ExpiredToken`, `ExpiredTokenException`,
 * `expired_token`, `EXPIRED_TOKEN` and `expiredToken` are the same error. A trailing
 * `Exception`/`Error`/`Fault` is part of the class name, not of the condition.
 */
export function codeKey(code: string): string {
  let key = code.toLowerCase().replace(/[^a-z0-9]/g, '')
  for (let i = 0; i < 2; i++) {
    const shorter = key.replace(/(?:exception|error|fault)$/, '')
    if (shorter.length < 3 || shorter === key) break
    key = shorter
  }
  return key
}

/** Exception classes that wrap an AWS answer rather than name one. */
const WRAPPERS =
  /^(?:AmazonServiceException|AmazonClientException|AmazonBedrockRuntimeException|AwsServiceException|SdkServiceException|SdkClientException|SdkException|ServiceException|ClientError|BotoCoreError|AWSError|AwsError|HttpErrorResponseException|AwsException|Exception|Error|Throwable|RuntimeException|ExecutionException|CompletionException|APIError|APIStatusError|AnthropicError|InternalServerError|ServiceError|ProviderError|CredentialsProviderError|TokenProviderError|DispatchFailure|ConnectorError|ResolveEndpointError|EndpointResolutionError|APIConnectionError|ValueError|TypeError|KeyError|RuntimeError|BadRequestError|HTTPError)$/

/** Structured forms, tried in order; each gives what it can. */
/**
 * `trusted`: the form names the AWS error code itself (botocore's parentheses, Go's `api error`,
 * Java v1's `Error Code:`), so even a name that usually wraps (`ServiceException`) is the code.
 */
const FORMS: {
  re: RegExp
  code?: number
  op?: number
  service?: number
  status?: number
  trusted?: boolean
}[] = [
  // botocore: An error occurred (Code) when calling the Op operation
  {
    re: /An error occurred \(([\w.-]+)\) when calling the (\w+) operation/,
    code: 1,
    op: 2,
    trusted: true
  },
  // Go v2 / Terraform: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: …, api error Code: msg
  {
    re: /operation error ([\w ]+?): (\w+), (?:[^,]*?, )*?https response error StatusCode: (\d{3}), RequestID: [\w-]*, (?:api error )?([A-Za-z][\w.]*):/,
    service: 1,
    op: 2,
    status: 3,
    code: 4,
    trusted: true
  },
  // Go v2 client-side: operation error STS: GetCallerIdentity, <what failed>
  { re: /operation error ([\w ]+?): (\w+),/, service: 1, op: 2 },
  // Java v1: (Service: X; Status Code: 400; Error Code: Code; Request ID: …)
  {
    re: /\(Service: ([\w ]+); Status Code: (\d{3}); Error Code: ([\w.]+);/,
    service: 1,
    status: 2,
    code: 3,
    trusted: true
  },
  // Java v2: software.amazon.awssdk.services.x.model.CodeException: msg (Service: X, Status Code: 400, …)
  { re: /software\.amazon\.awssdk\.services\.(\w+)\.model\.(\w+):/, service: 1, code: 2 },
  { re: /\(Service: ([\w ]+), Status Code: (\d{3}),/, service: 1, status: 2 },
  // Java v1: com.amazonaws.services.x.model.CodeException
  { re: /com\.amazonaws\.services\.(\w+)\.model\.(\w+)/, service: 1, code: 2 },
  // .NET: Amazon.X.Model.CodeException
  { re: /\bAmazon\.(\w+)\.Model\.(\w+)/, service: 1, code: 2 },
  // Ruby: Aws::X::Errors::Code
  { re: /\bAws::(\w+)::Errors::(\w+)/, service: 1, code: 2 },
  // PHP: Error executing "Op" on "https://svc.region…"; … `403 Forbidden` response: … Code (client): msg
  { re: /Error executing "(\w+)" on "https?:\/\/([\w-]+)\./, op: 1, service: 2 },
  { re: /resulted in a `(\d{3})[^`]*` response/, status: 1 },
  { re: /\b([A-Z]\w+) \((?:client|server)\): /, code: 1 },
  // Rust: ServiceError { source: CodeException(…) …, code: Some("Code")
  { re: /\bcode: Some\("([\w.]+)"\)/, code: 1, trusted: true },
  { re: /ServiceError \{ source: (\w+)\(/, code: 1 },
  // AWS JSON bodies and headers
  { re: /"__type"\s*:\s*"(?:[\w.]+#)?(\w+)"/, code: 1, trusted: true },
  // Go v1: Code: message\n\tstatus code: 400, request id: …
  {
    re: /\b([A-Z][A-Za-z0-9]+): .*?\bstatus code: (\d{3}), request id:/,
    code: 1,
    status: 2,
    trusted: true
  },
  { re: /x-amzn-ErrorType:?\s*"?(\w+)/i, code: 1 },
  // Anthropic-shaped bodies: {"type":"error","error":{"type":"invalid_request_error", …
  { re: /"error"\s*:\s*\{\s*"type"\s*:\s*"(\w+)"/, code: 1 },
  // Anthropic SDKs and Claude Code: `API Error: 400 {…}`, `Error: 429 {…}`, `400 Bad Request`
  { re: /\bAPI Error(?: \([^)]*\))?:? (\d{3})\b/, status: 1 },
  // JavaScript, Python and most loggers: `Name: message` at the start of a line
  { re: /^(?:[\w.]*\.)?([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+): /, code: 1 }
]

/** An AWS-style code alone: `ExpiredToken:`, `ValidationException`, `(AccessDenied)`. */
const BARE_CODE =
  /\b([A-Z][A-Za-z0-9]*(?:Exception|Error|Fault)|AccessDenied|ExpiredToken|InvalidClientTokenId|SignatureDoesNotMatch|IncompleteSignature|RequestExpired|NoSuchEntity|NotAuthorized|InvalidAction|ResourceNotFound|OptInRequired|MissingAuthenticationToken|Throttling|InternalFailure|ServiceUnavailable|MalformedQueryString|InvalidParameterValue|MissingParameter|UnrecognizedClient|IDPRejectedClaim|InvalidIdentityToken|MalformedPolicyDocument|PackedPolicyTooLarge|ServiceFailure|InvalidInput|RequestTimeTooSkewed|AuthFailure|AccessDeniedException)\b/g

const STATUS =
  /\b(?:status ?code|StatusCode|HTTP(?:\/\d(?:\.\d)?)?|http_status|httpStatusCode|status)["']?\s*[:=(]?\s*(\d{3})\b/i

/**
 * The parts of one error text. A text may hold several codes (a wrapper and what it wraps):
 * the structured forms win over a bare code, and a wrapper class (`SdkClientException`,
 * `ClientError`) never hides the code it wraps.
 */
export function parseErrorText(text: string): ParsedError {
  const parsed: ParsedError = {}
  for (const form of FORMS) {
    const m = form.re.exec(text)
    if (!m) continue
    const code = form.code ? m[form.code] : undefined
    if (code && !parsed.code && (form.trusted || !WRAPPERS.test(code))) {
      parsed.code = code.replace(/^.*\./, '')
    }
    if (form.op && !parsed.operation) parsed.operation = m[form.op]
    if (form.service && !parsed.service) parsed.service = m[form.service]
    if (form.status && !parsed.httpStatus) parsed.httpStatus = Number(m[form.status])
  }
  if (!parsed.code) {
    for (const m of text.matchAll(BARE_CODE)) {
      if (m[1] && !WRAPPERS.test(m[1])) {
        parsed.code = m[1]
        break
      }
    }
  }
  if (!parsed.httpStatus) {
    const s = STATUS.exec(text)
    if (s?.[1]) parsed.httpStatus = Number(s[1])
  }
  return parsed
}

const nameKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * A code as a catalog lists it: `ExpiredToken`, or `UnauthorizedException@sso` for a code that
 * names a cause only when a given service or operation answered it (`@GetRoleCredentials`).
 */
export function qualifiedCodeKey(code: string): string {
  const [bare, where] = code.split('@')
  return where ? `${codeKey(bare!)}@${nameKey(where)}` : codeKey(bare!)
}

/**
 * Every code a text names, as keys: the parsed one first, then each bare one; and the parsed one
 * qualified by the service and the operation that answered it, when the text names them.
 */
export function codeKeysIn(text: string, parsed: ParsedError): Set<string> {
  const keys = new Set<string>()
  if (parsed.code) {
    const key = codeKey(parsed.code)
    keys.add(key)
    if (parsed.service) keys.add(`${key}@${nameKey(parsed.service)}`)
    if (parsed.operation) keys.add(`${key}@${nameKey(parsed.operation)}`)
  }
  for (const m of text.matchAll(BARE_CODE)) {
    if (m[1] && !WRAPPERS.test(m[1])) keys.add(codeKey(m[1]))
  }
  return keys
}
