/**
 * How to stop the agent sending a beta flag Bedrock refused, named by the setting that sends it:
 * the `[1m]` of a model setting (Claude Code's 1M-context flag), or `ANTHROPIC_BETAS` where it was
 * set (a settings file, the env file, the job's or the shell's environment), each in the words
 * that place takes (src/commands/settings.ts).
 */
import { setTo, setVariableTo } from '../../commands/settings.js'
import type { ReadContext } from '../../engine/check.js'
import { removeVariable, variableAt } from '../shared/agent-variable.js'
import { namedAt } from '../shared/env-location.js'
import { CONTEXT_1M_BETA, type SentBeta } from './request.js'

/**
 * The flags the error names; else every flag sent, `known` only when that is one flag: Bedrock's
 * "invalid beta flag" names none, so of two or more sent, any one may be the refused one.
 */
export function refusedBetas(
  sent: readonly SentBeta[],
  message: string
): { refused: SentBeta[]; known: boolean } {
  const named = sent.filter((b) => message.includes(b.flag))
  return named.length
    ? { refused: named, known: true }
    : { refused: [...sent], known: sent.length === 1 }
}

export function stopSending(ctx: ReadContext, refused: readonly SentBeta[]): string {
  const lines: string[] = []
  const long = refused.find((b) => b.model)
  if (long?.model) {
    // The setting that carries `[1m]`, not the first that names the same model without it.
    const set = setTo('model', long.model.value, namedAt(ctx.config, 'model', long.model))
    lines.push(
      `Name the model without \`[1m]\` (${long.source}): ${set}. Claude Code then stops sending \`${CONTEXT_1M_BETA}\` and uses the standard context window; to keep the 1M window, use a model and region where Bedrock offers it.`
    )
  }
  const own = refused.filter((b) => !b.model)
  const betas = ctx.config.anthropicBetas
  if (own.length && betas) {
    const flags = own.map((b) => `\`${b.flag}\``).join(', ')
    const rest = betas.value.filter((f) => !own.some((b) => b.flag === f))
    lines.push(
      rest.length
        ? `Stop sending ${flags}: ${setVariableTo('ANTHROPIC_BETAS', rest.join(','), variableAt(ctx.config, 'ANTHROPIC_BETAS', betas))}.`
        : `Stop sending ${flags}: ${removeVariable(ctx.config, 'ANTHROPIC_BETAS', betas.source)}`
    )
  }
  return lines.join('\n\n')
}

/**
 * Two or more flags sent and none named: which one Bedrock refuses is not known, so each is
 * offered on its own, to leave out one at a time, never all at once.
 */
export function findRefused(ctx: ReadContext, sent: readonly SentBeta[]): string {
  return [
    "Bedrock's answer does not say which flag it refuses. Leave out one at a time and re-run the preflight (with `invoke-probe`) after each; keep the flags it then accepts.",
    ...sent.map((b) => stopSending(ctx, [b]))
  ].join('\n\n')
}
