import { readFileSync } from 'node:fs'
import { EventStreamCodec } from '@smithy/core/event-streams'

// Validates an answer of the fake AWS against AWS's published API model (schema/vendor/aws/,
// trimmed from botocore by scripts/vendor-aws-models.mjs): member names, required members,
// types and enum values. Returns the problems, empty when the model allows the answer.

interface MemberRef {
  shape: string
  locationName?: string
  location?: string
}
interface Shape {
  type: string
  /** Set on a stream's union of events (restJson event streams). */
  eventstream?: boolean
  event?: boolean
  exception?: boolean
  members?: Record<string, MemberRef>
  required?: string[]
  member?: MemberRef
  key?: MemberRef
  value?: MemberRef
  enum?: string[]
  flattened?: boolean
}
interface Model {
  operations: Record<
    string,
    { output?: { shape: string; resultWrapper?: string }; errors: string[] }
  >
  shapes: Record<string, Shape & { payload?: string }>
}

/**
 * Errors every AWS service may answer without its model listing them per operation: AWS's
 * "Common error types" (AWS API reference, CommonErrors), and the awsQuery and awsJson spellings
 * STS, IAM and the JSON services use for the same refusals.
 */
export const COMMON_ERRORS = [
  'AccessDeniedException',
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidClientTokenId',
  'NotAuthorized',
  'OptInRequired',
  'RequestExpired',
  'ServiceUnavailable',
  'ThrottlingException',
  'ValidationError',
  'AccessDenied',
  'Throttling',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException'
] as const

/** The vendored model (schema/vendor/aws/<name>.json) of each service the fake serves. */
export const MODEL_OF = {
  sts: 'sts',
  iam: 'iam',
  bedrock: 'bedrock',
  'bedrock-runtime': 'bedrock-runtime',
  servicequotas: 'service-quotas'
} as const

const models = new Map<string, Model>()
export function model(service: string): Model {
  let m = models.get(service)
  if (!m) {
    m = JSON.parse(
      readFileSync(new URL(`../../schema/vendor/aws/${service}.json`, import.meta.url), 'utf8')
    ) as Model
    models.set(service, m)
  }
  return m
}

// ── JSON (restJson1, awsJson1_1) ──

function checkJson(m: Model, name: string, value: unknown, path: string, out: string[]): void {
  const shape = m.shapes[name]
  if (!shape) return void out.push(`${path}: no shape ${name} in the model`)
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return void out.push(`${path}: ${name} must be an object`)
      const v = value as Record<string, unknown>
      for (const r of shape.required ?? [])
        if (v[r] === undefined && shape.members?.[r]?.location === undefined)
          out.push(`${path}: ${name} requires ${r}`)
      for (const [k, x] of Object.entries(v)) {
        const ref = shape.members?.[k]
        if (!ref) out.push(`${path}.${k}: ${name} has no member ${k}`)
        else checkJson(m, ref.shape, x, `${path}.${k}`, out)
      }
      return
    }
    case 'list':
      if (!Array.isArray(value)) return void out.push(`${path}: ${name} must be a list`)
      value.forEach((x, i) => checkJson(m, shape.member!.shape, x, `${path}[${i}]`, out))
      return
    case 'map':
      if (typeof value !== 'object' || value === null)
        return void out.push(`${path}: ${name} must be a map`)
      for (const [k, x] of Object.entries(value))
        checkJson(m, shape.value!.shape, x, `${path}.${k}`, out)
      return
    case 'string':
      if (typeof value !== 'string') return void out.push(`${path}: ${name} must be a string`)
      if (shape.enum && !shape.enum.includes(value))
        out.push(`${path}: ${JSON.stringify(value)} is not a ${name} (${shape.enum.join(', ')})`)
      return
    case 'boolean':
      if (typeof value !== 'boolean') out.push(`${path}: ${name} must be a boolean`)
      return
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) out.push(`${path}: ${name} must be an integer`)
      return
    case 'double':
    case 'float':
      if (typeof value !== 'number') out.push(`${path}: ${name} must be a number`)
      return
    case 'timestamp':
      if (typeof value !== 'string' && typeof value !== 'number')
        out.push(`${path}: ${name} must be a timestamp`)
      return
    case 'blob':
      if (typeof value !== 'string') out.push(`${path}: ${name} must be base64 text`)
      return
    default:
      // Documents and unions the fake does not send are not validated here.
      return
  }
}

// ── XML (awsQuery) ──

interface Element {
  name: string
  children: Element[]
  text: string
}

/** A small parser for the fake's XML (elements and text; the only attribute is xmlns). */
export function parseXml(xml: string): Element {
  const root: Element = { name: '#root', children: [], text: '' }
  const stack = [root]
  const re = /<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1]!
    if (m[5] !== undefined) top.text += m[5]
    else if (m[1]) stack.pop()
    else {
      const el: Element = { name: m[2]!, children: [], text: '' }
      top.children.push(el)
      if (!m[4]) stack.push(el)
    }
  }
  return root
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

function checkXml(m: Model, name: string, el: Element, path: string, out: string[]): void {
  const shape = m.shapes[name]
  if (!shape) return void out.push(`${path}: no shape ${name} in the model`)
  const text = unescape(el.text)
  switch (shape.type) {
    case 'structure': {
      const byXml = new Map(
        Object.entries(shape.members ?? {}).map(([k, ref]) => [ref.locationName ?? k, { k, ref }])
      )
      for (const r of shape.required ?? []) {
        const xmlName = shape.members?.[r]?.locationName ?? r
        if (!el.children.some((c) => c.name === xmlName)) out.push(`${path}: ${name} requires ${r}`)
      }
      for (const c of el.children) {
        const found = byXml.get(c.name)
        if (!found) out.push(`${path}.${c.name}: ${name} has no member ${c.name}`)
        else checkXml(m, found.ref.shape, c, `${path}.${c.name}`, out)
      }
      return
    }
    case 'list': {
      const memberName = shape.member!.locationName ?? 'member'
      el.children.forEach((c, i) => {
        if (c.name !== memberName) out.push(`${path}.${c.name}: ${name} lists <${memberName}> only`)
        else checkXml(m, shape.member!.shape, c, `${path}[${i}]`, out)
      })
      return
    }
    case 'string':
      if (shape.enum && !shape.enum.includes(text))
        out.push(`${path}: ${JSON.stringify(text)} is not a ${name} (${shape.enum.join(', ')})`)
      return
    case 'boolean':
      if (text !== 'true' && text !== 'false') out.push(`${path}: ${name} must be true or false`)
      return
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(text)) out.push(`${path}: ${name} must be an integer`)
      return
    case 'timestamp':
      if (Number.isNaN(Date.parse(text))) out.push(`${path}: ${name} must be a timestamp`)
      return
    default:
      return
  }
}

export interface Answer {
  status: number
  headers?: Record<string, string>
  body: string
  /** The bytes sent instead of `body` (an event stream's frames). */
  bytes?: Uint8Array
}

// ── Event streams (restJson `eventstream` payloads) ──

const codec = new EventStreamCodec(
  (b) => Buffer.from(b).toString('utf8'),
  (t) => new Uint8Array(Buffer.from(t, 'utf8'))
)

/** Whether the output's payload is an event stream. */
function isEventStream(m: Model, output: string): boolean {
  const shape = m.shapes[output]
  const ref = shape?.payload ? shape.members?.[shape.payload] : undefined
  return ref !== undefined && m.shapes[ref.shape]?.eventstream === true
}

/**
 * An event-stream answer against the output's stream union: each frame an `event` whose
 * `:event-type` is an event member, or an `exception` whose `:exception-type` is an exception
 * member, with a JSON payload of that member's shape; the header members the output requires.
 */
function checkEventStream(
  m: Model,
  operation: string,
  outputShape: Shape & { payload?: string },
  answer: Answer,
  out: string[]
): void {
  const streamRef = outputShape.members?.[outputShape.payload ?? '']
  const stream = streamRef ? m.shapes[streamRef.shape] : undefined
  if (!stream?.eventstream) return void out.push(`${operation}: the output has no event stream`)
  const type = answer.headers?.['content-type'] ?? ''
  if (type !== 'application/vnd.amazon.eventstream')
    out.push(`${operation}: an event stream is application/vnd.amazon.eventstream, not ${type}`)
  for (const r of outputShape.required ?? []) {
    const ref = outputShape.members?.[r]
    if (ref?.location === 'header' && !answer.headers?.[ref.locationName!.toLowerCase()])
      out.push(`${operation}: requires the header ${ref.locationName}`)
  }
  let bytes = answer.bytes ?? new Uint8Array()
  if (!bytes.length) out.push(`${operation}: an event stream with no frames`)
  while (bytes.length) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const length = bytes.length >= 4 ? view.getUint32(0) : 0
    if (length < 16 || length > bytes.length) return void out.push(`${operation}: a broken frame`)
    const frame = codec.decode(bytes.subarray(0, length))
    bytes = bytes.subarray(length)
    const header = (name: string) => {
      const h = frame.headers[name]
      return h && h.type === 'string' ? h.value : undefined
    }
    const kind = header(':message-type')
    const name = kind === 'event' ? header(':event-type') : header(':exception-type')
    const ref = name ? stream.members?.[name] : undefined
    const target = ref ? m.shapes[ref.shape] : undefined
    if (kind !== 'event' && kind !== 'exception') {
      out.push(`${operation}: :message-type ${String(kind)} is neither event nor exception`)
      continue
    }
    if (!target || (kind === 'event' ? !target.event : !target.exception)) {
      out.push(`${operation}: ${String(name)} is not an ${kind} of ${streamRef!.shape}`)
      continue
    }
    if (header(':content-type') !== 'application/json')
      out.push(`${operation}: ${name} has no :content-type application/json`)
    checkJson(
      m,
      ref!.shape,
      JSON.parse(Buffer.from(frame.body).toString('utf8')),
      `${operation}.${name}`,
      out
    )
  }
}

/**
 * The problems of one answer to `service`'s `operation`: a success must match the output shape;
 * an error must name one of the operation's error shapes (or a common error every AWS service
 * answers, `common`), in the protocol's error form.
 */
export function answerProblems(
  service: string,
  operation: string,
  answer: Answer,
  common: readonly string[] = []
): string[] {
  const m = model(service)
  const op = m.operations[operation]
  if (!op) return [`${service} has no vendored operation ${operation}`]
  const out: string[] = []
  const isXml = service === 'sts' || service === 'iam'
  const errorAllowed = (code: string) =>
    common.includes(code) ||
    op.errors.some(
      (e) => e === code || e.replace(/Exception$/, '') === code || `${e}` === `${code}Exception`
    )
  if (answer.status >= 300) {
    if (isXml) {
      const code = /<Code>([^<]+)<\/Code>/.exec(answer.body)?.[1] ?? ''
      if (!/<ErrorResponse[\s>]/.test(answer.body) || !/<Message>/.test(answer.body))
        out.push(`${operation}: an awsQuery error is <ErrorResponse><Error><Code/><Message/>`)
      if (!errorAllowed(code)) out.push(`${operation}: ${code} is not an error of ${operation}`)
    } else {
      const type =
        answer.headers?.['x-amzn-errortype']?.split(':')[0] ??
        (JSON.parse(answer.body) as { __type?: string }).__type ??
        ''
      if (!errorAllowed(type)) out.push(`${operation}: ${type} is not an error of ${operation}`)
    }
    return out
  }
  if (!op.output) return out
  if (isXml) {
    const root = parseXml(answer.body).children[0]
    const result = root?.children.find((c) => c.name === op.output!.resultWrapper)
    if (!root || root.name !== `${operation}Response` || !result)
      return [`${operation}: no <${operation}Response><${op.output.resultWrapper}>`]
    checkXml(m, op.output.shape, result, operation, out)
  } else if (isEventStream(m, op.output.shape)) {
    checkEventStream(m, operation, m.shapes[op.output.shape]!, answer, out)
  } else {
    checkJson(m, op.output.shape, JSON.parse(answer.body), operation, out)
  }
  return out
}
