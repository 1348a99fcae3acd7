/** What `identity` tells its dependents: the caller as STS sees it. */
export interface IdentityFacts extends Record<string, unknown> {
  accountId: string
  arn: string
  userId: string
  partition: string
  /** For a role session, the role's IAM ARN (what IAM policy simulation needs); its path may be lost. */
  roleArn?: string
  /**
   * `assumed-role`, `user`, `role`, `root`, `federated-user` or `other` (src/parse/arn.ts), or
   * `api-key` when only a Bedrock API key is configured (no caller: `arn` and `accountId` empty).
   */
  kind: string
}
