/**
 * What a complete answer of each operation the preflight calls contains. An answer is evidence
 * only when it is complete: a proxy, captive portal or gateway that answers HTTP 200 with an HTML
 * page, an empty body or `{}` is read by the SDK's deserialisers as an empty result, and an empty
 * simulation has no deny in it. Anything less than the table below is `IncompleteAnswer`, which
 * every check reports as "could not verify" (src/engine/messages.ts), never as a pass or a blame.
 *
 * The members are those AWS's API models (schema/vendor/aws/, checked by
 * __tests__/aws/complete.test.ts) define for the output, and that AWS always sends, restricted to
 * what the checks rely on.
 */

/** The error code of an answer that is not AWS's whole answer (catalog: `incomplete-answer`). */
export const INCOMPLETE_ANSWER = 'IncompleteAnswer'
/** What src/aws/errors.ts calls a body that is not the protocol's: no answer either. */
export const MALFORMED_RESPONSE = 'MalformedResponse'

/**
 * A member path (`Credentials.AccessKeyId`, `models[].modelArn`: every item of a non-empty list)
 * and what it must hold: a non-empty text, a number, a list (possibly empty), a non-empty list,
 * a non-empty blob, or any value.
 */
export interface Member {
  path: string
  kind: 'text' | 'number' | 'list' | 'items' | 'bytes' | 'value'
}

export interface Completeness {
  /** The members a complete answer carries. */
  members: readonly Member[]
  /** What the answer must agree with in the request: results for what was asked, not another. */
  matches?: (input: Record<string, unknown>, output: Record<string, unknown>) => string | undefined
}

const text = (path: string): Member => ({ path, kind: 'text' })
const CREDENTIALS = [
  text('Credentials.AccessKeyId'),
  text('Credentials.SecretAccessKey'),
  text('Credentials.SessionToken')
]
/** The decisions SimulatePrincipalPolicy can give (IAM API model, `PolicyEvaluationDecisionType`). */
const DECISIONS = new Set(['allowed', 'explicitDeny', 'implicitDeny'])

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The asked one, by its ID, its ARN or an ARN ending in `/<id>`. */
function sameResource(asked: string, ...answered: unknown[]): boolean {
  return answered.some((a) => {
    const got = str(a)
    return got !== '' && (got === asked || got.endsWith(`/${asked}`) || asked.endsWith(`/${got}`))
  })
}

/** Every action × resource asked has one result with a known decision (IAM SimulatePrincipalPolicy). */
function simulated(input: Record<string, unknown>, output: Record<string, unknown>) {
  const actions = (input.ActionNames as unknown[] | undefined)?.map(str) ?? []
  const asked = (input.ResourceArns as unknown[] | undefined)?.map(str) ?? []
  const results = (output.EvaluationResults ?? []) as Record<string, unknown>[]
  for (const action of actions) {
    const mine = results.filter((r) => str(r.EvalActionName) === action)
    if (!mine.length) return `no evaluation of ${action}`
    for (const resource of asked.length ? asked : [undefined]) {
      const decided = mine.some((r) => {
        if (resource === undefined || str(r.EvalResourceName) === resource)
          return DECISIONS.has(str(r.EvalDecision))
        const specific = (r.ResourceSpecificResults ?? []) as Record<string, unknown>[]
        return specific.some(
          (s) => str(s.EvalResourceName) === resource && DECISIONS.has(str(s.EvalResourceDecision))
        )
      })
      if (!decided) return `no known decision for ${action} on ${resource ?? 'the resources asked'}`
    }
  }
  return undefined
}

/** Each operation the preflight calls through the SDK, named as IAM names it. */
export const COMPLETE: Readonly<Record<string, Completeness>> = {
  'sts:GetCallerIdentity': { members: [text('Account'), text('Arn')] },
  'sts:AssumeRole': { members: CREDENTIALS },
  'sts:AssumeRoleWithWebIdentity': { members: CREDENTIALS },
  'iam:GetRole': {
    members: [text('Role.Arn'), text('Role.RoleName'), text('Role.AssumeRolePolicyDocument')],
    matches: (input, output) => {
      const role = output.Role as Record<string, unknown>
      // IAM names are unique whatever their case ("Names are not distinguished by case", IAM
      // CreateRole): a role asked for in another case is answered with its stored name.
      return str(role.RoleName).toLowerCase() === str(input.RoleName).toLowerCase()
        ? undefined
        : `the role ${str(role.RoleName)}, not ${str(input.RoleName)}`
    }
  },
  'iam:SimulatePrincipalPolicy': {
    members: [
      { path: 'EvaluationResults[].EvalActionName', kind: 'text' },
      { path: 'EvaluationResults[].EvalDecision', kind: 'text' }
    ],
    matches: simulated
  },
  'iam:ListServiceSpecificCredentials': {
    members: [{ path: 'ServiceSpecificCredentials', kind: 'list' }]
  },
  'bedrock:GetInferenceProfile': {
    members: [
      text('inferenceProfileArn'),
      text('inferenceProfileId'),
      text('status'),
      text('type'),
      text('models[].modelArn')
    ],
    matches: (input, output) =>
      sameResource(
        str(input.inferenceProfileIdentifier),
        output.inferenceProfileId,
        output.inferenceProfileArn
      )
        ? undefined
        : `the profile ${str(output.inferenceProfileArn)}, not ${str(input.inferenceProfileIdentifier)}`
  },
  'bedrock:GetFoundationModel': {
    members: [text('modelDetails.modelId'), text('modelDetails.modelArn')],
    matches: (input, output) => {
      const details = output.modelDetails as Record<string, unknown>
      return sameResource(str(input.modelIdentifier), details.modelId, details.modelArn)
        ? undefined
        : `the model ${str(details.modelId)}, not ${str(input.modelIdentifier)}`
    }
  },
  // facts --check's listing of the models (cli/facts.ts).
  'bedrock:ListFoundationModels': { members: [{ path: 'modelSummaries', kind: 'list' }] },
  'bedrock:ListInferenceProfiles': {
    members: [{ path: 'inferenceProfileSummaries', kind: 'list' }]
  },
  'bedrock:GetProvisionedModelThroughput': {
    members: [text('provisionedModelArn'), text('modelArn'), text('status')]
  },
  'bedrock:GetFoundationModelAvailability': {
    members: [
      text('modelId'),
      text('agreementAvailability.status'),
      text('authorizationStatus'),
      text('entitlementAvailability'),
      text('regionAvailability')
    ],
    matches: (input, output) =>
      sameResource(str(input.modelId), output.modelId)
        ? undefined
        : `the model ${str(output.modelId)}, not ${str(input.modelId)}`
  },
  // An answer at all reads as "the form was submitted" (model-access): it must carry the form.
  'bedrock:GetUseCaseForModelAccess': { members: [{ path: 'formData', kind: 'bytes' }] },
  // The answer is an event stream (`body`) the SDK reads lazily: its completeness is the first
  // event's, judged by `firstEventProblem` once the probe has read it.
  'bedrock-runtime:InvokeModelWithResponseStream': {
    members: [{ path: 'body', kind: 'value' }, text('contentType')]
  },
  'servicequotas:GetServiceQuota': {
    members: [text('Quota.QuotaCode'), { path: 'Quota.Value', kind: 'number' }],
    matches: (input, output) => {
      const code = str((output.Quota as Record<string, unknown>).QuotaCode)
      return code === str(input.QuotaCode)
        ? undefined
        : `the quota ${code}, not ${str(input.QuotaCode)}`
    }
  },
  'servicequotas:GetAWSDefaultServiceQuota': {
    members: [text('Quota.QuotaCode'), { path: 'Quota.Value', kind: 'number' }]
  },
  'servicequotas:ListServiceQuotas': { members: [{ path: 'Quotas', kind: 'list' }] },
  // bedrock-mantle has no AWS API model: its Messages API answers in Anthropic's shape (a message
  // with its role and content, Anthropic API reference "Messages", read 2026-12-07), its model
  // list and projects in OpenAI's (`{"object": "list", "data": […]}`, a project with its `id`).
  'bedrock-mantle:CreateInference': {
    members: [text('role'), { path: 'content', kind: 'list' }]
  },
  'bedrock-mantle:ListModels': { members: [{ path: 'data', kind: 'list' }] },
  'bedrock-mantle:GetProject': { members: [text('id')] }
}

function holds(value: unknown, kind: Member['kind']): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== ''
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'list':
      return Array.isArray(value)
    case 'items':
      return Array.isArray(value) && value.length > 0
    case 'bytes':
      return (value instanceof Uint8Array || typeof value === 'string') && value.length > 0
    case 'value':
      return value !== undefined && value !== null
  }
}

/** The first member of `path` missing from `value`, or undefined when every one is there. */
function missing(value: unknown, segments: readonly string[], kind: Member['kind']): boolean {
  const [head, ...rest] = segments
  if (head === undefined) return !holds(value, kind)
  const list = head.endsWith('[]')
  const name = list ? head.slice(0, -2) : head
  const next =
    typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[name]
      : undefined
  if (!list) return missing(next, rest, kind)
  return !holds(next, 'items') || (next as unknown[]).some((item) => missing(item, rest, kind))
}

/**
 * What an answer of `operation` (`service:Operation`) lacks to be complete, in words, or undefined
 * when it is complete (or the operation has no entry).
 */
export function incompleteness(
  operation: string,
  input: unknown,
  output: unknown
): string | undefined {
  const spec = COMPLETE[operation]
  if (!spec) return undefined
  const gaps = spec.members
    .filter((m) => missing(output, m.path.split('.'), m.kind))
    .map((m) => m.path.replace(/\[\]/g, ''))
  if (gaps.length) return `without ${gaps.join(', ')}`
  const other = spec.matches?.(
    (input ?? {}) as Record<string, unknown>,
    output as Record<string, unknown>
  )
  return other ? `with ${other}` : undefined
}

/**
 * The error an incomplete answer ends its call with: named by the operation and by what was
 * missing, so the finding says which read a proxy or gateway answered.
 */
export function incompleteAnswerMessage(
  operation: string,
  status: number | undefined,
  gap: string
): string {
  return `${operation} answered HTTP ${status ?? '?'} ${gap}: not a complete AWS answer`
}

/** The same, as the error an SDK middleware throws (observeError reads its name and status). */
export function incompleteAnswerError(operation: string, status: number | undefined, gap: string) {
  return Object.assign(new Error(incompleteAnswerMessage(operation, status, gap)), {
    name: INCOMPLETE_ANSWER,
    $metadata: { httpStatusCode: status }
  })
}

/** The protocol family a service answers in: awsQuery XML (STS, IAM) or JSON (the others, mantle too). */
const XML_SERVICES = new Set(['sts', 'iam'])

/**
 * Operations whose success is an AWS event stream, not a JSON document (the API model's
 * `"eventstream": true` payload; AWS's wire format `application/vnd.amazon.eventstream`).
 */
const EVENT_STREAM_OPERATIONS = new Set(['bedrock-runtime:InvokeModelWithResponseStream'])

/** Whether `operation` (`service:Operation`) answers with an event stream. */
export const isEventStreamOperation = (operation: string) => EVENT_STREAM_OPERATIONS.has(operation)

/** The media type of an AWS event stream (Smithy event streams, `vnd.amazon.eventstream`). */
export const EVENT_STREAM_TYPE = 'application/vnd.amazon.eventstream'

/**
 * What the first event of an InvokeModelWithResponseStream answer must be for the answer to be
 * Bedrock's: a `chunk` whose bytes are the Anthropic stream's first event, `message_start`
 * (Anthropic Messages streaming: "a `message_start` event" comes first; AWS UG
 * `model-parameters-anthropic-claude-messages`), or one of the stream's exception events (those
 * arrive as SDK errors, not here). Anything else (no event, a chunk that is not JSON, another
 * event first) is no AWS answer: could not verify. Undefined when complete.
 */
export function firstEventProblem(event: unknown): string | undefined {
  const chunk = (event as { chunk?: { bytes?: unknown } } | undefined)?.chunk
  if (!chunk) return 'without a first event'
  const bytes = chunk.bytes
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return 'with an empty first chunk'
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return 'with a first chunk that is not JSON'
  }
  const type = (parsed as { type?: unknown } | null)?.type
  return type === 'message_start'
    ? undefined
    : `with ${typeof type === 'string' ? `\`${type.slice(0, 40)}\`` : 'an unknown event'} first, not \`message_start\``
}

/**
 * What is wrong with a raw answer before it is parsed: a redirect (never followed; AWS does not
 * redirect these APIs, a proxy or portal does), or a 2xx whose content type is not the protocol's
 * (an HTML page parses as an empty XML result). Undefined when neither.
 */
export function rawAnswerProblem(
  service: string,
  status: number | undefined,
  headers: Record<string, string> | undefined,
  operation?: string
): { code: string; message: string } | undefined {
  if (status === undefined) return undefined
  if (status >= 300 && status < 400) {
    const location = headers?.location ?? headers?.Location
    let where = 'no Location'
    if (location) {
      // Scheme, host and path only: a portal's query string may carry a session.
      try {
        const url = new URL(location)
        where = `${url.origin}${url.pathname}`
      } catch {
        where = 'an unreadable Location'
      }
    }
    return {
      code: INCOMPLETE_ANSWER,
      message: `answered HTTP ${status}, a redirect to ${where} (not followed: AWS does not redirect this API; a proxy or portal does)`
    }
  }
  if (status < 200 || status >= 300) return undefined
  const type = (headers?.['content-type'] ?? headers?.['Content-Type'] ?? '').toLowerCase()
  if (!type) return undefined
  const stream = operation !== undefined && EVENT_STREAM_OPERATIONS.has(operation)
  const expected = stream
    ? /^application\/vnd\.amazon\.eventstream\b/
    : XML_SERVICES.has(service)
      ? /xml/
      : /json/
  return expected.test(type)
    ? undefined
    : {
        code: MALFORMED_RESPONSE,
        message: `answered HTTP ${status} with content type ${type.split(';')[0]!.trim()}, not AWS ${stream ? 'event stream' : XML_SERVICES.has(service) ? 'XML' : 'JSON'}`
      }
}
