import type { CheckContext } from '../shared/check.js'
import type { meta } from './meta.js'

/** What each part of this check reports through: its own message ids and placeholders, typed. */
export type ResolveContext = CheckContext<typeof meta.messages>
