import type { PreflightConfig } from '../config.js'
import type { AwsAccess } from '../aws/access.js'
import type { FixContext } from '../catalog/types.js'
import type {
  CheckContext,
  CheckEntry,
  CheckMeta,
  MessageValue,
  ReportExtra,
  Subject
} from './check.js'
import { SEVERITY, type CheckStatus, type Facts, type Finding } from './types.js'
import { scopeOf, subjectLabel, subjectsFor } from './subjects.js'
import { findingsFrom, type Reported } from './messages.js'
import { describeUnexpected } from './unexpected.js'
import { loadCatalog } from './catalog-loader.js'

/** One check for one subject: the unit the scheduler runs. */
export interface Task {
  entry: CheckEntry
  meta: CheckMeta
  subject: Subject
  /** The tasks it depends on (`dependsOn`), for the same subject or a wider one. */
  deps: Task[]
  /** The tasks whose facts it may use without depending on them (`uses`). */
  used: Task[]
  findings?: Finding[]
  facts?: Facts
  /** The status that decides whether dependents may run (the worst of its findings). */
  status?: CheckStatus
  /** Whether its run was started (a task never started is "not reached" at the deadline). */
  started: boolean
  /** When skipped: the cause it was skipped for, which a task skipped behind it inherits. */
  skippedFor?: RootCause
  done: Promise<void>
}

const PASSING: ReadonlySet<CheckStatus> = new Set(['pass', 'warn'])

export function worstStatus(statuses: CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), 'pass')
}

/**
 * Whether a task's dependents may run: it passed or warned, or it could not verify part of what it
 * checks yet published the facts they need (model-resolve knows the route but not the lifecycle):
 * partial knowledge is used, never dropped. A failure or a skip blocks them.
 */
export const passed = (task: Pick<Task, 'status' | 'facts'>): boolean =>
  task.status !== undefined &&
  (PASSING.has(task.status) || (task.status === 'unverified' && task.facts !== undefined))

/**
 * Plans the run once: one task per check and subject, each wired to the tasks it depends on and
 * the tasks whose facts it uses. A dependency on a check that is not in the registry is our bug.
 */
export function planTasks(entries: readonly CheckEntry[], config: PreflightConfig): Task[] {
  const known = new Set(entries.map((e) => e.meta.id))
  const tasks: Task[] = []
  for (const entry of entries) {
    const meta = entry.meta
    if (meta.applies && !meta.applies(config)) continue
    for (const subject of subjectsFor(meta.scope, config)) {
      tasks.push({
        entry,
        meta,
        subject,
        deps: [],
        used: [],
        started: false,
        done: Promise.resolve()
      })
    }
  }
  const relevant = coveringTasks(tasks)
  for (const task of tasks) {
    // A check it depends on must be in the run; one whose facts it only uses may be left out.
    for (const id of task.meta.dependsOn) {
      if (!known.has(id)) throw new Error(`check ${task.meta.id} depends on unknown check ${id}`)
    }
    task.deps = task.meta.dependsOn.flatMap((id) => relevant(task, id))
    task.used = (task.meta.uses ?? []).flatMap((id) => relevant(task, id))
  }
  return tasks
}

const SUBJECT_KEYS: readonly (keyof Subject)[] = ['region', 'model', 'role']

interface Planned {
  task: Task
  order: number
}

/**
 * The tasks of a check that cover a subject (`subjectCovers`), in plan order, found through an
 * index instead of a scan of every task for every task (quadratic in regions × models). A task
 * covers a subject when they agree on the keys both have, so the tasks of one check and one
 * shape (the keys their subjects have, fixed by the check's scope) are indexed by the values of
 * the keys shared with the subject asking.
 */
function coveringTasks(tasks: readonly Task[]): (task: Task, id: string) => Task[] {
  const keysOf = (subject: Subject) => SUBJECT_KEYS.filter((k) => k in subject)
  const valueOf = (subject: Subject, keys: readonly (keyof Subject)[]) =>
    JSON.stringify(keys.map((k) => subject[k] ?? null))
  // check id → shape → its tasks in plan order
  const byCheck = new Map<string, Map<string, Planned[]>>()
  tasks.forEach((task, order) => {
    let shapes = byCheck.get(task.meta.id)
    if (!shapes) byCheck.set(task.meta.id, (shapes = new Map()))
    const shape = keysOf(task.subject).join()
    let planned = shapes.get(shape)
    if (!planned) shapes.set(shape, (planned = []))
    planned.push({ task, order })
  })
  const indexes = new Map<string, Map<string, Planned[]>>()
  return (task, id) => {
    const wanted = keysOf(task.subject)
    const found: Planned[] = []
    const shapes = byCheck.get(id) ?? new Map<string, Planned[]>()
    for (const [shape, planned] of shapes) {
      const shared = SUBJECT_KEYS.filter((k) => shape.split(',').includes(k) && wanted.includes(k))
      const name = `${id}|${shape}|${shared.join()}`
      let index = indexes.get(name)
      if (!index) {
        index = new Map()
        for (const p of planned) {
          const key = valueOf(p.task.subject, shared)
          const bucket = index.get(key) ?? []
          if (bucket.length === 0) index.set(key, bucket)
          bucket.push(p)
        }
        indexes.set(name, index)
      }
      found.push(...(index.get(valueOf(task.subject, shared)) ?? []))
    }
    if (shapes.size > 1) found.sort((a, b) => a.order - b.order)
    return found.map((p) => p.task)
  }
}

/** The finding a skip points at, and what it says the user must fix first. */
export interface RootCause {
  ref: NonNullable<Finding['explainedBy']>
  /** Completes "Skipped: …" in the user's words. */
  reason: string
  /** How the cause's finding is named in "see …". */
  seeAlso: string
}

const STATUS_WORDS: Partial<Record<CheckStatus, string>> = {
  fail: 'it failed',
  unverified: 'it could not be verified',
  warn: 'it warned',
  skipped: 'it was skipped'
}

/**
 * The cause behind a blocker that did not pass: its own worst finding, or, when it was itself
 * skipped, the cause it was skipped for, so a skip never points at another skip.
 */
export function rootCauseOf(
  blocker: Pick<Task, 'meta' | 'findings' | 'status' | 'skippedFor'>
): RootCause {
  if (blocker.skippedFor) return blocker.skippedFor
  const findings = blocker.findings ?? []
  const worst =
    findings.find((f) => endsSubject(blocker, f)) ??
    findings.find((f) => f.status === blocker.status) ??
    findings[0]
  const ref = {
    checkId: blocker.meta.id,
    ...(worst?.subject ? { subject: worst.subject } : {})
  }
  const spec = worst?.messageId ? blocker.meta.messages[worst.messageId] : undefined
  const status = worst?.status ?? blocker.status ?? 'fail'
  const reason =
    spec?.skips ??
    `needs "${blocker.meta.title}" to pass first, and ${STATUS_WORDS[status] ?? `it ended ${status}`}`
  const seeAlso = `the ${ref.checkId} finding${ref.subject ? ` for ${ref.subject}` : ''}`
  return { ref, reason, seeAlso }
}

/** Whether a finding is in a state that means no call for its subject can work (`endsSubject`). */
function endsSubject(task: Pick<Task, 'meta'>, finding: Finding): boolean {
  const spec = finding.messageId ? task.meta.messages[finding.messageId] : undefined
  return finding.status !== 'pass' && spec?.endsSubject === true
}

/**
 * A task not run because a task it needs did not pass: said in the user's words (what to fix
 * first), pointing at the finding that holds the cause and its fix (`explainedBy`).
 */
function skippedBecause(task: Task, blocker: Task): Finding {
  const root = rootCauseOf(blocker)
  task.skippedFor = root
  const subject = subjectLabel(task.subject)
  // The cause's own subject goes without saying when this one is within it (its region, its pair).
  const of = root.ref.subject
  const within = of === undefined || subject === of || (subject ?? '').startsWith(`${of} · `)
  const see = within ? `the ${root.ref.checkId} finding` : root.seeAlso
  return {
    checkId: task.meta.id,
    ...(subject ? { subject } : {}),
    status: 'skipped',
    title: `Skipped: ${root.reason} (see ${see})`,
    cause: `Not checked until ${root.seeAlso} is fixed: its cause and fix are there. Run again after fixing it.`,
    explainedBy: root.ref
  }
}

function timedOut(task: Task, seconds: number): Finding {
  const subject = subjectLabel(task.subject)
  return {
    checkId: task.meta.id,
    ...(subject ? { subject } : {}),
    status: 'unverified',
    title: `${task.meta.title}: could not verify, ${task.started ? 'did not finish' : 'was not reached'} within timeout-seconds (${seconds} s)`,
    cause:
      'The run reached its time limit before this check had an answer from AWS: an endpoint that does not answer, a very slow network, or a time-out set too short.',
    fix: `Look at the first error reported by the other checks; if AWS is only slow here, raise \`timeout-seconds\` (now ${seconds}).`,
    catalogId: 'timeout'
  }
}

/**
 * What fixes may name, from the configuration, the subject and what the checks a task depends on
 * or uses share of their facts (`CheckMeta.share`).
 */
function fixContextFor(
  config: PreflightConfig,
  subject: Subject,
  among: readonly Task[]
): FixContext {
  const base: FixContext = {
    surface: config.surface,
    profile: config.profile ?? config.env.AWS_PROFILE,
    region: subject.region,
    modelId: subject.model,
    roleArn: subject.role,
    callerArn: undefined,
    credentialSource: undefined
  }
  for (const task of among) {
    if (task.facts && passed(task)) Object.assign(base, task.meta.share?.(task.facts).fixContext)
  }
  return base
}

/**
 * Runs every planned task as soon as what it needs is known: independent tasks concurrently,
 * speculative ones alongside their dependencies. A task starts when its (non-speculative)
 * dependencies have passed and the SDK modules it declares have loaded (AwsAccess loads those
 * once the first request is on the wire); its run's code loads then. A task whose dependency did
 * not pass is reported as skipped with the reason; when the deadline passes, whatever has not
 * finished is reported as unverified. Every task ends with at least one finding.
 */
export async function runTasks(
  tasks: readonly Task[],
  config: PreflightConfig,
  aws: AwsAccess,
  deadline: AbortSignal,
  whileWaiting?: () => void
): Promise<void> {
  const settle = (task: Task, findings: Finding[], facts?: Facts) => {
    if (task.findings) return // already settled by the deadline
    const scope = scopeOf(task.subject)
    task.findings = scope ? findings.map((f) => ({ ...f, scope })) : findings
    if (facts) task.facts = facts
    task.status = worstStatus(findings.map((f) => f.status))
  }

  const contextFor = (task: Task, reports: Reported[]): CheckContext => {
    const among = [...task.deps, ...task.used]
    const factsOf = (id: string): Facts | undefined => {
      const dep = among.find((d) => d.meta.id === id && passed(d))
      return dep?.facts
    }
    const fixContext = (extra: Partial<FixContext> = {}): FixContext => ({
      ...fixContextFor(config, task.subject, among),
      ...extra
    })
    return {
      config,
      subject: task.subject,
      aws,
      signal: deadline,
      log: config.log,
      report: (messageId: string, data?: Record<string, MessageValue>, extra?: ReportExtra) => {
        reports.push({
          messageId,
          data: data ?? {},
          extra: extra ?? {},
          fixContext: fixContext(extra?.fixContext)
        })
      },
      explain: async (error) => (await loadCatalog()).matchError(error),
      fixContext,
      facts: factsOf,
      waitFor: async (id: string): Promise<Facts | undefined> => {
        const dep = among.find((d) => d.meta.id === id)
        if (!dep) return undefined
        await dep.done
        return passed(dep) ? dep.facts : undefined
      }
    } as CheckContext
  }

  // Run modules load one at a time. In dist/ a load is a synchronous require() of a chunk, so the
  // queue costs nothing; under an ES module loader, concurrent import()s of modules that share
  // dependencies can race (Jest's vm-modules loader then fails with "… is not in cache").
  let loading: Promise<unknown> = Promise.resolve()
  const load = (task: Task) => {
    const next = loading.then(() => task.entry.load())
    loading = next.catch(() => undefined)
    return next
  }

  const execute = async (task: Task): Promise<void> => {
    const alongside = new Set(task.meta.speculative ?? [])
    const waitFirst = task.deps.filter((d) => !alongside.has(d.meta.id))
    await Promise.all(waitFirst.map((d) => d.done))
    if (deadline.aborted) return
    const blocker = waitFirst.find((d) => !passed(d))
    if (blocker) return settle(task, [skippedBecause(task, blocker)])
    await aws.sdksLoaded(task.meta.sdks ?? [])
    if (deadline.aborted) return
    task.started = true
    const reports: Reported[] = []
    const label = subjectLabel(task.subject)
    let findings: Finding[]
    let facts: Facts | undefined
    try {
      const run = await load(task)
      facts = (await run(contextFor(task, reports))) ?? undefined
      findings = await findingsFrom(task.meta, reports, config.surface, label)
    } catch (err) {
      // A check must turn every error into a finding; one that escapes is our bug, said plainly.
      findings = [describeUnexpected(task.meta.id, label, err)]
    }
    const speculativeDeps = task.deps.filter((d) => alongside.has(d.meta.id))
    if (speculativeDeps.length > 0) {
      await Promise.all(speculativeDeps.map((d) => d.done))
      const late = speculativeDeps.find((d) => !passed(d))
      if (late) return settle(task, [skippedBecause(task, late)])
    }
    // A check whose facts this one uses found that nothing can be called for the subject (a
    // region the profile does not serve): what this one found is that cause again, not another.
    await Promise.all(task.used.map((d) => d.done))
    const ender = task.used.find((d) => d.findings?.some((f) => endsSubject(d, f)))
    if (ender) return settle(task, [skippedBecause(task, ender)])
    if (findings.length === 0) {
      // Silence would read as nothing wrong: a check that reports nothing is our bug, said so.
      findings = [
        describeUnexpected(task.meta.id, label, new Error('the check reported no finding'))
      ]
    }
    settle(task, findings, facts)
  }

  for (const task of tasks) task.done = Promise.resolve().then(() => execute(task))
  // The SDKs every planned task will need load once the first request is on the wire (or the
  // gates settle without one), so they are ready by the time the tasks ask for them.
  const gates = Promise.all(tasks.filter((t) => t.meta.gate).map((t) => t.done))
  const runOver = new AbortController()
  const loaded = aws.planLoads(
    tasks.flatMap((t) => t.meta.sdks ?? []),
    gates,
    runOver.signal
  )
  // The caller's own loading (renderers, @actions/core) comes last, so it never holds back a
  // check's request.
  if (whileWaiting) void loaded.then(whileWaiting)

  const deadlinePassed = new Promise<void>((resolve) => {
    if (deadline.aborted) resolve()
    else deadline.addEventListener('abort', () => resolve(), { once: true })
  })
  const everything = Promise.all(tasks.map((t) => t.done))
  // When the deadline wins the race, a later failure of `everything` must not surface as an
  // unhandled rejection.
  everything.catch(() => undefined)
  await Promise.race([everything, deadlinePassed])
  if (deadline.aborted) {
    for (const task of tasks) {
      if (!task.findings) settle(task, [timedOut(task, config.timeoutSeconds)])
    }
  }
  // No SDK loads once every task has settled (they would only be for checks that were skipped);
  // the one loading now finishes first, so nothing loads after the run has returned.
  runOver.abort()
  await loaded
}
