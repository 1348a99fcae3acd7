import {
  defineCheck,
  type CheckEntry,
  type CheckMeta,
  type CheckRun,
  type Messages
} from '../engine/check.js'
import type { FactsById } from './shared/check.js'
import { meta as region } from './region/meta.js'
import { meta as envFile } from './env-file/meta.js'
import { meta as agentSettings } from './agent-settings/meta.js'
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

/** A registry entry that keeps its meta's literal type, so the ids it names are checked below. */
function check<const Meta extends CheckMeta<Messages>>(
  meta: Meta,
  load: () => Promise<{ run: CheckRun<Meta['messages']> }>,
  steps: Pick<CheckEntry, 'prepare'> = {}
): Omit<CheckEntry, 'meta'> & { readonly meta: Meta } {
  return { ...defineCheck(meta, load, steps), meta }
}

/**
 * Every check, by id, in the order the summary lists them (as ESLint's lib/rules/index.js): its
 * meta, loaded now (the engine plans the whole run from it), and a loader for its run, loaded when
 * its task starts. A check depends only on checks listed before it. The faces hand this to the
 * engine, which imports no check. Which runs share a file of dist/ is said once, in
 * scripts/check-chunks.json.
 */
export const REGISTRY = {
  region: check(region, () => import('./region/run.js')),
  'env-file': check(envFile, () => import('./env-file/run.js')),
  'agent-settings': check(agentSettings, () => import('./agent-settings/run.js')),
  credentials: check(credentials, () => import('./credentials/run.js')),
  identity: check(identity, () => import('./identity/run.js')),
  'api-key': check(apiKey, () => import('./api-key/run.js')),
  'model-id': check(modelId, () => import('./model-id/run.js'), {
    prepare: withDefaultModel
  }),
  'model-resolve': check(modelResolve, () => import('./model-resolve/run.js')),
  'model-access': check(modelAccess, () => import('./model-access/run.js')),
  'invoke-permission': check(invokePermission, () => import('./invoke-permission/run.js')),
  'invoke-probe': check(invokeProbe, () => import('./invoke-probe/run.js')),
  quota: check(quota, () => import('./quota/run.js')),
  'api-key-permission': check(apiKeyPermission, () => import('./api-key-permission/run.js')),
  'mantle-access': check(mantleAccess, () => import('./mantle-access/run.js')),
  'mantle-model': check(mantleModel, () => import('./mantle-model/run.js')),
  'mantle-project': check(mantleProject, () => import('./mantle-project/run.js')),
  'mantle-probe': check(mantleProbe, () => import('./mantle-probe/run.js')),
  'mantle-quota': check(mantleQuota, () => import('./mantle-quota/run.js')),
  'role-trust': check(roleTrust, () => import('./role-trust/run.js')),
  'oidc-trust': check(oidcTrust, () => import('./oidc-trust/run.js'))
}

export type CheckId = keyof typeof REGISTRY

/** The ids a meta names where a check is meant: in its dependsOn, speculative and uses. */
export type NamedBy<M> = M extends { dependsOn: readonly (infer D)[] }
  ? | D
    | (M extends { speculative: readonly (infer S)[] } ? S : never)
    | (M extends { uses: readonly (infer U)[] } ? U : never)
  : never
type Named = NamedBy<(typeof REGISTRY)[CheckId]['meta']> | keyof FactsById
/** Fails the compiler, naming the id, when one of them is no check's (a typo, a check removed). */
export const _everyNamedIdIsACheck: [Exclude<Named, CheckId>] extends [never]
  ? true
  : { 'not a check': Exclude<Named, CheckId> } = true

/** The registry as a list, in summary order: what the faces pass to `runPreflight`. */
export const CHECKS: readonly CheckEntry[] = Object.values(REGISTRY)

/** The registry entry of a check, by id (tests and docs). */
export function checkById(id: CheckId): CheckEntry {
  const entry: CheckEntry | undefined = REGISTRY[id]
  if (!entry) throw new Error(`no check '${id}'`)
  return entry
}
