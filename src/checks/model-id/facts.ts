import type { ModelId } from '../../parse/model-id.js'

/** What `model-id` tells its dependents about the identifier, without calling AWS. */
export interface ModelIdFacts extends Record<string, unknown> {
  model: ModelId
}
