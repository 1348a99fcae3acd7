import { defineMeta, type CheckContext, type FactsOf } from '../../src/checks/shared/check.js'
import { checkById, type CheckId, type NamedBy } from '../../src/checks/registry.js'

/**
 * Check ids are typed end to end (src/checks/shared/check.ts): a misspelt id in `ctx.facts`,
 * `ctx.waitFor`, a meta's `dependsOn` or `checkById` fails `npm run typecheck`, and the facts a
 * check reads come typed by the check that publishes them. The `@ts-expect-error` lines are the
 * test: tsc fails if one of them compiles.
 */
test('a check reads facts typed by the check that publishes them, and a misspelt id does not compile', async () => {
  const read = async (ctx: CheckContext) => {
    const identity: FactsOf<'identity'> | undefined = ctx.facts('identity')
    const arn: string | undefined = identity?.arn
    const model = (await ctx.waitFor('model-id'))?.model.input
    // @ts-expect-error: no check is called 'identty'
    ctx.facts('identty')
    // @ts-expect-error: nor 'model-resolved'
    await ctx.waitFor('model-resolved')
    return [arn, model]
  }
  expect(typeof read).toBe('function')
})

test('a meta names only checks that exist, and the registry is looked up by CheckId', () => {
  const _meta = defineMeta({
    id: 'region',
    title: 't',
    description: 'd',
    scope: 'run',
    dependsOn: ['credential'],
    speculative: ['identity'],
    permissions: [],
    messages: {}
  })
  // What the registry asks of each meta (src/checks/registry.ts, _everyNamedIdIsACheck):
  const right: CheckId[] = ['identity'] satisfies NamedBy<typeof _meta>[]
  // @ts-expect-error: no check is called 'credential'
  const wrong: CheckId[] = ['credential'] satisfies NamedBy<typeof _meta>[]
  expect([...right, ...wrong]).toHaveLength(2)
  expect(checkById('identity').meta.id).toBe('identity')
  // @ts-expect-error: no check is called 'identty'
  expect(() => checkById('identty')).toThrow("no check 'identty'")
})
