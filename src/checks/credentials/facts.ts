/** What `credentials` tells: where the credentials come from (never the credentials). */
export interface CredentialsFacts extends Record<string, unknown> {
  /** A `CredentialSourceKind` (src/types/credential-source.ts), or `api-key-only`. */
  source: string
  /** When temporary credentials expire, ISO 8601. */
  expiration?: string
}
