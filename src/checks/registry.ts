import { defineCheck, type CheckEntry } from '../engine/check.js'
import type { CheckId } from './shared/check.js'
import { meta as region } from './region/meta.js'
import { meta as envFile } from './env-file/meta.js'
import { meta as credentials } from './credentials/meta.js'
import { meta as identity } from './identity/meta.js'
import { meta as apiKey } from './api-key/meta.js'
import { meta as modelId } from './model-id/meta.js'
import { meta as modelResolve } from './model-resolve/meta.js'
import { meta as modelAccess } from './model-access/meta.js'
import { meta as invokePermission } from './invoke-permission/meta.js'
import { meta as invokeProbe } from './invoke-probe/meta.js'
import { meta as quota } from './quota/meta.js'
import { meta as apiKeyPermission } from './api-key-permission/meta.js'
import { meta as mantleAccess } from './mantle-access/meta.js'
import { meta as mantleModel } from './mantle-model/meta.js'
import { meta as mantleProject } from './mantle-project/meta.js'
import { meta as mantleProbe } from './mantle-probe/meta.js'
import { meta as mantleQuota } from './mantle-quota/meta.js'
import { meta as roleTrust } from './role-trust/meta.js'
import { meta as oidcTrust } from './oidc-trust/meta.js'
import { withDefaultModel } from './model-id/prepare.js'

/**
 * Every check, by id, in the order the summary lists them (as ESLint's lib/rules/index.js): its
 * meta, loaded now (the engine plans the whole run from it), and a loader for its run, loaded when
 * its task starts. A check depends only on checks listed before it. The faces hand this to the
 * engine, which imports no check. Which runs share a file of dist/ is said once, in
 * scripts/check-chunks.json; `satisfies` keeps these ids and `CheckId` (shared/check.ts) the same.
 */
export const REGISTRY = {
  region: defineCheck(region, () => import('./region/run.js')),
  'env-file': defineCheck(envFile, () => import('./env-file/run.js')),
  credentials: defineCheck(credentials, () => import('./credentials/run.js')),
  identity: defineCheck(identity, () => import('./identity/run.js')),
  'api-key': defineCheck(apiKey, () => import('./api-key/run.js')),
  'model-id': defineCheck(modelId, () => import('./model-id/run.js'), {
    prepare: withDefaultModel
  }),
  'model-resolve': defineCheck(modelResolve, () => import('./model-resolve/run.js')),
  'model-access': defineCheck(modelAccess, () => import('./model-access/run.js')),
  'invoke-permission': defineCheck(invokePermission, () => import('./invoke-permission/run.js')),
  'invoke-probe': defineCheck(invokeProbe, () => import('./invoke-probe/run.js')),
  quota: defineCheck(quota, () => import('./quota/run.js')),
  'api-key-permission': defineCheck(apiKeyPermission, () => import('./api-key-permission/run.js')),
  'mantle-access': defineCheck(mantleAccess, () => import('./mantle-access/run.js')),
  'mantle-model': defineCheck(mantleModel, () => import('./mantle-model/run.js')),
  'mantle-project': defineCheck(mantleProject, () => import('./mantle-project/run.js')),
  'mantle-probe': defineCheck(mantleProbe, () => import('./mantle-probe/run.js')),
  'mantle-quota': defineCheck(mantleQuota, () => import('./mantle-quota/run.js')),
  'role-trust': defineCheck(roleTrust, () => import('./role-trust/run.js')),
  'oidc-trust': defineCheck(oidcTrust, () => import('./oidc-trust/run.js'))
} satisfies Record<CheckId, CheckEntry>

/** The registry as a list, in summary order: what the faces pass to `runPreflight`. */
export const CHECKS: readonly CheckEntry[] = Object.values(REGISTRY)

/** The registry entry of a check, by id (tests and docs). */
export function checkById(id: CheckId): CheckEntry {
  const entry: CheckEntry | undefined = REGISTRY[id]
  if (!entry) throw new Error(`no check '${id}'`)
  return entry
}
