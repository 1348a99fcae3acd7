import { SignatureV4 } from '@smithy/signature-v4'
import { HttpRequest } from '@smithy/protocol-http'
import { Hash } from '@smithy/hash-node'
import type { Readable } from 'node:stream'
import type { ObservedError } from '../types/observed-error.js'
import type { AwsResult, MantleTransportOptions } from './access.js'
import { capBody } from './body-cap.js'
import { isThrottle, isTransient, observeError } from './errors.js'
import {
  incompleteAnswerMessage,
  incompleteness,
  INCOMPLETE_ANSWER,
  rawAnswerProblem
} from './complete.js'
import { endpointOfUrl } from '../parse/endpoint.js'

/**
 * bedrock-mantle has no AWS SDK client: neither botocore nor aws-sdk-js-v3 carries a service model
 * for it, so this is its transport. Requests are signed with SigV4 under the signing name
 * `bedrock-mantle` (what Anthropic's SDKs and AWS's curl examples use; signing as `bedrock` is
 * evaluated against the wrong service), or carry the Bedrock API key, as the agent's would. The
 * Messages API sends the key as `x-api-key`, the OpenAI-compatible and Projects routes as
 * `Authorization: Bearer` (AWS's examples for each).
 */
export const MANTLE_SIGNING_NAME = 'bedrock-mantle'

/** The agent's mantle base URL: Anthropic's SDKs and Claude Code (`…/anthropic`). */
export const MANTLE_BASE_URL_VARIABLE = 'ANTHROPIC_BEDROCK_MANTLE_BASE_URL'
/**
 * The service-specific endpoint variable, named by the AWS SDKs' `AWS_ENDPOINT_URL_<SERVICE>`
 * rule. No AWS SDK honours it (there is no mantle SDK client); tools that reach mantle through a
 * VPC endpoint or a proxy do, and so does this preflight, before the agent's own URL.
 */
export const MANTLE_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_BEDROCK_MANTLE'

/** The mantle operations the preflight calls, as IAM names them (`bedrock-mantle:<Action>`). */
export type MantleOperation = 'CreateInference' | 'ListModels' | 'GetProject'

export interface MantleRequest {
  operation: MantleOperation
  method: 'GET' | 'POST'
  /** The Messages API (under the agent's `/anthropic` base) or a path under the endpoint's root. */
  route: { messages: true } | { path: string }
  body?: unknown
  /** The project the request is attributed to (`anthropic-workspace-id`), when not the default. */
  project?: string
  /** Anthropic beta flags (`anthropic-beta`), as the agent sends them. */
  betas?: readonly string[]
}

/** Where a region's mantle requests go, and what said so. */
export interface MantleEndpoint {
  root: string
  messages: string
  source: string
}

const trim = (url: string) => url.replace(/\/+$/, '')

/** A URL as output may show it: no user name, password or query (a proxy's token may sit there). */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`
  } catch {
    return '(not a URL)'
  }
}

/** The region a bedrock-mantle host names (`bedrock-mantle.<region>.api.aws`), if it is one. */
function regionOfHost(url: string): string | undefined {
  try {
    return /^bedrock-mantle\.([a-z0-9-]+)\.api\.aws$/.exec(new URL(url).hostname)?.[1]
  } catch {
    return undefined
  }
}

/**
 * The endpoint's root and the Messages URL: AWS_ENDPOINT_URL_BEDROCK_MANTLE (an operator's
 * deliberate override: a VPC endpoint, a proxy), then the agent's own mantle base URL
 * (ANTHROPIC_BEDROCK_MANTLE_BASE_URL, or a bedrock-mantle ANTHROPIC_BASE_URL /
 * ANTHROPIC_BEDROCK_BASE_URL) unless its host names another region (the agent's requests for this
 * region do not go there), then AWS's host for the region. The global AWS_ENDPOINT_URL is not
 * used: Anthropic's SDKs, which are what call mantle, do not read it.
 */
export function mantleEndpoint(
  region: string,
  env: Readonly<Record<string, string | undefined>>
): MantleEndpoint {
  const set = (name: string) => {
    const v = env[name]?.trim()
    return v ? v : undefined
  }
  const explicit = set(MANTLE_ENDPOINT_VARIABLE)
  if (explicit) {
    return {
      root: trim(explicit),
      messages: `${trim(explicit)}/anthropic/v1/messages`,
      source: MANTLE_ENDPOINT_VARIABLE
    }
  }
  const agentVar = [
    MANTLE_BASE_URL_VARIABLE,
    'ANTHROPIC_BEDROCK_BASE_URL',
    'ANTHROPIC_BASE_URL'
  ].find((name) => {
    const v = set(name)
    return v && (name === MANTLE_BASE_URL_VARIABLE || endpointOfUrl(v) === 'mantle')
  })
  const agentRegion = agentVar ? regionOfHost(set(agentVar)!) : undefined
  if (agentVar && (agentRegion === undefined || agentRegion === region)) {
    const base = trim(set(agentVar)!)
    return {
      root: base.replace(/\/anthropic$/, ''),
      messages: `${base}/v1/messages`,
      source: agentVar
    }
  }
  const root = `https://bedrock-mantle.${region}.api.aws`
  return {
    root,
    messages: `${root}/anthropic/v1/messages`,
    source: agentVar ? `AWS (${agentVar} names ${agentRegion}, not ${region})` : 'AWS'
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Failures that prove the request never left: only then is a billed call sent again. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/** An error body of mantle: Anthropic's shape on `/anthropic/*`, OpenAI's on `/v1/*`. */
function errorOf(
  status: number,
  text: string,
  headers: Record<string, string | undefined>
): { code: string; message: string; requestId?: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    error?: { type?: unknown; code?: unknown; message?: unknown }
    request_id?: unknown
    Message?: unknown
    message?: unknown
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
  const e = body.error
  const code =
    str(e?.code) ??
    str(e?.type) ??
    str(headers['x-amzn-errortype']?.split(':')[0]) ??
    `HTTP${status}`
  const message =
    str(e?.message) ??
    str(body.Message) ??
    str(body.message) ??
    (text.trim() ? text.trim().split('\n')[0]!.slice(0, 300) : `HTTP ${status} with no body`)
  const requestId = str(body.request_id) ?? str(headers['x-amzn-requestid'])
  return { code, message, ...(requestId ? { requestId } : {}) }
}

async function readText(body: unknown): Promise<string> {
  if (!body || typeof (body as Readable).on !== 'function') return ''
  const chunks: Buffer[] = []
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

/** Waits `ms`, or until the run's signal aborts (then rejects). */
function abortable(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'))
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new Error('aborted'))
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** How long to wait before attempt `n` (2, 3, …) of a call that did not get an answer. */
const backoffMs = (n: number) => Math.min(1000, 100 * 2 ** (n - 2))

/** One door to bedrock-mantle, shared by the mantle checks of a run. */
export class MantleTransport {
  /** One signer per region, made on first use (the credentials it signs with resolve once). */
  private readonly signers = new Map<string, SignatureV4>()

  constructor(private readonly options: MantleTransportOptions) {}

  private signer(region: string): SignatureV4 {
    let signer = this.signers.get(region)
    if (!signer) {
      signer = new SignatureV4({
        service: MANTLE_SIGNING_NAME,
        region,
        credentials: this.options.credentials,
        sha256: Hash.bind(null, 'sha256')
      })
      this.signers.set(region, signer)
    }
    return signer
  }

  /** How this run authenticates to mantle (the key wins, as it does in the agent's SDK). */
  get auth(): 'api-key' | 'sigv4' {
    return this.options.bedrockApiKey ? 'api-key' : 'sigv4'
  }

  endpoint(region: string): MantleEndpoint {
    return mantleEndpoint(region, this.options.env)
  }

  /** Sends one request; never throws. A 2xx answer's JSON body is the value. */
  async call<T>(region: string, req: MantleRequest, signal: AbortSignal): Promise<AwsResult<T>> {
    const operation = `${MANTLE_SIGNING_NAME}:${req.operation}`
    const where = this.endpoint(region)
    const target = 'messages' in req.route ? where.messages : `${where.root}${req.route.path}`
    let url: URL
    try {
      url = new URL(target)
    } catch {
      // The value itself is not echoed: a malformed URL may still carry a token.
      return {
        ok: false,
        error: {
          code: 'InvalidEndpoint',
          message: `${where.source} is not a URL (https://…)`,
          operation
        }
      }
    }
    if (this.options.bedrockApiKey && url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      return {
        ok: false,
        error: {
          code: 'InsecureEndpoint',
          message: `${where.source} is http:, and the Bedrock API key would travel unencrypted: the preflight does not send it there (use https://)`,
          operation
        }
      }
    }
    const lane = this.options.pacer.lane(`${MANTLE_SIGNING_NAME}@${region}`)
    const errors: ObservedError[] = []
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      try {
        if (attempt > 1) {
          const wait = backoffMs(attempt)
          if ((this.options.deadlineMs ?? Infinity) - Date.now() < wait + 500) break
          await abortable(wait, signal)
        }
        if (signal.aborted) break
        await lane.turn(signal)
      } catch {
        break // the run's deadline, while waiting: what was observed so far is the answer
      }
      const started = Date.now()
      const got = await this.attempt<T>(region, url, req, operation, signal)
      const error = got.ok ? undefined : got.error
      this.options.calls.push({
        operation,
        region,
        attempt,
        ...(got.status !== undefined ? { httpStatus: got.status } : {}),
        ...(error ? { errorCode: error.code } : {}),
        ms: Date.now() - started
      })
      this.options.log.debug(
        `aws: ${operation} (${region}) attempt ${attempt} → ${got.status ?? 'no response'}${error ? ` ${error.code}` : ''}`
      )
      if (got.ok) {
        lane.accept()
        return { ok: true, value: got.value }
      }
      if (isThrottle(got.error)) lane.throttled(started)
      else if (got.status !== undefined) lane.accept()
      errors.push(got.error)
      // An answer that says no is final; only "no answer" and "not now" are tried again. A
      // billed call that got any answer but "not now" is never sent twice.
      if (isThrottle(got.error)) continue
      if (!isTransient(got.error)) break
      if (req.operation === 'CreateInference' && !NEVER_SENT.has(got.error.code)) break
    }
    const first = errors[0] ?? {
      code: 'TimeoutError',
      message: 'The run reached timeout-seconds before AWS answered'
    }
    const last = errors[errors.length - 1]
    return {
      ok: false,
      error: {
        ...first,
        operation,
        attempts: errors.length,
        ...(last &&
        errors.length > 1 &&
        (last.code !== first.code || last.message !== first.message)
          ? { lastError: { code: last.code, message: last.message } }
          : {})
      }
    }
  }

  private async attempt<T>(
    region: string,
    url: URL,
    req: MantleRequest,
    operation: string,
    signal: AbortSignal
  ): Promise<
    { ok: true; value: T; status: number } | { ok: false; error: ObservedError; status?: number }
  > {
    const body = req.body === undefined ? undefined : JSON.stringify(req.body)
    const headers: Record<string, string> = {
      host: url.host,
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      // The Messages API refuses a request without it (AWS UG `inference-messages-api`).
      ...('messages' in req.route ? { 'anthropic-version': '2023-06-01' } : {}),
      ...(req.betas?.length ? { 'anthropic-beta': req.betas.join(',') } : {}),
      ...(req.project && req.project !== 'default'
        ? 'messages' in req.route
          ? { 'anthropic-workspace-id': req.project }
          : { 'openai-project': req.project }
        : {})
    }
    const key = this.options.bedrockApiKey
    if (key) {
      if ('messages' in req.route) headers['x-api-key'] = key
      else headers.authorization = `Bearer ${key}`
    }
    let request = new HttpRequest({
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      method: req.method,
      headers,
      ...(body !== undefined ? { body } : {})
    })
    try {
      if (!key) {
        request = (await this.signer(region).sign(request)) as HttpRequest
      }
    } catch (err) {
      return { ok: false, error: observeError(err, 'credentials') }
    }
    try {
      const { response } = await this.options.handler.handle(request, { abortSignal: signal })
      capBody(response, this.options.responseLimitBytes, MANTLE_SIGNING_NAME)
      const status = response.statusCode
      // Before reading it: a redirect or an HTML page is not mantle answering (complete.ts).
      const problem = rawAnswerProblem(MANTLE_SIGNING_NAME, status, response.headers)
      if (problem) {
        ;(response.body as { destroy?: () => void } | undefined)?.destroy?.()
        const error = { ...problem, message: `${operation} ${problem.message}` }
        return { ok: false, status, error: { ...error, httpStatus: status, operation } }
      }
      const text = await readText(response.body)
      if (status >= 200 && status < 300) {
        try {
          const value = JSON.parse(text) as T
          const gap = incompleteness(operation, req.body, value)
          if (!gap) return { ok: true, value, status }
          const message = incompleteAnswerMessage(operation, status, gap)
          return {
            ok: false,
            status,
            error: { code: INCOMPLETE_ANSWER, message, httpStatus: status, operation }
          }
        } catch {
          return {
            ok: false,
            status,
            error: {
              code: 'MalformedResponse',
              message: `bedrock-mantle answered HTTP ${status} with a body that is not JSON`,
              httpStatus: status,
              operation
            }
          }
        }
      }
      return {
        ok: false,
        status,
        error: {
          ...errorOf(status, text, response.headers),
          httpStatus: status,
          operation,
          ...(this.auth === 'api-key' ? { auth: 'api-key' as const } : {})
        }
      }
    } catch (err) {
      return { ok: false, error: observeError(err, operation) }
    }
  }
}
