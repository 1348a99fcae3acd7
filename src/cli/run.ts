import { homedir } from 'node:os'
import { join } from 'node:path'
import { prepareRun, SECRET_VARIABLES, SettingsError } from '../settings.js'
import type { PreflightConfig } from '../config.js'
import type { Report } from '../engine/types.js'
import { runPreflight } from '../engine/run-preflight.js'
import { CHECKS } from '../checks/registry.js'
import { shouldFail } from '../engine/result.js'
import { VERSION } from '../version.js'
import { parseCliArgs, UsageError, USAGE, type RunArgs } from './args.js'
import { Progress } from './progress.js'
import type { CliIo } from './io.js'
import { inputLabel } from '../inputs.js'
import { Redactor } from '../secrets/redactor.js'
import { plainData, stripControls } from '../render/escape.js'

function debugWanted(args: { debug: boolean }, env: Record<string, string | undefined>): boolean {
  return (
    args.debug || env.AWS_LOG_LEVEL?.trim().toUpperCase() === 'DEBUG' || env.RUNNER_DEBUG === '1'
  )
}

/** The agent's default settings file, used only when it exists. */
export function defaultEnvFile(env: Record<string, string | undefined>): string {
  return join(env.HOME ?? env.USERPROFILE ?? homedir(), '.insightworker', '.env')
}

/**
 * Writes a text as the CLI may print it: no secret the run has seen, and no control character
 * but the renderer's own colours (a rendered report's text was made plain before it was coloured).
 */
function writer(redactor: Redactor) {
  return (stream: NodeJS.WritableStream, text: string, rendered = false): void => {
    stream.write(redactor.apply(rendered ? text : stripControls(text)))
  }
}

/**
 * The streams a subcommand writes to: every write passes the redactor, and, unless the subcommand
 * renders its own text (explain's colours, merge's summary: outside text stripped inside), loses
 * its control characters first. A pasted log or a report file is outside text.
 */
function guardedIo(io: CliIo, redactor: Redactor, rendered: boolean): CliIo {
  const guard = <S extends NodeJS.WritableStream>(stream: S): S => {
    const guarded = Object.create(stream) as S
    const write = stream.write.bind(stream) as (text: string, ...rest: unknown[]) => boolean
    guarded.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      return write(redactor.apply(rendered ? text : stripControls(text)), ...rest)
    }) as S['write']
    return guarded
  }
  return { ...io, stdout: guard(io.stdout), stderr: guard(io.stderr) }
}

async function runChecks(args: RunArgs, io: CliIo, redactor: Redactor): Promise<number> {
  const write = writer(redactor)
  let debug = debugWanted(args, io.env)
  const progress = new Progress(io.stderr, io.stderr.isTTY === true)
  const log = {
    debug: (message: string): void => {
      progress.note(message)
      if (debug) write(io.stderr, `[debug] ${message}\n`)
    },
    mask: (secret: string): void => {
      redactor.add(secret)
    }
  }

  // The bundle pins its SDK: the SDK's notice about future releases' Node versions is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const envFilePath = args.envFilePath ?? defaultEnvFile(io.env)
  let config: PreflightConfig
  try {
    const { command: _run, json: _json, debug: _debug, ...inputs } = args
    config = prepareRun({
      surface: 'cli',
      ...inputs,
      envFilePath,
      envFileOptional: args.envFilePath === undefined,
      processEnv: { ...io.env },
      log
    })
  } catch (err) {
    if (err instanceof SettingsError) {
      write(io.stderr, `bedrock-preflight: ${inputLabel(err.input, 'cli')} ${err.problem}\n`)
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
    report = await runPreflight(config, { checks: CHECKS })
  } finally {
    progress.stop()
  }
  const text = await reportText(report, redactor, {
    json: args.json,
    stdout: io.stdout,
    env: io.env
  })
  write(io.stdout, text, true)
  return shouldFail(report, config.failOn) ? 1 : 0
}

/**
 * What the CLI prints of a report: cleaned (control characters, then every secret the run has
 * seen, so no control character hides a secret), rendered, and redacted once more. The renderers
 * (and, for `explain`, the catalog) load after the run, not before its first request: the
 * action's entry shares its start files with this one.
 */
export async function reportText(
  report: Report,
  redactor: Redactor,
  options: { json: boolean } & Pick<CliIo, 'stdout' | 'env'>
): Promise<string> {
  const shown = redactor.applyDeep(plainData(report))
  if (options.json) return redactor.apply((await import('../render/json.js')).renderJson(shown))
  const { renderTerminal, useColor } = await import('../render/terminal.js')
  const { columns } = options.stdout
  return redactor.apply(
    renderTerminal(shown, {
      color: useColor(options.stdout, options.env),
      ...(columns ? { width: columns } : {})
    })
  )
}

/** The CLI: command line → configuration → engine → terminal or JSON. Returns the exit code. */
export async function main(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const streams: CliIo = {
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    stdin: io?.stdin ?? process.stdin,
    env: io?.env ?? process.env
  }
  const redactor = new Redactor()
  // Before any subcommand writes: a pasted log or a report may quote the environment's secrets.
  for (const name of SECRET_VARIABLES) redactor.add(streams.env[name])
  const write = writer(redactor)
  try {
    // merge and fleet take options of their own; their code loads only when asked for.
    if (argv[0] === 'merge') {
      return await (
        await import('../merge/command.js')
      ).mergeCommand(argv.slice(1), guardedIo(streams, redactor, true))
    }
    if (argv[0] === 'fleet') {
      return (await import('../fleet/command.js')).fleetCommand(
        argv.slice(1),
        guardedIo(streams, redactor, false)
      )
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
        return await (
          await import('./explain.js')
        ).explain(args, guardedIo(streams, redactor, true))
      case 'run':
        return await runChecks(args, streams, redactor)
      case 'facts': {
        // The regions default as a run's do: AWS_REGION, then AWS_DEFAULT_REGION.
        const fallback = streams.env.AWS_REGION ?? streams.env.AWS_DEFAULT_REGION
        const regions = args.regions.length > 0 ? args.regions : fallback ? [fallback] : []
        if (regions.length === 0)
          throw new UsageError('facts --check needs a region: --region <code> or AWS_REGION')
        return await (
          await import('./facts.js')
        ).checkFacts(
          { ...args, regions },
          {
            // AWS's listings are text from outside: redacted and stripped like every line the CLI writes.
            stdout: { write: (text: string) => write(streams.stdout, text) },
            stderr: { write: (text: string) => write(streams.stderr, text) }
          }
        )
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      write(
        streams.stderr,
        `bedrock-preflight: ${err.message}\nRun "bedrock-preflight --help" for the options.\n`
      )
      return 2
    }
    // Our bug, said in one line: never a stack trace.
    write(
      streams.stderr,
      `bedrock-preflight stopped on an unexpected error: ${err instanceof Error ? err.message : String(err)}\nRe-run with --debug and open an issue with its output.\n`
    )
    return 1
  }
}
