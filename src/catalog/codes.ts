import type { CatalogId } from './entries.js'

/**
 * Error codes that name a cause on their own, whatever SDK carries them: in any casing, with or
 * without `Exception`/`Error` (parse.ts `codeKey`). Matching decides by these first; an entry's
 * message patterns only refine (a `ValidationException` whose message says the prompt is too
 * long is `prompt-too-long`, not `validation`). Kept apart from the entries so that the whole
 * code → cause table reads in one place.
 *
 * `Code@service` or `Code@Operation` names a cause only when that service or operation answered.
 *
 * Codes from the AWS API models the agents call (src/catalog/inventory/aws-api-errors.json), AWS's
 * common errors (aws-common-errors.json), and the SDKs' own exception names (sdk-messages.json).
 */
export const CODES_OF: Partial<Record<CatalogId, readonly string[]>> = {
  'no-credentials': ['NoCredentialsError', 'NoCredentialProviders', 'MissingCredentialsError'],
  'sso-session-expired': [
    'UnauthorizedSSOTokenError',
    'SSOTokenLoadError',
    'InvalidGrantException',
    'InvalidClientException',
    'UnauthorizedClientException',
    // SSO's GetRoleCredentials refusing the cached token; elsewhere the code names only its class
    'UnauthorizedException@sso',
    'UnauthorizedException@GetRoleCredentials'
  ],
  'profile-not-found': ['ProfileNotFound', 'NoSuchProfileError', 'SharedConfigProfileNotExists'],
  'expired-token': ['ExpiredToken', 'ExpiredTokenException', 'LoginRefreshRequired'],
  'invalid-client-token': ['InvalidClientTokenId', 'UnrecognizedClientException'],
  'signature-mismatch': ['SignatureDoesNotMatch', 'InvalidSignatureException'],
  'incomplete-signature': ['IncompleteSignature'],
  'request-expired': ['RequestExpired', 'RequestTimeTooSkewed'],
  'sts-region-disabled': ['RegionDisabledException'],
  // `~Code`: an entry that refines what the code says by its message (and comes first).
  'oidc-provider-missing': ['~InvalidIdentityToken'],
  'bedrock-api-key-invalid': ['~UnrecognizedClientException'],
  'oidc-audience': ['~InvalidIdentityToken'],
  'oidc-invalid-token': ['InvalidIdentityToken', 'IDPRejectedClaim'],
  'daily-token-quota': ['~ThrottlingException'],
  'idp-communication': ['IDPCommunicationError'],
  'region-missing': ['NoRegionError', 'MissingRegion', 'MissingRegionError'],
  throttled: [
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'TooManyRequestsError',
    'SlowDownException'
  ],
  'service-quota-exceeded': ['ServiceQuotaExceededException'],
  'service-unavailable': [
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalServerException',
    'InternalFailure',
    'ServiceFailure',
    'ServiceException',
    'ModelNotReadyException',
    'ModelErrorException',
    'ModelStreamErrorException',
    'overloaded_error',
    'api_error'
  ],
  timeout: ['ModelTimeoutException', 'RequestTimeout', 'ReadTimeoutError', 'ConnectTimeoutError'],
  'network-unreachable': ['ConnectionClosedError', 'ProxyConnectionError'],
  'prompt-too-long': ['ContextWindowExceededError'],
  'tls-interception': ['SSLError'],
  'credentials-incomplete': ['PartialCredentialsError'],
  'sdk-unknown-service': ['UnknownServiceError'],
  'region-invalid': ['InvalidRegionError']
}
