import type { CliIo } from '../cli/io.js'
import { stripControls } from '../render/escape.js'
import { UsageError } from '../cli/args.js'
import { fleetMatrix } from './matrix.js'
import { readFleet } from './parse.js'
import { FleetFileError } from './types.js'

export const FLEET_USAGE = `Usage: bedrock-preflight fleet matrix FILE

Validates a fleet file (docs/fleet.md, schema/fleet.schema.json) and prints the GitHub Actions
plan of the fleet workflow as one line of JSON: {"matrix": {"include": [one entry per target]},
"max-parallel": n}. A problem is printed with the file and line; the exit code is then 2.
`

/** `bedrock-preflight fleet matrix FILE`. Returns the exit code. */
export function fleetCommand(argv: readonly string[], io: CliIo): number {
  const [sub, file, ...rest] = argv
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(FLEET_USAGE)
    return 0
  }
  if (sub !== 'matrix')
    throw new UsageError(
      `fleet: unknown subcommand "${(sub ?? '').slice(0, 40)}" (fleet matrix FILE)`
    )
  if (!file || file.startsWith('-')) throw new UsageError('fleet matrix needs a fleet file')
  if (rest.length > 0)
    throw new UsageError(`fleet matrix: unexpected argument "${rest[0]?.slice(0, 40)}"`)
  try {
    io.stdout.write(`${JSON.stringify(fleetMatrix(readFleet(file)))}\n`)
    return 0
  } catch (err) {
    if (err instanceof FleetFileError) {
      // A key of the file is outside text: on one line, a `::error` of its own never starts one.
      io.stderr.write(`bedrock-preflight fleet: ${stripControls(err.message, true)}\n`)
      return 2
    }
    throw err
  }
}
