/** Access key IDs in pasted text keep their kind (AKIA/ASIA) and lose the rest. */
export function hideKeyIds(text: string): string {
  return text.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '$1…')
}

/**
 * Secrets a pasted log can hold that the CLI never saw, each cut to its kind: access key IDs,
 * Bedrock API keys (long-term `ABSK…`, short-term `bedrock-api-key-…`; AWS UG `api-keys-how`),
 * and a secret access key or session token after its name (`aws_secret_access_key = …` /
 * `aws_session_token = …` in a credentials file, `AWS_SECRET_ACCESS_KEY=…` /
 * `AWS_SESSION_TOKEN=…` in an environment, `"SecretAccessKey": "…"` / `"SessionToken": "…"` in an
 * STS AssumeRole answer or `aws configure export-credentials` output). `aws_security_token` is the
 * older name some tools still write for the session token.
 */
export function hidePastedSecrets(text: string): string {
  return hideKeyIds(text)
    .replace(/\bABSK[A-Za-z0-9+/_=-]{16,}/g, 'ABSK…')
    .replace(/\bbedrock-api-key-\S+/g, 'bedrock-api-key-…')
    .replace(
      /\b(aws_secret_access_key|aws_session_token|aws_security_token|SecretAccessKey|SessionToken)(["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{16,}/gi,
      '$1$2…'
    )
}
