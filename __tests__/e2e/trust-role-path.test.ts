import { useFakeAws, query, type FakeRequest } from '../harness/fake-aws.js'
import { runAction, FAKE } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { healthyAccount, TARGET_ROLE_ARN } from '../harness/e2e-world.js'
import { SEED_POLICY } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

// An IAM Identity Center session: its ARN drops the role's path, and IAM stores every such role
// under /aws-reserved/sso.amazonaws.com/ (reference: IAM Identity Center, "roles created by
// permission sets"). A trust statement naming role/NAME without the path is rejected by IAM.
const SSO_ROLE = 'AWSReservedSSO_BedrockUsers_0123456789abcdef'
const SSO_ROLE_ARN = `arn:aws:iam::${FAKE.account}:role/aws-reserved/sso.amazonaws.com/${SSO_ROLE}`
const SSO_SESSION = `arn:aws:sts::${FAKE.account}:assumed-role/${SSO_ROLE}/alice@example.com`
const TARGET = 'bedrock-invoker'

const fake = useFakeAws(healthyAccount)

const roleXml = (name: string, path: string, arn: string, trust: unknown) =>
  `<Role><Path>${path}</Path><RoleName>${name}</RoleName><RoleId>AROAFAKEROLEID${name.length}</RoleId><Arn>${arn}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent(JSON.stringify(trust))}</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration></Role>`

const noSuchRole = (name: string) =>
  query.error('NoSuchEntity', `The role with name ${name} cannot be found.`, 404)

const trustOf = (principal: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }]
})

function world(sessionTagsRefused = false) {
  const simulate = simulatePrincipalPolicy({
    identity: {
      seed: SEED_POLICY,
      assume: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Resource: TARGET_ROLE_ARN
          }
        ]
      }
    }
  })
  fake.handle({
    'sts:GetCallerIdentity': callerIdentity(SSO_SESSION),
    'sts:AssumeRole': (req: FakeRequest) =>
      sessionTagsRefused && !req.params['Tags.member.1.Key']
        ? query.ok(
            'sts',
            'AssumeRole',
            `<Credentials><AccessKeyId>ASIAPATHE2EASSUMED01</AccessKeyId><SecretAccessKey>pAtHe2eSeCrEt/AssumedRoleKey+0123456789abcd</SecretAccessKey><SessionToken>IQoJb3JpZ2luX2VjPathE2EAssumedSessionToken0123456789abcdefghij==</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKEROLEID:bedrock-preflight</AssumedRoleId><Arn>arn:aws:sts::${FAKE.account}:assumed-role/${TARGET}/bedrock-preflight</Arn></AssumedRoleUser>`
          )
        : query.error(
            'AccessDenied',
            `User: ${SSO_SESSION} is not authorized to perform: ${sessionTagsRefused ? 'sts:TagSession' : 'sts:AssumeRole'} on resource: ${TARGET_ROLE_ARN}`,
            403
          ),
    'iam:GetRole': (req: FakeRequest) => {
      const name = req.params.RoleName
      if (name === SSO_ROLE)
        return query.ok(
          'iam',
          'GetRole',
          roleXml(SSO_ROLE, '/aws-reserved/sso.amazonaws.com/', SSO_ROLE_ARN, trustOf('*'))
        )
      if (name === TARGET)
        return query.ok(
          'iam',
          'GetRole',
          roleXml(
            TARGET,
            '/',
            TARGET_ROLE_ARN,
            trustOf(`arn:aws:iam::${FAKE.account}:role/someone-else`)
          )
        )
      return noSuchRole(name ?? '')
    },
    // IAM does not know role/NAME for a role under a path.
    'iam:SimulatePrincipalPolicy': (req: FakeRequest) =>
      req.params.PolicySourceArn === SSO_ROLE_ARN ? simulate(req) : noSuchRole(SSO_ROLE)
  })
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    inputs: {
      'assume-role-arn': TARGET_ROLE_ARN,
      ...(sessionTagsRefused ? { 'role-session-tags': 'true' } : {})
    }
  })
}

const statementsIn = (body: string | undefined): { Principal?: { AWS?: string } }[] => {
  const json = JSON.parse(/```json\n([\s\S]+?)\n```/.exec(body ?? '')?.[1] ?? '{}')
  return Array.isArray(json) ? json : json.Statement ? json.Statement : [json]
}

describe('trust statements for an IAM Identity Center caller name the role with its path', () => {
  it('suggests a trust statement for the stored role ARN, never role/NAME', async () => {
    const run = await world()
    const [f] = run.report?.findings.filter((x) => x.checkId === 'role-trust') ?? []
    expect(f?.status).toBe('fail')
    const trust = f?.details?.find((d) => d.title.startsWith('Trust statement'))
    expect(trust?.title).toContain(SSO_ROLE_ARN)
    expect(statementsIn(trust?.body).map((s) => s.Principal?.AWS)).toEqual([SSO_ROLE_ARN])
    expect(run.summary).not.toContain(`role/${SSO_ROLE}"`)
  })

  it('does the same in the sts:TagSession statement', async () => {
    const run = await world(true)
    const [f] = run.report?.findings.filter((x) => x.checkId === 'role-trust') ?? []
    const trust = f?.details?.find((d) => d.title.startsWith('Trust statement'))
    expect(trust?.body).toContain('sts:TagSession')
    expect(statementsIn(trust?.body).map((s) => s.Principal?.AWS)).toEqual([SSO_ROLE_ARN])
  })
})
