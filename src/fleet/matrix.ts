import type { Fleet } from './types.js'

/** What each matrix job reads: its role and inputs, and the target file it writes beside its report. */
export interface MatrixEntry {
  id: string
  role: string
  /** configure-aws-credentials' `aws-region` (the first region; STS is called there). */
  region: string
  /** Comma-joined, as the action's `aws-region` and `model-id` inputs take them. */
  regions: string
  models: string
  endpoint: string
  audience: string
  /** The merge's target.json, written beside the report (src/merge/load.ts). */
  target: { id: string; accountId: string; role: string; labels: Record<string, string> }
}

/** `matrix` goes to `strategy.matrix` as it is (no other key: each would be a dimension). */
export interface FleetMatrix {
  matrix: { include: MatrixEntry[] }
  'max-parallel': number
}

/** One job per role (target): the `strategy.matrix` the fleet workflow runs. */
export function fleetMatrix(fleet: Fleet): FleetMatrix {
  return {
    'max-parallel': fleet.maxParallel,
    matrix: {
      include: fleet.targets.map((t) => ({
        id: t.id,
        role: t.roleArn,
        region: t.regions[0] ?? '',
        regions: t.regions.join(','),
        models: t.models.join(','),
        endpoint: t.endpoint,
        audience: t.audience,
        target: {
          id: t.id,
          accountId: t.accountId,
          role: t.roleArn,
          labels: t.labels
        }
      }))
    }
  }
}
