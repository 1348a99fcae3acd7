import type { CheckContext, MessageData, Messages, ReportExtra } from '../../engine/check.js'

/**
 * One report as data: a state of the check (a message id of its meta) with the data its wording
 * needs. A check whose decision is long returns these from a pure table (what state, with what
 * data), and its run only reads AWS and reports them, as expo-doctor's checks return their issues.
 */
export type Verdict<M extends Messages> = {
  [K in keyof M & string]: { id: K; data: MessageData<M[K]>; extra?: ReportExtra }
}[keyof M & string]

/** Reports verdicts in order. */
export function reportAll<M extends Messages>(
  ctx: CheckContext<M>,
  verdicts: readonly Verdict<M>[]
): void {
  // ctx.report's arguments are checked per id; a verdict was checked when it was built.
  const report = ctx.report as (id: string, data: unknown, extra?: ReportExtra) => void
  for (const v of verdicts) report(v.id, v.data, v.extra)
}
