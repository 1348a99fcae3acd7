import * as core from './core.js'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Report } from '../engine/types.js'
import type { FailOn } from '../config.js'
import type { Redactor } from '../secrets/redactor.js'
import type { SummaryOptions } from '../render/summary.js'
import { shouldFail } from '../engine/result.js'
import { publicationOf } from './publication.js'

/** Where the JSON report goes: under RUNNER_TEMP (the `report` output). */
function reportFilePath(): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'bedrock-preflight')
  return join(dir, `report-${Date.now()}-${process.pid}.json`)
}

export { shouldFail }

/**
 * Summary, annotations, outputs and the verdict: everything the runner shows of a report, each
 * written here from what publicationOf made of it (cleaned and redacted).
 */
export async function publishReport(
  report: Report,
  failOn: FailOn,
  redactor: Pick<Redactor, 'apply' | 'applyDeep'>
): Promise<void> {
  const reportPath = reportFilePath()
  const out = publicationOf(report, failOn, redactor, summaryPlace(reportPath))
  // The verdict first: GitHub keeps the first 10 annotations of a level and drops the rest.
  if (out.failed) core.setFailed(out.failed)
  for (const a of out.annotations) {
    const props = {
      title: a.title,
      ...(a.file ? { file: a.file } : {}),
      ...(a.line ? { startLine: a.line } : {})
    }
    if (a.level === 'error') core.error(a.message, props)
    else core.warning(a.message, props)
  }
  // Each output named here, as action.yml declares it (the metadata test reads these calls).
  core.setOutput('result', out.outputs.result)
  core.setOutput('account-id', out.outputs['account-id'])
  core.setOutput('caller-arn', out.outputs['caller-arn'])
  core.setOutput('region', out.outputs.region)
  mkdirSync(dirname(reportPath), { recursive: true })
  writeFileSync(reportPath, out.reportJson, { mode: 0o600 })
  core.setOutput('report', reportPath)

  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(out.summary, true).write()
  }
  if (out.info) core.info(out.info)
}

/** Where the summary can send a reader for what it leaves out: the report file and the run page. */
function summaryPlace(reportPath: string): SummaryOptions {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env
  return {
    reportPath,
    ...(server && repo && run ? { runUrl: `${server}/${repo}/actions/runs/${run}` } : {})
  }
}
