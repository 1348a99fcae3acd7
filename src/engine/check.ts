import type { PreflightConfig, Logger, Surface } from '../config.js'
import type { AwsAccess, OnDemandSdk } from '../aws/access.js'
import type { CatalogEntry, FixContext } from '../catalog/types.js'
import type { CatalogId } from '../catalog/entries.js'
import type { StatementId } from '../policy/preflight-policy.js'
import type { IamPolicy } from '../policy/document.js'
import type { CommandLine } from '../commands/shell.js'
import type {
  CheckStatus,
  Facts,
  FindingDetail,
  ObservedError,
  ReportIdentity,
  SourceLocation
} from './types.js'

/**
 * What a check runs for. A run-scoped check runs once; the others once per region, model,
 * region × model or role, so one summary section can speak of `eu-west-1 · us.anthropic…`.
 */
export type CheckScope = 'run' | 'region' | 'model' | 'region-model' | 'role' | 'oidc'

export interface Subject {
  /** Undefined for the one region subject of a run with no region configured. */
  region?: string
  model?: string
  role?: string
}

/**
 * Wording that may differ between a job and a laptop (re-run configure-aws-credentials there,
 * `aws sso login` here). A plain string is the same on both.
 */
export type Template = string | { readonly [S in Surface]: string }

/**
 * One state a check can report, in the style of ESLint's `meta.messages`: `{{name}}` placeholders
 * are filled from the data the check reports with.
 */
export interface MessageSpec {
  /**
   * How the state ends the check. `catalog`: as the catalog entry that explains the reported AWS
   * error decides (a denial is `unverified`, an expired token `fail`, …).
   */
  readonly status: CheckStatus | 'catalog'
  /** One line: what a person reads first. */
  readonly title: string
  /** Why. Absent only for `pass`, or where `catalog` (or the explained error) supplies it. */
  readonly cause?: Template
  /** What to do, in Markdown. Absent only for `pass`, or where the catalog supplies it. */
  readonly fix?: Template
  readonly doc?: string
  /**
   * The AWS error this state is, when it has a catalogued text of its own: cause, fix and doc
   * come from that entry unless given here, and the finding carries its id (what `explain` says
   * for the same text).
   */
  readonly catalog?: CatalogId
  /**
   * What a check skipped because of this state says, completing "Skipped: …": what the user must
   * fix first, in their words ("the Bedrock API key is malformed"). Without it the skip names the
   * check that did not pass.
   */
  readonly skips?: string
  /**
   * This state means no call for the subject can work (a profile the region cannot call): the
   * checks that use this check's facts for the same subject (`uses`) are then skipped under it
   * rather than reported as more failures of one cause.
   */
  readonly endsSubject?: boolean
}

export type Messages = { readonly [id: string]: MessageSpec }

/** One permission a check's AWS calls need, and the statement of the preflight's policy granting it. */
export interface Permission {
  /** `bedrock:GetFoundationModel`: the IAM action, exactly as a policy names it. */
  readonly action: string
  readonly statement: StatementId
  /** What the check learns with it, for the docs' permission table. */
  readonly why: string
}

export interface CheckMeta<M extends Messages = Messages> {
  /** Stable id: folder name, finding `checkId`, summary row. */
  readonly id: string
  /** How the summary names it: "Caller identity". */
  readonly title: string
  /** One line for the README's check table: what a pass proves. */
  readonly description: string
  readonly scope: CheckScope
  /** Checks that must end in `pass` or `warn` first; otherwise this one is `skipped` with the reason. */
  readonly dependsOn: readonly string[]
  /**
   * Dependencies (ids from `dependsOn`) this check does not wait for: it starts alongside them, so
   * independent AWS calls share one round trip, and its result is thrown away (→ `skipped`) when
   * one of them does not pass. Use `ctx.waitFor` for their facts.
   */
  readonly speculative?: readonly string[]
  /**
   * Checks whose facts this one may use (`ctx.waitFor`) when they pass, without depending on them:
   * it is neither held back nor skipped by them.
   */
  readonly uses?: readonly string[]
  /** SDK modules its calls need besides STS; its run starts once they have loaded. */
  readonly sdks?: readonly OnDemandSdk[]
  /** AWS permissions its calls need (the generated preflight policy is their union). */
  readonly permissions: readonly Permission[]
  /** When this check cannot verify, nothing after it can: the run fails rather than warns. */
  readonly gate?: boolean
  /** False when the configuration does not ask for this check (then it is not listed at all). */
  applies?(config: PreflightConfig): boolean
  /**
   * What the engine passes on from this check's facts: names the fixes of the checks after it may
   * use, when it passed (`identity`'s caller ARN), and the identity the report shows. The engine
   * names no check: a check says what it shares.
   */
  share?(facts: Facts): SharedFacts
  readonly messages: M
}

/** What a check's facts give beyond its dependents (see `CheckMeta.share`). */
export interface SharedFacts {
  fixContext?: Partial<FixContext>
  identity?: ReportIdentity
}

// ── Placeholders, typed: `ctx.report('id', data)` must supply every `{{name}}` of that message ──

type Holes<S> = S extends `${string}{{${infer K}}}${infer Rest}` ? K | Holes<Rest> : never
type TemplateHoles<T> = T extends string
  ? Holes<T>
  : T extends { readonly [S in Surface]: string }
    ? Holes<T[Surface]>
    : never
/** Distributes over a union of messages (an id chosen at run time needs the data of each). */
export type MessageHoles<S extends MessageSpec> = S extends MessageSpec
  ? Holes<S['title']> | TemplateHoles<S['cause']> | TemplateHoles<S['fix']>
  : never

/**
 * A placeholder's value: words, a policy the fix prints as JSON and the summary merges, or
 * commands the fix prints as an `sh` block, each word shell-quoted (src/commands/shell.ts).
 */
export type MessageValue = string | number | IamPolicy | Commands

/** Commands as a placeholder's value: a block of their own in the fix. */
export interface Commands {
  readonly commands: readonly CommandLine[]
}

/** Values for a message's placeholders. */
export type MessageData<S extends MessageSpec> = {
  readonly [K in MessageHoles<S>]: MessageValue
}

/** What a report adds to its message: what was seen, and where. */
export interface ReportExtra {
  observed?: string[]
  details?: FindingDetail[]
  location?: SourceLocation
  /** The AWS error behind this state; the catalog explains it where the message does not. */
  error?: ObservedError
  /**
   * The IAM action of a read this state is about. When `error` is a denial, the finding is
   * `unverified` ("could not verify, allow this permission") whatever the message says.
   */
  permission?: string
  /** What the catalog's fix for `error` may name, beyond the defaults of `ctx.fixContext()`. */
  fixContext?: Partial<FixContext>
}

type ReportArgs<S extends MessageSpec> = [MessageHoles<S>] extends [never]
  ? [data?: Record<string, never>, extra?: ReportExtra]
  : [data: MessageData<S>, extra?: ReportExtra]

/**
 * The facts each check hands its dependents, by check id. The engine knows no check: the checks'
 * own table (`FactsById` in src/checks/shared/check.ts) types `ctx.facts` and `ctx.waitFor`.
 */
export type FactsTable = { readonly [checkId: string]: Facts | void }

export interface CheckContext<M extends Messages = Messages, F extends FactsTable = FactsTable> {
  config: PreflightConfig
  subject: Subject
  aws: AwsAccess
  /** Aborted when the run's time-out is reached. */
  signal: AbortSignal
  log: Logger
  /** Reports one finding in one of this check's states. */
  report<K extends keyof M & string>(messageId: K, ...args: ReportArgs<M[K]>): void
  /** The catalog entry that explains an AWS error, if any (the catalog loads on first use). */
  explain(error: Pick<ObservedError, 'code' | 'message'>): Promise<CatalogEntry | undefined>
  /** What fixes may name: the profile, the region, the caller ARN learned by `identity`, … */
  fixContext(extra?: Partial<FixContext>): FixContext
  /** Facts published by a finished, passing dependency for this subject (or a run-scoped one). */
  facts<K extends keyof F & string>(checkId: K): F[K] | undefined
  /**
   * Waits for a dependency (one this check starts alongside, see `speculative`, or one it `uses`)
   * and returns its facts, or undefined when it did not pass.
   */
  waitFor<K extends keyof F & string>(checkId: K): Promise<F[K] | undefined>
}

/** A check's run: reports through `ctx.report`, returns the facts its dependents read. */
export type CheckRun<M extends Messages = Messages, F extends FactsTable = FactsTable> = (
  ctx: CheckContext<M, F>
) => Promise<Facts | void>

/**
 * A registry entry: the meta, loaded at start (the engine plans with it), and the run, loaded when
 * its task starts. Which runs share a file of dist/ is said in scripts/bundle.mjs, not here.
 */
export interface CheckEntry<M extends Messages = Messages> {
  readonly meta: CheckMeta<M>
  load(): Promise<CheckRun<M>>
  /**
   * A step before the engine plans (it plans every task up front): the configuration the run
   * checks, given what this check needs to know first. `model-id` chooses the model to check when
   * none is named. Called for each entry that has one, in registry order.
   */
  prepare?(config: PreflightConfig, ctx: PrepareContext): Promise<PreflightConfig>
}

/** What a pre-plan step may use: the run's AWS access and its deadline. */
export interface PrepareContext {
  aws: AwsAccess
  signal: AbortSignal
}

/** Declares a check's meta with its messages' literal types kept, so ids and placeholders are checked. */
export function defineMeta<const M extends Messages>(meta: CheckMeta<M>): CheckMeta<M> {
  return meta
}

/** A registry entry from a meta and the loader of its run module (`() => import('./run.js')`). */
export function defineCheck<M extends Messages>(
  meta: CheckMeta<M>,
  load: () => Promise<{ run: CheckRun<M> }>,
  steps: Pick<CheckEntry, 'prepare'> = {}
): CheckEntry {
  return { meta, load: async () => (await load()).run, ...steps } as unknown as CheckEntry
}

/** What the helpers shared between checks (AWS reads, file locations) may use of a check's context. */
export type ReadContext = Pick<CheckContext, 'config' | 'subject' | 'aws' | 'signal' | 'log'>
