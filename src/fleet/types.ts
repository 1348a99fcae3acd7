import type { Endpoint } from '../parse/endpoint.js'

/** One role of the fleet: its account and role, where and what it must be able to call. */
export interface FleetTarget {
  /** Stable name (the merged report keys rows by it): given, else `<account>-<role name>`. */
  id: string
  roleArn: string
  accountId: string
  regions: string[]
  models: string[]
  endpoint: Endpoint
  /** The OIDC audience configure-aws-credentials asks GitHub's token for. */
  audience: string
  labels: Record<string, string>
}

export interface Fleet {
  targets: FleetTarget[]
  /** Matrix jobs at once (`strategy.max-parallel`). */
  maxParallel: number
}

/** A fleet file that cannot be used, with the line of the problem. */
export class FleetFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`)
    this.name = 'FleetFileError'
  }
}
