import type { Logger } from '../config.js'

/** The partition a region belongs to (for ARNs the preflight builds). */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  if (region.startsWith('cn-')) return 'aws-cn'
  return 'aws'
}

/** IAM is global per partition; this is the region its requests are signed for. */
export function iamRegion(partition: string): string {
  if (partition === 'aws-us-gov') return 'us-gov-west-1'
  if (partition === 'aws-cn') return 'cn-north-1'
  return 'us-east-1'
}

/**
 * Registers credentials that STS returned (AssumeRole, AssumeRoleWithWebIdentity) as secrets the
 * moment they arrive; the preflight never uses or exports them.
 */
export function maskReturnedCredentials(
  log: Logger,
  credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined
): void {
  for (const secret of [
    credentials?.AccessKeyId,
    credentials?.SecretAccessKey,
    credentials?.SessionToken
  ]) {
    if (secret) log.mask(secret)
  }
}
