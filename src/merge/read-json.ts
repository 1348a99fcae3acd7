import { readFileSync, statSync } from 'node:fs'
import { MergeInputError } from './errors.js'
import { firstSchemaError, type JsonSchema } from './schema-check.js'

/** Reads one JSON file no larger than `maxBytes` and checks it against `schema`. */
export function readJsonFile<T>(
  file: string,
  maxBytes: number,
  schema: JsonSchema,
  what: string
): T {
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new MergeInputError(file, 'is not a file')
    size = stat.size
  } catch (err) {
    if (err instanceof MergeInputError) throw err
    throw new MergeInputError(
      file,
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`
    )
  }
  if (size > maxBytes) {
    throw new MergeInputError(
      file,
      `is ${size} bytes, more than the ${maxBytes} a ${what} may have`
    )
  }
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'invalid'
    throw new MergeInputError(file, `is not JSON (${reason})`)
  }
  const problem = firstSchemaError(schema, value)
  if (problem) throw new MergeInputError(file, `is not a ${what}: ${problem}`)
  return value as T
}
