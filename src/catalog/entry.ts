// The shape of a catalog entry, apart from the table (entries.ts) so the table can use it
// without a cycle; types.ts gives it the table's ids.
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

/**
 * One AWS (or SDK, or tool) error as users meet it: what `explain` matches, and what a check
 * reporting that error says about it. The table itself is written against `CatalogEntry<string>`
 * (its ids are what `CatalogId` is made of); everywhere else an entry's id is a `CatalogId`.
 */
export interface CatalogEntry<Id extends string = string> {
  readonly id: Id
  /** Short name for tables: "Expired security token". */
  readonly title: string
  /**
   * Error codes that identify it on their own, in any casing or wrapper (`ExpiredToken`,
   * `ExpiredTokenException`, `expired_token`): a code names the entry even when no pattern
   * matches; a pattern that matches too makes it surer. An entry without patterns is a class
   * entry: it names the kind of error, not its cause.
   */
  readonly codes?: readonly string[]
  /** Message patterns, tried against `code: message` after normalisation; any one matching is enough. */
  readonly patterns?: readonly RegExp[]
  /**
   * An older entry this one refines: when both match a text equally well, this one is tried
   * first (catalog order decides otherwise, so an entry kept in another file can still refine).
   */
  readonly before?: string
  /**
   * It blames an access key, its signature or its session (SigV4): for an error to a request that
   * carried a Bedrock API key (`Authorization: Bearer`) instead, this entry explains it.
   */
  readonly forBearer?: Id
  /** The heading of the troubleshooting page (of the agent this tool was first built for) this entry answers. */
  readonly seed?: string
  readonly cause: string
  /** Markdown; exact commands and values where the context gives them. */
  readonly fix: (ctx: FixContext) => string
  readonly doc: string
  /** `unverified`: the error means the preflight could not find out, not that the job is broken. */
  readonly verdict: CatalogVerdict
}
