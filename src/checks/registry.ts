import type { CheckEntry } from '../engine/check.js'
import region from './region/index.js'
import envFile from './env-file/index.js'
import agentSettings from './agent-settings/index.js'
import credentials from './credentials/index.js'
import identity from './identity/index.js'
import apiKey from './api-key/index.js'
import modelId from './model-id/index.js'
import modelResolve from './model-resolve/index.js'
import modelAccess from './model-access/index.js'
import invokePermission from './invoke-permission/index.js'
import invokeProbe from './invoke-probe/index.js'
import quota from './quota/index.js'
import apiKeyPermission from './api-key-permission/index.js'
import mantleAccess from './mantle-access/index.js'
import mantleModel from './mantle-model/index.js'
import mantleProject from './mantle-project/index.js'
import mantleProbe from './mantle-probe/index.js'
import mantleQuota from './mantle-quota/index.js'
import roleTrust from './role-trust/index.js'
import oidcTrust from './oidc-trust/index.js'

/**
 * Every check, in the order the summary lists them. Each entry is the check's meta (loaded now:
 * the engine plans the whole run from it) and a loader for its run (loaded when its task starts).
 * A check depends only on checks listed before it. Which runs share a file of dist/ is said once,
 * in scripts/bundle.mjs (CHECK_CHUNKS).
 */
export const CHECKS: readonly CheckEntry[] = [
  region,
  envFile,
  agentSettings,
  credentials,
  identity,
  apiKey,
  modelId,
  modelResolve,
  modelAccess,
  invokePermission,
  invokeProbe,
  quota,
  apiKeyPermission,
  mantleAccess,
  mantleModel,
  mantleProject,
  mantleProbe,
  mantleQuota,
  roleTrust,
  oidcTrust
]

/** The registry entry of a check, by id (tests and docs). */
export function checkById(id: string): CheckEntry {
  const entry = CHECKS.find((c) => c.meta.id === id)
  if (!entry) throw new Error(`no check '${id}'`)
  return entry
}
