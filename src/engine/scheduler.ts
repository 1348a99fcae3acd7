import type { PreflightConfig } from '../config.js'
import type { AwsAccess } from '../aws/access.js'
import type { CheckDefinition, Subject } from './check.js'
import type { CheckOutcome, CheckStatus, Facts, Finding } from './types.js'
import { subjectCovers, subjectLabel, subjectsFor } from './subjects.js'
import { describeUnexpected } from './unexpected.js'
import { nextTurn } from './next-turn.js'

/** One check for one subject: the unit the scheduler runs. */
export interface Task {
  check: CheckDefinition
  subject: Subject
  deps: Task[]
  findings?: Finding[]
  facts?: Facts
  /** The status that decides whether dependents may run (the worst of its findings). */
  status?: CheckStatus
  done: Promise<void>
}

const PASSING: ReadonlySet<CheckStatus> = new Set(['pass', 'warn'])
const SEVERITY: Record<CheckStatus, number> = {
  pass: 0,
  skipped: 1,
  warn: 2,
  unverified: 3,
  fail: 4
}

export function worstStatus(statuses: CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), 'pass')
}

/**
 * Expands definitions into tasks (one per subject) and wires each to the tasks it depends on,
 * among its own and those `planned` earlier (the checks loaded later depend on the first ones).
 * Returns the new tasks only.
 */
export function planTasks(
  checks: readonly CheckDefinition[],
  config: PreflightConfig,
  planned: readonly Task[] = []
): Task[] {
  const known = new Set([...planned.map((t) => t.check.id), ...checks.map((c) => c.id)])
  const tasks: Task[] = []
  for (const check of checks) {
    if (check.applies && !check.applies(config)) continue
    for (const subject of subjectsFor(check.scope, config)) {
      tasks.push({ check, subject, deps: [], done: Promise.resolve() })
    }
  }
  const candidates = [...planned, ...tasks]
  for (const task of tasks) {
    for (const depId of task.check.dependsOn) {
      if (!known.has(depId))
        throw new Error(`check ${task.check.id} depends on unknown check ${depId}`)
      task.deps.push(
        ...candidates.filter((t) => t.check.id === depId && subjectCovers(t.subject, task.subject))
      )
    }
  }
  return tasks
}

function skippedBecause(task: Task, blocker: Task): Finding[] {
  const what = subjectLabel(blocker.subject)
  return [
    {
      checkId: task.check.id,
      subject: subjectLabel(task.subject),
      status: 'skipped',
      title: `${task.check.title}: skipped because "${blocker.check.title}"${what ? ` (${what})` : ''} ended ${blocker.status}`,
      cause: `This check needs "${blocker.check.title}" to pass first; see that row for the cause and fix.`
    }
  ]
}

function timedOut(task: Task, seconds: number, started: boolean): Finding[] {
  return [
    {
      checkId: task.check.id,
      subject: subjectLabel(task.subject),
      status: 'unverified',
      title: `${task.check.title}: could not verify, ${started ? 'did not finish' : 'was not reached'} within timeout-seconds (${seconds} s)`,
      cause:
        'The run reached its time limit before this check had an answer from AWS: an endpoint that does not answer, a very slow network, or a time-out set too short.',
      fix: `Look at the first error reported by the other checks; if AWS is only slow here, raise \`timeout-seconds\` (now ${seconds}).`,
      catalogId: 'timeout'
    }
  ]
}

/** What runTasks runs: the first tasks, and how to plan the rest once the first request is out. */
export interface TaskPlan {
  first: Task[]
  /**
   * Plans the tasks of the checks that are loaded later (separate chunks of dist/), group by
   * group, given every task planned so far. The first group is loaded once the first request is on
   * the wire, or the gates have settled, or the deadline has passed; each next one once the
   * previous group has started and the SDKs it needs have loaded. Every task returned is run or
   * reported.
   */
  later?: ((planned: readonly Task[]) => Promise<Task[]>)[]
  /**
   * Called once the later checks have started and the SDKs they need have loaded: work the caller
   * wants done while AWS answers.
   */
  meanwhile?: () => void
}

/**
 * Runs every task as soon as what it needs is known: independent tasks concurrently, speculative
 * ones alongside their dependencies. A task whose dependency did not pass is reported as skipped
 * with the reason; when the deadline passes, whatever has not finished is reported as unverified.
 * Returns every task run, the first ones and those planned later, in that order.
 */
export async function runTasks(
  plan: TaskPlan,
  config: PreflightConfig,
  aws: AwsAccess,
  deadline: AbortSignal
): Promise<Task[]> {
  const started = new Set<Task>()
  const tasks: Task[] = [...plan.first]

  const contextFor = (task: Task, signal: AbortSignal) => ({
    config,
    subject: task.subject,
    aws,
    signal,
    log: config.log,
    facts: <T extends Facts = Facts>(checkId: string): T | undefined => {
      const dep = task.deps.find((d) => d.check.id === checkId && d.status && PASSING.has(d.status))
      return dep?.facts as T | undefined
    },
    waitFor: async <T extends Facts = Facts>(checkId: string): Promise<T | undefined> => {
      const dep = task.deps.find((d) => d.check.id === checkId)
      if (!dep) return undefined
      await dep.done
      return dep.status && PASSING.has(dep.status) ? (dep.facts as T | undefined) : undefined
    }
  })

  const settle = (task: Task, outcome: CheckOutcome) => {
    if (task.findings) return // already settled by the deadline
    const subject = subjectLabel(task.subject)
    task.findings = outcome.findings.map((f) => ({ ...f, subject: f.subject ?? subject }))
    task.facts = outcome.facts
    task.status = worstStatus(task.findings.map((f) => f.status))
  }

  const execute = async (task: Task): Promise<void> => {
    const alongside = new Set(task.check.speculative ?? [])
    const waitFirst = task.deps.filter((d) => !alongside.has(d.check.id))
    await Promise.all(waitFirst.map((d) => d.done))
    if (deadline.aborted) return
    const blocker = waitFirst.find((d) => !d.status || !PASSING.has(d.status))
    if (blocker) {
      settle(task, { findings: skippedBecause(task, blocker) })
      return
    }
    started.add(task)
    let outcome: CheckOutcome
    try {
      outcome = await task.check.run(contextFor(task, deadline))
    } catch (err) {
      // A check must turn every error into a finding; one that escapes is our bug, said plainly.
      outcome = { findings: [await describeUnexpected(task.check.id, err)] }
    }
    if (alongside.size > 0) {
      const speculativeDeps = task.deps.filter((d) => alongside.has(d.check.id))
      await Promise.all(speculativeDeps.map((d) => d.done))
      const late = speculativeDeps.find((d) => !d.status || !PASSING.has(d.status))
      if (late) outcome = { findings: skippedBecause(task, late) }
    }
    settle(task, outcome)
  }

  const start = (batch: Task[]) => {
    for (const task of batch) task.done = Promise.resolve().then(() => execute(task))
  }

  const deadlinePassed = new Promise<void>((resolve) => {
    if (deadline.aborted) resolve()
    else deadline.addEventListener('abort', () => resolve(), { once: true })
  })

  start(plan.first)
  // The gates' requests go out first; code that only later checks need loads while they travel.
  const gates = Promise.all(plan.first.filter((t) => t.check.gate).map((t) => t.done))
  const moment = Promise.race([aws.firstRequestOut(gates), deadlinePassed])
  const more = moment.then(async () => {
    const added: Task[] = []
    for (const planGroup of plan.later ?? []) {
      const batch = await planGroup(tasks)
      tasks.push(...batch)
      added.push(...batch)
      start(batch)
      // This group's requests go out before the next group's code competes for the main thread.
      // Past the deadline nothing will be sent: plan the group (to report it), load no SDK.
      if (!deadline.aborted)
        await aws.preloadSdks([...new Set(batch.flatMap((t) => t.check.sdks ?? []))])
      await nextTurn()
    }
    // The caller's own loading (renderers, @actions/core) comes last, so it never holds back a
    // check's request.
    plan.meanwhile?.()
    return added
  })
  const everything = (async () => {
    await Promise.all(plan.first.map((t) => t.done))
    const later = await more
    await Promise.all(later.map((t) => t.done))
  })()

  // When the deadline wins the race, a later failure of `everything` is reported through `more`
  // below; it must not also surface as an unhandled rejection.
  everything.catch(() => undefined)
  await Promise.race([everything, deadlinePassed])
  if (deadline.aborted) {
    // Checks loaded later are planned even now, so each is reported, never dropped.
    await more
    const seconds = config.timeoutSeconds
    for (const task of tasks) {
      if (!task.findings) settle(task, { findings: timedOut(task, seconds, started.has(task)) })
    }
  }
  return tasks
}
