import { parseArgs } from 'node:util'
import { INPUTS, type InputKey, type InputSpec } from '../inputs.js'
import type { FactsArgs } from './facts.js'

/** A command line that cannot be used: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The inputs as the command line gave them, by their field of RawSettings (src/inputs.ts). */
export type RunArgs = Partial<Record<Exclude<InputKey, 'invokeProbe'>, string>> & {
  command: 'run'
  invokeProbe: boolean
  json: boolean
  debug: boolean
}

export type CliArgs =
  | RunArgs
  | { command: 'explain'; text?: string; debug: boolean }
  | FactsArgs
  | { command: 'help' }
  | { command: 'version' }

type Option = { type: 'string' | 'boolean'; multiple?: boolean; short?: string }

/** The inputs the CLI takes, in the order its usage lists them. */
const CLI_INPUTS = INPUTS.filter((i): i is InputSpec & { flag: string } => i.flag !== undefined)

/** The CLI's own flags, which are not inputs of the run: after the inputs in the usage. */
export const CLI_FLAGS: ReadonlyArray<{ label: string; help: readonly string[] }> = [
  {
    label: '--json',
    help: ['print the JSON report (schema/report.schema.json) instead']
  },
  {
    label: '--debug',
    help: [
      'log providers tried and every AWS request to stderr',
      '(also AWS_LOG_LEVEL=DEBUG or RUNNER_DEBUG=1)'
    ]
  },
  { label: '-h, --help', help: ['show this help'] },
  { label: '-v, --version', help: ['print the version'] }
]

const OPTIONS: Record<string, Option> = {
  ...Object.fromEntries(
    CLI_INPUTS.map((i): [string, Option] => [
      i.flag,
      i.type === 'boolean'
        ? { type: 'boolean' }
        : { type: 'string', ...(i.type === 'list' ? { multiple: true } : {}) }
    ])
  ),
  json: { type: 'boolean' },
  check: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
}

/** An input's flag with its value's name, as the usage and docs/cli.md show it. */
export function flagLabel(spec: InputSpec & { flag: string }): string {
  return spec.arg ? `--${spec.flag} ${spec.arg}` : `--${spec.flag}`
}

/** Every option the usage lists, inputs first: its label and help lines. */
export function usageOptions(): Array<{ label: string; help: readonly string[] }> {
  return [...CLI_INPUTS.map((i) => ({ label: flagLabel(i), help: i.help ?? [] })), ...CLI_FLAGS]
}

const HELP_COLUMN = 28

function optionLines(): string[] {
  return usageOptions().flatMap(({ label, help }) => {
    const head = `  ${label}`
    const indent = ' '.repeat(HELP_COLUMN)
    if (head.length >= HELP_COLUMN - 1) return [head, ...help.map((h) => indent + h)]
    return help.map((h, n) => (n === 0 ? head.padEnd(HELP_COLUMN) : indent) + h)
  })
}

export const USAGE = `Usage: bedrock-preflight [options]
       bedrock-preflight explain [error text]   (or pipe a log in)
       bedrock-preflight facts --check [--region <code>...] [--json]
                            compare the bundled AWS facts (docs/facts.md) with what
                            ListFoundationModels, ListInferenceProfiles and
                            ListServiceQuotas say now; exit 1 when something drifted
       bedrock-preflight merge [--previous merged.json] [--json] REPORT...
       bedrock-preflight fleet matrix FILE

Checks that this machine can call Claude on Amazon Bedrock: credentials, identity,
region, model access and permissions. Every problem comes with its cause and fix.

Options:
${optionLines().join('\n')}

Commands (each has --help):
  explain                   what an AWS error text means, and its fix
  merge                     many jobs' JSON reports → one org summary, and what
                            changed since the previous merged report
  fleet matrix <file>       a fleet file → the fleet workflow's job matrix (JSON)

Exit codes: 0 ready (or warnings only), 1 a check failed, 2 bad command line.
Colour only on a terminal; NO_COLOR turns it off.
`

/** Turns node:util's parse errors into a sentence that names the flag. */
function usageFrom(err: unknown): UsageError {
  const e = err as { code?: string; message?: string }
  const flag = /'(-{1,2}[^' ]+)/.exec(e.message ?? '')?.[1]
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${flag ?? ''}`.trim())
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message ?? '')
        ? new UsageError(`${flag ?? 'an option'} needs a value`)
        : new UsageError(`${flag ?? 'an option'} does not take a value`)
    default:
      return new UsageError(e.message ?? String(err))
  }
}

/** Reads the command line (without `node` and the script). Throws UsageError. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw usageFrom(err)
  }
  const { values, positionals } = parsed
  if (values.help) return { command: 'help' }
  if (values.version) return { command: 'version' }

  const [command, ...rest] = positionals
  if (command === 'explain') {
    const text = rest.join(' ').trim()
    return { command: 'explain', ...(text ? { text } : {}), debug: values.debug === true }
  }
  if (command === 'help') return { command: 'help' }
  if (command === 'facts') {
    const { check, region, json, profile } = values
    return factsArgs(
      {
        check: check === true,
        ...(Array.isArray(region) ? { region: region.map(String) } : {}),
        json: json === true,
        ...(typeof profile === 'string' ? { profile } : {})
      },
      rest
    )
  }
  if (command !== undefined && command !== 'run') {
    throw new UsageError(
      `unknown command "${command.length > 40 ? `${command.slice(0, 40)}…` : command}" (commands: explain, facts, merge, fleet; options start with --)`
    )
  }
  if (values.check)
    throw new UsageError('--check belongs to the facts command: bedrock-preflight facts --check')
  if (command === 'run' && rest.length > 0) {
    throw new UsageError(`unexpected argument "${rest[0]}"`)
  }

  const inputs: Partial<Record<InputKey, string>> = {}
  for (const spec of CLI_INPUTS) {
    const flag = `--${spec.flag}`
    const value = values[spec.flag]
    if (value === undefined || typeof value === 'boolean') continue
    if (Array.isArray(value)) {
      const list = value.map(String)
      if (list.some((v) => v.split(',').every((part) => part.trim() === ''))) {
        throw new UsageError(`${flag} needs a value`)
      }
      inputs[spec.key] = list.join(',')
      continue
    }
    const given = spec.caseless ? value.trim().toLowerCase() : value.trim()
    if (given === '') throw new UsageError(`${flag} needs a value`)
    const problem = spec.problem?.(given)
    if (problem) throw new UsageError(`${flag} ${problem}`)
    inputs[spec.key] = given
  }
  return {
    command: 'run',
    ...inputs,
    invokeProbe: values['invoke-probe'] === true,
    json: values.json === true,
    debug: values.debug === true
  }
}

/** `facts --check [--region R...] [--json] [--profile P]`. */
function factsArgs(
  values: { check?: boolean; region?: string[]; json?: boolean; profile?: string },
  rest: string[]
): FactsArgs {
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`)
  if (!values.check) throw new UsageError('facts needs --check (bedrock-preflight facts --check)')
  const regions = (values.region ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter((r) => r !== '')
  if (values.region && regions.length === 0) throw new UsageError('--region needs a value')
  return {
    command: 'facts',
    regions,
    json: values.json ?? false,
    ...(values.profile?.trim() ? { profile: values.profile.trim() } : {})
  }
}
