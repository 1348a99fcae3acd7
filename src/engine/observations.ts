import type { Task } from './scheduler.js'
import type { ReportObservation } from './types.js'

/**
 * The facts model-resolve and quota published, per region × model, as the report's observations.
 * Read from the tasks' facts as the checks left them: nothing is read from AWS for them.
 */
export function observationsOf(tasks: readonly Task[]): ReportObservation[] {
  const byKey = new Map<string, ReportObservation>()
  for (const task of tasks) {
    const { region, model } = task.subject
    const facts = task.facts
    if (!region || !model || !facts) continue
    if (task.meta.id !== 'model-resolve' && task.meta.id !== 'quota') continue
    const key = `${region}\u0000${model}`
    const row = byKey.get(key) ?? { region, model }
    byKey.set(key, row)
    if (task.meta.id === 'model-resolve') {
      const destinations = facts.destinations as string[] | undefined
      const lifecycle = facts.lifecycle as ReportObservation['lifecycle']
      if (destinations && !facts.predicted) row.destinations = [...destinations].sort()
      if (lifecycle) row.lifecycle = lifecycle
    } else {
      const quotas = facts.quotas as ReportObservation['quotas']
      if (quotas && quotas.length > 0) row.quotas = quotas
    }
  }
  return [...byKey.values()].filter((o) => o.destinations || o.lifecycle || o.quotas)
}
