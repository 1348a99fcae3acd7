import type { CheckRun } from '../shared/check.js'
import type { meta } from './meta.js'
import { SERVICE_TIERS_FACT } from '../../data/service-tiers.js'
import { removeVariable } from '../shared/agent-variable.js'

/** Settings of Claude Code's on Bedrock this version reads but does not check (docs/claude-code.md). */
const UNCHECKED: ReadonlySet<string> = new Set(['MAX_THINKING_TOKENS'])

const TIERS = SERVICE_TIERS_FACT.value.join(', ')

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
      case 'region-from-profile':
        ctx.report('regionFromProfile', { region: note.region, source: note.source })
        break
      case 'outside':
        ctx.report('outside', { where: note.where, path: note.path.slice(0, 200) }, at)
        break
    }
  }
  const { serviceTier, promptCachingOff, gatewayAuth, skipWithoutGateway } = agent.switches ?? {}
  if (skipWithoutGateway) {
    const { skip, aws } = skipWithoutGateway
    ctx.report(
      'skipWithoutGateway',
      {
        skip: skip.source,
        target: aws
          ? `ANTHROPIC_BEDROCK_BASE_URL (${aws.source}) names AWS's own host ${aws.host}`
          : 'ANTHROPIC_BEDROCK_BASE_URL is unset',
        remove: removeVariable(ctx.config, 'CLAUDE_CODE_SKIP_BEDROCK_AUTH', skip.source)
      },
      skip.location ? { location: skip.location } : {}
    )
  }
  if (serviceTier && !serviceTier.accepted) {
    ctx.report(
      'serviceTierRefused',
      { value: serviceTier.value.slice(0, 40), source: serviceTier.source, tiers: TIERS },
      serviceTier.location ? { location: serviceTier.location } : {}
    )
  }
  if (gatewayAuth) {
    ctx.report(
      'gatewayAuth',
      {
        host: gatewayAuth.gateway.host,
        skip: gatewayAuth.skip.source,
        gateway: gatewayAuth.gateway.source
      },
      gatewayAuth.skip.location ? { location: gatewayAuth.skip.location } : {}
    )
  }
  // Read and reported, never a verdict of their own: what the agent's calls ask for.
  const switchLines = [
    ...(serviceTier?.accepted
      ? [
          `service tier: ${serviceTier.value} (${serviceTier.source}), sent as X-Amzn-Bedrock-Service-Tier`
        ]
      : []),
    ...(promptCachingOff
      ? [
          `prompt caching off (${promptCachingOff.source}): every turn's whole prompt counts against tokens per minute (cache reads do not), so the agent reaches its quota sooner than with caching`
        ]
      : [])
  ]
  const read = agent.layers.filter((l) => l.keys.length > 0)
  if (read.length === 0 && !agent.step && switchLines.length === 0) return
  const models = ctx.config.models.filter((m) => m.tier)
  const unchecked = [...new Set(read.flatMap((l) => l.keys))].filter((k) => UNCHECKED.has(k))
  ctx.report(
    'read',
    {
      what:
        [...read.map((l) => l.file), ...(agent.step ? [agent.step] : [])].join(', ') ||
        'the environment'
    },
    {
      observed: [
        ...read.map((l) => `${l.file}: ${l.keys.join(', ')}`),
        ...switchLines,
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
