/**
 * The table of complete answers (src/aws/complete.ts) against AWS's API models
 * (schema/vendor/aws/): every member it asks for is a member of the operation's output, of the
 * kind the table says, so the table can never demand what AWS does not send by that name.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  COMPLETE,
  EVENT_STREAM_TYPE,
  firstEventProblem,
  incompleteness,
  rawAnswerProblem
} from '../../src/aws/complete.js'
import { MODEL_OF, model } from '../aws-models/model-shapes.js'

const KIND_OF_TYPE: Record<string, string[]> = {
  text: ['string'],
  number: ['integer', 'long', 'double', 'float'],
  list: ['list'],
  items: ['list'],
  bytes: ['blob'],
  value: ['structure', 'union', 'string', 'list', 'map', 'blob', 'document']
}

/** The model's shape type at `path` of the operation's output, or the reason there is none. */
function typeAt(service: string, operation: string, path: string): string {
  const m = model(service) as unknown as {
    operations: Record<string, { output?: { shape: string } }>
    shapes: Record<
      string,
      { type: string; members?: Record<string, { shape: string }>; member?: { shape: string } }
    >
  }
  const output = m.operations[operation]?.output?.shape
  if (!output) return `no operation ${operation}`
  let shape = m.shapes[output]!
  for (const segment of path.split('.')) {
    const list = segment.endsWith('[]')
    const name = list ? segment.slice(0, -2) : segment
    const ref = shape.members?.[name]
    if (!ref) return `no member ${name}`
    shape = m.shapes[ref.shape]!
    if (list) {
      if (shape.type !== 'list') return `${name} is not a list`
      shape = m.shapes[shape.member!.shape]!
    }
  }
  return shape.type
}

/** Every SDK command the product sends (`new sdk.GetRoleCommand(`, `new GetCallerIdentityCommand(`). */
function commandsInSource(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return commandsInSource(path)
    if (!entry.name.endsWith('.ts')) return []
    const text = readFileSync(path, 'utf8')
    return [...text.matchAll(/new (?:\w+\.)*(\w+)Command\(/g)].map((m) => m[1]!)
  })
}

describe('what a complete answer holds, against the API models', () => {
  it('every operation the preflight sends through the SDK has an entry', () => {
    const listed = new Set(Object.keys(COMPLETE).map((op) => op.slice(op.indexOf(':') + 1)))
    const sent = [...new Set(commandsInSource())].sort()
    expect(sent.length).toBeGreaterThan(10)
    expect(sent.filter((op) => !listed.has(op))).toEqual([])
  })

  // bedrock-mantle has no AWS API model to check against (its entries cite Anthropic's reference).
  const rows = Object.entries(COMPLETE)
    .filter(([op]) => !op.startsWith('bedrock-mantle:'))
    .flatMap(([op, spec]) => spec.members.map((member) => ({ op, ...member })))
  it.each(rows)('$op: $path is a $kind member of the output', ({ op, path, kind }) => {
    const [service, operation] = op.split(':') as [keyof typeof MODEL_OF, string]
    const type = typeAt(MODEL_OF[service], operation, path)
    expect({ op, path, type: KIND_OF_TYPE[kind]!.includes(type) ? 'fits' : type }).toEqual({
      op,
      path,
      type: 'fits'
    })
  })
})

describe('a simulation is complete only with a decision for every action and resource asked', () => {
  const input = {
    ActionNames: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
    ResourceArns: ['arn:aws:bedrock:us-east-1::foundation-model/a', 'arn:aws:bedrock:*::b']
  }
  const result = (action: string, resource: string, decision = 'explicitDeny') => ({
    EvalActionName: action,
    EvalResourceName: resource,
    EvalDecision: decision
  })
  const all = input.ActionNames.flatMap((a) => input.ResourceArns.map((r) => result(a, r)))

  it('every pair answered: complete', () => {
    expect(
      incompleteness('iam:SimulatePrincipalPolicy', input, { EvaluationResults: all })
    ).toBeUndefined()
  })
  it('no results (an HTML page read as XML): incomplete', () => {
    expect(incompleteness('iam:SimulatePrincipalPolicy', input, {})).toBe(
      'without EvaluationResults.EvalActionName, EvaluationResults.EvalDecision'
    )
  })
  it('one pair missing: incomplete, naming it', () => {
    expect(
      incompleteness('iam:SimulatePrincipalPolicy', input, { EvaluationResults: all.slice(1) })
    ).toBe(
      'with no known decision for bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/a'
    )
  })
  it('results for other resources than asked: incomplete', () => {
    const other = all.map((r) => ({ ...r, EvalResourceName: `${r.EvalResourceName}-other` }))
    expect(
      incompleteness('iam:SimulatePrincipalPolicy', input, { EvaluationResults: other })
    ).toMatch(/^with no known decision for bedrock:InvokeModel on /)
  })
  it('an unknown decision: incomplete', () => {
    const odd = all.map((r) => ({ ...r, EvalDecision: 'maybe' }))
    expect(
      incompleteness('iam:SimulatePrincipalPolicy', input, { EvaluationResults: odd })
    ).toMatch(/^with no known decision/)
  })
  it('decisions in resource-specific results count for their resource', () => {
    const nested = input.ActionNames.map((a) => ({
      EvalActionName: a,
      EvalResourceName: '*',
      EvalDecision: 'implicitDeny',
      ResourceSpecificResults: input.ResourceArns.map((r) => ({
        EvalResourceName: r,
        EvalResourceDecision: 'allowed'
      }))
    }))
    expect(
      incompleteness('iam:SimulatePrincipalPolicy', input, { EvaluationResults: nested })
    ).toBeUndefined()
  })
})

describe('a raw answer that is not AWS answering', () => {
  it('a redirect to another host names where it points, without its query', () => {
    expect(
      rawAnswerProblem('iam', 302, { location: 'https://portal.example/login?session=s3cr3t' })
    ).toEqual({
      code: 'IncompleteAnswer',
      message:
        'answered HTTP 302, a redirect to https://portal.example/login (not followed: AWS does not redirect this API; a proxy or portal does)'
    })
  })
  it('an HTML page for an XML or a JSON API', () => {
    expect(rawAnswerProblem('sts', 200, { 'content-type': 'text/html; charset=utf-8' })).toEqual({
      code: 'MalformedResponse',
      message: 'answered HTTP 200 with content type text/html, not AWS XML'
    })
    expect(rawAnswerProblem('bedrock', 200, { 'content-type': 'text/html' })?.message).toBe(
      'answered HTTP 200 with content type text/html, not AWS JSON'
    )
  })
  it("each protocol's own content types pass", () => {
    expect(rawAnswerProblem('iam', 200, { 'content-type': 'text/xml' })).toBeUndefined()
    expect(
      rawAnswerProblem('servicequotas', 200, { 'content-type': 'application/x-amz-json-1.1' })
    ).toBeUndefined()
    expect(
      rawAnswerProblem('bedrock-runtime', 200, { 'content-type': 'application/json' })
    ).toBeUndefined()
  })
})

describe('an event stream (InvokeModelWithResponseStream) is complete by its first event', () => {
  const op = 'bedrock-runtime:InvokeModelWithResponseStream'
  const chunk = (json: string) => ({ chunk: { bytes: new TextEncoder().encode(json) } })
  it("answers in AWS's event-stream type, and a JSON document is not one", () => {
    expect(
      rawAnswerProblem('bedrock-runtime', 200, { 'content-type': EVENT_STREAM_TYPE }, op)
    ).toBeUndefined()
    expect(
      rawAnswerProblem('bedrock-runtime', 200, { 'content-type': 'application/json' }, op)?.message
    ).toBe('answered HTTP 200 with content type application/json, not AWS event stream')
  })
  it('a first chunk holding message_start is complete', () => {
    expect(firstEventProblem(chunk('{"type":"message_start","message":{}}'))).toBeUndefined()
  })
  it.each([
    [undefined, 'without a first event'],
    [{ chunk: { bytes: new Uint8Array() } }, 'with an empty first chunk'],
    [chunk('<html>'), 'with a first chunk that is not JSON'],
    [
      chunk('{"type":"content_block_delta"}'),
      'with `content_block_delta` first, not `message_start`'
    ],
    [chunk('[]'), 'with an unknown event first, not `message_start`']
  ])('anything else is incomplete (%#)', (event, gap) => {
    expect(firstEventProblem(event)).toBe(gap)
  })
})

describe('an iam:GetRole answer', () => {
  const role = (RoleName: string) => ({
    Role: {
      Arn: `arn:aws:iam::111122223333:role/${RoleName}`,
      RoleName,
      AssumeRolePolicyDocument: '{}'
    }
  })
  it('for the role asked in another case is complete: IAM names are not distinguished by case', () => {
    expect(
      incompleteness('iam:GetRole', { RoleName: 'bedrock-runner' }, role('Bedrock-Runner'))
    ).toBeUndefined()
  })
  it('for another role is incomplete', () => {
    expect(incompleteness('iam:GetRole', { RoleName: 'bedrock-runner' }, role('admin'))).toBe(
      'with the role admin, not bedrock-runner'
    )
  })
})
