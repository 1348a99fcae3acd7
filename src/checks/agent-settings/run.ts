import type { CheckRun } from '../shared/check.js'
import type { meta } from './meta.js'

/** Settings of Claude Code's on Bedrock this version reads but does not check (docs/claude-code.md). */
const UNCHECKED: ReadonlySet<string> = new Set([
  'ANTHROPIC_BEDROCK_SERVICE_TIER',
  'DISABLE_PROMPT_CACHING',
  'CLAUDE_CODE_SKIP_BEDROCK_AUTH',
  'AWS_PROFILE',
  'MAX_THINKING_TOKENS'
])

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const agent = ctx.config.agent
  if (!agent) return // not planned without one (meta.applies)
  for (const note of agent.notes) {
    const at = 'location' in note && note.location ? { location: note.location } : {}
    switch (note.kind) {
      case 'invalid':
        ctx.report(
          'invalid',
          { file: note.file, problem: note.problem },
          {
            observed: [`${note.file}: ${note.problem}`],
            ...at
          }
        )
        break
      case 'helper':
      case 'credential':
      case 'refused': {
        // The key is named, its value never: a command or a credential, or a redirection.
        const shown = `${note.file}: ${note.key} (${note.kind === 'helper' ? 'not run' : 'value not shown'})`
        const extra = { observed: [shown], ...at }
        if (note.kind === 'refused') {
          ctx.report('keyIgnored', { file: note.file, key: note.key, why: note.why }, extra)
        } else ctx.report(note.kind, { file: note.file, key: note.key }, extra)
        break
      }
      case 'expression':
        ctx.report('expression', { where: note.where, what: note.what, expression: '${{ … }}' }, at)
        break
      case 'workflow-unread':
        ctx.report('workflowUnread', { file: note.file, problem: note.problem })
        break
      case 'not-bedrock':
        ctx.report('notBedrock', { where: note.where }, at)
        break
      case 'aws-config-invalid': {
        const where = note.line ? `${note.file}:${note.line}` : note.file
        ctx.report(
          'awsConfigInvalid',
          { where, problem: note.problem },
          { observed: [`${where}: ${note.problem}`], ...at }
        )
        break
      }
      case 'outside':
        ctx.report('outside', { where: note.where, path: note.path.slice(0, 200) }, at)
        break
    }
  }
  const read = agent.layers.filter((l) => l.keys.length > 0)
  if (read.length === 0 && !agent.step) return
  const models = ctx.config.models.filter((m) => m.tier)
  const unchecked = [...new Set(read.flatMap((l) => l.keys))].filter((k) => UNCHECKED.has(k))
  ctx.report(
    'read',
    { what: [...read.map((l) => l.file), ...(agent.step ? [agent.step] : [])].join(', ') },
    {
      observed: [
        ...read.map((l) => `${l.file}: ${l.keys.join(', ')}`),
        ...(unchecked.length > 0
          ? [`set but not checked by this version: ${unchecked.join(', ')}`]
          : []),
        ...models.map(
          (m) =>
            `${m.tier} model: ${m.value}${m.region ? ` in ${m.region.value} (${m.region.source})` : ''} from ${m.source}`
        )
      ]
    }
  )
}
