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

/** Writes the JSON report under RUNNER_TEMP and returns its path (the `report` output). */
function writeReport(report: Report): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'bedrock-preflight')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `report-${Date.now()}-${process.pid}.json`)
  writeFileSync(path, renderJson(report), { mode: 0o600 })
  return path
}

export { shouldFail }

/** Summary, annotations, outputs and the verdict: everything the runner shows of a report. */
export async function publishReport(report: Report, failOn: FailOn): Promise<void> {
  const verdict = verdictLine(report)
  const failing = shouldFail(report, failOn)
  // The verdict first: GitHub keeps the first 10 annotations of a level and drops the rest.
  if (failing) core.setFailed(`bedrock-preflight: ${verdict}. The job summary says what to fix.`)
  for (const a of annotationsFor(report, { error: failing ? 1 : 0 })) {
    const props = {
      title: a.title,
      ...(a.file ? { file: a.file } : {}),
      ...(a.line ? { startLine: a.line } : {})
    }
    if (a.level === 'error') core.error(a.message, props)
    else core.warning(a.message, props)
  }
  core.setOutput('result', report.result)
  core.setOutput('account-id', report.identity?.accountId ?? '')
  core.setOutput('caller-arn', report.identity?.arn ?? '')
  core.setOutput('region', report.regions.join(','))
  const reportPath = writeReport(report)
  core.setOutput('report', reportPath)

  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummary(report, summaryPlace(reportPath)), true).write()
  }
  if (!failing) core.info(`bedrock-preflight: ${verdict}`)
}

/** Where the summary can send a reader for what it leaves out: the report file and the run page. */
function summaryPlace(reportPath: string): SummaryOptions {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env
  return {
    reportPath,
    ...(server && repo && run ? { runUrl: `${server}/${repo}/actions/runs/${run}` } : {})
  }
}
