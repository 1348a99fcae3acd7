/** What mantle-model learned of one region: the model IDs the agent's requests will name there. */
export interface MantleModelFacts extends Record<string, unknown> {
  /** The IDs to call, each served by mantle in the region (the probe sends these). */
  models: string[]
}
