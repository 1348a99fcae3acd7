import { AGENT_ENTRIES } from './agents.js'
import { CLASS_ENTRIES } from './classes.js'
import { REQUEST_ENTRIES } from './request.js'
import { SDK_CLIENT_ENTRIES } from './sdk-client.js'

/**
 * Entries kept in files of their own, one per kind, appended to the catalog (../entries.ts). An
 * entry that refines an older one says so with `before`, so order in this list never matters.
 */
export const GROUPED_ENTRIES = [
  ...SDK_CLIENT_ENTRIES,
  ...AGENT_ENTRIES,
  ...REQUEST_ENTRIES,
  ...CLASS_ENTRIES
] as const
