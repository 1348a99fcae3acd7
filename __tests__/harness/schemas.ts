/** Ajv, strict, with the formats our schemas use: what the tests hold JSON to. */
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const Ajv = (Ajv2020 as any).default ?? Ajv2020

/** A validator for the schema file at `path` (schema/…): true when the value conforms. */
export function schemaValidator(
  path: string,
  options: { allowUnionTypes?: boolean } = {}
): ((value: unknown) => boolean) & { errors?: unknown } {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    ...options,
    formats: {
      'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
      uri: (s: string) => URL.canParse(s)
    }
  })
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')))
}
