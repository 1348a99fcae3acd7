import type { CheckDefinition } from '../engine/check.js'
import { regionCheck } from './region.js'
import { credentialsCheck } from './credentials.js'
import { envFileCheck } from './env-file.js'
import { identityCheck } from './identity.js'
import { modelIdCheck } from './model-id.js'
import { modelResolveCheck } from './model-resolve.js'
import { modelAccessCheck } from './model-access.js'
import { invokePermissionCheck } from './invoke-permission.js'
import { invokeProbeCheck } from './invoke-probe.js'
import { roleTrustCheck } from './role-trust.js'
import { oidcTrustCheck } from './oidc-trust.js'

/** Every check, in the order the summary lists them. Dependencies decide the order they run in. */
export const ALL_CHECKS: readonly CheckDefinition[] = [
  regionCheck,
  envFileCheck,
  credentialsCheck,
  identityCheck,
  modelIdCheck,
  modelResolveCheck,
  modelAccessCheck,
  invokePermissionCheck,
  invokeProbeCheck,
  roleTrustCheck,
  oidcTrustCheck
]
