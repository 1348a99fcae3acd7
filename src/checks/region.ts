import type { CheckDefinition } from '../engine/check.js'
import { findingFromEntry } from '../catalog/on-demand.js'
import { parseRegion } from '../parse/region.js'
import { fixContext } from './fix-context.js'

/** Is a region configured, and is it a region code? (The seed page's "Region not configured".) */
export const regionCheck: CheckDefinition = {
  id: 'region',
  title: 'Region',
  scope: 'region',
  dependsOn: [],
  async run(ctx) {
    const fix = fixContext(ctx)
    const configured = ctx.config.regions.find((r) => r.value === ctx.subject.region)
    if (!configured) {
      return {
        findings: [
          await findingFromEntry('region', 'region-missing', fix, {
            title: 'No AWS region configured',
            observed: [
              `${ctx.config.surface === 'cli' ? '--region' : 'aws-region input'}, AWS_REGION and AWS_DEFAULT_REGION are all unset${ctx.config.envFile ? ` (also in ${ctx.config.envFile.displayPath})` : ''}`
            ],
            // The seed page's fix is a line in the env file: point at the file it belongs in.
            ...(ctx.config.envFile ? { location: { file: ctx.config.envFile.displayPath } } : {})
          })
        ]
      }
    }
    const parsed = parseRegion(configured.value)
    const envLine = ctx.config.envFile?.entries.find(
      (e) => e.key === 'AWS_REGION' && e.value === configured.value
    )
    const location = envLine
      ? { file: ctx.config.envFile!.displayPath, line: envLine.line }
      : undefined
    if (!parsed.ok) {
      return {
        findings: [
          await findingFromEntry('region', 'region-invalid', fix, {
            title: `Malformed region from ${configured.source}: ${parsed.problem}`,
            observed: [`${configured.source} = ${JSON.stringify(configured.value.slice(0, 60))}`],
            ...(parsed.suggestion
              ? {
                  fix: `Did you mean \`${parsed.suggestion}\`? Set \`aws-region: ${parsed.suggestion}\` (or \`AWS_REGION=${parsed.suggestion}\`).`
                }
              : {}),
            ...(location ? { location } : {})
          })
        ]
      }
    }
    if (!parsed.known) {
      return {
        findings: [
          {
            checkId: 'region',
            status: 'warn',
            title: `Region ${parsed.region} is not one this version knows`,
            observed: [`${configured.source} = ${parsed.region}`],
            cause:
              'It has the shape of a region code but is not in the list of regions known when this version was built: a typo, or a region newer than this action.',
            fix: 'Check the spelling against https://docs.aws.amazon.com/general/latest/gr/bedrock.html; if the region is new, ignore this warning.',
            ...(location ? { location } : {})
          }
        ],
        facts: { region: parsed.region }
      }
    }
    return {
      findings: [
        {
          checkId: 'region',
          status: 'pass',
          title: `Region ${parsed.region}`,
          observed: [`from ${configured.source}`]
        }
      ],
      facts: { region: parsed.region }
    }
  }
}
