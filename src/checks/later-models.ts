import type { CheckDefinition } from '../engine/check.js'
import { modelResolveCheck } from './model-resolve.js'
import { modelAccessCheck } from './model-access.js'
import { invokePermissionCheck } from './invoke-permission.js'
import { invokeProbeCheck } from './invoke-probe.js'

/** The model checks, the first group loaded after the first request is out (`LATER_CHECKS`). */
export const MODEL_CHECKS: readonly CheckDefinition[] = [
  modelResolveCheck,
  modelAccessCheck,
  invokePermissionCheck,
  invokeProbeCheck
]
