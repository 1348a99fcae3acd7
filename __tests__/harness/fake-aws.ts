/**
 * A local stand-in for AWS on 127.0.0.1 that speaks the real wire protocols: awsQuery (XML) for
 * STS and IAM, restJson for Bedrock and Bedrock Runtime. The SDK reaches it only through the
 * standard AWS_ENDPOINT_URL_<SERVICE> variables; tests script each operation's answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { serviceQuotasHandlers } from './fake-service-quotas.js'
import { checkBearer, type BearerOptions } from './fake-bearer.js'
import { answerProblems, COMMON_ERRORS, MODEL_OF } from '../aws-models/model-shapes.js'
import { recordOffModel } from './off-model.js'
import { EventStreamCodec } from '@smithy/core/event-streams'

export type FakeService =
  'sts' | 'iam' | 'bedrock' | 'bedrock-runtime' | 'servicequotas' | 'bedrock-mantle'

export interface FakeRequest {
  service: FakeService
  operation: string
  method: string
  path: string
  /** awsQuery form fields, or restJson path parameters plus query string. */
  params: Record<string, string>
  /** Parsed JSON body for restJson calls. */
  json?: unknown
  headers: IncomingMessage['headers']
  /** Region from the SigV4 credential scope; undefined for unsigned calls. */
  region?: string
  /** Access key ID from the SigV4 credential scope. */
  accessKeyId?: string
  /** The signing name of the SigV4 credential scope (`bedrock`, `bedrock-mantle`, …). */
  signingName?: string
  signed: boolean
  /** Set when the request carried a Bedrock API key instead of a SigV4 signature. */
  bearer?: 'short-term' | 'long-term'
  /**
   * For a `huge` answer: the bytes of it written to the socket, which stops (backpressure) once
   * the client stops reading and ends when it drops the connection. A test in the process of the
   * client sees from it that the client never read the body, where a spawned one measures memory.
   */
  bytesSent?: number
}

export type FakeReply =
  | {
      kind: 'response'
      status: number
      headers?: Record<string, string>
      body: string
      /** Sent instead of `body` when set: binary frames (an event stream's), `body` then names them. */
      bytes?: Buffer
      /**
       * Why this answer is deliberately outside AWS's API models (a fault the tool must survive, a
       * gateway's answer). Every other answer is validated against them (off-model.ts).
       */
      outside?: string
    }
  | { kind: 'hang' }
  | { kind: 'reset' }
  /** Sends the status, headers and the first half of the body, then drops the connection. */
  | { kind: 'cut'; status: number; headers?: Record<string, string>; body: string; bytes?: Buffer }
  | {
      kind: 'drip'
      status: number
      headers?: Record<string, string>
      body: string
      everyMs: number
    }
  /**
   * A body of `bytes` bytes (`prefix`, then filler), streamed with backpressure so the fake never
   * holds it; with `declareLength` false it is sent chunked, with no content-length to go by.
   */
  | {
      kind: 'huge'
      status: number
      headers?: Record<string, string>
      prefix: string
      bytes: number
      declareLength: boolean
    }

export type Handler = (req: FakeRequest) => FakeReply | Promise<FakeReply>

/** Handlers keyed `service:Operation`, e.g. `sts:GetCallerIdentity`. */
export type Handlers = Partial<Record<string, Handler | FakeReply>>

export interface FakeAwsOptions {
  handlers?: Handlers
  /** Added before every answer: the benchmark's stand-in for network distance. */
  latencyMs?: number
  /** How Bedrock checks `Authorization: Bearer` keys (fake-bearer.ts); any well-formed key passes unless given. */
  bearer?: BearerOptions
  /** Throttles like AWS (see `ThrottleOptions`); off unless given. */
  throttle?: ThrottleOptions
  /**
   * Validates every answer against AWS's API models (default). The benchmark turns it off so its
   * figures time the tool, not the validator.
   */
  validate?: boolean
}

/**
 * AWS throttles each API per account and region with a token bucket: `rate` requests a second
 * refill it, `burst` is its size (default: one second's worth). A request that finds it empty is
 * refused without using a token, in the answer the service's API model defines: awsQuery's common
 * `Throttling` error (HTTP 400, "Rate exceeded") for STS and IAM, and Bedrock's modeled
 * `ThrottlingException` (HTTP 429) for the control plane and runtime.
 */
export interface ThrottleOptions {
  rate: number
  burst?: number
}

/** The real texts: awsQuery's common error, and Bedrock's (shared/reference/bedrock.md §4). */
const THROTTLED_QUERY = 'Rate exceeded'
const THROTTLED_REST = 'Too many requests, please wait before trying again.'

function throttledReply(service: FakeService): FakeReply {
  return service === 'sts' || service === 'iam'
    ? query.error('Throttling', THROTTLED_QUERY, 400)
    : rest.error('ThrottlingException', THROTTLED_REST, 429)
}

/** Token buckets keyed `service:Operation@region`. */
class Buckets {
  private readonly state = new Map<string, { tokens: number; at: number }>()
  refused = 0
  readonly refusedAt = new Map<string, number>()
  constructor(readonly options: ThrottleOptions) {}
  take(key: string): boolean {
    const { rate } = this.options
    const burst = this.options.burst ?? rate
    const now = Date.now()
    const b = this.state.get(key) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate)
    b.at = now
    this.state.set(key, b)
    if (b.tokens < 1) {
      this.refused += 1
      this.refusedAt.set(key, (this.refusedAt.get(key) ?? 0) + 1)
      return false
    }
    b.tokens -= 1
    return true
  }
}

const NS: Record<'sts' | 'iam', string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/'
}

let requestCounter = 0
const requestId = () => `0000aaaa-bbbb-4ccc-8ddd-${String(++requestCounter).padStart(12, '0')}`

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** awsQuery answers (STS, IAM). */
export const query = {
  ok(service: 'sts' | 'iam', operation: string, resultXml: string): FakeReply {
    return {
      kind: 'response',
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: `<${operation}Response xmlns="${NS[service]}"><${operation}Result>${resultXml}</${operation}Result><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${operation}Response>`
    }
  },
  error(
    code: string,
    message: string,
    status = 400,
    type: 'Sender' | 'Receiver' = 'Sender'
  ): FakeReply {
    return {
      kind: 'response',
      status,
      headers: { 'content-type': 'text/xml' },
      body: `<ErrorResponse xmlns="${NS.sts}"><Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`
    }
  }
}

/** awsJson1_1 answers (Service Quotas): the operation comes from `X-Amz-Target`. */
export const json11 = {
  ok(body: unknown): FakeReply {
    return {
      kind: 'response',
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId() },
      body: JSON.stringify(body)
    }
  },
  error(code: string, message: string, status = 400): FakeReply {
    return {
      kind: 'response',
      status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId() },
      body: JSON.stringify({ __type: code, message })
    }
  }
}

/** restJson answers (Bedrock control plane and runtime). */
export const rest = {
  ok(body: unknown, status = 200): FakeReply {
    return {
      kind: 'response',
      status,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId() },
      body: JSON.stringify(body)
    }
  },
  error(code: string, message: string, status: number): FakeReply {
    return {
      kind: 'response',
      status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
        'x-amzn-requestid': requestId()
      },
      body: JSON.stringify({ message })
    }
  }
}

/**
 * One message of an AWS event stream: an event of the stream's union (`chunk`), or an exception
 * event (`validationException`, `modelStreamErrorException`, …), each with its JSON payload.
 */
export type StreamMessage =
  | { event: string; payload: unknown }
  | { exception: string; payload: { message: string } & Record<string, unknown> }

const utf8 = {
  to: (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8'),
  from: (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
}
const streamCodec = new EventStreamCodec(utf8.to, utf8.from)

/** The binary frames of `messages`, as AWS writes them (headers `:message-type`, `:event-type` or `:exception-type`, `:content-type`). */
export function eventStreamBytes(messages: readonly StreamMessage[]): Buffer {
  const header = (value: string) => ({ type: 'string' as const, value })
  return Buffer.concat(
    messages.map((m) =>
      streamCodec.encode({
        headers:
          'event' in m
            ? {
                ':message-type': header('event'),
                ':event-type': header(m.event),
                ':content-type': header('application/json')
              }
            : {
                ':message-type': header('exception'),
                ':exception-type': header(m.exception),
                ':content-type': header('application/json')
              },
        body: utf8.from(JSON.stringify(m.payload))
      })
    )
  )
}

/**
 * An event-stream answer (restJson with an `eventstream` payload, e.g. InvokeModelWithResponseStream):
 * HTTP 200, `application/vnd.amazon.eventstream`, the operation's header members, then the frames.
 */
export function eventStream(
  messages: readonly StreamMessage[],
  headers: Record<string, string> = {}
): FakeReply {
  return {
    kind: 'response',
    status: 200,
    headers: {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': requestId(),
      ...headers
    },
    body: `event stream: ${messages.map((m) => ('event' in m ? m.event : m.exception)).join(', ')}`,
    bytes: eventStreamBytes(messages)
  }
}

export const hang: FakeReply = { kind: 'hang' }
export const reset: FakeReply = { kind: 'reset' }
/** Drops the connection in the middle of an answer (headers sent, body half written). */
export function cut(reply: FakeReply): FakeReply {
  return reply.kind === 'response' ? { ...reply, kind: 'cut' } : reply
}
/** A `bytes`-long answer that starts like `reply` and goes on with filler (never held in memory). */
export function huge(reply: FakeReply, bytes: number, declareLength: boolean): FakeReply {
  if (reply.kind !== 'response') return reply
  const prefix = reply.body.slice(0, Math.max(0, reply.body.length - 20))
  return {
    kind: 'huge',
    status: reply.status,
    headers: reply.headers,
    prefix,
    bytes,
    declareLength
  }
}
/** The content type each service answers in: awsQuery XML, awsJson1_1, or restJson (mantle too). */
export function protocolContentType(service: string): string {
  return service === 'sts' || service === 'iam'
    ? 'text/xml'
    : service === 'servicequotas'
      ? 'application/x-amz-json-1.1'
      : 'application/json'
}

/** Bytes as given: a fault, never validated against the models. */
export function raw(status: number, body: string, headers: Record<string, string> = {}): FakeReply {
  return { kind: 'response', status, headers, body, outside: 'raw bytes: a fault, not an answer' }
}

/** restJson routes the preflight may call, from the SDK's operation schemas. */
const REST_ROUTES: [FakeService, string, RegExp, string[], string][] = [
  ['bedrock', 'GET', /^\/foundation-models\/([^/]+)$/, ['modelIdentifier'], 'GetFoundationModel'],
  ['bedrock', 'GET', /^\/foundation-models$/, [], 'ListFoundationModels'],
  [
    'bedrock',
    'GET',
    /^\/foundation-model-availability\/([^/]+)$/,
    ['modelId'],
    'GetFoundationModelAvailability'
  ],
  [
    'bedrock',
    'GET',
    /^\/inference-profiles\/([^/]+)$/,
    ['inferenceProfileIdentifier'],
    'GetInferenceProfile'
  ],
  ['bedrock', 'GET', /^\/inference-profiles$/, [], 'ListInferenceProfiles'],
  ['bedrock', 'GET', /^\/use-case-for-model-access$/, [], 'GetUseCaseForModelAccess'],
  [
    'bedrock',
    'GET',
    /^\/provisioned-model-throughput\/([^/]+)$/,
    ['provisionedModelId'],
    'GetProvisionedModelThroughput'
  ],
  [
    'bedrock',
    'GET',
    /^\/list-foundation-model-agreement-offers\/([^/]+)$/,
    ['modelId'],
    'ListFoundationModelAgreementOffers'
  ],
  ['bedrock-runtime', 'POST', /^\/model\/([^/]+)\/converse$/, ['modelId'], 'Converse'],
  ['bedrock-runtime', 'POST', /^\/model\/([^/]+)\/converse-stream$/, ['modelId'], 'ConverseStream'],
  ['bedrock-runtime', 'POST', /^\/model\/([^/]+)\/invoke$/, ['modelId'], 'InvokeModel'],
  [
    'bedrock-runtime',
    'POST',
    /^\/model\/([^/]+)\/invoke-with-response-stream$/,
    ['modelId'],
    'InvokeModelWithResponseStream'
  ],
  ['bedrock-runtime', 'POST', /^\/model\/([^/]+)\/count-tokens$/, ['modelId'], 'CountTokens'],
  // bedrock-mantle, named by its IAM actions (fake-mantle.ts)
  ['bedrock-mantle', 'POST', /^\/anthropic\/v1\/messages$/, [], 'CreateInference'],
  ['bedrock-mantle', 'GET', /^\/v1\/models$/, [], 'ListModels'],
  ['bedrock-mantle', 'GET', /^\/v1\/organization\/projects\/([^/]+)$/, ['projectId'], 'GetProject']
]

function restOperation(
  service: FakeService,
  method: string,
  path: string
): { operation: string; params: Record<string, string> } | undefined {
  for (const [svc, m, re, names, operation] of REST_ROUTES) {
    if (svc !== service || m !== method) continue
    const match = re.exec(path)
    if (!match) continue
    const params: Record<string, string> = {}
    names.forEach((n, i) => (params[n] = decodeURIComponent(match[i + 1] ?? '')))
    return { operation, params }
  }
  return undefined
}

function scope(headers: IncomingMessage['headers']): {
  region?: string
  accessKeyId?: string
  signingName?: string
} {
  const auth = headers.authorization
  const m =
    typeof auth === 'string' ? /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(auth) : null
  return m ? { accessKeyId: m[1], region: m[2], signingName: m[3] } : {}
}

/** Variables that point every SDK client at a local base URL (service by path prefix), never AWS. */
export function endpointEnv(base: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_STS: `${base}/sts`,
    AWS_ENDPOINT_URL_IAM: `${base}/iam`,
    AWS_ENDPOINT_URL_BEDROCK: `${base}/bedrock`,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: `${base}/bedrock-runtime`,
    AWS_ENDPOINT_URL_SERVICE_QUOTAS: `${base}/servicequotas`,
    // No AWS SDK reads this one (there is no mantle client); the preflight does (src/aws/mantle.ts).
    AWS_ENDPOINT_URL_BEDROCK_MANTLE: `${base}/bedrock-mantle`,
    // Any client we forget must still land here, never on AWS.
    AWS_ENDPOINT_URL: `${base}/unknown`
  }
}

export interface FakeAws {
  /** Variables that point every SDK client here (and nowhere else). */
  env: Record<string, string>
  /** Every request received, in order. */
  requests: FakeRequest[]
  /** Replaces or adds handlers between runs. */
  handle(handlers: Handlers): void
  /** Turns AWS-like throttling on (fresh, full buckets) or off (undefined). */
  throttle(options: ThrottleOptions | undefined): void
  /** Sets how Bearer keys are checked (fake-bearer.ts); reset before each test. */
  bearer(options: BearerOptions): void
  /** Requests refused by the throttle since it was last set. */
  readonly throttled: number
  /** Of those, the ones refused at one bucket (`service:Operation@region`). */
  refusedBy(key: string): number
  close(): Promise<void>
}

/** Starts the fake on an ephemeral port of 127.0.0.1. Unhandled operations answer 501 with a clear message. */
export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const handlers: Handlers = { ...(options.handlers ?? {}) }
  const requests: FakeRequest[] = []
  const sockets = new Set<Socket>()
  let buckets = options.throttle ? new Buckets(options.throttle) : undefined
  let bearer: BearerOptions = options.bearer ?? {}
  const validate = options.validate ?? true
  const bearerOptions = () => bearer

  const respond = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const [, prefix, ...rest] = url.pathname.split('/')
    const service = (
      ['sts', 'iam', 'bedrock', 'bedrock-runtime', 'servicequotas', 'bedrock-mantle'] as const
    ).find((s) => s === prefix)
    const path = `/${rest.join('/')}`.replace(/\/$/, '') || '/'
    if (!service) {
      res.writeHead(404).end(`fake-aws: unknown service prefix ${prefix}`)
      return
    }
    let operation: string
    let params: Record<string, string> = {}
    let json: unknown
    if (service === 'sts' || service === 'iam') {
      params = Object.fromEntries(new URLSearchParams(body))
      operation = params.Action ?? 'Unknown'
    } else if (service === 'servicequotas') {
      const target = String(req.headers['x-amz-target'] ?? '')
      operation = target.slice(target.indexOf('.') + 1) || 'Unknown'
      try {
        json = body ? JSON.parse(body) : undefined
      } catch {
        json = undefined
      }
    } else {
      const found = restOperation(service, req.method ?? 'GET', path)
      operation = found?.operation ?? `${req.method} ${path}`
      params = { ...(found?.params ?? {}), ...Object.fromEntries(url.searchParams) }
      try {
        json = body ? JSON.parse(body) : undefined
      } catch {
        json = undefined
      }
    }
    const fakeReq: FakeRequest = {
      service,
      operation,
      method: req.method ?? 'GET',
      path,
      params,
      json,
      headers: req.headers,
      signed: typeof req.headers.authorization === 'string',
      ...scope(req.headers)
    }
    requests.push(fakeReq)
    const handler = handlers[`${service}:${operation}`]
    let reply: FakeReply | undefined
    const auth = req.headers.authorization
    // mantle's Messages API takes the key as `x-api-key` too (AWS UG `workspaces`).
    const apiKeyHeader =
      service === 'bedrock-mantle' && typeof req.headers['x-api-key'] === 'string'
        ? req.headers['x-api-key']
        : undefined
    const bearerKey =
      typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : apiKeyHeader
    if (bearerKey !== undefined) {
      // Only Bedrock, Bedrock Runtime and mantle take API keys; the key, not a signature, says the region.
      const checked = service.startsWith('bedrock')
        ? await checkBearer(bearerKey, bearerOptions())
        : undefined
      if (checked?.ok) {
        fakeReq.region = checked.region
        fakeReq.bearer = checked.kind
      } else
        reply = checked
          ? checked.reply
          : raw(400, 'fake-aws: a bearer token sent to a SigV4 service')
    }
    if (reply) {
      // refused at the door (a bad Bedrock API key)
    } else if (buckets && !buckets.take(`${service}:${operation}@${fakeReq.region ?? ''}`)) {
      reply = throttledReply(service)
    } else if (!handler) {
      // Not a fault a test asked for: the test forgot an operation, and the answer says so.
      reply = {
        kind: 'response',
        status: 501,
        body: `fake-aws: no handler for ${service}:${operation}`
      }
    } else {
      reply = typeof handler === 'function' ? await handler(fakeReq) : handler
    }
    if (validate && reply.kind === 'response' && reply.outside === undefined)
      recordOffModel(
        `${service}:${operation}`,
        service === 'bedrock-mantle'
          ? ['not built by fake-mantle.ts: mantle has no API model to check an answer against']
          : answerProblems(MODEL_OF[service], operation, reply, COMMON_ERRORS)
      )
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs))
    switch (reply.kind) {
      case 'hang':
        return // keep the socket open, answer nothing
      case 'reset':
        req.socket.destroy()
        return
      case 'cut': {
        const body = reply.bytes ?? Buffer.from(reply.body)
        res.writeHead(reply.status, {
          'content-length': body.length,
          ...(reply.headers ?? {})
        })
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy())
        return
      }
      case 'drip': {
        res.writeHead(reply.status, reply.headers)
        let i = 0
        const timer = setInterval(() => {
          if (i >= reply.body.length || res.destroyed) {
            clearInterval(timer)
            if (!res.destroyed) res.end()
            return
          }
          res.write(reply.body[i++])
        }, reply.everyMs)
        res.on('close', () => clearInterval(timer))
        return
      }
      case 'huge': {
        res.writeHead(reply.status, {
          ...(reply.declareLength ? { 'content-length': reply.bytes } : {}),
          ...(reply.headers ?? {})
        })
        const filler = Buffer.alloc(64 * 1024, 'a')
        let left = reply.bytes
        const first = Buffer.from(reply.prefix)
        left -= first.length
        fakeReq.bytesSent = first.length
        res.write(first)
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            const chunk = left >= filler.length ? filler : filler.subarray(0, left)
            left -= chunk.length
            fakeReq.bytesSent! += chunk.length
            if (!res.write(chunk)) {
              res.once('drain', pump)
              return
            }
          }
          if (!res.destroyed) res.end()
        }
        pump()
        return
      }
      case 'response': {
        const body = reply.bytes ?? reply.body
        res.writeHead(reply.status, {
          'content-length': Buffer.byteLength(body),
          ...(reply.headers ?? {})
        })
        res.end(body)
      }
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      respond(req, res, Buffer.concat(chunks).toString('utf8')).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500)
        res.end(`fake-aws handler error: ${String(err)}`)
      })
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`
  return {
    env: endpointEnv(base),
    requests,
    handle(more) {
      Object.assign(handlers, more)
    },
    throttle(next) {
      buckets = next ? new Buckets(next) : undefined
    },
    bearer(next) {
      bearer = next
    },
    get throttled() {
      return buckets?.refused ?? 0
    },
    refusedBy(key) {
      return buckets?.refusedAt.get(key) ?? 0
    },
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/**
 * One fake AWS per test file: started before the tests, closed after, its request log cleared and
 * `defaults()` handlers installed before each test. Returns a stand-in that always forwards to the
 * running fake, so tests use it like the fake itself.
 */
export function useFakeAws(defaults: () => Handlers = () => ({})): FakeAws {
  let current: FakeAws | undefined
  beforeAll(async () => {
    current = await startFakeAws()
  })
  afterAll(async () => current?.close())
  beforeEach(() => {
    current!.requests.splice(0)
    current!.throttle(undefined)
    current!.bearer({})
    // Every test's account has a healthy account's quotas unless the test says otherwise.
    current!.handle({ ...serviceQuotasHandlers(), ...defaults() })
  })
  return new Proxy({} as FakeAws, {
    get: (_target, key: keyof FakeAws) => {
      if (!current) throw new Error('the fake AWS is used outside a test')
      const value = current[key]
      return typeof value === 'function' ? value.bind(current) : value
    }
  })
}
