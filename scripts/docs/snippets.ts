/**
 * Turns the YAML a document shows into whole workflows that actionlint can check: a README shows
 * complete workflows, but also jobs and step lists (and fixes in the catalog show job fragments).
 */
import { parse } from 'yaml'
import { codeBlocks } from './markdown.js'

export interface WorkflowSnippet {
  /** `README.md:120` or `examples/quick-start.yml`. */
  where: string
  /** A complete workflow. */
  workflow: string
  /** How the original was completed: as written, as a job body, or as a list of steps. */
  shape: 'workflow' | 'job' | 'steps'
}

/** Keys a job may have (GitHub's workflow syntax); a mapping made only of these is a job body. */
const JOB_KEYS = new Set([
  'name',
  'permissions',
  'needs',
  'if',
  'runs-on',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
  'uses',
  'with',
  'secrets'
])

const indent = (text: string, spaces: number): string =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(spaces) + l : l))
    .join('\n')

/**
 * The workflow a YAML text stands for, or undefined when it is not workflow YAML at all (an
 * action.yml excerpt, a config file). Unparseable YAML is returned as written, for actionlint to
 * report.
 */
export function asWorkflow(text: string, where: string): WorkflowSnippet | undefined {
  let value: unknown
  try {
    value = parse(text)
  } catch {
    return { where, workflow: text, shape: 'workflow' }
  }
  if (Array.isArray(value)) {
    const steps = indent(text, 6)
    return {
      where,
      shape: 'steps',
      workflow: `on: push\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n${steps}\n`
    }
  }
  if (!value || typeof value !== 'object') return undefined
  const keys = Object.keys(value)
  if (keys.includes('jobs')) return { where, workflow: text, shape: 'workflow' }
  if (keys.every((k) => JOB_KEYS.has(k))) {
    const reusable = keys.includes('uses')
    const runsOn = keys.includes('runs-on') || reusable ? '' : '    runs-on: ubuntu-latest\n'
    // A fragment such as `env:` alone still needs a step to be a job.
    const steps = keys.includes('steps') || reusable ? '' : '    steps:\n      - run: "true"\n'
    return {
      where,
      shape: 'job',
      workflow: `on: push\njobs:\n  snippet:\n${runsOn}${indent(text, 4)}\n${steps}`
    }
  }
  return undefined
}

/** Every YAML code block of a markdown document, completed into a workflow. */
export function markdownWorkflows(doc: string, path: string): WorkflowSnippet[] {
  return codeBlocks(doc)
    .filter((b) => b.lang === 'yaml' || b.lang === 'yml')
    .map((b) => asWorkflow(b.body, `${path}:${b.line}`))
    .filter((s): s is WorkflowSnippet => s !== undefined)
}

export interface ActionUse {
  where: string
  stepId?: string
  withKeys: string[]
}

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

function jobsOf(workflow: string): Array<{ steps?: Step[] }> {
  try {
    const parsed = parse(workflow) as { jobs?: Record<string, { steps?: Step[] }> } | null
    return Object.values(parsed?.jobs ?? {})
  } catch {
    return []
  }
}

/** Each step that uses this action (any ref of `…/bedrock-preflight`), with its inputs. */
export function actionUses(snippet: WorkflowSnippet): ActionUse[] {
  const uses: ActionUse[] = []
  for (const job of jobsOf(snippet.workflow)) {
    for (const step of job.steps ?? []) {
      if (!/(^|\/)bedrock-preflight@/.test(step.uses ?? '')) continue
      uses.push({
        where: snippet.where,
        ...(step.id ? { stepId: step.id } : {}),
        withKeys: Object.keys(step.with ?? {})
      })
    }
  }
  return uses
}

/** The `run:` scripts of a workflow that expand an expression into the shell. */
export function runsWithExpressions(snippet: WorkflowSnippet): string[] {
  return jobsOf(snippet.workflow)
    .flatMap((job) => job.steps ?? [])
    .map((step) => step.run ?? '')
    .filter((run) => run.includes('${{'))
}
