/**
 * Runs the action in this process: the settings the action reads from the same inputs and
 * environment (`prepareRun`), the engine (`runPreflight`) with real SDK clients that reach the
 * fake AWS through AWS_ENDPOINT_URL_<SERVICE>, and what `publishReport` shows of the report
 * (summary, annotations, the `result` output, the exit code). No process is spawned, so a suite
 * that repeats one scenario many times (every fault on every call) costs milliseconds a run; each
 * kind of run still has a test through the bundle (run-action.ts) proving the bundle agrees.
 *
 * The AWS SDK reads credentials and endpoints from `process.env`: for the length of a run, every
 * `AWS_*` variable of this process is replaced by the run's own, then restored. Runs therefore go
 * one at a time (they are awaited in turn; a second one started meanwhile waits for the first).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareRun } from '../../src/settings.js'
import { actionInputs } from '../../src/inputs.js'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { CHECKS } from '../../src/checks/registry.js'
import { shouldFail } from '../../src/engine/result.js'
import { renderSummary } from '../../src/render/summary.js'
import { annotationsFor } from '../../src/render/annotations.js'
import { renderJson } from '../../src/render/json.js'
import { verdictLine } from '../../src/render/labels.js'
import type { Logger } from '../../src/config.js'
import type { ActionRun, RunActionOptions } from './run-action.js'

/**
 * What an in-process run shows, in the fields of a bundle run: stdout and stderr are what the
 * run's code printed through `console` (the SDK's warnings), annotations their titles and texts.
 */
export type EngineRun = Pick<
  ActionRun,
  | 'exitCode'
  | 'stdout'
  | 'stderr'
  | 'summary'
  | 'outputs'
  | 'report'
  | 'masked'
  | 'everything'
  | 'ms'
> & { annotations: string[] }

const STDOUT = ['log', 'info', 'debug'] as const
const STDERR = ['warn', 'error'] as const
type ConsoleMethod = (typeof STDOUT)[number] | (typeof STDERR)[number]

/** Collects what `console` prints until the returned function restores it. */
function captureConsole(into: { stdout: string; stderr: string }): () => void {
  const saved = new Map<ConsoleMethod, (...args: unknown[]) => void>()
  for (const [stream, methods] of [
    ['stdout', STDOUT],
    ['stderr', STDERR]
  ] as const) {
    for (const method of methods) {
      saved.set(method, console[method])
      console[method] = (...args: unknown[]) => (into[stream] += `${args.map(String).join(' ')}\n`)
    }
  }
  return () => {
    for (const [method, fn] of saved) console[method] = fn
  }
}

let queue: Promise<unknown> = Promise.resolve()

/** Runs the action's engine in process with these inputs, environment and endpoints. */
export function runEngine(
  options: Pick<RunActionOptions, 'inputs' | 'env' | 'endpoints'> = {}
): Promise<EngineRun> {
  const next = queue.then(() => runOnce(options))
  queue = next.catch(() => undefined)
  return next
}

async function runOnce(
  options: Pick<RunActionOptions, 'inputs' | 'env' | 'endpoints'>
): Promise<EngineRun> {
  const home = mkdtempSync(join(tmpdir(), 'bp-engine-'))
  // What the runner's environment holds for the SDK (run-action.ts), and nothing of this process.
  const env: Record<string, string> = {
    HOME: home,
    RUNNER_TEMP: home,
    GITHUB_WORKSPACE: home,
    GITHUB_ACTIONS: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    ...(options.endpoints ?? {})
  }
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  // The inputs main.ts reads (action.yml), by the same table (src/inputs.ts).
  const input = (name: string): string | undefined => options.inputs?.[name]
  const masked: string[] = []
  const log: Logger = { debug: () => {}, mask: (secret) => void masked.push(secret) }
  const saved = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('AWS_'))
      .map((k) => [k, process.env[k]])
  )
  for (const k of Object.keys(saved)) delete process.env[k]
  for (const [k, v] of Object.entries(env)) if (k.startsWith('AWS_')) process.env[k] = v
  const printed = { stdout: '', stderr: '' }
  const restoreConsole = captureConsole(printed)
  const started = Date.now()
  try {
    const processEnv: Record<string, string | undefined> = { ...env }
    const config = prepareRun(
      {
        surface: 'github-actions',
        ...actionInputs(input),
        processEnv,
        workspace: home,
        log
      },
      processEnv
    )
    const report = await runPreflight(config, { checks: CHECKS })
    const failing = shouldFail(report, config.failOn)
    const summary = renderSummary(report)
    const annotations = [
      ...(failing
        ? [`bedrock-preflight: ${verdictLine(report)}. The job summary says what to fix.`]
        : []),
      ...annotationsFor(report, { error: failing ? 1 : 0 }).map((a) => `${a.title}: ${a.message}`)
    ]
    const outputs = {
      result: report.result,
      'account-id': report.identity?.accountId ?? '',
      'caller-arn': report.identity?.arn ?? '',
      region: report.regions.join(',')
    }
    return {
      exitCode: failing ? 1 : 0,
      ...printed,
      summary,
      outputs,
      report: JSON.parse(renderJson(report)) as typeof report,
      annotations,
      masked,
      ms: Date.now() - started,
      everything: [
        printed.stdout,
        printed.stderr,
        summary,
        ...annotations,
        JSON.stringify(outputs),
        renderJson(report)
      ].join('\n')
    }
  } finally {
    restoreConsole()
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k]
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v
    rmSync(home, { recursive: true, force: true })
  }
}
