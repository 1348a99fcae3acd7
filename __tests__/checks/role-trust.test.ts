import {
  AssumeRoleCommand,
  ExpiredTokenException,
  GetCallerIdentityCommand,
  RegionDisabledException
} from '@aws-sdk/client-sts'
import {
  GetRoleCommand,
  NoSuchEntityException,
  SimulatePrincipalPolicyCommand
} from '@aws-sdk/client-iam'
import { STSServiceException } from '@aws-sdk/client-sts'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { checkById, REGISTRY } from '../../src/checks/registry.js'
import { decide, type DecideInput, type SideState } from '../../src/checks/role-trust/decide.js'
import type { Report } from '../../src/engine/types.js'
import {
  sts,
  iam,
  resetMocks,
  config,
  findingsOf,
  ACCOUNT,
  ROLE_ARN,
  SESSION_ARN
} from './model-unit.js'

const roleTrust = REGISTRY['role-trust']

const TARGET = `arn:aws:iam::${ACCOUNT}:role/bedrock-invoker`
const CHECKS = [...(['region', 'credentials', 'identity'] as const).map(checkById), roleTrust]

function accessDenied(message: string) {
  return new STSServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    message,
    $metadata: { httpStatusCode: 403 }
  })
}

const assumeDenied = (caller = SESSION_ARN) =>
  accessDenied(
    `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${TARGET}`
  )

function trustDocument(...statements: object[]): string {
  return encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements }))
}

function roleReturning(document: string) {
  iam.on(GetRoleCommand).resolves({
    Role: {
      Path: '/',
      RoleName: 'bedrock-invoker',
      RoleId: 'AROAX',
      Arn: TARGET,
      CreateDate: new Date(0),
      AssumeRolePolicyDocument: document
    }
  })
}

/** GetRole answers with a trust policy that admits only another role of the account. */
function roleTrustingAnotherRole() {
  roleReturning(
    trustDocument({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/other` },
      Action: 'sts:AssumeRole'
    })
  )
}

function simulation(decision: 'allowed' | 'implicitDeny' | 'explicitDeny') {
  iam.on(SimulatePrincipalPolicyCommand).resolves({
    EvaluationResults: [
      { EvalActionName: 'sts:AssumeRole', EvalResourceName: TARGET, EvalDecision: decision }
    ]
  })
}

async function run(roles = [TARGET], masked: string[] = []): Promise<Report> {
  return runPreflight(
    config(['us-east-1'], [], {
      assumeRoleArns: roles,
      log: { debug: () => undefined, mask: (s) => masked.push(s) }
    }),
    { checks: CHECKS }
  )
}

beforeEach(() => resetMocks())

describe('role-trust', () => {
  it('passes and masks the returned credentials at once', async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAUNITASSUMED00001',
        SecretAccessKey: 'unit/assumed/secret',
        SessionToken: 'unit-assumed-token',
        Expiration: new Date()
      },
      AssumedRoleUser: {
        Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/bedrock-invoker/bedrock-preflight`,
        AssumedRoleId: 'AROAX:bp'
      }
    })
    const masked: string[] = []
    const report = await run([TARGET], masked)
    expect(findingsOf(report, 'role-trust')[0]).toMatchObject({
      status: 'pass',
      messageId: 'assumed',
      title: `${SESSION_ARN} can assume ${TARGET}`
    })
    expect(masked).toEqual(
      expect.arrayContaining(['ASIAUNITASSUMED00001', 'unit/assumed/secret', 'unit-assumed-token'])
    )
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: TARGET,
      RoleSessionName: 'bedrock-preflight',
      DurationSeconds: 900
    })
    expect(JSON.stringify(report)).not.toContain('unit/assumed/secret')
    expect(iam.calls()).toHaveLength(0)
  })

  it('blames the trust policy when it names another principal, simulating the role of the session', async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    roleTrustingAnotherRole()
    simulation('allowed')
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'trustRefuses',
      catalogId: 'assume-role-denied'
    })
    expect(f?.title).toContain("the role's trust policy refuses the caller")
    expect(f?.cause).toContain(`does not admit \`${ROLE_ARN}\``)
    expect(f?.fix).toMatch(/^\*\*Trust side:\*\* /)
    expect(f?.details?.map((d) => d.title)).toEqual([`Trust statement admitting ${ROLE_ARN}`])
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input).toMatchObject({
      PolicySourceArn: ROLE_ARN,
      ActionNames: ['sts:AssumeRole'],
      ResourceArns: [TARGET]
    })
    // The target's trust policy, and the caller's own role for its ARN as IAM stores it.
    expect(iam.commandCalls(GetRoleCommand).map((c) => c.args[0].input)).toEqual(
      expect.arrayContaining([{ RoleName: 'bedrock-invoker' }, { RoleName: 'ci' }])
    )
  })

  it('simulates an IAM user as itself', async () => {
    const user = `arn:aws:iam::${ACCOUNT}:user/dev`
    resetMocks(user)
    sts.on(AssumeRoleCommand).rejects(assumeDenied(user))
    roleReturning(
      trustDocument({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' })
    )
    simulation('implicitDeny')
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f?.messageId).toBe('callerNotAllowed')
    expect(f?.title).toContain("the caller's policies do not allow sts:AssumeRole")
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.PolicySourceArn).toBe(
      user
    )
    expect(f?.details?.[0]?.body).toContain(`Add to an identity policy of \`${user}\``)
  })

  it('does not blame the caller when the trust policy names it within one account', async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    roleReturning(
      trustDocument({ Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 'sts:AssumeRole' })
    )
    simulation('implicitDeny')
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f?.messageId).toBe('bothAllow')
    expect(f?.title).toContain('both sides appear to allow it')
    expect(f?.observed?.join('\n')).toContain('the identity policy is not needed')
    expect(f?.fix).toContain('session policy')
  })

  it('names the explicit Deny statement of the trust policy', async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    roleReturning(
      trustDocument(
        { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' },
        { Sid: 'NoCi', Effect: 'Deny', Principal: { AWS: ROLE_ARN }, Action: 'sts:*' }
      )
    )
    simulation('allowed')
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f?.fix).toContain('statement "NoCi" (#2)')
    expect(f?.details?.[0]?.body).toContain('"Sid": "NoCi"')
  })

  it('reports a role that does not exist', async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    iam.on(GetRoleCommand).rejects(
      new NoSuchEntityException({
        message: 'The role with name bedrock-invoker cannot be found.',
        $metadata: { httpStatusCode: 404 }
      })
    )
    simulation('allowed')
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f).toMatchObject({ status: 'fail', messageId: 'roleMissing' })
    expect(f?.title).toBe(`${TARGET} does not exist`)
    expect(f?.cause).toContain('no role named `bedrock-invoker` in account 111122223333')
    expect(f?.observed).toContain(
      'iam:GetRole → NoSuchEntityException: The role with name bedrock-invoker cannot be found.'
    )
  })

  it('says what is wrong with a malformed trust policy, as unverified for that side', async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    roleReturning('%7B%22Statement%22%3A%20')
    simulation('allowed')
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f?.messageId).toBe('unverified')
    expect(f?.title).toContain('could not be fully verified')
    expect(f?.fix).toContain('could not be evaluated')
    expect(f?.observed?.join('\n')).toMatch(
      /trust policy: unreadable \(the trust policy is not JSON/
    )
  })

  it('reports the caller side unverified when iam:SimulatePrincipalPolicy is denied', async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    roleReturning(
      trustDocument({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' })
    )
    iam
      .on(SimulatePrincipalPolicyCommand)
      .rejects(
        accessDenied(
          `User: ${SESSION_ARN} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${ROLE_ARN} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`
        )
      )
    const findings = findingsOf(await run(), 'role-trust')
    const unverified = findings.find((f) => f.status === 'unverified')
    expect(unverified).toMatchObject({
      messageId: 'callerUnsimulated',
      catalogId: 'preflight-read-denied',
      title: `Could not simulate sts:AssumeRole for ${ROLE_ARN}`
    })
    expect(unverified?.fix).toContain('iam:SimulatePrincipalPolicy')
    expect(findings[0]?.status).toBe('fail')
  })

  it("reads the role's own result and never blames the caller when only context keys were missing", async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    roleReturning(
      trustDocument({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' })
    )
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'sts:AssumeRole',
          EvalResourceName: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
          EvalDecision: 'implicitDeny',
          ResourceSpecificResults: [
            {
              EvalResourceName: TARGET,
              EvalResourceDecision: 'implicitDeny',
              MissingContextValues: ['aws:SourceIp']
            }
          ]
        }
      ]
    })
    const findings = findingsOf(await run(), 'role-trust')
    expect(findings[0]?.observed?.join('\n')).toContain('context keys not supplied: aws:SourceIp')
    expect(findings.map((f) => f.fix ?? '').join('\n')).not.toContain(
      'add the statement below to it'
    )
  })

  it('maps other STS errors through the catalog without reading IAM', async () => {
    sts.on(AssumeRoleCommand).rejects(
      new RegionDisabledException({
        message: `STS is not activated in this region for account ${ACCOUNT}`,
        $metadata: { httpStatusCode: 403 }
      })
    )
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f).toMatchObject({ messageId: 'assumeFailed', catalogId: 'sts-region-disabled' })
    expect(f?.title).toBe(`sts:AssumeRole on ${TARGET} failed: RegionDisabledException`)
    expect(iam.calls()).toHaveLength(0)
  })

  it('names the missing permission when iam:GetRole is denied, and still diagnoses the caller side', async () => {
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    iam
      .on(GetRoleCommand)
      .rejects(
        accessDenied(
          `User: ${SESSION_ARN} is not authorized to perform: iam:GetRole on resource: role bedrock-invoker because no identity-based policy allows the iam:GetRole action`
        )
      )
    simulation('implicitDeny')
    const findings = findingsOf(await run(), 'role-trust')
    expect(findings.map((f) => [f.messageId, f.status])).toEqual([
      ['callerNotAllowed', 'fail'],
      ['trustUnread', 'unverified']
    ])
    expect(findings[0]?.observed).toContain('trust policy: not read (iam:GetRole failed)')
    expect(findings[1]).toMatchObject({
      title: `Trust policy of ${TARGET} could not be read`,
      catalogId: 'preflight-read-denied'
    })
    expect(findings[1]?.fix).toContain('`iam:GetRole`')
  })

  it('across accounts, reports the trust side unverified and gives both statements', async () => {
    const other = 'arn:aws:iam::444455556666:role/bedrock-invoker'
    sts
      .on(AssumeRoleCommand)
      .rejects(
        accessDenied(
          `User: ${SESSION_ARN} is not authorized to perform: sts:AssumeRole on resource: ${other}`
        )
      )
    simulation('allowed')
    const findings = findingsOf(await run([other]), 'role-trust')
    expect(findings.map((f) => [f.messageId, f.status])).toEqual([
      ['crossAccountUnverifiedUnread', 'fail'],
      ['trustInOtherAccount', 'unverified']
    ])
    const [f, unread] = findings
    expect(f?.cause).toContain('This is a cross-account role')
    expect(f?.fix).toContain('Grant the preflight `iam:GetRole` and `iam:SimulatePrincipalPolicy`')
    expect(f?.details?.map((d) => d.title)).toEqual([
      `Trust statement admitting ${ROLE_ARN}`,
      `Identity statement for ${ROLE_ARN}`
    ])
    expect(unread?.fix).toContain(`Ask the owner of account 444455556666`)
    expect(unread?.fix).toContain(`names \`${ROLE_ARN}\``)
    // Only the caller's own role, for the path its suggested statements must name.
    expect(iam.commandCalls(GetRoleCommand).map((c) => c.args[0].input.RoleName)).toEqual(['ci'])
  })

  it('recovers the path of the caller role the session ARN drops, then simulates that role', async () => {
    const sso = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/ci`
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    iam.on(GetRoleCommand, { RoleName: 'bedrock-invoker' }).resolves({
      Role: {
        Path: '/',
        RoleName: 'bedrock-invoker',
        RoleId: 'AROAX',
        Arn: TARGET,
        CreateDate: new Date(0),
        AssumeRolePolicyDocument: trustDocument({
          Effect: 'Allow',
          Principal: { AWS: ACCOUNT },
          Action: 'sts:AssumeRole'
        })
      }
    })
    iam.on(GetRoleCommand, { RoleName: 'ci' }).resolves({
      Role: {
        Path: '/aws-reserved/sso.amazonaws.com/',
        RoleName: 'ci',
        RoleId: 'AROACI',
        Arn: sso,
        CreateDate: new Date(0)
      }
    })
    iam.on(SimulatePrincipalPolicyCommand, { PolicySourceArn: ROLE_ARN }).rejects(
      new NoSuchEntityException({
        message: `The role with name ci cannot be found.`,
        $metadata: { httpStatusCode: 404 }
      })
    )
    iam.on(SimulatePrincipalPolicyCommand, { PolicySourceArn: sso }).resolves({
      EvaluationResults: [
        { EvalActionName: 'sts:AssumeRole', EvalResourceName: TARGET, EvalDecision: 'explicitDeny' }
      ]
    })
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f?.messageId).toBe('callerDenies')
    expect(f?.observed?.join('\n')).toContain(`→ explicitDeny [simulated ${sso}]`)
    expect(f?.fix).toContain(`**Caller side:** Remove or narrow the explicit Deny`)
    expect(f?.details?.map((d) => d.title)).toEqual([`Identity statement for ${sso}`])
  })

  it('rejects an input that is not a role ARN without calling AWS', async () => {
    const [f] = findingsOf(await run(['arn:aws:iam::123:user/x']), 'role-trust')
    expect(f).toMatchObject({ status: 'fail', messageId: 'notRoleArn' })
    expect(f?.title).toBe('assume-role-arn "arn:aws:iam::123:user/x" is not an IAM role ARN')
    expect(f?.cause).toContain('arn:aws:iam::123456789012:role/NAME')
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0)
  })

  it('is skipped when the caller identity is unknown', async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      new ExpiredTokenException({
        message: 'The security token included in the request is expired',
        $metadata: { httpStatusCode: 400 }
      })
    )
    sts.on(AssumeRoleCommand).rejects(assumeDenied())
    const [f] = findingsOf(await run(), 'role-trust')
    expect(f?.status).toBe('skipped')
  })
})

describe('role-trust with session tags (role-session-tags)', () => {
  const ACTIONS_ENV = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/insightworker',
    GITHUB_WORKFLOW: 'Deploy (prod) #1',
    GITHUB_ACTION: '__run_2',
    GITHUB_ACTOR: 'dependabot[bot]',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main'
  }
  // AWS's text for a refused tag (the form users of configure-aws-credentials report, see
  // __tests__/fixtures/reference-errors.ts).
  const tagDenied = accessDenied(
    `User: ${SESSION_ARN} is not authorized to perform: sts:TagSession on resource: ${TARGET}`
  )
  const granted = {
    Credentials: {
      AccessKeyId: 'ASIAUNITUNTAGGED0001',
      SecretAccessKey: 'unit/untagged/secret',
      SessionToken: 'unit-untagged-token',
      Expiration: new Date()
    },
    AssumedRoleUser: { Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/x/y`, AssumedRoleId: 'AROAX:y' }
  }

  async function runTagged(setting: 'auto' | 'true' | 'false' | undefined, env = ACTIONS_ENV) {
    const masked: string[] = []
    const report = await runPreflight(
      config(['us-east-1'], [], {
        assumeRoleArns: [TARGET],
        env: { ...process.env, ...env },
        ...(setting ? { roleSessionTags: setting } : {}),
        log: { debug: () => undefined, mask: (s) => masked.push(s) }
      }),
      { checks: CHECKS }
    )
    return { report, masked }
  }

  const tagsSent = () => sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.Tags)

  it('in GitHub Actions sends the tags configure-aws-credentials sends, cut to what STS accepts', async () => {
    sts.on(AssumeRoleCommand).resolves(granted)
    const { report } = await runTagged(undefined)
    expect(findingsOf(report, 'role-trust')[0]?.status).toBe('pass')
    expect(tagsSent()).toEqual([
      [
        { Key: 'GitHub', Value: 'Actions' },
        { Key: 'Repository', Value: 'acme/insightworker' },
        { Key: 'Workflow', Value: 'Deploy _prod_ _1' },
        { Key: 'Action', Value: '__run_2' },
        { Key: 'Actor', Value: 'dependabot_bot_' },
        { Key: 'Commit', Value: ACTIONS_ENV.GITHUB_SHA },
        { Key: 'Branch', Value: 'refs/heads/main' }
      ]
    ])
    expect(findingsOf(report, 'role-trust')[0]?.observed?.[0]).toContain('7 session tags')
  })

  it('warns (auto) when only the tags are refused, after proving AssumeRole without them', async () => {
    sts.on(AssumeRoleCommand).callsFake((input: { Tags?: unknown }) => {
      if (input.Tags) throw tagDenied
      return granted
    })
    const { report, masked } = await runTagged('auto')
    const [f] = findingsOf(report, 'role-trust')
    expect(f).toMatchObject({ status: 'warn', messageId: 'tagsRefusedIfTagged' })
    expect(f?.catalogId).toBe('tag-session-denied')
    expect(f?.title).toBe(`${SESSION_ARN} can assume ${TARGET}, but not with session tags`)
    expect(f?.fix).toContain('`sts:TagSession`')
    expect(f?.fix).toContain('role-skip-session-tagging: true')
    expect(f?.details?.[0]?.body).toContain('"sts:TagSession"')
    expect(tagsSent().map((t) => t === undefined)).toEqual([false, true])
    expect(masked).toEqual(expect.arrayContaining(['unit/untagged/secret', 'unit-untagged-token']))
    // Only the caller's own role, for the path the suggested trust statement must name.
    expect(iam.commandCalls(GetRoleCommand).map((c) => c.args[0].input.RoleName)).toEqual(['ci'])
    expect(iam.calls()).toHaveLength(1)
  })

  it('fails (true) on the same refusal, and asks for the identity side across accounts', async () => {
    const other = 'arn:aws:iam::444455556666:role/bedrock-invoker'
    sts.on(AssumeRoleCommand).callsFake((input: { Tags?: unknown }) => {
      if (input.Tags)
        throw accessDenied(
          `User: ${SESSION_ARN} is not authorized to perform: sts:TagSession on resource: ${other}`
        )
      return granted
    })
    const report = await runPreflight(
      config(['us-east-1'], [], {
        assumeRoleArns: [other],
        env: { ...process.env, ...ACTIONS_ENV },
        roleSessionTags: 'true'
      }),
      { checks: CHECKS }
    )
    const [f] = findingsOf(report, 'role-trust')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'tagsRefused',
      catalogId: 'tag-session-denied'
    })
    expect(f?.observed).toContain('role-session-tags: true')
    expect(f?.details?.map((d) => d.title)).toEqual([
      `Trust statement admitting ${ROLE_ARN}, with session tags`,
      `Identity statement for ${ROLE_ARN}`
    ])
  })

  it('diagnoses AssumeRole itself when it is refused without tags too', async () => {
    sts.on(AssumeRoleCommand).callsFake((input: { Tags?: unknown }) => {
      throw input.Tags ? tagDenied : assumeDenied()
    })
    roleTrustingAnotherRole()
    simulation('allowed')
    const { report } = await runTagged('auto')
    const [f] = findingsOf(report, 'role-trust')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('assume-role-denied')
    expect(f?.title).toContain("the role's trust policy refuses the caller")
    expect(f?.observed).toContain(
      `with 7 session tags: AccessDenied: User: ${SESSION_ARN} is not authorized to perform: sts:TagSession on resource: ${TARGET}`
    )
  })

  it('sends no tags outside GitHub Actions (auto) or when told not to (false)', async () => {
    sts.on(AssumeRoleCommand).resolves(granted)
    await runTagged('auto', { ...ACTIONS_ENV, GITHUB_ACTIONS: '' })
    await runTagged('false')
    expect(tagsSent()).toEqual([undefined, undefined])
  })
})

describe('role-trust decide (which side refuses)', () => {
  const SIDES = {
    allows: { state: 'allows', proposesChange: false },
    denies: { state: 'denies', proposesChange: true },
    'denies explicitly': { state: 'denies', explicit: true, proposesChange: true },
    'is undecided': { state: 'unverified', proposesChange: true },
    'is unread': { state: 'unverified', proposesChange: false }
  } satisfies Record<string, SideState>
  type Says = keyof typeof SIDES
  const { allows, denies, 'is undecided': undecided, 'is unread': unread } = SIDES
  const denyExplicit = SIDES['denies explicitly']
  const input = (
    trust: SideState,
    caller: SideState,
    identityPolicyNeeded: boolean,
    crossAccount = false
  ): DecideInput => ({ trust, caller, identityPolicyNeeded, crossAccount })
  const refusing = (who: string) => ({
    trustRefuses: who.includes('trust'),
    callerRefuses: who.includes('caller')
  })

  // Trust side, caller side, whether the identity policy is needed → message, who refuses.
  it.each<[Says, Says, boolean, string, string]>([
    ['denies', 'denies', true, 'bothRefuse', 'trust+caller'],
    ['denies', 'allows', true, 'trustRefuses', 'trust'],
    ['allows', 'denies', true, 'callerNotAllowed', 'caller'],
    ['allows', 'denies explicitly', false, 'callerDenies', 'caller'],
    ['allows', 'denies', false, 'bothAllow', 'neither'],
    ['allows', 'allows', false, 'bothAllow', 'neither'],
    ['is undecided', 'allows', true, 'unverified', 'neither'],
    ['is undecided', 'denies', false, 'unverified', 'neither'],
    ['is unread', 'allows', true, 'unverifiedUnread', 'neither'],
    ['allows', 'is unread', false, 'unverifiedUnread', 'neither']
  ])(
    'within one account: trust %s, caller %s, identity policy needed %s → %s',
    (trust, caller, needed, message, who) => {
      expect(decide(input(SIDES[trust], SIDES[caller], needed))).toMatchObject({
        message,
        ...refusing(who)
      })
    }
  )

  it.each<[Says, Says, string, string]>([
    ['denies', 'denies', 'crossAccountBothRefuse', 'trust+caller'],
    ['denies', 'allows', 'crossAccountTrustRefuses', 'trust'],
    ['is unread', 'denies', 'crossAccountCallerRefuses', 'caller'],
    ['is unread', 'denies explicitly', 'crossAccountCallerRefuses', 'caller'],
    ['is undecided', 'allows', 'crossAccountUnverified', 'neither'],
    ['is unread', 'is unread', 'crossAccountUnverifiedUnread', 'neither'],
    ['allows', 'allows', 'crossAccountBothAllow', 'neither']
  ])('across accounts: trust %s, caller %s → %s', (trust, caller, message, who) => {
    expect(decide(input(SIDES[trust], SIDES[caller], true, true))).toMatchObject({
      message,
      ...refusing(who)
    })
  })

  it("lists the refusing sides' changes, or, when neither refuses, every change there is", () => {
    expect(decide(input(denies, allows, true)).changesFrom).toEqual({ trust: true, caller: false })
    expect(decide(input(denies, denies, true)).changesFrom).toEqual({ trust: true, caller: true })
    expect(decide(input(undecided, denies, false)).changesFrom).toEqual({
      trust: true,
      caller: true
    })
    expect(decide(input(unread, allows, true)).changesFrom).toEqual({
      trust: false,
      caller: false
    })
  })

  it('says when a caller denial does not matter, and which statements to show', () => {
    const moot = decide(input(allows, denies, false))
    expect(moot.callerDenialMoot).toBe(true)
    expect(moot.detailsFrom).toEqual({ trust: true, caller: false })
    expect(decide(input(allows, denies, true)).callerDenialMoot).toBe(false)
    expect(decide(input(allows, denyExplicit, false)).callerDenialMoot).toBe(false)
    expect(decide(input(denies, allows, true)).detailsFrom).toEqual({ trust: true, caller: false })
    expect(decide(input(allows, denies, true)).detailsFrom).toEqual({ trust: false, caller: true })
    expect(decide(input(unread, allows, true, true)).detailsFrom).toEqual({
      trust: true,
      caller: true
    })
  })
})
