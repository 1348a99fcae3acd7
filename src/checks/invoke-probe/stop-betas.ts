/**
 * How to stop the agent sending a beta flag Bedrock refused, named by the setting that sends it:
 * the `[1m]` of a model setting (Claude Code's 1M-context flag), or `ANTHROPIC_BETAS` where it was
 * set (a settings file, the env file, the job's or the shell's environment).
 */
import type { ReadContext } from '../../engine/check.js'
import { setModelTo } from '../shared/env-location.js'
import { CONTEXT_1M_BETA, type SentBeta } from './request.js'

/** The flags the error names, else every flag sent (Bedrock's "invalid beta flag" names none). */
export function refusedBetas(sent: readonly SentBeta[], message: string): SentBeta[] {
  const named = sent.filter((b) => message.includes(b.flag))
  return named.length ? named : [...sent]
}

export function stopSending(ctx: ReadContext, refused: readonly SentBeta[]): string {
  const lines: string[] = []
  const long = refused.find((b) => b.model)
  if (long) {
    lines.push(
      `Name the model without \`[1m]\` (${long.source}): ${setModelTo(ctx, ctx.subject.model ?? '')}. Claude Code then stops sending \`${CONTEXT_1M_BETA}\` and uses the standard context window; to keep the 1M window, use a model and region where Bedrock offers it.`
    )
  }
  const own = refused.filter((b) => !b.model)
  if (own.length) {
    const source = own[0]!.source
    const flags = own.map((b) => `\`${b.flag}\``).join(', ')
    const rest = (ctx.config.anthropicBetas?.value ?? []).filter(
      (f) => !own.some((b) => b.flag === f)
    )
    const keep = rest.length ? `ANTHROPIC_BETAS=${rest.join(',')}` : undefined
    const where =
      source === 'ANTHROPIC_BETAS'
        ? ctx.config.surface === 'github-actions'
          ? "the workflow's `env:` (the job's or the agent step's)"
          : 'your shell'
        : source.replace(/^ANTHROPIC_BETAS in /, '')
    lines.push(
      `Stop sending ${flags}: ${keep ? `set \`${keep}\`` : 'remove `ANTHROPIC_BETAS`'} in ${where}.` +
        (source === 'ANTHROPIC_BETAS' && ctx.config.surface === 'cli'
          ? `\n\n\`\`\`sh\n${keep ? `export ${keep}` : 'unset ANTHROPIC_BETAS'}\n\`\`\``
          : '')
    )
  }
  return lines.join('\n\n')
}
