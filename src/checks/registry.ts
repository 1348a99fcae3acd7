import type { CheckDefinition } from '../engine/check.js'
import { regionCheck } from './region.js'
import { credentialsCheck } from './credentials.js'
import { identityCheck } from './identity.js'

/** Every check, in the order the summary lists them. Dependencies decide the order they run in. */
export const ALL_CHECKS: readonly CheckDefinition[] = [regionCheck, credentialsCheck, identityCheck]
