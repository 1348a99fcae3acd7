import * as core from './core.js'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Report } from '../engine/types.js'
import type { FailOn } from '../config.js'
import { renderSummary } from '../render/summary.js'
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
  for (const a of annotationsFor(report)) {
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
  core.setOutput('report', writeReport(report))

  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummary(report), true).write()
  }
  const verdict = verdictLine(report)
  if (shouldFail(report, failOn)) core.setFailed(`bedrock-preflight: ${verdict}`)
  else core.info(`bedrock-preflight: ${verdict}`)
}
