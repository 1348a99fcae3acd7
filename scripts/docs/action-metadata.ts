import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export interface ActionInput {
  name: string
  description: string
  required: boolean
  default?: string
}

export interface ActionOutput {
  name: string
  description: string
}

export interface ActionMetadata {
  name: string
  description: string
  inputs: ActionInput[]
  outputs: ActionOutput[]
  raw: Record<string, unknown>
}

type Entries = Record<string, { description?: string; required?: boolean; default?: unknown }>

/**
 * action.yml as the docs need it: inputs and outputs in file order, descriptions on one line.
 * `text` is the file's content when it is not the one on disk (the docs generator's own).
 */
export function readActionMetadata(
  path = 'action.yml',
  text = readFileSync(path, 'utf8')
): ActionMetadata {
  const raw = parse(text) as Record<string, unknown>
  const inputs = (raw.inputs ?? {}) as Entries
  const outputs = (raw.outputs ?? {}) as Entries
  const oneLine = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()
  return {
    name: String(raw.name ?? ''),
    description: oneLine(raw.description as string | undefined),
    inputs: Object.entries(inputs).map(([name, spec]) => ({
      name,
      description: oneLine(spec.description),
      required: spec.required === true,
      ...(spec.default !== undefined ? { default: String(spec.default) } : {})
    })),
    outputs: Object.entries(outputs).map(([name, spec]) => ({
      name,
      description: oneLine(spec.description)
    })),
    raw
  }
}
