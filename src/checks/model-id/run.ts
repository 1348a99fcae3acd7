import type { CheckRun } from '../shared/check.js'
import { parseModelId, type ModelId } from '../../parse/model-id.js'
import { defaultModelRegion } from '../../aws/default-model.js'
import { listSystemProfiles } from '../shared/bedrock-reads.js'
import { modelFileLocation, setModelTo } from '../shared/env-location.js'
import type { ModelIdFacts } from './facts.js'
import type { meta } from './meta.js'

const KIND_LABEL: Record<ModelId['kind'], string> = {
  'foundation-model': 'foundation-model ID (bare, no inference profile)',
  'system-profile': 'system inference-profile ID',
  'foundation-model-arn': 'foundation-model ARN',
  'inference-profile-arn': 'inference-profile ARN',
  'application-profile-arn': 'application inference-profile ARN',
  'provisioned-model-arn': 'provisioned-throughput ARN'
}

const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const value = ctx.subject.model ?? ''
  const sourced = ctx.config.models.find((m) => m.value === value)
  const source = sourced?.source ?? 'model-id'
  // Where the value was written, when it came from a `.env` line (so the annotation points at it).
  const location = modelFileLocation(ctx.config, value)
  const at = location ? { location } : {}
  const parsed = parseModelId(value)
  if (!parsed.ok) {
    const extra = {
      observed: [
        `${source} = ${JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value)}`
      ],
      ...at
    }
    const data = { source, problem: parsed.problem }
    if (parsed.unsupported) ctx.report('unsupported', data, extra)
    else if (parsed.suggestion)
      ctx.report(
        'misspelt',
        {
          ...data,
          setSuggestion: setModelTo(ctx, parsed.suggestion)
        },
        extra
      )
    else ctx.report('malformed', data, extra)
    return
  }
  const observed = [
    `${source} = ${value}`,
    `kind: ${KIND_LABEL[parsed.kind]}`,
    ...(parsed.baseModelId ? [`foundation model: ${parsed.baseModelId}`] : []),
    ...(parsed.prefix ? [`profile prefix: ${parsed.prefix}.`] : []),
    ...(parsed.arn?.region ? [`ARN region: ${parsed.arn.region}`] : [])
  ]
  if (parsed.prefix && !parsed.knownPrefix) {
    ctx.report('newPrefix', { kind: KIND_LABEL[parsed.kind], prefix: parsed.prefix }, { observed })
  } else if (parsed.kind === 'foundation-model-arn' && parsed.regionless) {
    const model = parsed.baseModelId ?? ''
    ctx.report(
      'regionlessArn',
      { setGlobal: setModelTo(ctx, `global.${model}`) },
      { observed, ...at }
    )
  } else if (sourced?.chosen) {
    const why = source.replace(/^default: /, '')
    // The engine's read, answered from the run's shared reads (no second request).
    const region = defaultModelRegion(ctx.config)
    const listed = region
      ? await listSystemProfiles({ ...ctx, subject: { region } }, region)
      : undefined
    if (region && listed && !listed.ok) {
      ctx.report(
        'chosenUnverified',
        { model: value, why, region, nameModel: setModelTo(ctx, { placeholder: 'model-id' }) },
        { observed, error: listed.error, permission: 'bedrock:ListInferenceProfiles' }
      )
    } else {
      ctx.report('chosen', { model: value, why }, { observed })
    }
  } else {
    ctx.report('parsed', { kind: capitalised(KIND_LABEL[parsed.kind]) }, { observed })
  }
  return { model: parsed } satisfies ModelIdFacts
}
