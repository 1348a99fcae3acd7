import type {
  CheckContext as EngineContext,
  CheckMeta,
  CheckRun as EngineRun,
  Messages
} from '../../engine/check.js'
import type { KeyFacts } from '../api-key/facts.js'
import type { CredentialsFacts } from '../credentials/facts.js'
import type { IdentityFacts } from '../identity/facts.js'
import type { MantleModelFacts } from '../mantle-model/facts.js'
import type { ModelIdFacts } from '../model-id/facts.js'
import type { ResolveFacts } from '../model-resolve/facts.js'

/**
 * The facts each check that publishes some hands the checks after it, by its id, each declared
 * in the check's facts.ts. `ctx.facts(id)` and `ctx.waitFor(id)` return `FactsOf<id>`; an id that
 * is not here (misspelt, or a check that publishes nothing) fails the compiler. The registry
 * (src/checks/registry.ts) checks that every id here is a check's.
 */
export type FactsById = {
  credentials: CredentialsFacts
  identity: IdentityFacts
  'api-key': KeyFacts
  'model-id': ModelIdFacts
  'model-resolve': ResolveFacts
  'mantle-model': MantleModelFacts
}

/** The facts check `Id` hands its dependents. */
export type FactsOf<Id extends keyof FactsById> = FactsById[Id]

/** A check's context, its `facts` and `waitFor` typed by check id. */
export type CheckContext<M extends Messages = Messages> = EngineContext<M, FactsById>

/** A check's run: `export const run: CheckRun<typeof meta.messages> = async (ctx) => …`. */
export type CheckRun<M extends Messages = Messages> = EngineRun<M, FactsById>

/**
 * Declares a check's meta with its literal types kept: message ids and placeholders are checked
 * where the check reports, and the registry checks that the ids in `dependsOn`, `speculative`
 * and `uses` are checks' (`CheckId`).
 */
export function defineMeta<const T extends CheckMeta<Messages>>(meta: T): T {
  return meta
}
