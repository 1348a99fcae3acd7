import type { Report } from '../engine/types.js'
import type { FailOn } from '../config.js'
import type { Redactor } from '../secrets/redactor.js'
import { renderSummary, type SummaryOptions } from '../render/summary.js'
import { annotationsFor, type Annotation } from '../render/annotations.js'
import { renderJson } from '../render/json.js'
import { verdictLine } from '../render/labels.js'
import { plainData } from '../render/escape.js'
import { shouldFail } from '../engine/result.js'

/** Every text the action writes of a report, ready to write: nothing else reaches the runner. */
export interface Publication {
  /** The `setFailed` line, when the run fails the step. */
  failed?: string
  /** The closing log line, when it does not. */
  info?: string
  annotations: Annotation[]
  /** Step outputs but `report` (the file's path, known to the writer). */
  outputs: Record<'result' | 'account-id' | 'caller-arn' | 'region', string>
  /** The JSON report file's content. */
  reportJson: string
  summary: string
}

/**
 * What the action writes of a report. The report is cleaned once (control characters, then every
 * secret the run has seen, in that order so that no control character hides a secret), and each
 * text is redacted again once rendering has put it together.
 */
export function publicationOf(
  raw: Report,
  failOn: FailOn,
  redactor: Pick<Redactor, 'apply' | 'applyDeep'>,
  place: SummaryOptions
): Publication {
  const report = redactor.applyDeep(plainData(raw))
  const hide = (text: string): string => redactor.apply(text)
  const verdict = verdictLine(report)
  const failing = shouldFail(report, failOn)
  return {
    ...(failing
      ? { failed: hide(`bedrock-preflight: ${verdict}. The job summary says what to fix.`) }
      : { info: hide(`bedrock-preflight: ${verdict}`) }),
    // The verdict takes one error annotation's place: GitHub keeps the first 10 of a level.
    annotations: annotationsFor(report, { error: failing ? 1 : 0 }).map((a) =>
      redactor.applyDeep(a)
    ),
    outputs: {
      result: report.result,
      'account-id': hide(report.identity?.accountId ?? ''),
      'caller-arn': hide(report.identity?.arn ?? ''),
      region: hide(report.regions.join(','))
    },
    reportJson: hide(renderJson(report)),
    summary: hide(renderSummary(report, place))
  }
}
