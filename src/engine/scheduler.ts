import type { PreflightConfig } from '../config.js'
import type { AwsAccess } from '../aws/access.js'
import type { CheckDefinition, Subject } from './check.js'
import type { CheckOutcome, CheckStatus, Facts, Finding } from './types.js'
import { subjectCovers, subjectLabel, subjectsFor } from './subjects.js'
import { describeUnexpected } from './unexpected.js'

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

/** Expands definitions into tasks (one per subject) and wires each to the tasks it depends on. */
export function planTasks(checks: CheckDefinition[], config: PreflightConfig): Task[] {
  const byId = new Map(checks.map((c) => [c.id, c]))
  const tasks: Task[] = []
  for (const check of checks) {
    if (check.applies && !check.applies(config)) continue
    for (const subject of subjectsFor(check.scope, config)) {
      tasks.push({ check, subject, deps: [], done: Promise.resolve() })
    }
  }
  for (const task of tasks) {
    for (const depId of task.check.dependsOn) {
      if (!byId.has(depId))
        throw new Error(`check ${task.check.id} depends on unknown check ${depId}`)
      task.deps.push(
        ...tasks.filter((t) => t.check.id === depId && subjectCovers(t.subject, task.subject))
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

/**
 * Runs every task as soon as what it needs is known: independent tasks concurrently, speculative
 * ones alongside their dependencies. A task whose dependency did not pass is reported as skipped
 * with the reason; when the deadline passes, whatever has not finished is reported as unverified.
 */
export async function runTasks(
  tasks: Task[],
  config: PreflightConfig,
  aws: AwsAccess,
  deadline: AbortSignal
): Promise<void> {
  const started = new Set<Task>()

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
      outcome = { findings: [describeUnexpected(task.check.id, err)] }
    }
    if (alongside.size > 0) {
      const speculativeDeps = task.deps.filter((d) => alongside.has(d.check.id))
      await Promise.all(speculativeDeps.map((d) => d.done))
      const late = speculativeDeps.find((d) => !d.status || !PASSING.has(d.status))
      if (late) outcome = { findings: skippedBecause(task, late) }
    }
    settle(task, outcome)
  }

  for (const task of tasks) task.done = Promise.resolve().then(() => execute(task))
  // Tasks were created before `done` was assigned; dependents must wait on the real promises.
  const all = Promise.all(tasks.map((t) => t.done))
  // The gates' requests go out first; code only later checks need loads while they travel.
  aws.loadSdksAfter(Promise.all(tasks.filter((t) => t.check.gate).map((t) => t.done)), [
    ...new Set(tasks.flatMap((t) => t.check.sdks ?? []))
  ])

  await new Promise<void>((resolve) => {
    const onDeadline = () => {
      const seconds = config.timeoutSeconds
      for (const task of tasks) {
        if (!task.findings) settle(task, { findings: timedOut(task, seconds, started.has(task)) })
      }
      resolve()
    }
    if (deadline.aborted) return onDeadline()
    deadline.addEventListener('abort', onDeadline, { once: true })
    void all.then(() => {
      deadline.removeEventListener('abort', onDeadline)
      resolve()
    })
  })
}
