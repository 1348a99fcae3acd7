import {
  assumeRoleContext,
  evaluateTrustPolicy,
  identityPolicyRequired,
  parseTrustPolicy,
  type TrustCaller,
  type TrustDecision,
  type TrustRequest
} from '../../src/policy/trust-policy.js'
import { evaluateCondition, type RequestContext } from '../../src/policy/conditions.js'

const A = '111122223333'
const B = '444455556666'
const ROLE = `arn:aws:iam::${A}:role/ci-deployer`
const SESSION = `arn:aws:sts::${A}:assumed-role/ci-deployer/GitHubActions`
const USER = `arn:aws:iam::${A}:user/alice`
const OTHER_ROLE = `arn:aws:iam::${A}:role/someone-else`
const PROVIDER = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`

const sessionCaller: TrustCaller = { arn: SESSION, accountId: A, roleArn: ROLE }
const userCaller: TrustCaller = { arn: USER, accountId: A }
const foreignCaller: TrustCaller = {
  arn: `arn:aws:sts::${B}:assumed-role/ci-deployer/GitHubActions`,
  accountId: B,
  roleArn: `arn:aws:iam::${B}:role/ci-deployer`
}

function assume(caller: TrustCaller, kind = 'assumed-role'): TrustRequest {
  return { action: 'sts:AssumeRole', caller, context: assumeRoleContext(caller, kind) }
}

function allow(principal: unknown, extra: Record<string, unknown> = {}) {
  return { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }
}

function doc(...statements: object[]) {
  return { Version: '2012-10-17', Statement: statements }
}

const GITHUB_SUB = 'repo:octo-org/app:pull_request'
const webIdentity: TrustRequest = {
  action: 'sts:AssumeRoleWithWebIdentity',
  caller: { arn: GITHUB_SUB, accountId: A, federated: PROVIDER },
  context: {
    values: {
      'token.actions.githubusercontent.com:sub': [GITHUB_SUB],
      'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com']
    },
    otherKeys: 'unknown'
  }
}

const githubTrust = (sub: string, op = 'StringLike') =>
  doc({
    Effect: 'Allow',
    Principal: { Federated: PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      [op]: { 'token.actions.githubusercontent.com:sub': sub }
    }
  })

describe('trust policy evaluation', () => {
  const cases: [string, unknown, TrustRequest, TrustDecision][] = [
    [
      'admits an assumed-role session when the role ARN is named',
      doc(allow({ AWS: ROLE })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'admits an assumed-role session when the session ARN is named',
      doc(allow({ AWS: SESSION })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'admits a role named with a path the session ARN drops',
      doc(allow({ AWS: `arn:aws:iam::${A}:role/team/ci-deployer` })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'admits a user named by ARN',
      doc(allow({ AWS: USER })),
      assume(userCaller, 'user'),
      'allowed'
    ],
    [
      'admits the caller through its account root',
      doc(allow({ AWS: `arn:aws:iam::${A}:root` })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'admits the caller through a bare account id',
      doc(allow({ AWS: A })),
      assume(sessionCaller),
      'allowed'
    ],
    ['admits anyone with Principal "*"', doc(allow('*')), assume(sessionCaller), 'allowed'],
    [
      'admits anyone with Principal {AWS: "*"}',
      doc(allow({ AWS: '*' })),
      assume(foreignCaller),
      'allowed'
    ],
    [
      'admits a caller listed among several principals',
      doc(allow({ AWS: [OTHER_ROLE, ROLE] })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'accepts a single Statement object',
      { Statement: allow({ AWS: ROLE }) },
      assume(sessionCaller),
      'allowed'
    ],
    [
      'accepts sts:* and wildcard actions',
      doc({ ...allow({ AWS: ROLE }), Action: 'sts:Assume*' }),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'refuses a different role of the same account',
      doc(allow({ AWS: OTHER_ROLE })),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'refuses a role of the same name in another account',
      doc(allow({ AWS: ROLE })),
      assume(foreignCaller),
      'implicit-deny'
    ],
    [
      'refuses another account root',
      doc(allow({ AWS: `arn:aws:iam::${B}:root` })),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'refuses a caller when only a service is trusted',
      doc(allow({ Service: 'ec2.amazonaws.com' })),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'refuses when the action is only AssumeRoleWithWebIdentity',
      doc({ ...allow({ AWS: ROLE }), Action: 'sts:AssumeRoleWithWebIdentity' }),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'lets an explicit Deny win over an Allow',
      doc(allow({ AWS: ROLE }), { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:*' }),
      assume(sessionCaller),
      'explicit-deny'
    ],
    [
      'applies a Deny limited by a negated condition',
      doc(allow('*'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': B } }
      }),
      assume(sessionCaller),
      'explicit-deny'
    ],
    [
      'skips a Deny whose negated condition does not hold',
      doc(allow('*'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': A } }
      }),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'matches aws:PrincipalArn with ArnLike on the role ARN of a session',
      doc(
        allow(
          { AWS: A },
          { Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/ci-*` } } }
        )
      ),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'refuses aws:PrincipalArn ArnEquals naming another role',
      doc(allow({ AWS: A }, { Condition: { ArnEquals: { 'aws:PrincipalArn': OTHER_ROLE } } })),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'refuses ArnNotLike matching the caller',
      doc(
        allow(
          { AWS: A },
          { Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/ci-*` } } }
        )
      ),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'matches aws:PrincipalAccount',
      doc(allow('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': [B, A] } } })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'matches aws:PrincipalType for a session',
      doc(allow('*', { Condition: { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } } })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'refuses when sts:ExternalId is required (the preflight passes none)',
      doc(allow({ AWS: ROLE }, { Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } })),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'satisfies StringEqualsIfExists when the key is absent',
      doc(
        allow({ AWS: ROLE }, { Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'abc' } } })
      ),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'satisfies Null true for an absent external ID',
      doc(allow({ AWS: ROLE }, { Condition: { Null: { 'sts:ExternalId': 'true' } } })),
      assume(sessionCaller),
      'allowed'
    ],
    [
      'refuses Null false for an absent external ID',
      doc(allow({ AWS: ROLE }, { Condition: { Null: { 'sts:ExternalId': 'false' } } })),
      assume(sessionCaller),
      'implicit-deny'
    ],
    [
      'cannot know aws:PrincipalOrgID: unknown, never allowed',
      doc(allow('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })),
      assume(sessionCaller),
      'unknown'
    ],
    [
      'cannot know a session source identity',
      doc(allow({ AWS: ROLE }, { Condition: { StringLike: { 'aws:SourceIdentity': 'alice*' } } })),
      assume(sessionCaller),
      'unknown'
    ],
    [
      'knows a user has no source identity',
      doc(allow({ AWS: USER }, { Condition: { StringLike: { 'aws:SourceIdentity': 'alice*' } } })),
      assume(userCaller, 'user'),
      'implicit-deny'
    ],
    [
      'a possible Deny next to an Allow is unknown',
      doc(allow({ AWS: ROLE }), {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }
      }),
      assume(sessionCaller),
      'unknown'
    ],
    [
      'NotPrincipal is reported unknown',
      doc({ Effect: 'Allow', NotPrincipal: { AWS: OTHER_ROLE }, Action: 'sts:AssumeRole' }),
      assume(sessionCaller),
      'unknown'
    ],
    [
      'an unsupported operator is unknown',
      doc(allow({ AWS: ROLE }, { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })),
      assume(sessionCaller),
      'unknown'
    ],
    [
      'a condition on an unknowable key (principal tag) is unknown',
      doc(allow({ AWS: ROLE }, { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ml' } } })),
      assume(sessionCaller),
      'unknown'
    ],
    [
      'GitHub: admits the repository with StringLike repo:ORG/REPO:*',
      githubTrust('repo:octo-org/app:*'),
      webIdentity,
      'allowed'
    ],
    [
      'GitHub: refuses a pull_request run when only main is trusted',
      githubTrust('repo:octo-org/app:ref:refs/heads/main'),
      webIdentity,
      'implicit-deny'
    ],
    [
      'GitHub: StringEquals does not expand wildcards',
      githubTrust('repo:octo-org/app:*', 'StringEquals'),
      webIdentity,
      'implicit-deny'
    ],
    [
      'GitHub: refuses another repository',
      githubTrust('repo:octo-org/other:*'),
      webIdentity,
      'implicit-deny'
    ],
    [
      'GitHub: refuses a role trusting another provider',
      doc({
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${B}:oidc-provider/token.actions.githubusercontent.com`
        },
        Action: 'sts:AssumeRoleWithWebIdentity'
      }),
      webIdentity,
      'implicit-deny'
    ],
    [
      'GitHub: an AWS principal never admits a web identity',
      doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRoleWithWebIdentity' }),
      webIdentity,
      'implicit-deny'
    ],
    [
      'GitHub: ForAnyValue:StringLike on sub',
      doc({
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          'ForAnyValue:StringLike': {
            'token.actions.githubusercontent.com:sub': [
              'repo:octo-org/app:ref:*',
              'repo:octo-org/app:pull_request'
            ]
          }
        }
      }),
      webIdentity,
      'allowed'
    ]
  ]

  it.each(cases)('%s', (_name, document, request, decision) => {
    expect(evaluateTrustPolicy(document, request).decision).toBe(decision)
  })

  it('decodes the URL-encoded document iam:GetRole returns', () => {
    const encoded = encodeURIComponent(JSON.stringify(doc(allow({ AWS: ROLE }))))
    expect(evaluateTrustPolicy(encoded, assume(sessionCaller)).decision).toBe('allowed')
  })

  it('names the statement and the failing condition of a near miss', () => {
    const result = evaluateTrustPolicy(
      doc({ Sid: 'GitHub', ...githubTrust('repo:octo-org/app:ref:refs/heads/main').Statement[0]! }),
      webIdentity
    )
    expect(result.nearMisses).toHaveLength(1)
    expect(result.nearMisses[0]?.sid).toBe('GitHub')
    expect(result.nearMisses[0]?.notes.join('\n')).toContain(
      `"repo:octo-org/app:ref:refs/heads/main": the request has "${GITHUB_SUB}" → does not match`
    )
  })

  it('names the principal match: caller, account or anyone', () => {
    expect(
      evaluateTrustPolicy(doc(allow({ AWS: ROLE })), assume(sessionCaller)).allowedBy
        ?.principalMatch
    ).toBe('caller')
    expect(
      evaluateTrustPolicy(doc(allow({ AWS: A })), assume(sessionCaller)).allowedBy?.principalMatch
    ).toBe('account')
    expect(
      evaluateTrustPolicy(doc(allow('*')), assume(sessionCaller)).allowedBy?.principalMatch
    ).toBe('anyone')
  })

  it('needs the identity policy too across accounts, or when the trust names only the account', () => {
    const byName = evaluateTrustPolicy(doc(allow({ AWS: ROLE })), assume(sessionCaller))
    const byAccount = evaluateTrustPolicy(doc(allow({ AWS: A })), assume(sessionCaller))
    expect(identityPolicyRequired(byName, true)).toBe(false)
    expect(identityPolicyRequired(byName, false)).toBe(true)
    expect(identityPolicyRequired(byAccount, true)).toBe(true)
  })

  const malformed: [string, unknown, RegExp][] = [
    ['a bad %-escape', '%7B%ZZ', /not URL-decodable/],
    ['text that is not JSON', '%7Bnot-json', /not JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    ['no Statement', { Version: '2012-10-17' }, /no Statement/],
    ['an empty Statement list', { Statement: [] }, /empty Statement/],
    [
      'a bad Effect',
      doc({ Effect: 'Maybe', Principal: '*', Action: 'sts:AssumeRole' }),
      /Effect "Maybe"/
    ],
    [
      'a statement with no Principal',
      doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
      /no Principal/
    ],
    [
      'a numeric Action',
      doc({ Effect: 'Allow', Principal: '*', Action: 42 }),
      /Action that is not a string/
    ],
    [
      'a Principal list of objects',
      doc({ Effect: 'Allow', Principal: { AWS: [{}] }, Action: 'sts:AssumeRole' }),
      /Principal.AWS is not a string/
    ],
    [
      'a Condition with a nested object value',
      doc(allow('*', { Condition: { StringEquals: { k: { x: 1 } } } })),
      /Condition.StringEquals.k/
    ]
  ]

  it.each(malformed)('reports %s as malformed without throwing', (_name, document, problem) => {
    const result = evaluateTrustPolicy(document, assume(sessionCaller))
    expect(result.decision).toBe('malformed')
    expect(result.problems.join(' ')).toMatch(problem)
    expect(parseTrustPolicy(document).ok).toBe(false)
  })
})

describe('condition operators', () => {
  const context: RequestContext = {
    values: { multi: ['a', 'b'], one: ['x'], flag: ['true'], unknowable: 'unknown' },
    otherKeys: 'absent'
  }
  const cases: [string, Record<string, Record<string, unknown>>, string][] = [
    [
      'ForAllValues holds when every value is listed',
      { 'ForAllValues:StringEquals': { multi: ['a', 'b', 'c'] } },
      'yes'
    ],
    [
      'ForAllValues fails when one value is not listed',
      { 'ForAllValues:StringEquals': { multi: ['a'] } },
      'no'
    ],
    [
      'ForAllValues holds for an absent key',
      { 'ForAllValues:StringEquals': { missing: ['a'] } },
      'yes'
    ],
    [
      'ForAnyValue holds when one value is listed',
      { 'ForAnyValue:StringEquals': { multi: ['b'] } },
      'yes'
    ],
    [
      'ForAnyValue fails for an absent key',
      { 'ForAnyValue:StringEquals': { missing: ['b'] } },
      'no'
    ],
    ['Bool true', { Bool: { flag: true } }, 'yes'],
    ['Bool false', { Bool: { flag: 'false' } }, 'no'],
    ['StringNotLike holds for an absent key', { StringNotLike: { missing: 'x*' } }, 'yes'],
    ['StringLike with ?', { StringLike: { one: '?' } }, 'yes'],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { one: 'X' } }, 'yes'],
    ['condition keys are case-insensitive', { StringEquals: { ONE: 'x' } }, 'yes'],
    ['an unknowable value is unknown', { StringEquals: { unknowable: 'x' } }, 'unknown'],
    ['a failing part beats an unknown one', { StringEquals: { unknowable: 'x', one: 'y' } }, 'no']
  ]
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, context).result).toBe(expected)
  })
})

describe('the classes where the evaluator disagreed with AWS (each failed before its fix)', () => {
  const session = assume(sessionCaller)
  const user = assume(userCaller, 'user')
  const withCondition = (condition: object) => doc(allow({ AWS: ROLE }, { Condition: condition }))
  const userWith = (condition: object) => doc(allow({ AWS: USER }, { Condition: condition }))

  it('1. ForAnyValue: with a negated operator is false on a missing key; ForAllValues: true', () => {
    const missing = { 'ForAnyValue:StringNotEquals': { 'sts:ExternalId': 'x' } }
    expect(evaluateTrustPolicy(withCondition(missing), session).decision).toBe('implicit-deny')
    const all = { 'ForAllValues:StringNotLike': { 'sts:ExternalId': 'x' } }
    expect(evaluateTrustPolicy(withCondition(all), session).decision).toBe('allowed')
  })

  it('2. ArnLike matches each of the six ARN components separately', () => {
    for (const pattern of ['arn:*:role/ci-deployer', 'arn:aws:iam::*']) {
      const policy = withCondition({ ArnLike: { 'aws:PrincipalArn': pattern } })
      expect(evaluateTrustPolicy(policy, session).decision).toBe('implicit-deny')
    }
    const ok = withCondition({ ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/ci-*` } })
    expect(evaluateTrustPolicy(ok, session).decision).toBe('allowed')
  })

  it('3. a plain operator on a multivalued key is not decided', () => {
    const request = {
      ...session,
      context: {
        ...session.context,
        values: { ...session.context.values, 'aws:tagkeys': ['team', 'env'] }
      }
    }
    const policy = withCondition({ StringNotEquals: { 'aws:TagKeys': 'x' } })
    expect(evaluateTrustPolicy(policy, request).decision).toBe('unknown')
  })

  it('4. policy variables are substituted, and ${*} ${?} ${$} are literal', () => {
    const account = withCondition({
      StringEquals: { 'aws:PrincipalAccount': '${aws:PrincipalAccount}' }
    })
    expect(evaluateTrustPolicy(account, session).decision).toBe('allowed')
    const name = userWith({ StringEquals: { 'aws:username': '${aws:username}' } })
    expect(evaluateTrustPolicy(name, user).decision).toBe('allowed')
    const star = withCondition({ StringLike: { 'sts:RoleSessionName': 'bedrock${*}' } })
    expect(evaluateTrustPolicy(star, session).decision).toBe('implicit-deny')
  })

  it('5. Null with several values ORs them', () => {
    // sts:RoleSessionName is present: "false" (present) holds though "true" (absent) does not.
    const policy = withCondition({ Null: { 'sts:RoleSessionName': ['true', 'false'] } })
    expect(evaluateTrustPolicy(policy, session).decision).toBe('allowed')
  })

  it('6. an IAM user may hold MFA (GetSessionToken): aws:MultiFactorAuthPresent is unknown', () => {
    const mfa = userWith({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } })
    expect(evaluateTrustPolicy(mfa, user).decision).toBe('unknown')
    const noMfa = userWith({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })
    expect(evaluateTrustPolicy(noMfa, user).decision).toBe('unknown')
  })

  it('{"AWS": "*"} and a web identity caller: not decided', () => {
    const policy = doc({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'sts:AssumeRoleWithWebIdentity'
    })
    expect(evaluateTrustPolicy(policy, webIdentity).decision).toBe('unknown')
  })

  it('a role ARN differing only in case: not decided; a user ARN: case-sensitive', () => {
    const role = doc(allow({ AWS: `arn:aws:iam::${A}:role/CI-Deployer` }))
    expect(evaluateTrustPolicy(role, session).decision).toBe('unknown')
    const alice = doc(allow({ AWS: `arn:aws:iam::${A}:user/Alice` }))
    expect(evaluateTrustPolicy(alice, user).decision).toBe('implicit-deny')
  })

  it('same account: "*" or the caller ARN suffice alone; the account needs the identity policy', () => {
    const star = evaluateTrustPolicy(doc(allow('*')), session)
    expect(identityPolicyRequired(star, true)).toBe(false)
    const named = evaluateTrustPolicy(doc(allow({ AWS: ROLE })), session)
    expect(identityPolicyRequired(named, true)).toBe(false)
    const root = evaluateTrustPolicy(doc(allow({ AWS: `arn:aws:iam::${A}:root` })), session)
    expect(identityPolicyRequired(root, true)).toBe(true)
    // The account first, the caller second: the caller's statement decides.
    const both = evaluateTrustPolicy(doc(allow({ AWS: A }), allow({ AWS: ROLE })), session)
    expect(identityPolicyRequired(both, true)).toBe(false)
    expect(identityPolicyRequired(named, false)).toBe(true)
  })
})
