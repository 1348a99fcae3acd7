import type { CheckDefinition } from '../engine/check.js'
import { regionCheck } from './region.js'
import { credentialsCheck } from './credentials.js'
import { envFileCheck } from './env-file.js'
import { identityCheck } from './identity.js'
import { modelIdCheck } from './model-id.js'

/**
 * The checks on the way to the first request (GetCallerIdentity), bundled with the entry. The
 * summary lists them first, in this order.
 */
export const FIRST_CHECKS: readonly CheckDefinition[] = [
  regionCheck,
  envFileCheck,
  credentialsCheck,
  identityCheck,
  modelIdCheck
]

/** Loads one group of checks (a separate chunk of dist/). */
export type CheckGroupLoader = () => Promise<readonly CheckDefinition[]>

/**
 * Every other check, in summary order, as groups loaded one after another once the first request
 * is on the wire (docs/performance.md). The model checks come first: Bedrock's reads must leave
 * before GetCallerIdentity's answer is back, and IAM's wait for them. AssumeRole, which nothing
 * waits for, can leave a few milliseconds later. Each check depends only on checks listed before it.
 */
export const LATER_CHECKS: readonly CheckGroupLoader[] = [
  async () => (await import('./later-models.js')).MODEL_CHECKS,
  async () => (await import('./later-trust.js')).TRUST_CHECKS
]
