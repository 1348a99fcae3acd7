import * as core from '@actions/core'
import { buildConfig, SettingsError } from './settings.js'
import { runPreflight } from './engine/run-preflight.js'
import { publishReport } from './action/publish.js'

/** Variables whose values must never reach a log, masked before anything runs. */
const SECRET_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']

/** The action: inputs → configuration → engine → summary, annotations and outputs. */
export async function run(): Promise<void> {
  for (const name of SECRET_VARIABLES) {
    const value = process.env[name]
    if (value) core.setSecret(value)
  }
  try {
    const { config, fileValues } = buildConfig({
      surface: 'github-actions',
      regions: core.getInput('aws-region'),
      models: core.getInput('model-id'),
      assumeRoleArns: core.getInput('assume-role-arn'),
      oidcRoleArn: core.getInput('oidc-role-arn'),
      envFilePath: core.getInput('env-file'),
      invokeProbe: core.getInput('invoke-probe'),
      roleSessionTags: core.getInput('role-session-tags'),
      failOn: core.getInput('fail-on'),
      timeoutSeconds: core.getInput('timeout-seconds'),
      processEnv: { ...process.env },
      ...(process.env.GITHUB_WORKSPACE ? { workspace: process.env.GITHUB_WORKSPACE } : {}),
      getIdToken: (audience) => core.getIDToken(audience),
      log: { debug: (m) => core.debug(m), mask: (s) => core.setSecret(s) }
    })
    // The env file's values take part in credential resolution, as they would for InsightWorker.
    for (const [key, value] of Object.entries(fileValues)) {
      if (SECRET_VARIABLES.includes(key)) core.setSecret(value)
      process.env[key] = value
    }
    const report = await runPreflight(config)
    await publishReport(report, config.failOn)
  } catch (err) {
    if (err instanceof SettingsError) {
      core.setOutput('result', 'fail')
      core.setFailed(`Input ${err.input}: ${err.message}`)
      return
    }
    // Anything else is our bug: say so in one line, never a stack trace in the log.
    core.setOutput('result', 'fail')
    core.setFailed(
      `bedrock-preflight stopped on an unexpected error: ${err instanceof Error ? err.message : String(err)}`
    )
  }
}
