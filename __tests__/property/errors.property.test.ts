import fc from 'fast-check'
import { isTransient, observeError } from '../../src/aws/errors.js'
import { findingsFrom } from '../../src/engine/messages.js'
import { defineMeta } from '../../src/engine/check.js'
import { anyText } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

/** Field values an SDK, Node or a proxy library might put on an error, of any type. */
const field = fc.oneof(anyText, fc.anything(), fc.constant(undefined), fc.constant(null))
const sdkShaped = fc
  .tuple(
    fc.boolean(),
    fc.record(
      {
        name: field,
        code: field,
        Code: field,
        message: field,
        errno: field,
        $fault: fc.constantFrom('client', 'server', undefined),
        $metadata: fc.oneof(
          fc.constant(undefined),
          fc.constant(null),
          fc.record(
            {
              httpStatusCode: fc.oneof(fc.integer({ min: 100, max: 599 }), field),
              attempts: fc.oneof(fc.nat(5), field),
              requestId: field
            },
            { requiredKeys: [] }
          )
        ),
        $response: fc.oneof(
          fc.constant(undefined),
          fc.record({ statusCode: fc.oneof(fc.integer({ min: 100, max: 599 }), field) })
        ),
        cause: fc.oneof(
          field,
          fc.record({
            code: fc.constantFrom('ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EPIPE'),
            message: anyText
          })
        )
      },
      { requiredKeys: [] }
    )
  )
  .map(([asError, fields]) => (asError ? Object.assign(new Error('x'), fields) : fields))
const thrown = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true
  }),
  sdkShaped,
  anyText.map((m) => new Error(m)),
  fc.constant(Symbol('thrown')),
  fc.constant(Object.create(null) as object)
)

/** A check with one state that reports an AWS error: what every check does with one. */
const REPORTING = defineMeta({
  id: 'identity',
  title: 'Caller identity',
  description: 'the property test reports through it',
  scope: 'run',
  dependsOn: [],
  permissions: [],
  messages: { failed: { status: 'catalog', title: 't' } }
})

describe('observing whatever an AWS call threw', () => {
  it(
    'reduces any thrown value to a named code and a one-line message, never throwing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          thrown,
          fc.option(fc.constantFrom('sts:GetCallerIdentity', 'bedrock:GetFoundationModel')),
          async (err, operation) => {
            const observed = observeError(err, operation ?? undefined)
            expect(typeof observed.code).toBe('string')
            expect(observed.code.trim().length).toBeGreaterThan(0)
            expect(typeof observed.message).toBe('string')
            expect(observed.message.trim().length).toBeGreaterThan(0)
            expect(observed.message).not.toMatch(/[\n\r\u2028\u2029]/)
            if (observed.httpStatus !== undefined)
              expect(Number.isInteger(observed.httpStatus)).toBe(true)
            if (observed.attempts !== undefined)
              expect(Number.isInteger(observed.attempts)).toBe(true)
            if (observed.requestId !== undefined) expect(typeof observed.requestId).toBe('string')
            expect(typeof isTransient(observed)).toBe('boolean')
            // And whatever it is, it becomes a finding a person can read.
            const [finding] = await findingsFrom(
              REPORTING,
              [
                {
                  messageId: 'failed',
                  data: {},
                  extra: { error: observed },
                  fixContext: { surface: 'github-actions' }
                }
              ],
              'github-actions',
              undefined
            )
            expect(finding?.observed?.[0]).toContain(observed.code)
            expect(['fail', 'unverified', 'warn']).toContain(finding?.status)
          }
        ),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'names the network condition a wrapped Node error carries',
    () => {
      const wrapped = fc
        .tuple(
          fc.constantFrom('ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'),
          anyText
        )
        .map(([code, message]) => ({
          code,
          err: Object.assign(new Error(message || 'failed'), {
            name: 'TypeError',
            cause: Object.assign(new Error('inner'), { code })
          })
        }))
      fc.assert(
        fc.property(wrapped, ({ code, err }) => {
          const observed = observeError(err)
          expect(observed.code).toBe(code)
          expect(isTransient(observed)).toBe(true)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
