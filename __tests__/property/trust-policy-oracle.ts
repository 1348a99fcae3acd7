/**
 * Differential property test (run from trust-policy.property.test.ts): policies and requests generated from the building blocks of the
 * documented table (operators, qualifiers, principal forms, variables), evaluated by the
 * preflight and by the independent oracle (@cloud-copilot/iam-simulate, dev-only). Wherever the
 * preflight decides, the oracle must give the same answer, and within one account the same
 * answer on whether the identity policy is needed. Hiding facts (`unknown` keys) may turn a
 * decision into `unknown`, never into another decision. `npm run test:full` runs 10,000 cases.
 * Constructs where the oracle departs from AWS's pages (trust-documented.test.ts lists them:
 * variables in ARN operators, `${*}` outside StringLike, inverted operators on a variable with
 * no value) are left out of the generator.
 */
import fc from 'fast-check'
import { isMultivaluedKey, type RequestContext } from '../../src/policy/conditions.js'
import {
  evaluateTrustPolicy,
  identityPolicyRequired,
  type TrustCaller,
  type TrustDecision
} from '../../src/policy/trust-policy.js'
import { oracle, type OracleAnswer } from '../policy/iam-oracle.js'
import { A, B, CALLERS, ROLE, SESSION, TARGET, USER } from '../policy/trust-documented.cases.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

const principals = fc.constantFrom<unknown>(
  '*',
  { AWS: '*' },
  { AWS: A },
  { AWS: `arn:aws:iam::${A}:root` },
  { AWS: `arn:aws:iam::${B}:root` },
  { AWS: ROLE },
  { AWS: `arn:aws:iam::${A}:role/team/ci` },
  { AWS: SESSION },
  { AWS: USER },
  { AWS: `arn:aws:iam::${A}:role/other` },
  { AWS: `arn:aws:iam::${B}:role/ci` },
  { AWS: [A, ROLE] },
  { AWS: [`arn:aws:iam::${A}:root`, USER] },
  { Service: 'ec2.amazonaws.com' }
)

const actions = fc.constantFrom<unknown>(
  'sts:AssumeRole',
  'sts:*',
  '*',
  'sts:TagSession',
  ['sts:TagSession', 'sts:AssumeRole'],
  'STS:assumeRole'
)

const STRING_BASES = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike'
]
const ARN_BASES = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']
const qualified = (base: string) =>
  fc
    .constantFrom('', 'IfExists', 'ForAnyValue:', 'ForAllValues:')
    .map((q) => (q === 'IfExists' ? `${base}IfExists` : `${q}${base}`))

const stringKeys = fc.constantFrom(
  'sts:RoleSessionName',
  'aws:PrincipalAccount',
  'aws:PrincipalTag/team',
  'aws:TagKeys',
  'sts:ExternalId',
  'aws:PrincipalType'
)
const stringValue = (like: boolean) =>
  fc.constantFrom(
    'bedrock-preflight',
    'BEDROCK-preflight',
    'ml',
    'team',
    'env',
    'x',
    'AssumedRole',
    'User',
    A,
    B,
    '${aws:PrincipalAccount}',
    ...(like
      ? ['bedrock-*', 'Bedrock-*', '*', 'm?', 't*', '?', 'e*', 'ml${*}', '${aws:PrincipalAccount}*']
      : [])
  )
const arnValue = fc.constantFrom(
  ROLE,
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:iam::*:role/ci`,
  `arn:aws:iam::${A}:role/*`,
  `arn:aws:iam::${A}:*`,
  `arn:aws:iam::${B}:role/ci`,
  `arn:aws:iam::${A}:role/C?`,
  'arn:*:*:*:*:*',
  'arn:*:role/ci',
  'arn:aws:iam::*'
)
const oneOrMore = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof(a, fc.array(a, { minLength: 1, maxLength: 3 }))

const conditionEntry: fc.Arbitrary<[string, string, unknown]> = fc.oneof(
  fc
    .constantFrom(...STRING_BASES)
    .chain((base) =>
      fc.tuple(qualified(base), stringKeys, oneOrMore(stringValue(base.includes('Like'))))
    ),
  fc
    .constantFrom(...ARN_BASES)
    .chain((base) =>
      fc.tuple(
        qualified(base),
        fc.constantFrom('aws:PrincipalArn', 'aws:SourceArn'),
        oneOrMore(arnValue)
      )
    ),
  fc.tuple(
    fc.constantFrom('Bool', 'BoolIfExists'),
    fc.constant('aws:MultiFactorAuthPresent'),
    fc.constantFrom<unknown>('true', 'false', true)
  ),
  fc.tuple(
    fc.constant('Null'),
    fc.constantFrom(
      'sts:ExternalId',
      'aws:PrincipalTag/team',
      'aws:TagKeys',
      'aws:MultiFactorAuthPresent'
    ),
    oneOrMore(fc.constantFrom<unknown>('true', 'false', true, false))
  )
)

const conditions = fc.array(conditionEntry, { maxLength: 3 }).map((entries) => {
  const out: Record<string, Record<string, unknown>> = {}
  for (const [op, key, value] of entries) (out[op] ??= {})[key] = value
  return out
})

const statement = fc
  .record({
    Effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    Principal: principals,
    Action: actions,
    Condition: fc.option(conditions, { nil: undefined })
  })
  .map((s) => (s.Condition === undefined ? { ...s, Condition: undefined } : s))

const policies = fc
  .array(statement, { minLength: 1, maxLength: 3 })
  .map((Statement) => ({ Version: '2012-10-17', Statement: JSON.parse(JSON.stringify(Statement)) }))

const callers = fc.constantFrom<keyof typeof CALLERS>('session', 'user', 'foreign-session')

/** A fully known context for the caller; optional keys present or absent. */
function contextFor(
  caller: TrustCaller,
  kind: string,
  optional: Record<string, string[] | null>
): RequestContext {
  const principalArn = caller.roleArn ?? caller.arn
  return {
    values: {
      'aws:principalarn': [principalArn],
      'aws:principalaccount': [caller.accountId],
      'aws:principaltype': [kind === 'user' ? 'User' : 'AssumedRole'],
      ...optional
    },
    otherKeys: 'absent'
  }
}

const optionalKeys: fc.Arbitrary<Record<string, string[] | null>> = fc.record({
  'sts:rolesessionname': fc.constantFrom<string[] | null>(['bedrock-preflight'], ['other'], null),
  'aws:principaltag/team': fc.constantFrom<string[] | null>(['ml'], ['x'], null),
  'aws:tagkeys': fc.constantFrom<string[] | null>(['team'], ['team', 'env'], ['env', 'x'], null),
  'sts:externalid': fc.constantFrom<string[] | null>(['x'], null),
  'aws:multifactorauthpresent': fc.constantFrom<string[] | null>(['true'], ['false'], null)
})

const EXPECTED: Record<Exclude<TrustDecision, 'unknown' | 'malformed'>, OracleAnswer> = {
  allowed: 'Allowed',
  'implicit-deny': 'ImplicitlyDenied',
  'explicit-deny': 'ExplicitlyDenied'
}

describe('trust policies against the independent oracle', () => {
  it(
    'agree wherever the preflight decides, also on the identity-policy rule, and hidden facts never flip a decision',
    async () => {
      let decided = 0
      await fc.assert(
        fc.asyncProperty(
          policies,
          callers,
          optionalKeys,
          fc.array(
            fc.constantFrom(
              'sts:rolesessionname',
              'aws:principaltag/team',
              'aws:tagkeys',
              'sts:externalid',
              'aws:multifactorauthpresent'
            )
          ),
          async (policy, kind, optional, hidden) => {
            const caller = CALLERS[kind]
            const context = contextFor(caller, kind === 'user' ? 'user' : 'assumed-role', optional)
            const request = { action: 'sts:AssumeRole', caller, context }
            const ours = evaluateTrustPolicy(policy, request)
            expect(ours.decision).not.toBe('malformed')

            // Hiding facts: a decision stays or becomes `unknown`, never another decision.
            const partial: RequestContext = {
              values: {
                ...context.values,
                ...Object.fromEntries(hidden.map((k) => [k, 'unknown' as const]))
              },
              otherKeys: 'absent'
            }
            const guarded = evaluateTrustPolicy(policy, { ...request, context: partial })
            // (An undecided Deny with no Allow still refuses: implicit and explicit are one side.)
            const side = (d: TrustDecision) => (d === 'explicit-deny' ? 'implicit-deny' : d)
            if (guarded.decision !== 'unknown') {
              expect(side(guarded.decision)).toBe(side(ours.decision))
            }

            if (ours.decision === 'unknown' || ours.decision === 'malformed') return
            decided += 1
            const base = {
              principal: caller.arn,
              roleArn: TARGET,
              roleAccount: A,
              action: 'sts:AssumeRole',
              context
            }
            const answer = await oracle(policy, { ...base, identityAllows: true }, isMultivaluedKey)
            // No Allow admits, and a Deny may apply: refused either way, implicitly or explicitly.
            const refusedEitherWay = ours.decision === 'implicit-deny' && ours.deniedBy.length > 0
            expect({ ours: ours.decision, oracle: answer }).toEqual({
              ours: ours.decision,
              oracle:
                refusedEitherWay && answer === 'ExplicitlyDenied' ? answer : EXPECTED[ours.decision]
            })
            // `false` also means "not known to be needed" (an Allow that would suffice alone may
            // apply); only a known answer is compared.
            const alone = (m?: string) => m === 'caller' || m === 'anyone'
            const known =
              alone(ours.allowedBy?.principalMatch) ||
              !ours.statements.some(
                (s) => s.effect === 'Allow' && s.applies === 'unknown' && alone(s.principalMatch)
              )
            if (ours.decision === 'allowed' && caller.accountId === A && known) {
              const alone = await oracle(
                policy,
                { ...base, identityAllows: false },
                isMultivaluedKey
              )
              expect({ identityNeeded: identityPolicyRequired(ours, true) }).toEqual({
                identityNeeded: alone !== 'Allowed'
              })
            }
          }
        ),
        runs()
      )
      // Most generated cases are decided, so the comparison is not vacuous.
      expect(decided).toBeGreaterThan(runs().numRuns! / 3)
    },
    PROPERTY_TIMEOUT_MS
  )
})
