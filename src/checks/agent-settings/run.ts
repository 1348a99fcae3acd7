import type { CheckRun } from '../../engine/check.js'
import type { meta } from './meta.js'

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
        ctx.report(
          'helper',
          { file: note.file, key: note.key },
          {
            observed: [`${note.file}: ${note.key} (not run)`],
            ...at
          }
        )
        break
      case 'refused':
        ctx.report(
          'keyIgnored',
          { file: note.file, key: note.key, why: note.why },
          {
            observed: [`${note.file}: ${note.key} (value not shown)`],
            ...at
          }
        )
        break
      case 'credential':
        ctx.report(
          'credential',
          { file: note.file, key: note.key },
          {
            observed: [`${note.file}: ${note.key} (value not shown)`],
            ...at
          }
        )
        break
      case 'expression':
        ctx.report('expression', { where: note.where, what: note.what, expression: '${{ … }}' }, at)
        break
      case 'workflow-unread':
        ctx.report('workflowUnread', { file: note.file, problem: note.problem })
        break
      case 'not-bedrock':
        ctx.report('notBedrock', { where: note.where }, at)
        break
      case 'outside':
        ctx.report('outside', { where: note.where, path: note.path.slice(0, 200) }, at)
        break
    }
  }
  const read = agent.layers.filter((l) => l.keys.length > 0)
  if (read.length === 0 && !agent.step) return
  const models = ctx.config.models.filter((m) => m.tier)
  ctx.report(
    'read',
    { what: [...read.map((l) => l.file), ...(agent.step ? [agent.step] : [])].join(', ') },
    {
      observed: [
        ...read.map((l) => `${l.file}: ${l.keys.join(', ')}`),
        ...models.map(
          (m) =>
            `${m.tier} model: ${m.value}${m.region ? ` in ${m.region.value} (${m.region.source})` : ''} from ${m.source}`
        )
      ]
    }
  )
}
