/**
 * Issue 28 part A, one test per defect found by probing the bundle: a proxy, captive portal or
 * gateway answering HTTP 200 for AWS (or redirecting) made checks pass, or blame the job, on no
 * evidence. Each now ends "could not verify", naming the operation and what was missing.
 */
import { query, raw, useFakeAws, type FakeReply } from '../harness/fake-aws.js'
import { runAction, type ActionRun } from '../harness/run-action.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  healthyAccount,
  JOB_ROLE_ARN,
  useTokenEndpoint,
  TARGET_ROLE_ARN
} from '../harness/e2e-world.js'
import { SEED_POLICY, SONNET_45 } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy, type PolicyDocument } from '../harness/fake-iam-simulator.js'
import type { Finding } from '../../src/engine/types.js'

const fake = useFakeAws(healthyAccount)
const token = useTokenEndpoint()

const MODEL = `us.${SONNET_45}`
const PORTAL = '<html><head><title>Sign in</title></head><body><p>Welcome</p></body></html>'
const OUTSIDE = 'a gateway answering for AWS: deliberately not an AWS answer'

/** A 200 as a gateway sends it, with a content type of its choosing. */
function gateway(body: string, contentType: string): FakeReply {
  return {
    kind: 'response',
    status: 200,
    headers: { 'content-type': contentType },
    body,
    outside: OUTSIDE
  }
}
/** The awsQuery envelope with nothing in its result: what the SDK makes of an empty answer. */
function emptyResult(service: 'sts' | 'iam', operation: string): FakeReply {
  const envelope = query.ok(service, operation, '') as Extract<FakeReply, { kind: 'response' }>
  return { ...envelope, outside: OUTSIDE }
}

function preflight(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1', ...token.env() },
    inputs: { 'model-id': MODEL, 'timeout-seconds': '10', ...inputs }
  })
}

const findingsOf = (run: ActionRun, checkId: string): Finding[] =>
  run.report?.findings.filter((f) => f.checkId === checkId) ?? []

/** The check could not verify, because of this operation's answer, and the step does not pass. */
function expectUnverified(run: ActionRun, checkId: string, operation: string): Finding {
  const findings = findingsOf(run, checkId)
  expect(findings.map((f) => f.status)).toEqual(findings.map(() => 'unverified'))
  const named = findings.find((f) => f.error?.operation === operation)
  expect(named).toBeDefined()
  expect(named!.catalogId).toMatch(/^(incomplete-answer|malformed-response)$/)
  expect(run.summary).toContain(operation)
  expect(run.outputs.result).not.toBe('pass')
  return named!
}

/** An identity policy that allows the seed's invoke policy but explicitly denies InvokeModel*. */
const DENY_INVOKE: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'bedrock:InvokeModel*', Resource: '*' }]
}

describe('invoke-permission: IAM simulation answered by a gateway', () => {
  beforeEach(() => {
    // The truth behind the gateway: an explicit deny.
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({
        identity: { seed: SEED_POLICY, deny: DENY_INVOKE }
      })
    })
  })

  it('an HTML page (200 text/html) is not "may call InvokeModel": could not verify', async () => {
    fake.handle({ 'iam:SimulatePrincipalPolicy': gateway(PORTAL, 'text/html') })
    const run = await preflight()
    const f = expectUnverified(run, 'invoke-permission', 'iam:SimulatePrincipalPolicy')
    expect(f.error?.message).toContain('content type text/html')
    expect(run.summary).not.toMatch(/may call InvokeModel/)
  })

  it('an empty result is not "no deny": could not verify, naming what was missing', async () => {
    fake.handle({ 'iam:SimulatePrincipalPolicy': emptyResult('iam', 'SimulatePrincipalPolicy') })
    const run = await preflight()
    const f = expectUnverified(run, 'invoke-permission', 'iam:SimulatePrincipalPolicy')
    expect(f.error?.code).toBe('IncompleteAnswer')
    expect(f.error?.message).toContain('without EvaluationResults')
  })
})

describe('role-trust: AssumeRole answered by a gateway', () => {
  it('a 200 without credentials is not "may assume the role": could not verify', async () => {
    fake.handle({ 'sts:AssumeRole': emptyResult('sts', 'AssumeRole') })
    const run = await preflight({ 'assume-role-arn': TARGET_ROLE_ARN })
    const f = expectUnverified(run, 'role-trust', 'sts:AssumeRole')
    expect(f.error?.message).toContain('without Credentials.AccessKeyId')
  })
})

describe('oidc-trust: AssumeRoleWithWebIdentity answered by a gateway', () => {
  it('a 200 without credentials is not "the token may assume the role": could not verify', async () => {
    fake.handle({
      'sts:AssumeRoleWithWebIdentity': emptyResult('sts', 'AssumeRoleWithWebIdentity')
    })
    const run = await preflight({ 'oidc-role-arn': JOB_ROLE_ARN })
    const f = expectUnverified(run, 'oidc-trust', 'sts:AssumeRoleWithWebIdentity')
    expect(f.error?.message).toContain('without Credentials.AccessKeyId')
  })
})

describe('model-resolve: GetInferenceProfile answered by a gateway', () => {
  it('an empty JSON object is not a profile: could not verify', async () => {
    fake.handle({ 'bedrock:GetInferenceProfile': gateway('{}', 'application/json') })
    const run = await preflight()
    const f = expectUnverified(run, 'model-resolve', 'bedrock:GetInferenceProfile')
    expect(f.error?.message).toContain('without inferenceProfileArn')
  })
})

describe('invoke-probe: InvokeModelWithResponseStream answered by a gateway', () => {
  it('an empty JSON object is not an event stream: could not verify', async () => {
    fake.handle({
      'bedrock-runtime:InvokeModelWithResponseStream': gateway('{}', 'application/json')
    })
    const run = await preflight({ 'invoke-probe': 'true' })
    const f = expectUnverified(run, 'invoke-probe', 'bedrock-runtime:InvokeModelWithResponseStream')
    expect(f.error?.message).toContain('not AWS event stream')
  })
})

describe('a redirect to another host (7a)', () => {
  it.each([
    { operation: 'sts:AssumeRole', checkId: 'role-trust' },
    { operation: 'iam:SimulatePrincipalPolicy', checkId: 'invoke-permission' },
    { operation: 'bedrock:GetInferenceProfile', checkId: 'model-resolve' }
  ])(
    '$operation: could not verify, naming the redirect, never a failure of the job',
    async ({ operation, checkId }) => {
      fake.handle({
        [operation]: raw(302, '', { location: 'https://portal.example.net/login?session=abc123' })
      })
      const run = await preflight({ 'assume-role-arn': TARGET_ROLE_ARN })
      const failed = run.report!.findings.filter((x) => x.status === 'fail')
      expect(failed.map((x) => `${x.checkId}: ${x.title}`)).toEqual([])
      const f = expectUnverified(run, checkId, operation)
      expect(f.error?.message).toContain('a redirect to https://portal.example.net/login')
      // The portal's query string may carry a session: never printed.
      expect(run.everything).not.toContain('abc123')
    }
  )
})

// A healthy answer still passes: the completeness rules demand nothing AWS does not send.
describe('AWS answering in full', () => {
  it('passes every check of a job with a role, an OIDC role and the probe', async () => {
    const run = await preflight({
      'assume-role-arn': TARGET_ROLE_ARN,
      'oidc-role-arn': JOB_ROLE_ARN,
      'invoke-probe': 'true'
    })
    expect(run.outputs.result).toBe('pass')
  })
})
