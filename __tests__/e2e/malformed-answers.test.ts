/**
 * Never a pass without an answer: a proxy, captive portal or gateway that answers HTTP 200 for
 * AWS (an HTML page, an empty body, `{}`, an empty result, a result for another resource than the
 * one asked) gives no evidence, so every AWS call the preflight makes, answered that way, leaves
 * the check that made it "could not verify", never pass and never fail, and the run never passes.
 */
import {
  query,
  protocolContentType,
  useFakeAws,
  type FakeReply,
  type FakeRequest,
  type Handler,
  type Handlers
} from '../harness/fake-aws.js'
import type { BearerOptions } from '../harness/fake-bearer.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { CALLER_ROLE_ARN, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  healthyAccount,
  JOB_ROLE_ARN,
  useTokenEndpoint,
  TARGET_ROLE_ARN
} from '../harness/e2e-world.js'
import {
  bedrockHandlers,
  OPUS_47,
  SONNET_45,
  worldWithNewerModels
} from '../harness/fake-bedrock.js'
import { MANTLE_SONNET } from '../harness/fake-mantle.js'
import type { Finding } from '../../src/engine/types.js'

const fake = useFakeAws(healthyAccount)
const token = useTokenEndpoint()

/** A job that makes most AWS calls the preflight has: a role to assume, an OIDC role, the probe. */
const EVERYTHING = {
  'model-id': `us.${SONNET_45}`,
  'assume-role-arn': TARGET_ROLE_ARN,
  'oidc-role-arn': JOB_ROLE_ARN,
  'invoke-probe': 'true',
  'timeout-seconds': '10'
}

/** A long-term Bedrock API key's shape: ABSK + base64("BedrockAPIKey-<id>-at-<account>:<secret>"). */
const LONG_TERM_KEY = `ABSK${Buffer.from('BedrockAPIKey-x7k2-at-111122223333:bG9uZ1Rlcm1TZWNyZXRGb3JUaGVGYWtlT25seQ==').toString('base64')}`

interface Job {
  name: string
  inputs: Record<string, string>
  env?: Record<string, string>
  handlers?: Handlers
  /** Set on the fake before the run (how Bedrock API keys are checked). */
  bearer?: BearerOptions
}

/** Jobs that, between them, make every AWS call the preflight has. */
const JOBS: Job[] = [
  { name: 'everything', inputs: EVERYTHING },
  // The default model is chosen from the region's profiles (ListInferenceProfiles).
  { name: 'no model configured', inputs: { 'timeout-seconds': '10' } },
  {
    // role-trust reads the role's trust policy (GetRole) to say why.
    name: 'AssumeRole denied',
    inputs: { 'assume-role-arn': TARGET_ROLE_ARN, 'timeout-seconds': '10' },
    handlers: {
      'sts:AssumeRole': query.error(
        'AccessDenied',
        `User: ${CALLER_ROLE_ARN} is not authorized to perform: sts:AssumeRole on resource: ${TARGET_ROLE_ARN}`,
        403
      )
    }
  },
  {
    // bedrock-mantle's own reads and its probe (its transport, not an AWS SDK client).
    name: 'bedrock-mantle',
    inputs: {
      endpoint: 'mantle',
      'model-id': MANTLE_SONNET,
      'invoke-probe': 'true',
      'timeout-seconds': '10'
    }
  },
  {
    // api-key-permission reads the key's state in IAM (ListServiceSpecificCredentials).
    name: 'a long-term Bedrock API key',
    inputs: { 'model-id': `us.${SONNET_45}`, 'timeout-seconds': '10' },
    env: { AWS_BEARER_TOKEN_BEDROCK: LONG_TERM_KEY },
    bearer: { longTermKeys: { [LONG_TERM_KEY]: 'us-east-1' } },
    handlers: {
      'iam:ListServiceSpecificCredentials': query.ok(
        'iam',
        'ListServiceSpecificCredentials',
        '<ServiceSpecificCredentials><member><UserName>BedrockAPIKey-x7k2</UserName><Status>Active</Status><ServiceUserName>BedrockAPIKey-x7k2-at-111122223333</ServiceUserName><CreateDate>2026-11-01T00:00:00Z</CreateDate><ServiceSpecificCredentialId>ACCAFAKEKEYID0000001</ServiceSpecificCredentialId><ServiceName>bedrock.amazonaws.com</ServiceName></member></ServiceSpecificCredentials>'
      )
    }
  },
  // No bundled code for its tokens per day: the quota check lists the region's quotas.
  {
    name: 'a model found by name',
    inputs: { 'model-id': `us.${OPUS_47}`, 'timeout-seconds': '10' },
    // Served here: a profile the region cannot call would skip the quota check under that cause.
    handlers: bedrockHandlers(worldWithNewerModels())
  },
  // An ID one edit away from a listed one: model-resolve reads ListFoundationModels for the
  // nearest listed ID (issue 31's missing `:0`).
  {
    name: 'an ID Bedrock does not list',
    inputs: { 'model-id': `us.${SONNET_45}`.replace(/:0$/, ''), 'timeout-seconds': '10' }
  }
]

function runJob(job: Job, more: Handlers = {}): Promise<ActionRun> {
  fake.handle({ ...healthyAccount(), ...(job.handlers ?? {}), ...more })
  fake.bearer(job.bearer ?? {})
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1', ...token.env(), ...(job.env ?? {}) },
    inputs: job.inputs,
    timeoutMs: 60_000
  })
}

/** The answer the job's account gives this request, to be emptied or pointed elsewhere. */
async function healthyReply(job: Job, call: string, req: FakeRequest): Promise<FakeReply> {
  const handler = { ...healthyAccount(), ...(job.handlers ?? {}) }[call] as Handler | FakeReply
  return typeof handler === 'function' ? handler(req) : handler
}

const OUTSIDE = 'a proxy or gateway answering for AWS: deliberately not an AWS answer'
const isQuery = (service: string) => service === 'sts' || service === 'iam'
const reply = (service: string, body: string, type = protocolContentType(service)): FakeReply => ({
  kind: 'response',
  status: 200,
  headers: { 'content-type': type },
  body,
  outside: OUTSIDE
})
const PORTAL = '<html><head><title>Sign in</title></head><body><p>Welcome</p></body></html>'

async function healthyBody(job: Job, call: string, req: FakeRequest): Promise<string> {
  const got = await healthyReply(job, call, req)
  return got.kind === 'response' ? got.body : ''
}

/** The same answer with every top-level member emptied (`<XResult/>`, `{"a": {}, "b": [], "c": ""}`). */
function emptied(service: string, body: string): string {
  if (isQuery(service)) return body.replace(/(<(\w+)Result>)[\s\S]*(<\/\2Result>)/, '$1$3')
  const value = JSON.parse(body) as Record<string, unknown>
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        Array.isArray(v)
          ? []
          : typeof v === 'object' && v !== null
            ? {}
            : typeof v === 'string'
              ? ''
              : v
      ])
    )
  )
}

/** Every resource the request names, replaced in the answer by another one. */
function elsewhere(req: FakeRequest, body: string): string | undefined {
  const asked = Object.entries(req.params)
    .filter(([k, v]) => /Arn|Identifier|RoleName|modelId|QuotaCode|ResourceArns/.test(k) && v)
    .map(([, v]) => v)
    .filter((v) => v.length > 3 && body.includes(v))
  if (!asked.length) return undefined
  return asked.reduce((b, v) => b.split(v).join(`${v}-other`), body)
}

interface Malformed {
  name: string
  answer: (job: Job, call: string, req: FakeRequest) => Promise<FakeReply | undefined>
}

const serviceOf = (call: string) => call.slice(0, call.indexOf(':'))

/** A gateway's 200s, in each service's protocol. */
export const MALFORMED: Malformed[] = [
  {
    name: 'an HTML page (text/html)',
    answer: async (_job, call) => reply(serviceOf(call), PORTAL, 'text/html')
  },
  {
    name: "an HTML page labelled as the protocol's content type",
    answer: async (_job, call) => reply(serviceOf(call), PORTAL)
  },
  { name: 'an empty body', answer: async (_job, call) => reply(serviceOf(call), '') },
  {
    name: '{}',
    answer: async (_job, call) => reply(serviceOf(call), '{}', 'application/json')
  },
  {
    name: 'an empty result',
    answer: async (job, call, req) =>
      reply(serviceOf(call), emptied(serviceOf(call), await healthyBody(job, call, req)))
  },
  {
    name: 'a result for another resource than the one asked',
    answer: async (job, call, req) => {
      const body = elsewhere(req, await healthyBody(job, call, req))
      return body === undefined ? undefined : reply(serviceOf(call), body)
    }
  }
]

const findingsOf = (run: ActionRun, call: string): Finding[] =>
  run.report?.findings.filter((f) => f.error?.operation === call) ?? []

function expectCleanEnd(run: ActionRun): void {
  expect(run.exitCode === 0 || run.exitCode === 1).toBe(true)
  expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m)
  expect(run.report).toBeDefined()
  expect(run.blocked).toEqual([])
  expect(leakedSecrets(run)).toEqual([])
}

describe('a malformed 200 from any AWS call the preflight makes', () => {
  /** Each call, with the first job that makes it. */
  const jobOf = new Map<string, Job>()
  beforeAll(async () => {
    for (const job of JOBS) {
      fake.requests.splice(0)
      const baseline = await runJob(job)
      expect({ job: job.name, report: baseline.report !== undefined }).toEqual({
        job: job.name,
        report: true
      })
      for (const r of fake.requests) {
        const call = `${r.service}:${r.operation}`
        if (!jobOf.has(call)) jobOf.set(call, job)
      }
    }
  }, 120_000)

  it('covers every operation the tool calls', () => {
    expect([...jobOf.keys()].sort()).toEqual([
      'bedrock-mantle:CreateInference',
      'bedrock-mantle:GetProject',
      'bedrock-mantle:ListModels',
      'bedrock-runtime:InvokeModelWithResponseStream',
      'bedrock:GetFoundationModel',
      'bedrock:GetFoundationModelAvailability',
      'bedrock:GetInferenceProfile',
      'bedrock:GetUseCaseForModelAccess',
      'bedrock:ListFoundationModels',
      'bedrock:ListInferenceProfiles',
      'iam:GetRole',
      'iam:ListServiceSpecificCredentials',
      'iam:SimulatePrincipalPolicy',
      'servicequotas:GetAWSDefaultServiceQuota',
      'servicequotas:GetServiceQuota',
      'servicequotas:ListServiceQuotas',
      'sts:AssumeRole',
      'sts:AssumeRoleWithWebIdentity',
      'sts:GetCallerIdentity'
    ])
  })

  it.each(MALFORMED)(
    '$name: the check that made the call could not verify it; nothing passes on it',
    async (malformed) => {
      expect(jobOf.size).toBeGreaterThan(0)
      for (const [call, job] of jobOf) {
        let served = false
        const run = await runJob(job, {
          [call]: async (req) => {
            const answer = await malformed.answer(job, call, req)
            served ||= answer !== undefined
            return answer ?? healthyReply(job, call, req)
          }
        })
        if (!served) continue
        expectCleanEnd(run)
        const affected = findingsOf(run, call)
        // An empty list is a whole answer ("none here"), not a gap: with the default model
        // chosen from an empty list of profiles, the model's own reads still decide.
        if (malformed.name === 'an empty result' && /:List/.test(call)) continue
        expect({ call, reported: affected.length > 0 }).toEqual({ call, reported: true })
        for (const f of affected) {
          expect({ call, check: f.checkId, status: f.status }).toEqual({
            call,
            check: f.checkId,
            status: 'unverified'
          })
          expect(f.catalogId).toMatch(/^(incomplete-answer|malformed-response)$/)
        }
        expect({ call, result: run.outputs.result }).not.toEqual({ call, result: 'pass' })
      }
    },
    300_000
  )
})
