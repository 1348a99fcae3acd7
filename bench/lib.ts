/**
 * What the benchmarks share: a fake AWS that answers a healthy account with an injected latency
 * (optionally one request at a time), a dark endpoint, and a timed spawn of the bundled action.
 * Every timestamp comes from this process's monotonic clock, so spawn, requests and exit compare.
 */
import { quotaWorld, serviceQuotasHandlers } from '../__tests__/harness/fake-service-quotas.js'
import { createServer as createTcpServer, type Socket } from 'node:net'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  endpointEnv,
  startFakeAws,
  type FakeAws,
  type Handler,
  type Handlers
} from '../__tests__/harness/fake-aws.js'
import { healthyAccount, TARGET_ROLE_ARN } from '../__tests__/harness/e2e-world.js'
import { parseOutputFile } from '../__tests__/harness/run-action.js'
import type { Report } from '../src/engine/types.js'
import { OIDC_SESSION_ENV } from '../__tests__/harness/scenarios.js'

const PROBE = resolve('bench/probe.cjs')
/** The tests' network guard: the benchmarked process cannot reach anything but 127.0.0.1. */
export const GUARD = resolve('__tests__/harness/net-guard.cjs')

/** One request as the fake saw it: when it arrived and when its answer left. */
export interface Timed {
  operation: string
  arrivedMs: number
  answeredMs: number
}

export interface BenchFake {
  fake: FakeAws
  timeline: Timed[]
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A healthy account (identity, model resolve, access, invoke permission, one assumable role)
 * answering after `latencyMs`. With `serial`, the fake works on one request at a time, so the
 * answers come one after another as they would for checks run in their naive order.
 */
export async function startBenchFake(
  latencyMs: number,
  serial = false,
  /** Answers that replace the healthy account's, timed like every other. */
  extra: Handlers = {}
): Promise<BenchFake> {
  const timeline: Timed[] = []
  let queue: Promise<void> = Promise.resolve()
  const wrap =
    (key: string, inner: Handler | NonNullable<Handlers[string]>): Handler =>
    async (req) => {
      const arrivedMs = performance.now()
      let release = () => {}
      if (serial) {
        const before = queue
        queue = new Promise<void>((r) => (release = r))
        await before
      }
      await sleep(latencyMs)
      const reply = typeof inner === 'function' ? await inner(req) : inner
      timeline.push({ operation: key, arrivedMs, answeredMs: performance.now() })
      release()
      return reply
    }
  const handlers: Handlers = {}
  // Bedrock has well over a thousand quotas per region: the benchmark's account has 1,500, so a
  // quota check that listed them would show in the figures.
  const account = {
    ...healthyAccount(),
    ...serviceQuotasHandlers(quotaWorld(undefined, 1_470)),
    ...extra
  }
  for (const [key, inner] of Object.entries(account)) {
    if (inner) handlers[key] = wrap(key, inner)
  }
  const fake = await startFakeAws({ handlers, validate: false })
  return { fake, timeline, close: () => fake.close() }
}

/** A port that accepts connections and never answers (nor reads, nor closes). */
export async function startDarkEndpoint(): Promise<{
  env: Record<string, string>
  close(): Promise<void>
}> {
  const sockets = new Set<Socket>()
  const server = createTcpServer((s) => {
    sockets.add(s)
    s.on('error', () => {})
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const base = `http://127.0.0.1:${port}`
  return {
    env: endpointEnv(base),
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }
}

/** The inputs of the full scenario: one region, the default model, one role to assume. */
/**
 * The model is named (the old default), so the figures stay comparable: with no model named the
 * action first asks ListInferenceProfiles for the newest Sonnet, one round trip more.
 */
export const FULL_INPUTS = {
  'assume-role-arn': TARGET_ROLE_ARN,
  'aws-region': 'us-east-1',
  'model-id': 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
}

export interface TimedRun {
  exitCode: number | null
  stderr: string
  outputs: Record<string, string>
  report?: Report
  /** Connections the child tried outside loopback (the guard refuses them; must stay empty). */
  blocked: string[]
  /** performance.now() just before the spawn. */
  startMs: number
  /** Spawn → process closed. */
  wallMs: number
  /** Peak resident set of the action process, MB. */
  peakRssMb?: number
  /** The child's own start (its performance.timeOrigin) on this process's performance.now() clock. */
  processStartMs?: number
}

/**
 * A fresh home and the environment the runner gives a JavaScript action (INPUT_* variables,
 * GITHUB_OUTPUT, the step summary, OIDC session credentials, every AWS endpoint on the fake), with
 * `preloads` required through NODE_OPTIONS. The caller removes `home`.
 */
export function runnerEnv(
  endpoints: Record<string, string>,
  inputs: Record<string, string>,
  preloads: string[]
): { home: string; file(name: string): string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'bench2-run-'))
  const file = (name: string) => join(home, name)
  writeFileSync(file('github_output'), '')
  writeFileSync(file('step_summary'), '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    RUNNER_TEMP: home,
    GITHUB_OUTPUT: file('github_output'),
    GITHUB_STEP_SUMMARY: file('step_summary'),
    GITHUB_WORKSPACE: home,
    GITHUB_ACTIONS: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: file('aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: file('aws-credentials'),
    AWS_REGION: 'us-east-1',
    ...OIDC_SESSION_ENV,
    NODE_OPTIONS: preloads.map((p) => `--require ${p}`).join(' '),
    ...endpoints,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  }
  return { home, file, env }
}

/**
 * Marks an ES module bundle outside the project (esbuild's, ncc's) as ES modules. Without it
 * Node.js first tries each entry as CommonJS and parses it twice. scripts/bundle.mjs writes its
 * own package.json (CommonJS), which this leaves alone.
 */
export function markAsModules(dir: string): void {
  if (existsSync(join(dir, 'package.json'))) return
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n')
}

/**
 * Bundles bench/floor/sdk-alone.ts (the SDK's STS client alone) the way dist/ is bundled
 * (scripts/bundle.mjs) into a temporary directory and returns it; the caller removes it.
 */
export async function buildSdkAlone(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench2-sdk-alone-'))
  // scripts/bundle.mjs is plain JavaScript shared with scripts/package.mjs; it has no types.
  const { bundle } = (await import(resolve('scripts/bundle.mjs'))) as {
    bundle(entries: Record<string, string>, outdir: string): Promise<unknown>
  }
  await bundle({ index: 'bench/floor/sdk-alone.ts' }, dir)
  return dir
}

/**
 * Spawns `<distDir>/index.js` as the runner does (INPUT_* variables, GITHUB_OUTPUT, step summary)
 * with the tests' network guard and the probe preload, and times it from spawn to close.
 */
export async function timedRun(
  distDir: string,
  endpoints: Record<string, string>,
  inputs: Record<string, string> = FULL_INPUTS,
  timeoutMs = 60_000
): Promise<TimedRun> {
  const { home, file, env } = runnerEnv(endpoints, inputs, [GUARD, PROBE])
  env.BP_NET_GUARD_LOG = file('net-guard.log')
  env.BP_BENCH_PROBE_FILE = file('probe.json')
  const startMs = performance.now()
  const child = spawn(process.execPath, [join(resolve(distDir), 'index.js')], {
    env,
    cwd: home,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exitCode = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      done(code)
    })
  })
  const wallMs = performance.now() - startMs
  const outputs = parseOutputFile(readFileSync(file('github_output'), 'utf8'))
  const reportPath = outputs.report
  const report =
    reportPath && existsSync(reportPath)
      ? (JSON.parse(readFileSync(reportPath, 'utf8')) as Report)
      : undefined
  const read = (name: string) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : '')
  let probe: { maxRssKb?: number; timeOrigin?: number } = {}
  try {
    probe = JSON.parse(read('probe.json') || '{}') as typeof probe
  } catch {
    // A run that died before exit leaves no probe: no RSS and no process-start figure.
  }
  const kb = probe.maxRssKb ?? 0
  const blocked = read('net-guard.log').split('\n').filter(Boolean)
  rmSync(home, { recursive: true, force: true })
  return {
    exitCode,
    stderr,
    outputs,
    ...(report ? { report } : {}),
    blocked,
    startMs,
    wallMs,
    ...(kb > 0 ? { peakRssMb: kb / 1024 } : {}),
    // Both processes' timeOrigin are epoch milliseconds: the difference maps the child's start
    // onto this process's monotonic clock.
    ...(probe.timeOrigin ? { processStartMs: probe.timeOrigin - performance.timeOrigin } : {})
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Cold start of one run: spawn → first request at the fake. */
export function firstRequestMs(run: TimedRun, timeline: Timed[]): number {
  const first = Math.min(...timeline.map((t) => t.arrivedMs))
  return first - run.startMs
}

/** The same, from the child's own start (excludes the parent's fork/exec): NaN without a probe. */
export function firstRequestFromProcessStartMs(run: TimedRun, timeline: Timed[]): number {
  if (run.processStartMs === undefined) return NaN
  return Math.min(...timeline.map((t) => t.arrivedMs)) - run.processStartMs
}
