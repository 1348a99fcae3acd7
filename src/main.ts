import { prepareRun, SettingsError } from './settings.js'
import { runPreflight } from './engine/run-preflight.js'
import { CHECKS } from './checks/registry.js'
import { actionInput, actionInputGiven, RunnerLog } from './action/runner-log.js'
import { actionInputs } from './inputs.js'
import { readAgentStep } from './agent/workflow-step.js'

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
    // This job's claude-code-action step, from its workflow file: what the agent will call.
    const agentStep = await readAgentStep(process.env)
    const config = prepareRun({
      surface: 'github-actions',
      // Every input of action.yml, by the table both faces read (src/inputs.ts). The runner passes
      // each one with a default (timeout-seconds: 30) unless the workflow sets it to ''.
      ...actionInputs((name) => (actionInputGiven(name) ? actionInput(name) : undefined)),
      processEnv: { ...process.env },
      ...(process.env.GITHUB_WORKSPACE ? { workspace: process.env.GITHUB_WORKSPACE } : {}),
      ...(agentStep ? { agentStep } : {}),
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
