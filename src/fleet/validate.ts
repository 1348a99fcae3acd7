import { parseArn } from '../parse/arn.js'
import { ENDPOINTS, type Endpoint } from '../parse/endpoint.js'
import { parseRegion } from '../parse/region.js'
import type { Fleet, FleetTarget } from './types.js'

/** A problem at a path of the document (the parser turns the path into a line). */
export interface FleetProblem {
  path: (string | number)[]
  problem: string
}

/**
 * GitHub runs at most 256 jobs from one matrix
 * (https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/run-job-variations,
 * read 2026-12-07): one job per target, so a fleet file holds at most 256 targets.
 */
export const MAX_TARGETS = 256
const DEFAULT_AUDIENCE = 'sts.amazonaws.com'
const DEFAULT_MAX_PARALLEL = 10
const TOP_KEYS = ['version', 'defaults', 'max-parallel', 'targets']
const DEFAULT_KEYS = ['regions', 'models', 'endpoint', 'audience', 'labels']
const TARGET_KEYS = ['id', 'role', ...DEFAULT_KEYS]
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const LABEL_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

class Problem extends Error {
  constructor(
    readonly path: (string | number)[],
    readonly problem: string
  ) {
    super(problem)
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function object(v: unknown, path: (string | number)[], what: string): Record<string, unknown> {
  if (!isObject(v)) throw new Problem(path, `${what} must be a mapping (key: value)`)
  return v
}

function onlyKeys(
  obj: Record<string, unknown>,
  keys: readonly string[],
  path: (string | number)[]
): void {
  for (const key of Object.keys(obj)) {
    if (!keys.includes(key)) {
      throw new Problem(
        [...path, key],
        `unknown key ${JSON.stringify(key)} (allowed: ${keys.join(', ')})`
      )
    }
  }
}

/** A list of strings, or one comma-separated string, as the action's inputs accept. */
function list(v: unknown, path: (string | number)[], what: string): string[] {
  const items = typeof v === 'string' ? v.split(',') : v
  if (!Array.isArray(items)) throw new Problem(path, `${what} must be a list`)
  const out = items.map((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new Problem(
        typeof v === 'string' ? path : [...path, i],
        `${what} must be non-empty strings`
      )
    }
    return item.trim()
  })
  if (out.length === 0) throw new Problem(path, `${what} must not be empty`)
  return out
}

function regions(v: unknown, path: (string | number)[]): string[] {
  const out = list(v, path, 'regions')
  out.forEach((r, i) => {
    const parsed = parseRegion(r)
    if (!parsed.ok) {
      const where = typeof v === 'string' ? path : [...path, i]
      throw new Problem(
        where,
        `${parsed.problem}${parsed.suggestion ? `; did you mean ${parsed.suggestion}?` : ''}`
      )
    }
  })
  return out
}

function text(v: unknown, path: (string | number)[], what: string): string {
  if (typeof v !== 'string' || v.trim() === '')
    throw new Problem(path, `${what} must be a non-empty string`)
  return v.trim()
}

function labels(v: unknown, path: (string | number)[]): Record<string, string> {
  const obj = object(v, path, 'labels')
  const out: Record<string, string> = {}
  for (const [k, value] of Object.entries(obj)) {
    if (!LABEL_SHAPE.test(k))
      throw new Problem([...path, k], `label ${JSON.stringify(k)} must be letters, digits, . _ -`)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Problem([...path, k], `label ${JSON.stringify(k)} must be a string`)
    }
    out[k] = String(value)
  }
  return out
}

function endpoint(v: unknown, path: (string | number)[]): Endpoint {
  if (typeof v !== 'string' || !(ENDPOINTS as readonly string[]).includes(v)) {
    throw new Problem(path, `endpoint must be one of ${ENDPOINTS.join(', ')}`)
  }
  return v as Endpoint
}

function target(raw: unknown, i: number, defaults: Record<string, unknown>): FleetTarget {
  const path = ['targets', i]
  const t = object(raw, path, 'a target')
  onlyKeys(t, TARGET_KEYS, path)
  if (t.role === undefined) throw new Problem(path, 'the target has no role (its IAM role ARN)')
  const roleArn = text(t.role, [...path, 'role'], 'role')
  const arn = parseArn(roleArn)
  if (
    !arn ||
    arn.service !== 'iam' ||
    !arn.resource.startsWith('role/') ||
    !/^\d{12}$/.test(arn.account)
  ) {
    throw new Problem(
      [...path, 'role'],
      `"${roleArn.slice(0, 100)}" is not an IAM role ARN (arn:aws:iam::111122223333:role/name)`
    )
  }
  const pick = (key: string) =>
    t[key] !== undefined
      ? { v: t[key], p: [...path, key] }
      : { v: defaults[key], p: ['defaults', key] }
  const r = pick('regions')
  const m = pick('models')
  if (r.v === undefined)
    throw new Problem(path, 'the target has no regions (and defaults has none)')
  if (m.v === undefined) throw new Problem(path, 'the target has no models (and defaults has none)')
  const e = pick('endpoint')
  const a = pick('audience')
  const roleName = arn.resource.split('/').pop() ?? ''
  const id =
    t.id === undefined
      ? `${arn.account}-${roleName}`.slice(0, 64)
      : text(t.id, [...path, 'id'], 'id')
  if (!ID_SHAPE.test(id)) {
    throw new Problem(
      [...path, t.id === undefined ? 'role' : 'id'],
      `target id "${id.slice(0, 80)}" must be 1-64 letters, digits, . _ - (it names the job's artifact)`
    )
  }
  return {
    id,
    roleArn,
    accountId: arn.account,
    regions: regions(r.v, r.p),
    models: list(m.v, m.p, 'models'),
    endpoint: e.v === undefined ? 'runtime' : endpoint(e.v, e.p),
    audience: a.v === undefined ? DEFAULT_AUDIENCE : text(a.v, a.p, 'audience'),
    labels: {
      ...(defaults.labels !== undefined ? labels(defaults.labels, ['defaults', 'labels']) : {}),
      ...(t.labels !== undefined ? labels(t.labels, [...path, 'labels']) : {})
    }
  }
}

/** The fleet the parsed document describes, or the first problem in it with its path. */
export function validateFleet(doc: unknown): { fleet: Fleet } | FleetProblem {
  try {
    const top = object(doc, [], 'the fleet file')
    onlyKeys(top, TOP_KEYS, [])
    if (top.version !== undefined && top.version !== 1)
      throw new Problem(['version'], 'version must be 1')
    const defaults =
      top.defaults === undefined ? {} : object(top.defaults, ['defaults'], 'defaults')
    onlyKeys(defaults, DEFAULT_KEYS, ['defaults'])
    const mp = top['max-parallel']
    if (
      mp !== undefined &&
      (!Number.isInteger(mp) || (mp as number) < 1 || (mp as number) > MAX_TARGETS)
    ) {
      throw new Problem(
        ['max-parallel'],
        `max-parallel must be a whole number from 1 to ${MAX_TARGETS}`
      )
    }
    if (!Array.isArray(top.targets) || top.targets.length === 0) {
      throw new Problem(
        top.targets === undefined ? [] : ['targets'],
        'the fleet file needs a non-empty list of targets'
      )
    }
    if (top.targets.length > MAX_TARGETS) {
      throw new Problem(
        ['targets'],
        `${top.targets.length} targets: a matrix runs at most ${MAX_TARGETS} jobs; split the fleet into several files and callers`
      )
    }
    const targets = top.targets.map((t, i) => target(t, i, defaults))
    const seen = new Map<string, number>()
    targets.forEach((t, i) => {
      const first = seen.get(t.id)
      if (first !== undefined) {
        throw new Problem(
          ['targets', i],
          `target id "${t.id}" is used by target ${first + 1} too; give each an id`
        )
      }
      seen.set(t.id, i)
    })
    return { fleet: { targets, maxParallel: (mp as number | undefined) ?? DEFAULT_MAX_PARALLEL } }
  } catch (err) {
    if (err instanceof Problem) return { path: err.path, problem: err.problem }
    throw err
  }
}
