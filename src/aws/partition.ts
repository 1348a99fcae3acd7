import type { Logger } from '../config.js'
import { PARTITIONS_FACT } from '../data/regions.js'

const PARTITIONS = PARTITIONS_FACT.value

/** The partition a region belongs to (for ARNs the preflight builds). */
export function partitionOf(region: string): string {
  return PARTITIONS.find((p) => region.startsWith(p.regionPrefix))?.id ?? 'aws'
}

/** IAM is global per partition; this is the region its requests are signed for. */
export function iamRegion(partition: string): string {
  return PARTITIONS.find((p) => p.id === partition)?.iamRegion ?? 'us-east-1'
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
