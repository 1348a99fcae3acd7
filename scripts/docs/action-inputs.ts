import { parse } from 'yaml'
import { INPUTS, type InputSpec } from '../../src/inputs.js'
import { wrap } from './sections.js'

/** action.yml's lines are as wide as the code's (.prettierrc's printWidth). */
const WIDTH = 100

/** A YAML scalar as action.yml writes it: plain when that reads back as the same string. */
function scalar(text: string): string {
  const plain = !/^[\s'"`!&*#|>%@[\]{},?:-]|: | #|\s$/.test(text) && parse(text) === text
  return plain ? text : `'${text.replace(/'/g, "''")}'`
}

function description(text: string): string[] {
  const oneLine = `    description: ${scalar(text)}`
  if (oneLine.length <= WIDTH) return [oneLine]
  return ['    description: >-', ...wrap(text, WIDTH - 6).map((line) => `      ${line}`)]
}

function inputYaml(spec: InputSpec): string[] {
  if (!spec.description) throw new Error(`input ${spec.name} has no description for action.yml`)
  return [
    `  ${spec.name}:`,
    ...description(spec.description),
    '    required: false',
    ...(spec.default !== undefined ? [`    default: ${scalar(spec.default)}`] : [])
  ]
}

/**
 * action.yml with its `inputs:` written from INPUTS (src/inputs.ts): every input the action
 * reads, its description and its default, in the table's order; the rest of the file as it is.
 */
export function actionYml(current: string): string {
  const start = current.search(/^inputs:$/m)
  const end = current.search(/^outputs:$/m)
  if (start < 0 || end < start) throw new Error('action.yml has no inputs: before outputs:')
  const inputs = INPUTS.filter((i) => i.action).flatMap(inputYaml)
  return `${current.slice(0, start)}inputs:\n${inputs.join('\n')}\n\n${current.slice(end)}`
}
