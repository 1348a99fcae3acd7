import { readFileSync, statSync } from 'node:fs'
import { LineCounter, parseDocument } from 'yaml'
import { FleetFileError, type Fleet } from './types.js'
import { validateFleet } from './validate.js'

/** A fleet file of 256 targets is a few tens of KB; past 1 MB it is not a fleet file. */
const MAX_FLEET_BYTES = 1024 * 1024

/** Reads and validates a fleet file; every problem names the file and its line. */
export function readFleet(file: string): Fleet {
  let source: string
  try {
    if (statSync(file).size > MAX_FLEET_BYTES) {
      throw new FleetFileError(file, undefined, `larger than ${MAX_FLEET_BYTES} bytes`)
    }
    source = readFileSync(file, 'utf8')
  } catch (err) {
    if (err instanceof FleetFileError) throw err
    throw new FleetFileError(
      file,
      undefined,
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`
    )
  }
  return parseFleet(source, file)
}

export function parseFleet(source: string, file: string): Fleet {
  const lines = new LineCounter()
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const yamlError = doc.errors[0]
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line
    throw new FleetFileError(file, line, `not valid YAML: ${yamlError.message.split('\n')[0]}`)
  }
  const result = validateFleet(doc.toJS({ maxAliasCount: 100 }))
  if ('fleet' in result) return result.fleet
  // The line of the deepest node of the path that exists (a missing key: its parent's line).
  let line: number | undefined
  for (let n = result.path.length; n >= 0 && line === undefined; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(result.path.slice(0, n), true)
    const range = (node as { range?: [number, number, number] } | undefined)?.range
    if (range) line = lines.linePos(range[0]).line
  }
  // A key that is wrong points at the key, not its value.
  const last = result.path[result.path.length - 1]
  if (typeof last === 'string') {
    const parent = doc.getIn(result.path.slice(0, -1), true) as
      { items?: { key?: { value?: unknown; range?: [number] } }[] } | undefined
    const pair = parent?.items?.find((p) => p.key?.value === last)
    if (pair?.key?.range) line = lines.linePos(pair.key.range[0]).line
  }
  throw new FleetFileError(file, line, result.problem)
}
