/**
 * Trust-policy cases with the answer AWS's documentation gives, each citing the page. The
 * condition grids spell out the documented rule per cell (MISSING_KEY below is the Condition
 * operators page's missing-key rule, table for table); everything else is hand-picked.
 */
import type { RequestContext } from '../../src/policy/conditions.js'
import type { TrustCaller, TrustDecision } from '../../src/policy/trust-policy.js'

export const PAGES = {
  operators:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  multivalued:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  variables: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  principal:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  evaluation:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  crossAccount:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html',
  globalKeys:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'
} as const

export const A = '111122223333'
export const B = '444455556666'
export const ROLE = `arn:aws:iam::${A}:role/ci`
export const TARGET = `arn:aws:iam::${A}:role/target`
export const SESSION = `arn:aws:sts::${A}:assumed-role/ci/bedrock-preflight`
export const USER = `arn:aws:iam::${A}:user/alice`
export const PROVIDER = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`

export type CallerKind = 'session' | 'user' | 'foreign-session' | 'web-identity'

export const CALLERS: Record<CallerKind, TrustCaller> = {
  session: { arn: SESSION, accountId: A, roleArn: ROLE },
  user: { arn: USER, accountId: A },
  'foreign-session': {
    arn: `arn:aws:sts::${B}:assumed-role/ci/bedrock-preflight`,
    accountId: B,
    roleArn: `arn:aws:iam::${B}:role/ci`
  },
  'web-identity': { arn: 'repo:octo/app:ref:refs/heads/main', accountId: A, federated: PROVIDER }
}

/** A fully known request context for the session caller; cases override keys. */
export function sessionContext(extra: RequestContext['values'] = {}): RequestContext {
  return {
    values: {
      'aws:principalarn': [ROLE],
      'aws:principalaccount': [A],
      'aws:principaltype': ['AssumedRole'],
      'sts:rolesessionname': ['bedrock-preflight'],
      'aws:principaltag/team': ['ml'],
      'aws:principaltag/glob': ['a*b'],
      'aws:principaltag/quest': ['a?b'],
      'aws:principaltag/dollar': ['a$b'],
      ...extra
    },
    otherKeys: 'absent'
  }
}

export interface DocumentedCase {
  name: string
  page: string
  statements: object[]
  caller: CallerKind
  action?: string
  context: RequestContext
  expected: TrustDecision
  /** Within one account, whether the identity policy must allow too (for `allowed` cases). */
  identityNeeded?: boolean
}

const allowRole = (condition?: object): object => ({
  Effect: 'Allow',
  Principal: { AWS: ROLE },
  Action: 'sts:AssumeRole',
  ...(condition ? { Condition: condition } : {})
})

const cases: DocumentedCase[] = []

function conditionCase(
  name: string,
  page: string,
  condition: object,
  holds: boolean | 'unknown',
  context = sessionContext()
) {
  cases.push({
    name,
    page,
    statements: [allowRole(condition)],
    caller: 'session',
    context,
    expected: holds === 'unknown' ? 'unknown' : holds ? 'allowed' : 'implicit-deny'
  })
}

// ── Grid 1: string operators × qualifier × key state ─────────────────────────────────────────
const STRING_OPS: { op: string; negated: boolean; match: string; miss: string }[] = [
  { op: 'StringEquals', negated: false, match: 'bedrock-preflight', miss: 'bedrock-*' },
  { op: 'StringNotEquals', negated: true, match: 'bedrock-preflight', miss: 'bedrock-*' },
  { op: 'StringEqualsIgnoreCase', negated: false, match: 'BEDROCK-Preflight', miss: 'other' },
  { op: 'StringNotEqualsIgnoreCase', negated: true, match: 'BEDROCK-Preflight', miss: 'other' },
  { op: 'StringLike', negated: false, match: 'bedrock-*', miss: 'Bedrock-*' },
  { op: 'StringNotLike', negated: true, match: 'bedrock-?reflight', miss: 'other-*' }
]
type Qualifier = '' | 'IfExists' | 'ForAnyValue:' | 'ForAllValues:'
const QUALIFIERS: Qualifier[] = ['', 'IfExists', 'ForAnyValue:', 'ForAllValues:']
const spell = (op: string, q: Qualifier) =>
  q === 'IfExists' ? `${op}IfExists` : q ? `${q}${op}` : op

/**
 * The Condition operators page: a missing key fails every operator except the negated ones
 * (true) and `…IfExists` (true); the set-operators page: `ForAnyValue` is false and
 * `ForAllValues` true on a missing key, whatever the operator.
 */
const MISSING_KEY: Record<Qualifier, { positive: boolean; negated: boolean }> = {
  '': { positive: false, negated: true },
  IfExists: { positive: true, negated: true },
  'ForAnyValue:': { positive: false, negated: false },
  'ForAllValues:': { positive: true, negated: true }
}

for (const s of STRING_OPS) {
  for (const q of QUALIFIERS) {
    const op = spell(s.op, q)
    const page = q.startsWith('For') ? PAGES.multivalued : PAGES.operators
    conditionCase(
      `${op}: the one value matches`,
      page,
      { [op]: { 'sts:RoleSessionName': s.match } },
      !s.negated
    )
    conditionCase(
      `${op}: the one value does not match`,
      page,
      { [op]: { 'sts:RoleSessionName': s.miss } },
      s.negated
    )
    conditionCase(
      `${op}: one of two policy values matches (values are ORed)`,
      PAGES.operators,
      { [op]: { 'sts:RoleSessionName': [s.miss, s.match] } },
      !s.negated
    )
    conditionCase(
      `${op}: the key is missing`,
      page,
      { [op]: { 'sts:ExternalId': s.match } },
      MISSING_KEY[q][s.negated ? 'negated' : 'positive']
    )
  }
}

// ── Grid 2: ARN operators, matched component by component ────────────────────────────────────
const ARN_PATTERNS: [string, boolean][] = [
  [ROLE, true],
  [`arn:aws:iam::*:role/ci`, true],
  [`arn:aws:iam::${A}:role/*`, true],
  [`arn:aws:iam::${A}:*`, true],
  [`arn:aws:iam::${A}:role/c?`, true],
  ['arn:*:*:*:*:*', true],
  ['*:*:*:*:*:*', true],
  [`arn:aws:iam::\${aws:PrincipalAccount}:role/ci`, true],
  ['arn:*:role/ci', false],
  ['arn:aws:iam::*', false],
  ['*', false],
  ['arn:aws:iam::*:role/ci:extra', false],
  [`arn:aws:iam::${A}:role/CI`, false],
  [`arn:aws:sts::${A}:role/ci`, false],
  [`arn:aws:iam::${B}:role/ci`, false],
  [`arn:aws:iam::${A}:role/ci-other`, false],
  [`arn:aws:iam::${A}:user/ci`, false]
]
for (const base of ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']) {
  const negated = base.includes('Not')
  for (const [pattern, matches] of ARN_PATTERNS) {
    // Fewer than six components: no match, but the negation of that is not documented.
    const short = pattern.split(':').length < 6
    conditionCase(
      `${base} ${pattern} against ${ROLE}`,
      PAGES.operators,
      { [base]: { 'aws:PrincipalArn': pattern } },
      negated ? (short ? 'unknown' : !matches) : matches
    )
  }
  for (const q of QUALIFIERS) {
    const op = spell(base, q)
    conditionCase(
      `${op}: the key is missing`,
      PAGES.operators,
      { [op]: { 'aws:SourceArn': ROLE } },
      MISSING_KEY[q][negated ? 'negated' : 'positive']
    )
  }
}

// ── Grid 3: set operators on a multivalued key, and plain operators on it ────────────────────
const tags = sessionContext({ 'aws:tagkeys': ['team', 'env'] })
const SET_CASES: [string, string | string[], boolean | 'unknown'][] = [
  ['ForAnyValue:StringEquals', 'team', true],
  ['ForAnyValue:StringEquals', 'x', false],
  ['ForAllValues:StringEquals', ['team', 'env', 'x'], true],
  ['ForAllValues:StringEquals', 'team', false],
  ['ForAnyValue:StringNotEquals', 'team', true],
  ['ForAnyValue:StringNotEquals', ['team', 'env'], false],
  ['ForAllValues:StringNotEquals', 'x', true],
  ['ForAllValues:StringNotEquals', 'team', false],
  ['ForAnyValue:StringLike', 't*', true],
  ['ForAllValues:StringLike', 't*', false],
  ['ForAllValues:StringLike', ['t*', 'e*'], true],
  ['ForAnyValue:StringNotLike', ['t*', 'e*'], false],
  ['ForAllValues:StringNotLike', 'x*', true],
  ['ForAnyValue:StringEqualsIgnoreCase', 'TEAM', true],
  ['ForAllValues:StringNotEqualsIgnoreCase', 'TEAM', false],
  ['StringEquals', 'team', 'unknown'],
  ['StringNotEquals', 'x', 'unknown'],
  ['StringLike', '*', 'unknown'],
  ['StringNotLike', 'x', 'unknown'],
  ['StringEqualsIfExists', 'team', 'unknown']
]
for (const [op, values, holds] of SET_CASES) {
  conditionCase(
    `${op} ${JSON.stringify(values)} on aws:TagKeys [team, env]`,
    PAGES.multivalued,
    { [op]: { 'aws:TagKeys': values } },
    holds,
    tags
  )
}
conditionCase(
  'plain StringEquals on a multivalued key with one value',
  PAGES.multivalued,
  { StringEquals: { 'aws:TagKeys': 'team' } },
  'unknown',
  sessionContext({ 'aws:tagkeys': ['team'] })
)
for (const q of QUALIFIERS) {
  for (const base of ['StringEquals', 'StringNotEquals']) {
    const op = spell(base, q)
    conditionCase(
      `${op} on aws:TagKeys when the request has no tags`,
      PAGES.multivalued,
      { [op]: { 'aws:TagKeys': 'team' } },
      MISSING_KEY[q][base.includes('Not') ? 'negated' : 'positive']
    )
  }
}

// ── Grid 4: Null, several values ORed ────────────────────────────────────────────────────────
const NULL_VALUES: (string | string[] | boolean)[] = [
  'true',
  'false',
  ['true', 'false'],
  ['false', 'true'],
  true,
  false
]
for (const v of NULL_VALUES) {
  const list = (Array.isArray(v) ? v : [v]).map((x) => String(x).toLowerCase())
  conditionCase(
    `Null ${JSON.stringify(v)} on a missing key`,
    PAGES.operators,
    { Null: { 'sts:ExternalId': v } },
    list.includes('true')
  )
  conditionCase(
    `Null ${JSON.stringify(v)} on a present key`,
    PAGES.operators,
    { Null: { 'aws:PrincipalTag/team': v } },
    list.includes('false')
  )
}

// ── Grid 5: Bool ─────────────────────────────────────────────────────────────────────────────
for (const present of ['true', 'false', null] as const) {
  for (const want of ['true', 'false']) {
    for (const q of ['', 'IfExists'] as const) {
      const op = `Bool${q}`
      const context = sessionContext({ 'aws:multifactorauthpresent': present ? [present] : null })
      const holds = present === null ? q === 'IfExists' : present === want
      conditionCase(
        `${op} aws:MultiFactorAuthPresent ${want} when it is ${present ?? 'absent'}`,
        PAGES.operators,
        { [op]: { 'aws:MultiFactorAuthPresent': want } },
        holds,
        context
      )
    }
  }
}

// ── Grid 6: policy variables ─────────────────────────────────────────────────────────────────
const VARIABLE_CASES: [string, string, string, boolean | 'unknown'][] = [
  ['StringEquals', 'aws:PrincipalAccount', '${aws:PrincipalAccount}', true],
  ['StringEquals', 'aws:PrincipalAccount', '${aws:principalaccount}', true],
  ['StringNotEquals', 'aws:PrincipalAccount', '${aws:PrincipalAccount}', false],
  ['StringEquals', 'aws:PrincipalTag/team', '${aws:PrincipalAccount}', false],
  ['StringLike', 'sts:RoleSessionName', '${aws:PrincipalTag/team}*', false],
  ['StringLike', 'aws:PrincipalArn', `arn:aws:iam::\${aws:PrincipalAccount}:role/*`, true],
  ['StringLike', 'aws:PrincipalTag/glob', 'a${*}b', true],
  ['StringLike', 'aws:PrincipalTag/glob', 'a${*}c', false],
  ['StringLike', 'aws:PrincipalTag/team', 'm${*}', false],
  ['StringLike', 'aws:PrincipalTag/quest', 'a${?}b', true],
  ['StringLike', 'aws:PrincipalTag/glob', 'a${?}b', false],
  ['StringEquals', 'aws:PrincipalTag/dollar', 'a${$}b', true],
  ['StringEquals', 'aws:PrincipalTag/glob', 'a${*}b', true],
  ['StringEquals', 'aws:PrincipalTag/team', "${aws:username, 'ml'}", true],
  ['StringEquals', 'aws:PrincipalTag/team', "${aws:username, 'other'}", false],
  ['StringEquals', 'aws:PrincipalTag/team', "${aws:PrincipalTag/team, 'other'}", true],
  ['StringEquals', 'aws:PrincipalTag/team', '${aws:username}', false],
  ['StringNotEquals', 'aws:PrincipalTag/team', '${aws:username}', true],
  ['StringLike', 'aws:PrincipalTag/team', '${aws:PrincipalTag/none}*', false],
  ['StringNotLike', 'aws:PrincipalTag/team', '${aws:PrincipalTag/none}*', true],
  [
    'ArnEquals',
    'aws:PrincipalArn',
    `arn:aws:iam::\${aws:PrincipalAccount}:role/\${aws:PrincipalTag/team}`,
    false
  ],
  ['ArnLike', 'aws:PrincipalArn', `arn:\${aws:PrincipalTag/team}:iam::*:role/ci`, false]
]
for (const [op, key, value, holds] of VARIABLE_CASES) {
  conditionCase(`${op} ${key} ${value}`, PAGES.variables, { [op]: { [key]: value } }, holds)
}

// ── Grid 7: principals, per caller, with the same-account identity-policy rule ──────────────
type P = [
  label: string,
  principal: unknown,
  expect: Partial<Record<CallerKind, [TrustDecision, boolean?]>>
]
const PRINCIPALS: P[] = [
  [
    '"*"',
    '*',
    {
      session: ['allowed', false],
      user: ['allowed', false],
      'foreign-session': ['allowed', true],
      'web-identity': ['allowed']
    }
  ],
  [
    '{"AWS": "*"}',
    { AWS: '*' },
    {
      session: ['allowed', false],
      user: ['allowed', false],
      'foreign-session': ['allowed', true],
      'web-identity': ['unknown']
    }
  ],
  [
    'the account ID',
    { AWS: A },
    {
      session: ['allowed', true],
      user: ['allowed', true],
      'foreign-session': ['implicit-deny'],
      'web-identity': ['implicit-deny']
    }
  ],
  [
    'the account root ARN',
    { AWS: `arn:aws:iam::${A}:root` },
    {
      session: ['allowed', true],
      user: ['allowed', true],
      'foreign-session': ['implicit-deny'],
      'web-identity': ['implicit-deny']
    }
  ],
  [
    'the other account root ARN',
    { AWS: `arn:aws:iam::${B}:root` },
    { session: ['implicit-deny'], user: ['implicit-deny'], 'foreign-session': ['allowed', true] }
  ],
  [
    'the role ARN',
    { AWS: ROLE },
    {
      session: ['allowed', false],
      user: ['implicit-deny'],
      'foreign-session': ['implicit-deny'],
      'web-identity': ['implicit-deny']
    }
  ],
  [
    'the role ARN with a path',
    { AWS: `arn:aws:iam::${A}:role/team/ci` },
    { session: ['allowed', false] }
  ],
  [
    'the role ARN in another case',
    { AWS: `arn:aws:iam::${A}:role/CI` },
    { session: ['unknown'], user: ['implicit-deny'] }
  ],
  ['the session ARN', { AWS: SESSION }, { session: ['allowed', false], user: ['implicit-deny'] }],
  [
    'another session of the role',
    { AWS: `arn:aws:sts::${A}:assumed-role/ci/other` },
    { session: ['implicit-deny'] }
  ],
  ['the user ARN', { AWS: USER }, { session: ['implicit-deny'], user: ['allowed', false] }],
  [
    'the user ARN in another case',
    { AWS: `arn:aws:iam::${A}:user/Alice` },
    { user: ['implicit-deny'] }
  ],
  ['a wildcard in a role ARN', { AWS: `arn:aws:iam::${A}:role/*` }, { session: ['implicit-deny'] }],
  ['another role', { AWS: `arn:aws:iam::${A}:role/other` }, { session: ['implicit-deny'] }],
  [
    'a list naming the role',
    { AWS: [`arn:aws:iam::${A}:role/other`, ROLE] },
    { session: ['allowed', false] }
  ],
  [
    'the account and the role',
    { AWS: [A, ROLE] },
    { session: ['allowed', false], user: ['allowed', true] }
  ],
  [
    'a service',
    { Service: 'ec2.amazonaws.com' },
    { session: ['implicit-deny'], user: ['implicit-deny'], 'web-identity': ['implicit-deny'] }
  ],
  [
    'the OIDC provider',
    { Federated: PROVIDER },
    { session: ['implicit-deny'], 'web-identity': ['allowed'] }
  ],
  [
    'another OIDC provider',
    { Federated: `arn:aws:iam::${A}:oidc-provider/example.com` },
    { 'web-identity': ['implicit-deny'] }
  ]
]
for (const [label, principal, expect] of PRINCIPALS) {
  for (const [kind, answer] of Object.entries(expect) as [
    CallerKind,
    [TrustDecision, boolean?]
  ][]) {
    const action = kind === 'web-identity' ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole'
    cases.push({
      name: `Principal ${label}, caller ${kind}`,
      page:
        answer[1] === undefined
          ? PAGES.principal
          : kind === 'foreign-session'
            ? PAGES.crossAccount
            : PAGES.principal,
      statements: [{ Effect: 'Allow', Principal: principal, Action: action }],
      caller: kind,
      action,
      context: kind === 'session' ? sessionContext() : { values: {}, otherKeys: 'absent' },
      expected: answer[0],
      ...(answer[1] !== undefined ? { identityNeeded: answer[1] } : {})
    })
  }
}

// ── Grid 8: effects, actions, NotPrincipal ───────────────────────────────────────────────────
const deny = (condition?: object): object => ({ ...allowRole(condition), Effect: 'Deny' })
const more: [string, string, object[], TrustDecision, RequestContext?][] = [
  ['an explicit Deny wins over an Allow', PAGES.evaluation, [allowRole(), deny()], 'explicit-deny'],
  [
    'a Deny whose condition fails does not apply',
    PAGES.evaluation,
    [allowRole(), deny({ StringEquals: { 'sts:ExternalId': 'x' } })],
    'allowed'
  ],
  [
    'a Deny whose negated condition holds on a missing key applies',
    PAGES.operators,
    [allowRole(), deny({ StringNotEquals: { 'sts:ExternalId': 'x' } })],
    'explicit-deny'
  ],
  [
    'a Deny with ForAnyValue:StringNotEquals on a missing key does not apply',
    PAGES.multivalued,
    [allowRole(), deny({ 'ForAnyValue:StringNotEquals': { 'sts:ExternalId': 'x' } })],
    'allowed'
  ],
  [
    'a Deny on a plain operator over a multivalued key is undecided',
    PAGES.multivalued,
    [allowRole(), deny({ StringEquals: { 'aws:TagKeys': 'x' } })],
    'unknown',
    tags
  ],
  [
    'no statement for the caller',
    PAGES.evaluation,
    [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${A}:role/other` },
        Action: 'sts:AssumeRole'
      }
    ],
    'implicit-deny'
  ],
  [
    'Action sts:* covers AssumeRole',
    PAGES.evaluation,
    [{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'sts:*' }],
    'allowed'
  ],
  [
    'Action names are case-insensitive',
    PAGES.evaluation,
    [{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'STS:assumerole' }],
    'allowed'
  ],
  [
    'Action sts:TagSession only does not cover AssumeRole',
    PAGES.evaluation,
    [{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'sts:TagSession' }],
    'implicit-deny'
  ],
  [
    'NotAction sts:TagSession covers AssumeRole',
    PAGES.evaluation,
    [{ Effect: 'Allow', Principal: { AWS: ROLE }, NotAction: 'sts:TagSession' }],
    'allowed'
  ],
  [
    'NotAction sts:AssumeRole does not',
    PAGES.evaluation,
    [{ Effect: 'Allow', Principal: { AWS: ROLE }, NotAction: 'sts:AssumeRole' }],
    'implicit-deny'
  ],
  [
    'NotPrincipal is not evaluated here',
    PAGES.principal,
    [{ Effect: 'Allow', NotPrincipal: { AWS: USER }, Action: 'sts:AssumeRole' }],
    'unknown'
  ],
  [
    'an unsupported operator is not evaluated here',
    PAGES.operators,
    [allowRole({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } })],
    'unknown'
  ],
  [
    'an unsupported operator fails nothing once another condition fails',
    PAGES.operators,
    [
      allowRole({
        NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
        StringEquals: { 'sts:ExternalId': 'x' }
      })
    ],
    'implicit-deny'
  ],
  [
    'two condition operators are ANDed',
    PAGES.operators,
    [
      allowRole({
        StringEquals: { 'aws:PrincipalAccount': A },
        StringLike: { 'sts:RoleSessionName': 'x*' }
      })
    ],
    'implicit-deny'
  ],
  [
    'two keys under one operator are ANDed',
    PAGES.operators,
    [
      allowRole({ StringEquals: { 'aws:PrincipalAccount': A, 'aws:PrincipalType': 'AssumedRole' } })
    ],
    'allowed'
  ]
]
for (const [name, page, statements, expected, context] of more) {
  cases.push({
    name,
    page,
    statements,
    caller: 'session',
    context: context ?? sessionContext(),
    expected
  })
}

export const DOCUMENTED_CASES: readonly DocumentedCase[] = cases
