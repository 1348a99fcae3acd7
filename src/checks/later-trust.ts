import type { CheckDefinition } from '../engine/check.js'
import { roleTrustCheck } from './role-trust.js'
import { oidcTrustCheck } from './oidc-trust.js'

/** The trust checks, loaded once the model checks' requests are out (`LATER_CHECKS`). */
export const TRUST_CHECKS: readonly CheckDefinition[] = [roleTrustCheck, oidcTrustCheck]
