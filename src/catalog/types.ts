import type { Surface } from '../config.js'

/** What a fix may name to be exact: the profile to log in with, the caller ARN to trust, … */
export interface FixContext {
  surface: Surface
  profile?: string
  region?: string
  callerArn?: string
  roleArn?: string
  modelId?: string
  /** How the credentials were obtained: `sso`, `env-static`, `web-identity`, … */
  credentialSource?: string
}

/** How an error of this kind ends the check that saw it. */
export type CatalogVerdict = 'fail' | 'unverified' | 'warn'

export interface CatalogEntry {
  id: string
  /** Short name for tables: "Expired security token". */
  title: string
  /** Error codes that identify it on their own (used only when `patterns` is absent). */
  codes?: string[]
  /** Message patterns, tried against `code: message` after normalisation; any one matching is enough. */
  patterns?: RegExp[]
  /** The heading of the InsightWorker troubleshooting page this entry answers. */
  seed?: string
  cause: string
  /** Markdown; exact commands and values where the context gives them. */
  fix: (ctx: FixContext) => string
  doc: string
  /** `unverified`: the error means the preflight could not find out, not that the job is broken. */
  verdict: CatalogVerdict
}
