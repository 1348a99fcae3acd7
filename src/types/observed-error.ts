// Shared by the AWS layer that makes it, the catalog that explains it and the engine that reports
// it, so it lives below all three (eslint-rules/layers.js); src/engine/types.ts re-exports it.

/** An AWS (or SDK, or network) error as it was observed, reduced to what a person needs. */
export interface ObservedError {
  /** AWS error code (`ExpiredToken`), SDK error name (`CredentialsProviderError`) or Node code (`ENOTFOUND`). */
  code: string
  /** The first line of the first real error message, never a retry wrapper's. */
  message: string
  httpStatus?: number
  /** How many attempts the SDK made for the call that produced this error. */
  attempts?: number
  /** Set when a later attempt ended differently from the first one (retries hide nothing). */
  lastError?: { code: string; message: string }
  requestId?: string
  /** `service:Operation`, e.g. `sts:GetCallerIdentity`. */
  operation?: string
  /**
   * How the request was authenticated: a Bedrock API key (`Authorization: Bearer`) or SigV4 with
   * the IAM credentials. The catalog never blames an access key for a request that carried none.
   */
  auth?: 'api-key' | 'sigv4'
}
