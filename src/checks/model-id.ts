import type { CheckDefinition } from '../engine/check.js'
import type { Finding, SourceLocation } from '../engine/types.js'
import { findingFromEntry } from '../catalog/on-demand.js'
import { parseModelId, type ModelId } from '../parse/model-id.js'
import type { PreflightConfig } from '../config.js'
import { fixContext } from './fix-context.js'

/** What later checks learn about the identifier without calling AWS. */
export interface ModelIdFacts extends Record<string, unknown> {
  model: ModelId
}

const KIND_LABEL: Record<ModelId['kind'], string> = {
  'foundation-model': 'foundation-model ID (bare, no inference profile)',
  'system-profile': 'system inference-profile ID',
  'foundation-model-arn': 'foundation-model ARN',
  'inference-profile-arn': 'inference-profile ARN',
  'application-profile-arn': 'application inference-profile ARN',
  'provisioned-model-arn': 'provisioned-throughput ARN'
}

/** Where the value was written, when it came from a `.env` line (so the annotation points at it). */
function locationOf(config: PreflightConfig, value: string): SourceLocation | undefined {
  const line = config.envFile?.entries.find(
    (e) => e.key === 'BEDROCK_MODEL' && e.value.split(/[\n,]/).some((v) => v.trim() === value)
  )
  return line && config.envFile ? { file: config.envFile.displayPath, line: line.line } : undefined
}

/** Parses each configured model identifier locally: no AWS call, so a typo is named at once. */
export const modelIdCheck: CheckDefinition = {
  id: 'model-id',
  title: 'Model identifier',
  scope: 'model',
  dependsOn: [],
  async run(ctx) {
    const value = ctx.subject.model ?? ''
    const configured = ctx.config.models.find((m) => m.value === value)
    const source = configured?.source ?? 'model-id'
    const location = locationOf(ctx.config, value)
    const parsed = parseModelId(value)
    if (!parsed.ok) {
      const base: Partial<Finding> & { title: string } = {
        title: `Model identifier from ${source} is not usable: ${parsed.problem}`,
        observed: [
          `${source} = ${JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value)}`
        ],
        ...(location ? { location } : {})
      }
      if (parsed.unsupported) {
        return {
          findings: [
            {
              checkId: 'model-id',
              status: 'unverified',
              ...base,
              title: `Model identifier from ${source}: ${parsed.problem}`,
              cause:
                'bedrock-preflight checks foundation models, system and application inference profiles and provisioned throughput; this kind of model is outside what it can verify.',
              fix: 'Nothing to change if the ARN is right; verify this model with a real call in your own job.'
            }
          ]
        }
      }
      return {
        findings: [
          await findingFromEntry('model-id', 'model-id-format', fixContext(ctx), {
            ...base,
            ...(parsed.suggestion
              ? {
                  fix: `Use \`BEDROCK_MODEL=${parsed.suggestion}\` (action input \`model-id: ${parsed.suggestion}\`). Copy IDs exactly from \`aws bedrock list-inference-profiles\` or \`aws bedrock list-foundation-models\`.`
                }
              : {})
          })
        ]
      }
    }
    const observed = [
      `${source} = ${value}`,
      `kind: ${KIND_LABEL[parsed.kind]}`,
      ...(parsed.baseModelId ? [`foundation model: ${parsed.baseModelId}`] : []),
      ...(parsed.prefix ? [`profile prefix: ${parsed.prefix}.`] : []),
      ...(parsed.arn?.region ? [`ARN region: ${parsed.arn.region}`] : [])
    ]
    const findings: Finding[] = []
    if (parsed.prefix && !parsed.knownPrefix) {
      findings.push({
        checkId: 'model-id',
        status: 'pass',
        title: `${KIND_LABEL[parsed.kind]} with prefix \`${parsed.prefix}.\`, which is newer than this version; model-resolve checks it with AWS`,
        observed
      })
    } else if (parsed.kind === 'foundation-model-arn' && parsed.regionless) {
      findings.push({
        checkId: 'model-id',
        status: 'warn',
        title:
          'Region-less foundation-model ARN: it belongs in IAM policies for global. profiles, not in BEDROCK_MODEL',
        observed,
        cause:
          '`arn:aws:bedrock:::foundation-model/…` is the resource IAM evaluates for the global hop of a `global.` inference profile; applications call the profile ID instead.',
        fix: `Use \`BEDROCK_MODEL=global.${parsed.baseModelId}\` for global routing, or the geographic profile for your region (model-resolve names it).`,
        ...(location ? { location } : {})
      })
    } else {
      findings.push({
        checkId: 'model-id',
        status: 'pass',
        title: `${KIND_LABEL[parsed.kind][0]!.toUpperCase()}${KIND_LABEL[parsed.kind].slice(1)}`,
        observed
      })
    }
    return { findings, facts: { model: parsed } satisfies ModelIdFacts }
  }
}
