import { codeKey, type ParsedError } from './parse.js'

/**
 * What kind of failure an error is, when the catalog has no entry for its exact cause: a code
 * the catalog lacks falls to the entry of its class, which says what is known (who refused, and
 * where to look), never to "not in the catalog".
 */
export type ErrorClass =
  'credentials' | 'permission' | 'throttling' | 'validation' | 'not-found' | 'server' | 'network'

/** The entry that speaks for each class (src/catalog/entries.ts, src/catalog/entries/classes.ts). */
export const CLASS_ENTRY = {
  credentials: 'credentials-error',
  permission: 'access-denied',
  throttling: 'throttled',
  validation: 'validation',
  'not-found': 'resource-not-found',
  server: 'service-unavailable',
  network: 'network-unreachable'
} as const satisfies Record<ErrorClass, string>

/**
 * Code names by class, as code keys (parse.ts `codeKey`), from the error shapes of the AWS API
 * models and the SDKs' own exception names (src/catalog/inventory/). Tried in order: a code
 * that names a token or a signature is a credentials problem even when it says "invalid".
 */
const BY_NAME: [ErrorClass, RegExp][] = [
  [
    'throttling',
    /throttl|toomanyrequests|slowdown|ratelimit|requestlimitexceeded|capacitynotavailable|overloaded/
  ],
  [
    'credentials',
    /credential|clienttoken|securitytoken|expiredtoken|tokenexpired|signature|authfailure|unrecognizedclient|invalidclient|invalidgrant|unauthorizedclient|authorizationpending|missingauthenticationtoken|nocredentialproviders|sso|webidentity|sharedconfig|sharedcreds|idprejectedclaim|invalididentitytoken|idpcommunication|accesskey|secretkey|authentication|^unauthorized$|notoken|bearertoken|authtoken/
  ],
  [
    'permission',
    /accessdenied|notauthorized|unauthorizedoperation|forbidden|permission|optinrequired/
  ],
  ['not-found', /notfound|nosuch/],
  [
    'server',
    /internal|serviceunavailable|servicefailure|^service$|unavailable|modelnotready|modelerror|modelstream|^api$|policyevaluation|dependencyfailure/
  ],
  [
    'network',
    /timeout|connection|connect|network|socket|dns|unknownhost|endpointconnection|ssl|tls|proxy/
  ],
  [
    'validation',
    /validation|invalid|malformed|missing|badrequest|toolarge|toolong|unsupported|serialization|illegalargument|conflict|limitexceeded|quotaexceeded|notsupported|parameter|request$/
  ]
]

/** The class a code names on its own, if its name says it. */
export function classOfCode(code: string): ErrorClass | undefined {
  const key = codeKey(code)
  return BY_NAME.find(([, re]) => re.test(key))?.[0]
}

/** The class an HTTP status names: AWS's and Anthropic's uses of them. */
function classOfStatus(status: number): ErrorClass | undefined {
  if (status === 401) return 'credentials'
  if (status === 403) return 'permission'
  if (status === 404) return 'not-found'
  if (status === 408) return 'network'
  if (status === 429) return 'throttling'
  if (status >= 500) return 'server'
  if (status >= 400) return 'validation'
  return undefined
}

/** Messages that say their class in words, when there is no code or status to read. */
const BY_MESSAGE: [ErrorClass, RegExp][] = [
  ['permission', /\b(?:access denied|not authorized to|insufficient permissions|forbidden)\b/i],
  ['throttling', /\b(?:rate exceeded|too many requests|rate limit)/i],
  [
    'credentials',
    /\b(?:(?:unable to|could ?n[o']t|cannot) (?:load|locate|find|resolve|retrieve) (?:\w+ ){0,3}credentials|credentials? (?:\w+ ){0,3}(?:not found|missing|expired|invalid)|(?:cannot|could not) assume (?:IAM )?role)/i
  ]
]

/** The class of a parsed error: by its code, else by its HTTP status, else by its words. */
export function classOf(parsed: ParsedError, text = ''): ErrorClass | undefined {
  return (
    (parsed.code ? classOfCode(parsed.code) : undefined) ??
    (parsed.httpStatus ? classOfStatus(parsed.httpStatus) : undefined) ??
    BY_MESSAGE.find(([, re]) => re.test(text))?.[0]
  )
}
