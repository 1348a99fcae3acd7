import fc from 'fast-check'
import { describeCaller, parseArn } from '../../src/parse/arn.js'
import { anyText, mangled, soup } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

const account = fc.stringMatching(/^\d{12}$/)
const partition = fc.constantFrom('aws', 'aws-us-gov', 'aws-cn')

const name = fc.stringMatching(/^[\w+=,.@-]{1,64}$/)
const callerArn = fc.oneof(
  fc.tuple(partition, account, name, name).map(([p, a, role, session]) => ({
    text: `arn:${p}:sts::${a}:assumed-role/${role}/${session}`,
    kind: 'assumed-role',
    roleArn: `arn:${p}:iam::${a}:role/${role}`
  })),
  fc.tuple(partition, account, name).map(([p, a, user]) => ({
    text: `arn:${p}:iam::${a}:user/${user}`,
    kind: 'user',
    roleArn: undefined
  })),
  fc
    .tuple(partition, account)
    .map(([p, a]) => ({ text: `arn:${p}:iam::${a}:root`, kind: 'root', roleArn: undefined }))
)
const arnLike = fc.oneof(
  anyText,
  mangled(callerArn.map((c) => c.text)),
  soup([
    'arn:',
    'aws',
    ':',
    'sts',
    'iam',
    'bedrock',
    '::',
    '111122223333',
    'assumed-role/',
    'role/',
    '/',
    '*',
    'us-east-1'
  ])
)

describe('ARNs, for any text', () => {
  it(
    'parses to six parts that rebuild the ARN, or to nothing; describing a caller never throws',
    () => {
      fc.assert(
        fc.property(arnLike, (text) => {
          const arn = parseArn(text)
          if (arn) {
            expect(
              `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`
            ).toBe(text.trim())
            expect(arn.account).toMatch(/^(\d{12}|aws|)$/)
            expect(arn.resource.length).toBeGreaterThan(0)
          }
          const caller = describeCaller(text)
          expect(caller === undefined).toBe(arn === undefined)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'maps every well-formed caller ARN to its principal, and a role session to its role',
    () => {
      fc.assert(
        fc.property(callerArn, ({ text, kind, roleArn }) => {
          const caller = describeCaller(text)
          expect(caller?.kind).toBe(kind)
          expect(caller?.roleArn).toBe(roleArn)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
