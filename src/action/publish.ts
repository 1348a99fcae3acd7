import * as core from './core.js'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Report } from '../engine/types.js'
import type { FailOn } from '../config.js'
import { renderSummary, type SummaryOptions } from '../render/summary.js'
import { annotationsFor } from '../render/annotations.js'
import { renderJson } from '../render/json.js'
import { verdictLine } from '../render/labels.js'
import { shouldFail } from '../engine/result.js'
import type { Redactor } from '../secrets/redactor.js'
import { plainData } from '../render/escape.js'

/** Writes the JSON report under RUNNER_TEMP and returns its path (the `report` output). */
function writeReport(report: Report, hide: (text: string) => string): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'bedrock-preflight')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `report-${Date.now()}-${process.pid}.json`)
  writeFileSync(path, hide(renderJson(report)), { mode: 0o600 })
  return path
}

export { shouldFail }

/**
 * Summary, annotations, outputs and the verdict: everything the runner shows of a report. The
 * report is cleaned once (control characters, then every secret the run has seen, in that order
 * so that no control character hides a secret), and each text is redacted again where it is
 * written, after rendering put it together.
 */
export async function publishReport(
  raw: Report,
  failOn: FailOn,
  redactor: Pick<Redactor, 'apply' | 'applyDeep'>
): Promise<void> {
  const report = redactor.applyDeep(plainData(raw))
  const hide = (text: string): string => redactor.apply(text)
  const verdict = verdictLine(report)
  const failing = shouldFail(report, failOn)
  // The verdict first: GitHub keeps the first 10 annotations of a level and drops the rest.
  if (failing) {
    core.setFailed(hide(`bedrock-preflight: ${verdict}. The job summary says what to fix.`))
  }
  for (const a of annotationsFor(report, { error: failing ? 1 : 0 })) {
    const props = {
      title: hide(a.title),
      ...(a.file ? { file: a.file } : {}),
      ...(a.line ? { startLine: a.line } : {})
    }
    if (a.level === 'error') core.error(hide(a.message), props)
    else core.warning(hide(a.message), props)
  }
  core.setOutput('result', report.result)
  core.setOutput('account-id', hide(report.identity?.accountId ?? ''))
  core.setOutput('caller-arn', hide(report.identity?.arn ?? ''))
  core.setOutput('region', hide(report.regions.join(',')))
  const reportPath = writeReport(report, hide)
  core.setOutput('report', reportPath)

  if (process.env.GITHUB_STEP_SUMMARY) {
    const summary = hide(renderSummary(report, summaryPlace(reportPath)))
    await core.summary.addRaw(summary, true).write()
  }
  if (!failing) core.info(hide(`bedrock-preflight: ${verdict}`))
}

/** Where the summary can send a reader for what it leaves out: the report file and the run page. */
function summaryPlace(reportPath: string): SummaryOptions {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env
  return {
    reportPath,
    ...(server && repo && run ? { runUrl: `${server}/${repo}/actions/runs/${run}` } : {})
  }
}
