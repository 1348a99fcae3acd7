import { STSClient } from '@aws-sdk/client-sts'
import { defaultProvider } from '@aws-sdk/credential-provider-node'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import type { Logger } from '../config.js'
import type { ObservedError } from '../types/observed-error.js'
import { isThrottle, isTransient, observeError } from './errors.js'
import { capBody, EVENT_STREAM_LIMIT_BYTES, RESPONSE_LIMIT_BYTES } from './body-cap.js'
import {
  incompleteAnswerError,
  incompleteness,
  isEventStreamOperation,
  rawAnswerProblem
} from './complete.js'
import { Pacer } from './pacer.js'
import { WireAgents } from './wire.js'
import { setMaxListeners } from 'node:events'
import { nextTurn } from './next-turn.js'

/** The SDK modules loaded on demand: each is its own chunk of dist/ (see `loadSdk`). */
/** What bedrock-mantle's transport (mantle.ts) takes from this layer: see mantleOptions(). */
export interface MantleTransportOptions {
  handler: NodeHttpHandler
  credentials: AwsCredentialIdentityProvider
  bedrockApiKey?: string
  env: Readonly<Record<string, string | undefined>>
  log: Logger
  pacer: Pacer
  calls: CallRecord[]
  responseLimitBytes: number
  maxAttempts: number
  deadlineMs?: number
}

export type BedrockSdk = typeof import('./sdk/bedrock.js')
export type IamSdk = typeof import('./sdk/iam.js')
export type RuntimeSdk = typeof import('./sdk/bedrock-runtime.js')
export type ServiceQuotasSdk = typeof import('./sdk/service-quotas.js')

/** What one AWS call ended with: a value, or the first real error (never a retry wrapper). */
export type AwsResult<T> = { ok: true; value: T } | { ok: false; error: ObservedError }

/** One attempt of one call, as RUNNER_DEBUG and the least-privilege tests see it. */
export interface CallRecord {
  operation: string
  region: string
  attempt: number
  httpStatus?: number
  errorCode?: string
  ms: number
}

/** Named as IAM names the service (`servicequotas:GetServiceQuota`). */
type ServiceName = 'sts' | 'iam' | 'bedrock' | 'bedrock-runtime' | 'servicequotas'
export type OnDemandSdk = Exclude<ServiceName, 'sts'>

/**
 * Where each SDK comes from. Only STS is bundled with the entry: GetCallerIdentity is the first
 * request. Bedrock, IAM and Bedrock Runtime are separate chunks of dist/, loaded while that request
 * travels. Bedrock's chunk is small (its unused schemas are dropped at build time, see
 * scripts/bundle.mjs), so its reads still leave before the first answer is back, inside the
 * first round trip (`npm run bench`, depth by timestamps). IAM is only asked in the second round,
 * and Bedrock Runtime only by the opt-in probe.
 */
const SDK_LOADERS: { [S in OnDemandSdk]: () => Promise<SdkOf<S>> } = {
  iam: () => import('./sdk/iam.js'),
  bedrock: () => import('./sdk/bedrock.js'),
  'bedrock-runtime': () => import('./sdk/bedrock-runtime.js'),
  servicequotas: () => import('./sdk/service-quotas.js')
}
/** The order on-demand SDKs load in: Bedrock's reads are the first round trip's, IAM's the second's. */
const SDK_ORDER: readonly OnDemandSdk[] = ['bedrock', 'servicequotas', 'iam', 'bedrock-runtime']
type SdkOf<S extends OnDemandSdk> = S extends 'iam'
  ? IamSdk
  : S extends 'bedrock'
    ? BedrockSdk
    : S extends 'servicequotas'
      ? ServiceQuotasSdk
      : RuntimeSdk

/** What AwsAccess needs of any SDK client. */
export interface SdkClient {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>
  destroy(): void
}

/** A client for one service and region, with the SDK module its commands come from. */
export interface Service<Sdk> {
  client: SdkClient
  sdk: Sdk
}

/** The part of the client configuration every service shares. */
interface SharedClientConfig {
  region: string
  credentials: AwsCredentialIdentityProvider
  requestHandler: NodeHttpHandler
  maxAttempts: number
  /** The SDK's `httpBearerAuth` or `sigv4`, first; with a key, the key as the bearer identity. */
  authSchemePreference: string[]
  token?: { token: string }
}

/** A command as the SDK clients accept it; kept structural so checks can pass any command. */
interface SendableCommand<Out> {
  readonly input: unknown
  readonly middlewareStack: {
    add(middleware: unknown, options: Record<string, unknown>): void
  }
  // Brand the output type so `send` can infer it.
  readonly __out?: Out
}

export interface AwsAccessOptions {
  log: Logger
  profile?: string
  /** Upper bound for one HTTP attempt; the run's deadline bounds the whole call. */
  requestTimeoutMs: number
  /** Attempts per call, the first included. Retries never stretch past the run deadline. */
  maxAttempts: number
  /** Largest response body read (bytes); a larger one ends the call as "response too large". */
  responseLimitBytes?: number
  /** When the run ends (epoch ms): throttled calls stop being resent in time to be reported. */
  deadlineMs?: number
  /**
   * The Bedrock API key the agent would send. Bedrock and Bedrock Runtime clients then send it as
   * `Authorization: Bearer`, as the agent's SDK does; without one they sign with SigV4, whatever
   * the environment holds. Every other service always signs with the IAM credentials.
   */
  bedrockApiKey?: string
  /** The environment the agent runs with: where bedrock-mantle is reached (mantle.ts). */
  env?: Readonly<Record<string, string | undefined>>
}

/** How a client authenticates: said per client, never left to the SDK's reading of the environment. */
export type ClientAuth = 'api-key' | 'sigv4'

/**
 * Rounds of a throttled call (each the SDK's attempts, paced): bounded so a broken endpoint that
 * throttles everything cannot loop, high enough that a paced lane, not this, ends a long wait.
 */
const THROTTLED_ROUNDS = 40
/**
 * No new round of a throttled call starts closer than this to the deadline: a round (a paced turn,
 * the SDK's retry delay, a second turn) takes up to about two seconds, and a call still waiting at
 * the deadline is reported as a time-out, when the truth is "throttled".
 */
const RESEND_MARGIN_MS = 2000
/** The name of the stop a throttled call makes before a turn that would pass the deadline. */
const THROTTLED_OUT = 'BedrockPreflightThrottledOut'

/**
 * The operation a command sends, from the schema every SDK command carries (`[9, namespace, name,
 * …]` or an object with `name`). Not the class name: the bundle is minified without keeping names.
 */
export function operationName(command: object): string {
  const schema = (command as { schema?: unknown }).schema
  if (Array.isArray(schema) && typeof schema[2] === 'string') return schema[2]
  const named = schema as { name?: unknown } | undefined
  return typeof named?.name === 'string' ? named.name : 'unknown'
}

function emptyBody(response: { headers?: Record<string, string> } | undefined): boolean {
  const length = response?.headers?.['content-length']
  return length !== undefined && Number(length) === 0
}

/**
 * The one door to AWS: clients are created once per service and region and share one HTTP agent
 * (connection reuse) and one credential resolution, every call carries the run's abort signal, and
 * each attempt is recorded so the first real error survives the SDK's retries.
 */
export class AwsAccess {
  readonly calls: CallRecord[] = []
  /** Credential providers the SDK tried, in order, with what each said. */
  readonly providerTrail: string[] = []
  private readonly clients = new Map<string, SdkClient>()
  /** The service and region each client was created for (the SDK keeps the region only as an async provider). */
  private readonly origin = new WeakMap<SdkClient, { service: ServiceName; region: string }>()
  private readonly sdks = new Map<string, Promise<unknown>>()
  private readonly agents: WireAgents
  private loadsMayStart: Promise<void>
  private readonly planned = new Map<OnDemandSdk, { promise: Promise<void>; resolve: () => void }>()
  private readonly reads = new Map<string, Promise<AwsResult<unknown>>>()
  private readonly handler: NodeHttpHandler
  private readonly credentialProvider: AwsCredentialIdentityProvider
  private credentialsPromise?: Promise<AwsCredentialIdentity>
  /** Per-endpoint pacing once AWS throttles (pacer.ts). */
  readonly pacer = new Pacer()
  private readonly listenedSignals = new WeakSet<AbortSignal>()
  private readonly singles = new Map<string, unknown>()

  constructor(private readonly options: AwsAccessOptions) {
    this.agents = new WireAgents({ keepAlive: true, maxSockets: 50 })
    this.loadsMayStart = Promise.resolve()
    this.handler = new NodeHttpHandler({
      connectionTimeout: Math.min(3000, options.requestTimeoutMs),
      requestTimeout: options.requestTimeoutMs,
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https
    })
    const trail = this.providerTrail
    const log = options.log
    const sdkLogger = {
      debug: (...args: unknown[]) => {
        const text = args.map(String).join(' ')
        const m = /defaultProvider::(\w+)|remoteProvider::([\w/]+)/.exec(text)
        if (m) trail.push(m[1] ?? m[2] ?? text)
        log.debug(`credentials: ${text}`)
      },
      info: (...args: unknown[]) => log.debug(`credentials: ${args.map(String).join(' ')}`),
      warn: (...args: unknown[]) => log.debug(`credentials: ${args.map(String).join(' ')}`),
      error: (...args: unknown[]) => log.debug(`credentials: ${args.map(String).join(' ')}`)
    }
    const chain = defaultProvider({
      profile: options.profile,
      logger: sdkLogger,
      timeout: options.requestTimeoutMs,
      maxRetries: 0
    })
    // Resolve once for every client, and register what comes back as secret before anything logs.
    this.credentialProvider = async () => {
      this.credentialsPromise ??= chain().then((creds: AwsCredentialIdentity) => {
        log.mask(creds.secretAccessKey)
        if (creds.sessionToken) log.mask(creds.sessionToken)
        return creds
      })
      return this.credentialsPromise
    }
  }

  /**
   * What bedrock-mantle's transport (mantle.ts) shares with the SDK clients: the HTTP agents,
   * the credentials, the pacing and the call log. mantle.ts is imported by the mantle checks only,
   * so its code loads with theirs and a run that never calls mantle never loads it.
   */
  mantleOptions(): MantleTransportOptions {
    const options = this.options
    return {
      handler: this.handler,
      credentials: this.credentialProvider,
      ...(options.bedrockApiKey ? { bedrockApiKey: options.bedrockApiKey } : {}),
      env: options.env ?? {},
      log: options.log,
      pacer: this.pacer,
      calls: this.calls,
      responseLimitBytes: options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES,
      maxAttempts: options.maxAttempts,
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {})
    }
  }

  /** One object per run for `key` (a transport every check of a run shares). */
  once<T>(key: string, make: () => T): T {
    if (!this.singles.has(key)) this.singles.set(key, make())
    return this.singles.get(key) as T
  }

  /** Resolves the credentials every client uses (once), as a result rather than a throw. */
  async credentials(): Promise<AwsResult<AwsCredentialIdentity>> {
    try {
      return { ok: true, value: await this.credentialProvider() }
    } catch (err) {
      return { ok: false, error: observeError(err, 'credentials') }
    }
  }

  /**
   * Plans the on-demand SDK loads of a run: every module in `names`, once the first request is on
   * the wire or `gate` settles (the engine passes its gate checks: if they never send, nothing
   * waits). Loading IAM costs tens of milliseconds of main-thread work; done while the first round
   * trip travels, it delays neither that request nor the checks that need it
   * (docs/performance.md). The modules load one after another in `SDK_ORDER`, one event-loop turn
   * apart, so the requests of the checks waiting for one are written before the next competes for
   * the main thread: Bedrock's reads leave before IAM loads, which waits for their answers anyway.
   * Resolves once all have loaded (or failed to: a module that fails to load fails the check that
   * asks for it, with the reason; not here), or, once `runOver` is aborted, after the load under
   * way: no module loads after the run has ended.
   */
  planLoads(
    names: readonly OnDemandSdk[],
    gate: Promise<unknown>,
    runOver: AbortSignal
  ): Promise<void> {
    this.loadsMayStart = Promise.race([this.agents.firstConnection, gate.then(() => undefined)])
    const wanted = SDK_ORDER.filter((name) => names.includes(name))
    for (const name of wanted) {
      let resolve = () => {}
      const promise = new Promise<void>((r) => (resolve = r))
      this.planned.set(name, { promise, resolve })
    }
    return (async () => {
      await Promise.race([
        this.loadsMayStart,
        new Promise((resolve) => runOver.addEventListener('abort', resolve, { once: true }))
      ])
      for (const [i, name] of wanted.entries()) {
        if (i > 0) await nextTurn()
        if (runOver.aborted) break
        await this.loadSdk(name).catch(() => undefined)
        this.planned.get(name)?.resolve()
      }
      // Whatever was not loaded is not waited for.
      for (const { resolve } of this.planned.values()) resolve()
      await nextTurn()
    })()
  }

  /** Settles when these SDK modules have loaded (or failed to), in the planned order. */
  async sdksLoaded(names: readonly OnDemandSdk[]): Promise<void> {
    await Promise.all(
      names.map(
        (name) => this.planned.get(name)?.promise ?? this.loadSdk(name).catch(() => undefined)
      )
    )
  }

  /**
   * One answer for identical reads within a run: the model checks of one region and model start
   * together, and the same GetInferenceProfile or GetFoundationModel is sent once (in flight or
   * answered), not once per check. `key` names the operation and everything it reads.
   */
  shared<T>(key: string, call: () => Promise<AwsResult<T>>): Promise<AwsResult<T>> {
    let pending = this.reads.get(key) as Promise<AwsResult<T>> | undefined
    if (!pending) {
      pending = call()
      this.reads.set(key, pending)
    }
    return pending
  }

  /** STS is part of the first request, so its client is bundled with the entry and ready at once. */
  sts(region: string): STSClient {
    return this.client('sts', region, (c) => new STSClient(c))
  }

  async iam(region: string): Promise<Service<IamSdk>> {
    const sdk = await this.loadSdk('iam')
    // IAM is global; its endpoint is the same whatever region signs the request.
    return { client: this.client('iam', region, (c) => new sdk.IAMClient(c)), sdk }
  }

  async bedrock(region: string): Promise<Service<BedrockSdk>> {
    const sdk = await this.loadSdk('bedrock')
    return { client: this.client('bedrock', region, (c) => new sdk.BedrockClient(c)), sdk }
  }

  async serviceQuotas(region: string): Promise<Service<ServiceQuotasSdk>> {
    const sdk = await this.loadSdk('servicequotas')
    return {
      client: this.client('servicequotas', region, (c) => new sdk.ServiceQuotasClient(c)),
      sdk
    }
  }

  async runtime(region: string): Promise<Service<RuntimeSdk>> {
    const sdk = await this.loadSdk('bedrock-runtime')
    return {
      client: this.client('bedrock-runtime', region, (c) => new sdk.BedrockRuntimeClient(c)),
      sdk
    }
  }

  /** Imports an on-demand SDK module once, after `planLoads`'s moment. */
  private loadSdk<S extends OnDemandSdk>(name: S): Promise<SdkOf<S>> {
    let pending = this.sdks.get(name) as Promise<SdkOf<S>> | undefined
    if (!pending) {
      pending = this.loadsMayStart.then(SDK_LOADERS[name] as () => Promise<SdkOf<S>>)
      this.sdks.set(name, pending)
    }
    return pending
  }

  /** Which authentication a service's clients use in this run. */
  authOf(service: ServiceName): ClientAuth {
    return this.options.bedrockApiKey && (service === 'bedrock' || service === 'bedrock-runtime')
      ? 'api-key'
      : 'sigv4'
  }

  private client<C extends SdkClient>(
    service: ServiceName,
    region: string,
    create: (config: SharedClientConfig) => C
  ): C {
    const key = `${service}@${region}`
    let client = this.clients.get(key) as C | undefined
    if (!client) {
      const apiKey = this.authOf(service) === 'api-key' ? this.options.bedrockApiKey : undefined
      client = create({
        region,
        credentials: this.credentialProvider,
        requestHandler: this.handler,
        maxAttempts: this.options.maxAttempts,
        // The Bedrock SDKs switch to bearer auth by themselves when AWS_BEARER_TOKEN_BEDROCK is
        // set; the choice is made here instead, so the preflight always knows and says which.
        authSchemePreference: apiKey ? ['httpBearerAuth'] : ['sigv4'],
        ...(apiKey ? { token: { token: apiKey } } : {})
      })
      this.clients.set(key, client)
      this.origin.set(client, { service, region })
    }
    return client
  }

  /**
   * Sends one command. Never throws: an error comes back as the first real error observed, with
   * the attempt count and, when a later attempt ended differently, that last error too.
   */
  async send<Out>(
    client: SdkClient,
    command: SendableCommand<Out> | object,
    signal: AbortSignal
  ): Promise<AwsResult<Out>> {
    const origin = this.origin.get(client)
    const region = origin?.region ?? 'unknown'
    // Named the way IAM policies name it: `sts:GetCallerIdentity`.
    const operation = `${origin?.service ?? 'unknown'}:${operationName(command)}`
    const attempts: ObservedError[] = []
    const calls = this.calls
    const log = this.options.log
    const lane = this.pacer.lane(`${origin?.service ?? 'unknown'}@${region}`)
    const limit = this.options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES
    const service = origin?.service ?? 'unknown'
    // Every call in flight (and every paced wait) listens to the run's one signal; a big matrix
    // has hundreds at once, which is no leak.
    if (!this.listenedSignals.has(signal)) {
      setMaxListeners(0, signal)
      this.listenedSignals.add(signal)
    }
    let attempt = 0
    const recorder =
      (
        next: (
          args: unknown
        ) => Promise<{ response?: { statusCode?: number; headers?: Record<string, string> } }>
      ) =>
      async (args: unknown) => {
        // A throttled call whose next turn would come too close to the deadline ends now, on its
        // throttle: waiting into the deadline would report a time-out when the truth is "throttled".
        const deadline = this.options.deadlineMs
        if (
          deadline !== undefined &&
          attempts.some(isThrottle) &&
          Date.now() + lane.waitMs() > deadline - RESEND_MARGIN_MS
        ) {
          throw Object.assign(new Error('throttled until the deadline'), { name: THROTTLED_OUT })
        }
        // Paced before the attempt is counted: a wait for our turn is not an attempt.
        await lane.turn(signal)
        attempt += 1
        const started = Date.now()
        try {
          const out = (await next(args)) as Awaited<ReturnType<typeof next>> & { output?: unknown }
          const status = out.response?.statusCode
          // Every operation we call answers 2xx with an XML or JSON document; an empty body is a
          // proxy or a broken endpoint, and the SDK would turn it into an empty (falsely fine) result.
          if (status && status < 300 && emptyBody(out.response)) {
            throw Object.assign(
              new Error(`The endpoint answered HTTP ${status} with an empty body`),
              { name: 'MalformedResponse', $metadata: { httpStatusCode: status } }
            )
          }
          // An answer is evidence only when it is complete (complete.ts): a proxy's page or `{}`
          // deserialises to an empty result, which would read as "nothing denies".
          const gap =
            status && status < 300 ? incompleteness(operation, input, out.output) : undefined
          if (gap) throw incompleteAnswerError(operation, status, gap)
          lane.accept()
          calls.push({ operation, region, attempt, httpStatus: status, ms: Date.now() - started })
          log.debug(`aws: ${operation} (${region}) attempt ${attempt} → HTTP ${status ?? '?'}`)
          return out
        } catch (err) {
          const observed = observeError(err, operation)
          if (isThrottle(observed)) lane.throttled(started)
          else if (observed.httpStatus !== undefined) lane.accept()
          attempts.push(observed)
          calls.push({
            operation,
            region,
            attempt,
            httpStatus: observed.httpStatus,
            errorCode: observed.code,
            ms: Date.now() - started
          })
          log.debug(
            `aws: ${operation} (${region}) attempt ${attempt} → ${observed.httpStatus ?? 'no response'} ${observed.code}`
          )
          throw err
        }
      }
    // Innermost (deserialize step, low priority: between the deserialiser and the HTTP handler), so
    // no body is read past the limit whichever way the SDK reads it.
    const capper =
      (next: (args: unknown) => Promise<{ response?: unknown }>) => async (args: unknown) => {
        const out = await next(args)
        const response = out.response as
          { statusCode?: number; headers?: Record<string, string>; body?: unknown } | undefined
        // Before the deserialiser reads it: a redirect or an HTML page is not AWS answering.
        const problem = rawAnswerProblem(
          service,
          response?.statusCode,
          response?.headers,
          operation
        )
        if (problem) {
          ;(response?.body as { destroy?: () => void } | undefined)?.destroy?.()
          throw Object.assign(new Error(`${operation} ${problem.message}`), {
            name: problem.code,
            $metadata: { httpStatusCode: response?.statusCode }
          })
        }
        const stream = isEventStreamOperation(operation)
        capBody(
          out.response,
          stream ? Math.min(limit, EVENT_STREAM_LIMIT_BYTES) : limit,
          service,
          stream
        )
        return out
      }
    const cmd = command as SendableCommand<Out>
    const input = cmd.input
    // Inside the retry loop (finalizeRequest, low priority) and outside deserialisation, so each
    // attempt's parsed error is seen.
    cmd.middlewareStack.add(recorder, {
      step: 'finalizeRequest',
      priority: 'low',
      name: 'bedrockPreflightAttemptRecorder',
      override: true
    })
    cmd.middlewareStack.add(capper, {
      step: 'deserialize',
      priority: 'low',
      name: 'bedrockPreflightBodyCap',
      override: true
    })
    for (let round = 1; ; round++) {
      try {
        const value = (await client.send(cmd as never, { abortSignal: signal })) as Out
        return { ok: true, value }
      } catch (err) {
        const final = observeError(err, operation)
        // A throttle says "not now", not "no": send again at the lane's pace until the deadline.
        const timeLeft = (this.options.deadlineMs ?? Infinity) - Date.now()
        if (
          isThrottle(final) &&
          !signal.aborted &&
          round < THROTTLED_ROUNDS &&
          timeLeft > RESEND_MARGIN_MS
        ) {
          continue
        }
        // Retries never hide the last real answer: the last attempt AWS answered (an HTTP status,
        // not a throttle, a 5xx or a dropped connection) is the error; else the first that is
        // not a throttle. The other one is kept beside it.
        const answer = [...attempts]
          .reverse()
          .find((a) => a.httpStatus !== undefined && !isThrottle(a) && !isTransient(a))
        const fallback =
          final.code === THROTTLED_OUT
            ? (attempts.filter(isThrottle).pop() ?? final)
            : (attempts.find((a) => !isThrottle(a)) ?? attempts[0] ?? final)
        const first = answer ?? fallback
        const error: ObservedError = {
          ...first,
          operation,
          attempts: Math.max(attempt, 1),
          // Said only for a bearer request: a signed one is what every error was before keys.
          ...(this.authOf(service as ServiceName) === 'api-key' ? { auth: 'api-key' as const } : {})
        }
        const last =
          answer && fallback !== answer
            ? fallback
            : attempts.length > 1
              ? attempts[attempts.length - 1]
              : final
        if (last && (last.code !== first.code || last.message !== first.message)) {
          error.lastError = { code: last.code, message: last.message }
        }
        if (signal.aborted && attempts.length === 0) {
          error.code = 'TimeoutError'
          error.message = 'The run reached timeout-seconds before AWS answered'
        }
        return { ok: false, error }
      }
    }
  }

  /** Closes sockets so the process can exit at once, even when an endpoint never answered. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy()
    this.handler.destroy()
  }
}
