import type { Logger } from '../config.js'
import { Redactor } from '../secrets/redactor.js'
import { stripControls } from '../render/escape.js'

/** What RunnerLog needs of @actions/core. */
export interface RunnerCommands {
  debug(message: string): void
  setSecret(secret: string): void
}

/**
 * The action's logger. @actions/core (with @actions/http-client behind it) is loaded only once the
 * first request is on the wire; until then masks and debug lines wait here, and nothing is printed.
 * When core arrives every mask is registered first, then the lines are printed in order, so no
 * line ever reaches the log before a secret it might contain is masked.
 */
export class RunnerLog implements Logger {
  private core?: RunnerCommands
  private readonly masks: string[] = []
  private readonly lines: string[] = []
  /**
   * Every secret masked, for what the runner does not mask: the summary and report files, and
   * the forms the runner was not told of (a key's parts, a token URL-encoded).
   */
  readonly redactor = new Redactor()

  // Arrow properties: the engine passes `log.debug` and `log.mask` around on their own.
  readonly debug = (message: string): void => {
    const line = this.redactor.apply(stripControls(message))
    if (this.core) this.core.debug(line)
    else this.lines.push(line)
  }

  readonly mask = (secret: string): void => {
    // The runner masks any length; the redactor's forms add what the runner was not told of.
    for (const form of new Set([secret, ...this.redactor.add(secret)])) {
      if (this.core) this.core.setSecret(form)
      else this.masks.push(form)
    }
  }

  /** A text as the action may write it: no control characters, no secret. */
  readonly clean = (text: string): string => this.redactor.apply(stripControls(text))

  /** Hands the log to the runner: masks first, then whatever waited. Later calls go straight through. */
  attach(core: RunnerCommands): void {
    if (this.core) return
    for (const secret of this.masks.splice(0)) core.setSecret(secret)
    for (const line of this.lines.splice(0)) core.debug(line)
    this.core = core
  }
}

const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * An action input as @actions/core's getInput reads it (INPUT_<NAME>, spaces as underscores,
 * upper case, trimmed), without loading @actions/core before the first request.
 */
export function actionInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[inputVariable(name)] ?? '').trim()
}

/**
 * Whether the runner passed an input at all: it always passes one with a default in action.yml,
 * so an absent one means a runner other than GitHub's (or a test), and an empty one was set so.
 */
export function actionInputGiven(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return env[inputVariable(name)] !== undefined
}
