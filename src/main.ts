import { prepareRun, SettingsError } from './settings.js'
import { runPreflight } from './engine/run-preflight.js'
import { CHECKS } from './checks/registry.js'
import { actionInput, actionInputGiven, RunnerLog } from './action/runner-log.js'

/** The action: inputs → configuration → engine → summary, annotations and outputs. */
export async function run(): Promise<void> {
  const log = new RunnerLog()
  // @actions/core and the renderers are not needed for the first request: they load while it
  // travels (the engine's `whileWaiting`), or when first needed if that moment never comes.
  let corePromise: Promise<typeof import('./action/core.js')> | undefined
  const withCore = () =>
    (corePromise ??= import('./action/core.js').then((core) => {
      log.attach(core)
      return core
    }))
  try {
    const config = prepareRun({
      surface: 'github-actions',
      regions: actionInput('aws-region'),
      models: actionInput('model-id'),
      assumeRoleArns: actionInput('assume-role-arn'),
      oidcRoleArn: actionInput('oidc-role-arn'),
      envFilePath: actionInput('env-file'),
      invokeProbe: actionInput('invoke-probe'),
      endpoint: actionInput('endpoint'),
      mantleProject: actionInput('mantle-project'),
      roleSessionTags: actionInput('role-session-tags'),
      failOn: actionInput('fail-on'),
      // The runner always passes the input (action.yml's default, 30) unless it is set to ''.
      ...(actionInputGiven('timeout-seconds')
        ? { timeoutSeconds: actionInput('timeout-seconds') }
        : {}),
      minTokensPerMinute: actionInput('min-tokens-per-minute'),
      bedrockApiKey: actionInput('bedrock-api-key'),
      processEnv: { ...process.env },
      ...(process.env.GITHUB_WORKSPACE ? { workspace: process.env.GITHUB_WORKSPACE } : {}),
      getIdToken: async (audience) => (await withCore()).getIDToken(audience),
      log
    })
    const publishing = () => import('./action/publish.js')
    const report = await runPreflight(config, {
      checks: CHECKS,
      whileWaiting: () => void Promise.all([withCore(), publishing()]).catch(() => {})
    })
    await withCore()
    const { publishReport } = await publishing()
    await publishReport(report, config.failOn, log.redactor)
  } catch (err) {
    const loaded = await withCore()
    loaded.setOutput('result', 'fail')
    if (err instanceof SettingsError) {
      loaded.setFailed(log.clean(`Input ${err.input}: ${err.message}`))
      return
    }
    // Anything else is our bug: say so in one line, never a stack trace in the log.
    loaded.setFailed(
      log.clean(
        `bedrock-preflight stopped on an unexpected error: ${err instanceof Error ? err.message : String(err)}`
      )
    )
  }
}
