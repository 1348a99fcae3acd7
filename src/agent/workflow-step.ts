/**
 * The agent step of this job: in GitHub Actions, the job's own workflow file (GITHUB_WORKFLOW_REF,
 * GITHUB_JOB, read from the checked-out GITHUB_WORKSPACE) is read for an
 * `anthropics/claude-code-action` step after the preflight's, and its `with:` and `env:` taken as
 * the agent's configuration. `${{ … }}` expressions are evaluated by the runner, not here: a value
 * holding one is reported and never guessed.
 */
import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, normalize } from 'node:path'
import type { AgentNote, AgentSetting } from './types.js'

/** A workflow file is a few kilobytes; this bounds what a pull request can make the run parse. */
const WORKFLOW_BYTES = 512 * 1024

/** Steps that run Claude Code (github.com/anthropics/claude-code-action, its base action). */
const AGENT_ACTION = /^anthropics\/claude-code(-base)?-action(@|$)/i

export interface AgentStepRead {
  /** The step as findings name it: `step claude (.github/workflows/ci.yml:30)`. */
  step?: string
  /** The step's `with:` values (expressions left out, reported). */
  inputs: Map<string, AgentSetting>
  /** `claude_env` and the step's `env:`: the agent's environment on top of the job's. */
  env: Map<string, AgentSetting>
  notes: AgentNote[]
}

type YamlModule = typeof import('yaml')
type Node = import('yaml').Node

const hasExpression = (value: string) => value.includes('${{')

/** The workflow file's path in the repository, from `owner/repo/.github/workflows/x.yml@ref`. */
export function workflowPath(ref: string | undefined, repository?: string): string | undefined {
  if (!ref) return undefined
  const at = ref.indexOf('@')
  const full = at < 0 ? ref : ref.slice(0, at)
  const rest =
    repository && full.startsWith(`${repository}/`)
      ? full.slice(repository.length + 1)
      : full.split('/').slice(2).join('/')
  const path = normalize(rest)
  return path && !isAbsolute(path) && !path.startsWith('..') ? path : undefined
}

/** Reads the agent step of this job; undefined outside GitHub Actions or with no agent step. */
export async function readAgentStep(
  env: Readonly<Record<string, string | undefined>>
): Promise<AgentStepRead | undefined> {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_WORKSPACE || !env.GITHUB_JOB) return undefined
  const file = workflowPath(env.GITHUB_WORKFLOW_REF, env.GITHUB_REPOSITORY)
  if (!file) return undefined
  const unread = (problem: string): AgentStepRead => ({
    inputs: new Map(),
    env: new Map(),
    notes: [{ kind: 'workflow-unread', file, problem }]
  })
  let text: string
  try {
    const path = join(env.GITHUB_WORKSPACE, file)
    if (statSync(path).size > WORKFLOW_BYTES)
      return unread(`is larger than ${WORKFLOW_BYTES / 1024} KB`)
    text = readFileSync(path, 'utf8')
  } catch {
    return unread(
      'is not in the workspace (no checkout before the preflight, or another repository)'
    )
  }
  const yaml: YamlModule = await import('yaml')
  const lines = new yaml.LineCounter()
  const doc = yaml.parseDocument(text, { lineCounter: lines, uniqueKeys: false })
  if (doc.errors.length > 0)
    return unread(`is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? ''})`)
  const lineOf = (node: unknown) => {
    const range = (node as Node | undefined)?.range
    return range ? lines.linePos(range[0]).line : undefined
  }
  const steps = doc.getIn(['jobs', env.GITHUB_JOB, 'steps'], true)
  if (!yaml.isSeq(steps))
    return unread(`has no steps for job ${env.GITHUB_JOB} (a reusable workflow's job?)`)
  const list = steps.items.map((item) => (yaml.isMap(item) ? item : undefined))
  const js = list.map((item) => (item?.toJSON() ?? {}) as Record<string, unknown>)
  const own = env.GITHUB_ACTION
  let self = js.findIndex((s) => own !== undefined && s.id === own)
  if (self < 0)
    self = js.findIndex((s) => typeof s.uses === 'string' && /bedrock-preflight/i.test(s.uses))
  const index = js.findIndex(
    (s, i) => i > self && typeof s.uses === 'string' && AGENT_ACTION.test(s.uses)
  )
  const node = list[index]
  if (index < 0 || !node) return undefined
  const stepJs = js[index] as Record<string, unknown>
  const name = String(stepJs.id ?? stepJs.name ?? stepJs.uses)
  const stepLine = lineOf(node)
  const step = `step ${name} (${file}${stepLine ? `:${stepLine}` : ''})`
  const read: AgentStepRead = { step, inputs: new Map(), env: new Map(), notes: [] }
  const take = (section: 'with' | 'env', target: Map<string, AgentSetting>) => {
    const map = node.get(section, true)
    if (!yaml.isMap(map)) return
    for (const pair of map.items) {
      const key = String(yaml.isScalar(pair.key) ? pair.key.value : pair.key)
      const value = yaml.isScalar(pair.value) ? String(pair.value.value ?? '') : undefined
      const line = lineOf(pair.value) ?? lineOf(pair.key)
      const location = line ? { file, line } : { file }
      const where = `${section}.${key} of ${step.replace(/ \(.*\)$/, '')} (${file}${line ? `:${line}` : ''})`
      if (value === undefined) continue
      if (hasExpression(value)) {
        read.notes.push({ kind: 'expression', where, what: key, location })
        continue
      }
      target.set(key, { value, source: where, location })
    }
  }
  take('with', read.inputs)
  take('env', read.env)
  const claudeEnv = read.inputs.get('claude_env')
  if (claudeEnv) {
    // claude_env (YAML `KEY: value` lines) is an input of claude-code-action before v1; v1.0.200's
    // action.yml (24dcd50, read 2026-12-07) has no such input, and `with:` keys it does not
    // declare reach nothing, so a v1 step's claude_env is read as written all the same.
    const parsed: unknown = (() => {
      try {
        return yaml.parse(claudeEnv.value)
      } catch {
        return undefined
      }
    })()
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (typeof value !== 'string' && typeof value !== 'number') continue
        read.env.set(key, {
          value: String(value),
          source: `${key} in claude_env of ${claudeEnv.source.replace(/^with\.claude_env of /, '')}`,
          ...(claudeEnv.location ? { location: claudeEnv.location } : {})
        })
      }
    }
  }
  return read
}
