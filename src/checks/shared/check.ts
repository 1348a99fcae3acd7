import {
  defineMeta as defineEngineMeta,
  type CheckContext as EngineContext,
  type CheckMeta,
  type CheckRun as EngineRun,
  type Messages
} from '../../engine/check.js'
import type { KeyFacts } from '../api-key/facts.js'
import type { CredentialsFacts } from '../credentials/facts.js'
import type { IdentityFacts } from '../identity/facts.js'
import type { MantleModelFacts } from '../mantle-model/facts.js'
import type { ModelIdFacts } from '../model-id/facts.js'
import type { ResolveFacts } from '../model-resolve/facts.js'
import type { RegionFacts } from '../region/facts.js'

/**
 * Every check's id, with the facts it hands the checks after it (`void`: none), each declared in
 * the check's facts.ts. `ctx.facts(id)` and `ctx.waitFor(id)` return `FactsOf<id>`, and a
 * misspelt id in them or in a meta's `dependsOn`, `speculative` or `uses` fails the compiler.
 * src/checks/registry.ts lists the same ids (in summary order) with each check's meta and run.
 *
 * Why not `keyof typeof` the registry: the registry imports every meta and run, and they would
 * import it back for these types, a cycle eslint-rules/layers.js refuses (type-only included).
 */
export type FactsById = {
  region: RegionFacts
  'env-file': void
  credentials: CredentialsFacts
  identity: IdentityFacts
  'api-key': KeyFacts
  'model-id': ModelIdFacts
  'model-resolve': ResolveFacts
  'model-access': void
  'invoke-permission': void
  'invoke-probe': void
  quota: void
  'api-key-permission': void
  'mantle-access': void
  'mantle-model': MantleModelFacts
  'mantle-project': void
  'mantle-probe': void
  'mantle-quota': void
  'role-trust': void
  'oidc-trust': void
}

export type CheckId = keyof FactsById

/** The facts check `Id` hands its dependents. */
export type FactsOf<Id extends CheckId> = FactsById[Id]

/** A check's context, its `facts` and `waitFor` typed by check id. */
export type CheckContext<M extends Messages = Messages> = EngineContext<M, FactsById>

/** A check's run: `export const run: CheckRun<typeof meta.messages> = async (ctx) => …`. */
export type CheckRun<M extends Messages = Messages> = EngineRun<M, FactsById>

/** The ids a meta names, each one a check's. */
interface NamedChecks {
  readonly id: CheckId
  readonly dependsOn: readonly CheckId[]
  readonly speculative?: readonly CheckId[]
  readonly uses?: readonly CheckId[]
}

/**
 * Declares a check's meta: its messages' literal types kept (so message ids and placeholders are
 * checked), its own id and the ids it names checked against `CheckId`.
 */
export function defineMeta<const M extends Messages>(
  meta: CheckMeta<M> & NamedChecks
): CheckMeta<M> {
  return defineEngineMeta(meta)
}
