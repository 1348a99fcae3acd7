import fc from 'fast-check'
import './trust-policy-oracle.js'
import {
  evaluateTrustPolicy,
  parseTrustPolicy,
  assumeRoleContext
} from '../../src/policy/trust-policy.js'
import { claimLines, correctedSub, decodeJwtPayload } from '../../src/checks/oidc-trust/claims.js'
import { anyText } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

const caller = {
  arn: 'arn:aws:sts::111122223333:assumed-role/ci/GitHubActions',
  accountId: '111122223333',
  roleArn: 'arn:aws:iam::111122223333:role/ci'
}
const request = {
  action: 'sts:AssumeRole',
  caller,
  context: assumeRoleContext(caller, 'assumed-role')
}

/** Statement-shaped values with arbitrary (often wrong) field types. */
const statementish = fc.record(
  {
    Effect: fc.oneof(fc.constantFrom('Allow', 'Deny', 'allow', ''), fc.anything()),
    Principal: fc.oneof(
      fc.constant('*'),
      fc.record({ AWS: fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(caller.roleArn)) }),
      fc.record({ Service: fc.string(), Federated: fc.string() }, { requiredKeys: [] }),
      fc.anything()
    ),
    Action: fc.oneof(
      fc.constantFrom('sts:AssumeRole', 'sts:*', '*'),
      fc.array(fc.string()),
      fc.anything()
    ),
    Condition: fc.oneof(
      fc.dictionary(
        fc.constantFrom(
          'StringEquals',
          'StringLike',
          'ArnLike',
          'Bool',
          'Null',
          'ForAnyValue:StringLike',
          'StringEqualsIfExists',
          'Bogus'
        ),
        fc.dictionary(
          fc.constantFrom(
            'aws:PrincipalArn',
            'aws:PrincipalAccount',
            'sts:ExternalId',
            'aws:PrincipalOrgID',
            'x:y'
          ),
          fc.oneof(fc.string(), fc.array(fc.string()), fc.anything())
        )
      ),
      fc.anything()
    )
  },
  { requiredKeys: [] }
)

/** Deeply nested JSON, huge arrays and unicode, as a document or its URL-encoded text. */
const documents = fc.oneof(
  anyText,
  fc.anything({ maxDepth: 8 }),
  fc.record({
    Version: fc.constant('2012-10-17'),
    Statement: fc.oneof(statementish, fc.array(statementish, { maxLength: 20 }))
  }),
  fc
    .record({
      Version: fc.constant('2012-10-17'),
      Statement: fc.array(statementish, { maxLength: 5 })
    })
    .map((d) => encodeURIComponent(JSON.stringify(d))),
  fc.string().map((s) => `%${s}`)
)

describe('trust policy documents, whatever they contain', () => {
  it(
    'parse to statements or a named problem, and evaluate to a decision, never throwing',
    () => {
      fc.assert(
        fc.property(documents, (doc) => {
          const parsed = parseTrustPolicy(doc)
          if (!parsed.ok) expect(parsed.problem.length).toBeGreaterThan(0)
          const evaluation = evaluateTrustPolicy(doc, request)
          expect(['allowed', 'implicit-deny', 'explicit-deny', 'unknown', 'malformed']).toContain(
            evaluation.decision
          )
          if (!parsed.ok) expect(evaluation.decision).toBe('malformed')
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'never allow when any statement denies the caller outright',
    () => {
      fc.assert(
        fc.property(fc.array(statementish, { maxLength: 5 }), (others) => {
          const deny = {
            Effect: 'Deny',
            Principal: { AWS: caller.roleArn },
            Action: 'sts:AssumeRole'
          }
          const evaluation = evaluateTrustPolicy(
            { Version: '2012-10-17', Statement: [...others, deny] },
            request
          )
          expect(evaluation.decision).not.toBe('allowed')
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe('OIDC token claims, whatever the token holds', () => {
  const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
  const tokens = fc.oneof(
    anyText,
    fc.tuple(anyText, anyText, anyText).map(([a, b, c]) => `${a}.${b}.${c}`),
    fc
      .anything({ maxDepth: 4 })
      .map((v) => `${b64url('{"alg":"RS256"}')}.${b64url(JSON.stringify(v) ?? 'null')}.sig`)
  )
  it(
    'decode to claims or nothing, and the shown lines are plain text, never throwing',
    () => {
      fc.assert(
        fc.property(tokens, (token) => {
          const claims = decodeJwtPayload(token)
          if (claims === undefined) return
          const lines = claimLines(claims)
          expect(lines.every((l) => typeof l === 'string')).toBe(true)
          const sub = correctedSub(claims)
          if (sub !== undefined) expect(sub).toMatch(/^repo:.*:\*$/)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
