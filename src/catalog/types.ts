/**
 * The catalog's types with its ids: `CatalogEntry` defaults to the table's own ids, so a misspelt
 * id fails the compiler. The shape lives in entry.ts, which the table itself imports.
 */
import type { CatalogEntry as EntryOf } from './entry.js'
import type { CatalogId } from './entries.js'

export type { CatalogId }
export type { CatalogVerdict, FixContext } from './entry.js'
export type CatalogEntry<Id extends string = CatalogId> = EntryOf<Id>
