/**
 * Catalog ids are typed from the table (`CatalogId`, src/catalog/entries.ts): a misspelt id in a
 * comparison, a finding or a check's message fails `tsc` (npm run typecheck), not a user. Each
 * `@ts-expect-error` below is an error the compiler must keep reporting; were the type to widen
 * back to `string`, the directive itself would fail the typecheck as unused.
 */
import { allEntries, entryById, matchText } from '../../src/catalog/match.js'
import type { CatalogId } from '../../src/catalog/types.js'
import type { MessageSpec } from '../../src/engine/check.js'
import type { Finding } from '../../src/engine/types.js'

describe('catalog ids', () => {
  it('are unique, so an id names one entry', () => {
    const ids = allEntries().map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('fail the compiler when misspelt, wherever one is written', () => {
    const known: CatalogId = 'model-end-of-life'
    // @ts-expect-error: no entry is called `model-end-of-lfe`
    const misspelt: CatalogId = 'model-end-of-lfe'

    const entry = matchText('ExpiredToken: The security token included in the request is expired')
    // @ts-expect-error: what `explain` returns carries a CatalogId, so the comparison cannot match
    const compared = entry?.id === 'expired-tokn'

    // @ts-expect-error: a finding's catalogId is a CatalogId
    const finding: Pick<Finding, 'catalogId'> = { catalogId: 'preflight-read-denid' }

    // @ts-expect-error: the `catalog:` of a check's message is a CatalogId
    const message: MessageSpec = { status: 'catalog', title: 't', catalog: 'acess-denied' }

    // @ts-expect-error: lookups by id take a CatalogId
    expect(entryById('throttle')).toBeUndefined()

    expect(entryById(known).id).toBe('model-end-of-life')
    expect([misspelt, compared, finding.catalogId, message.catalog]).toEqual([
      'model-end-of-lfe',
      false,
      'preflight-read-denid',
      'acess-denied'
    ])
  })
})
