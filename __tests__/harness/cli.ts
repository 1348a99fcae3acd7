import { runAction, type ActionRun } from './run-action.js'

export interface CliRunOptions {
  env?: Record<string, string | undefined>
  files?: Record<string, string>
  stdin?: string
  /** Keep runAction's GITHUB_STEP_SUMMARY file (read back as `summary`), as in a workflow step. */
  stepSummary?: boolean
}

/**
 * The bundled CLI (dist/cli.js) as a laptop runs it: no GitHub variables (but the step summary
 * when asked for), a HOME of its own, the fake AWS's endpoints.
 */
export function runCli(
  endpoints: Record<string, string>,
  args: string[],
  options: CliRunOptions = {}
): Promise<ActionRun> {
  return runAction({
    script: 'cli.js',
    args,
    endpoints,
    env: {
      GITHUB_ACTIONS: undefined,
      GITHUB_OUTPUT: undefined,
      ...(options.stepSummary ? {} : { GITHUB_STEP_SUMMARY: undefined }),
      GITHUB_WORKSPACE: undefined,
      ...options.env
    },
    ...(options.files ? { files: options.files } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {})
  })
}
