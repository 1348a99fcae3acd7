import { homedir } from 'node:os'
import { join } from 'node:path'
import { prepareRun, SettingsError } from '../settings.js'
import type { PreflightConfig } from '../config.js'
import { runPreflight } from '../engine/run-preflight.js'
import { shouldFail } from '../engine/result.js'
import { VERSION } from '../version.js'
import { parseCliArgs, UsageError, USAGE, type RunArgs } from './args.js'
import { Progress } from './progress.js'
import { Redactor } from './redact.js'

/** What the CLI writes to; tests and `main` pass the process's own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  env: Record<string, string | undefined>
}

/** Which option a settings error is about, as the user typed it. */
const FLAG_OF: Record<string, string> = {
  'fail-on': '--fail-on',
  'timeout-seconds': '--timeout',
  'env-file': '--env-file',
  'invoke-probe': '--invoke-probe',
  endpoint: '--endpoint',
  'mantle-project': '--mantle-project',
  'role-session-tags': '--role-session-tags',
  'min-tokens-per-minute': '--min-tokens-per-minute'
}

function debugWanted(args: { debug: boolean }, env: Record<string, string | undefined>): boolean {
  return (
    args.debug || env.AWS_LOG_LEVEL?.trim().toUpperCase() === 'DEBUG' || env.RUNNER_DEBUG === '1'
  )
}

/** The default InsightWorker settings file, used only when it exists. */
export function defaultEnvFile(env: Record<string, string | undefined>): string {
  return join(env.HOME ?? env.USERPROFILE ?? homedir(), '.insightworker', '.env')
}

async function runChecks(args: RunArgs, io: CliIo): Promise<number> {
  const redactor = new Redactor()
  const write = (stream: NodeJS.WritableStream, text: string): void => {
    stream.write(redactor.apply(text))
  }
  let debug = debugWanted(args, io.env)
  const progress = new Progress(io.stderr, io.stderr.isTTY === true)
  const log = {
    debug: (message: string): void => {
      progress.note(message)
      if (debug) write(io.stderr, `[debug] ${message}\n`)
    },
    mask: (secret: string): void => redactor.add(secret)
  }

  // The bundle pins its SDK: the SDK's notice about future releases' Node versions is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const envFilePath = args.envFile ?? defaultEnvFile(io.env)
  let config: PreflightConfig
  try {
    config = prepareRun({
      surface: 'cli',
      ...(args.regions ? { regions: args.regions } : {}),
      ...(args.models ? { models: args.models } : {}),
      ...(args.assumeRoleArns ? { assumeRoleArns: args.assumeRoleArns } : {}),
      envFilePath,
      envFileOptional: args.envFile === undefined,
      invokeProbe: args.invokeProbe,
      ...(args.endpoint ? { endpoint: args.endpoint } : {}),
      ...(args.mantleProject ? { mantleProject: args.mantleProject } : {}),
      ...(args.roleSessionTags ? { roleSessionTags: args.roleSessionTags } : {}),
      ...(args.failOn ? { failOn: args.failOn } : {}),
      ...(args.timeout ? { timeoutSeconds: args.timeout } : {}),
      ...(args.minTokensPerMinute ? { minTokensPerMinute: args.minTokensPerMinute } : {}),
      ...(args.profile ? { profile: args.profile } : {}),
      processEnv: { ...io.env },
      log
    })
  } catch (err) {
    if (err instanceof SettingsError) {
      write(io.stderr, `bedrock-preflight: ${FLAG_OF[err.input] ?? err.input} ${err.problem}\n`)
      return 2
    }
    throw err
  }
  debug = debug || debugWanted({ debug: false }, config.env)
  if (debug) {
    log.debug(
      `env file: ${config.envFile ? `${config.envFile.path} (${config.envFile.entries.length} settings)` : `none (${envFilePath} not found)`}`
    )
    log.debug(
      `regions: ${config.regions.map((r) => `${r.value} from ${r.source}`).join(', ') || 'none'}`
    )
    log.debug(`models: ${config.models.map((m) => `${m.value} from ${m.source}`).join(', ')}`)
  }

  // Debug lines and a redrawn progress line would garble each other.
  if (!debug) progress.start()
  let report
  try {
    report = await runPreflight(config)
  } finally {
    progress.stop()
  }
  // The renderers (and, for `explain`, the catalog) load after the run, not before its first
  // request: the action's entry shares its start files with this one.
  if (args.json) {
    const { renderJson } = await import('../render/json.js')
    write(io.stdout, renderJson(report))
  } else {
    const { renderTerminal, useColor } = await import('../render/terminal.js')
    write(
      io.stdout,
      renderTerminal(report, {
        color: useColor(io.stdout, io.env),
        ...(io.stdout.columns ? { width: io.stdout.columns } : {})
      })
    )
  }
  return shouldFail(report, config.failOn) ? 1 : 0
}

/** The CLI: command line → configuration → engine → terminal or JSON. Returns the exit code. */
export async function main(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const streams: CliIo = {
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    stdin: io?.stdin ?? process.stdin,
    env: io?.env ?? process.env
  }
  try {
    // merge and fleet take options of their own; their code loads only when asked for.
    if (argv[0] === 'merge') {
      return await (await import('../merge/command.js')).mergeCommand(argv.slice(1), streams)
    }
    if (argv[0] === 'fleet') {
      return (await import('../fleet/command.js')).fleetCommand(argv.slice(1), streams)
    }
    const args = parseCliArgs(argv)
    switch (args.command) {
      case 'help':
        streams.stdout.write(USAGE)
        return 0
      case 'version':
        streams.stdout.write(`bedrock-preflight ${VERSION}\n`)
        return 0
      case 'explain':
        return await (await import('./explain.js')).explain(args, streams)
      case 'run':
        return await runChecks(args, streams)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      streams.stderr.write(
        `bedrock-preflight: ${err.message}\nRun "bedrock-preflight --help" for the options.\n`
      )
      return 2
    }
    // Our bug, said in one line: never a stack trace.
    streams.stderr.write(
      `bedrock-preflight stopped on an unexpected error: ${err instanceof Error ? err.message : String(err)}\nRe-run with --debug and open an issue with its output.\n`
    )
    return 1
  }
}
