/**
 * Never a pass without a complete answer: whatever one AWS operation answers (any status, content
 * type, body; AWS's own answer with members dropped or blanked), a check that relies on it
 * never passes unless the answer holds what src/aws/complete.ts says a complete one does, and the
 * run never passes. In-process: the engine and the real SDK clients against the fake AWS on
 * 127.0.0.1 (the bundle's own behaviour is __tests__/e2e/malformed-answers.test.ts).
 */
import fc from 'fast-check'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { CHECKS } from '../../src/checks/registry.js'
import { silentLogger, type PreflightConfig } from '../../src/config.js'
import { COMPLETE } from '../../src/aws/complete.js'
import {
  protocolContentType,
  startFakeAws,
  type FakeAws,
  type FakeReply,
  type FakeRequest,
  type Handler
} from '../harness/fake-aws.js'
import { healthyAccount, ISSUED, JOB_ROLE_ARN, TARGET_ROLE_ARN } from '../harness/e2e-world.js'
import { SONNET_45 } from '../harness/fake-bedrock.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { FULL_PROFILE, RUNS, runs } from './runs.js'

/** The operations a job with a role to assume, an OIDC role and the probe sends. */
const OPERATIONS = [
  'sts:GetCallerIdentity',
  'sts:AssumeRole',
  'sts:AssumeRoleWithWebIdentity',
  'iam:SimulatePrincipalPolicy',
  'bedrock:GetInferenceProfile',
  'bedrock:GetFoundationModel',
  'bedrock:GetFoundationModelAvailability',
  'bedrock:GetUseCaseForModelAccess',
  'bedrock-runtime:InvokeModelWithResponseStream',
  'servicequotas:GetServiceQuota',
  'servicequotas:GetAWSDefaultServiceQuota'
] as const

const ENV = {
  ...OIDC_SESSION_ENV,
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials'
}

let fake: FakeAws
beforeAll(async () => {
  fake = await startFakeAws()
  Object.assign(process.env, ENV, fake.env)
  delete process.env.AWS_PROFILE
})
afterAll(async () => fake.close())

function config(): PreflightConfig {
  return {
    regions: [{ value: 'us-east-1', source: 'input aws-region' }],
    models: [{ value: `us.${SONNET_45}`, source: 'input model-id' }],
    assumeRoleArns: [TARGET_ROLE_ARN],
    oidcRoleArn: JOB_ROLE_ARN,
    getIdToken: async () => ISSUED.oidcToken,
    invokeProbe: true,
    failOn: 'error',
    timeoutSeconds: 10,
    env: { ...ENV, ...fake.env },
    surface: 'github-actions',
    log: silentLogger
  }
}

const isQuery = (service: string) => service === 'sts' || service === 'iam'
/** What to do to AWS's own answer, or what to answer instead. */
type Mutation =
  | { kind: 'drop'; paths: string[]; blank: boolean }
  | {
      kind: 'replace'
      status: number
      contentType: string | undefined
      body: string
      location?: string
    }

const bodies = fc.oneof(
  fc.constant(''),
  fc.constant('{}'),
  fc.constant('<html><body>Sign in</body></html>'),
  fc.string(),
  fc.json(),
  fc.constantFrom('<Response/>', '<ErrorResponse></ErrorResponse>', '[]', 'null')
)

function mutations(operation: string): fc.Arbitrary<Mutation> {
  const relied = COMPLETE[operation]!.members.map((m) => m.path)
  const service = operation.slice(0, operation.indexOf(':'))
  return fc.oneof(
    fc.record({
      kind: fc.constant('drop' as const),
      paths: fc.subarray(relied, { minLength: 1 }),
      blank: fc.boolean()
    }),
    fc.record({
      kind: fc.constant('replace' as const),
      status: fc.oneof(
        fc.constant(200),
        fc.constantFrom(201, 204, 206, 301, 302, 303, 307, 308),
        fc.integer({ min: 200, max: 399 }),
        // Refusals a gateway may send: not 429 or 5xx, which are resent until the deadline
        // (src/aws/access.ts) and would only slow the property down.
        fc.constantFrom(400, 401, 403, 404, 407)
      ),
      contentType: fc.oneof(
        fc.constant(protocolContentType(service)),
        fc.constantFrom('text/html', 'text/plain', 'application/json', 'text/xml', undefined)
      ),
      body: bodies,
      location: fc.constantFrom(undefined, 'https://portal.example/login?s=1', 'not a url')
    })
  )
}

/** Drops (or blanks) one member path in a JSON value; `a[].b` in every item of `a`. */
function dropJson(value: unknown, segments: string[], blank: boolean): void {
  const [head, ...rest] = segments
  if (!head || typeof value !== 'object' || value === null) return
  const list = head.endsWith('[]')
  const name = list ? head.slice(0, -2) : head
  const object = value as Record<string, unknown>
  if (!rest.length && !list) {
    if (blank) object[name] = typeof object[name] === 'number' ? null : ''
    else delete object[name]
    return
  }
  const next = object[name]
  if (list && Array.isArray(next)) next.forEach((item) => dropJson(item, rest, blank))
  else dropJson(next, rest, blank)
}

/** Drops (or blanks) every element named by the path's last segment in an awsQuery document. */
function dropXml(body: string, path: string, blank: boolean): string {
  const leaf = path.split('.').pop()!.replace(/\[\]$/, '')
  const element = new RegExp(`<${leaf}>[\\s\\S]*?</${leaf}>`, 'g')
  return body.replace(element, blank ? `<${leaf}></${leaf}>` : '')
}

function mutate(operation: string, healthy: FakeReply, m: Mutation): FakeReply {
  const outside = 'a generated answer: deliberately not checked against the models'
  if (m.kind === 'replace') {
    return {
      kind: 'response',
      status: m.status,
      headers: {
        ...(m.contentType ? { 'content-type': m.contentType } : {}),
        ...(m.location && m.status >= 300 && m.status < 400 ? { location: m.location } : {})
      },
      // No body is allowed with these (RFC 9110 §15.3.5, §15.3.6, §15.4.5).
      body: [204, 205, 304].includes(m.status) ? '' : m.body,
      outside
    }
  }
  if (healthy.kind !== 'response') return healthy
  let body = healthy.body
  if (isQuery(operation.slice(0, operation.indexOf(':')))) {
    for (const path of m.paths) body = dropXml(body, path, m.blank)
  } else {
    const value = JSON.parse(body) as unknown
    for (const path of m.paths) dropJson(value, path.split('.'), m.blank)
    body = JSON.stringify(value)
  }
  return { ...healthy, body, outside }
}

describe('an incomplete answer to any operation never yields a pass', () => {
  it('whatever one operation answers, nothing passes on it and the run does not pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...OPERATIONS)
          .chain((operation) => fc.tuple(fc.constant(operation), mutations(operation))),
        async ([operation, mutation]) => {
          const healthy = healthyAccount()
          const own = healthy[operation] as Handler | FakeReply
          fake.handle({
            ...healthy,
            [operation]: async (req: FakeRequest) =>
              mutate(operation, typeof own === 'function' ? await own(req) : own, mutation)
          })
          const report = await runPreflight(config(), { checks: CHECKS })
          const affected = report.findings.filter((f) => f.error?.operation === operation)
          // A well-formed refusal (a generated 4xx that reads as AccessDenied) may fail; a pass
          // never comes from this answer.
          for (const f of affected)
            expect({ operation, status: f.status }).not.toEqual({
              operation,
              status: 'pass'
            })
          if (mutation.kind === 'drop' || mutation.status < 300) {
            for (const f of affected)
              expect({ operation, f: f.status }).toEqual({
                operation,
                f: 'unverified'
              })
          }
          expect({ operation, result: report.result }).not.toEqual({ operation, result: 'pass' })
        }
      ),
      // A whole run each (about 0.2 s): a few dozen in `npm test`, FC_RUNS in `npm run test:full`.
      runs({ numRuns: FULL_PROFILE ? RUNS : Math.min(RUNS, 40), timeout: 15_000 })
    )
  }, 3_600_000)
})
