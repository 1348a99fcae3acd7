import type { CheckRun } from '../shared/check.js'
import { parseRegion } from '../../parse/region.js'
import { setTo } from '../../commands/settings.js'
import { envFileLocation, settingAt } from '../shared/env-location.js'
import type { meta } from './meta.js'

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const { config } = ctx
  // A model's own region (Claude Code's small/fast one) is checked like the run's.
  const configured =
    config.regions.find((r) => r.value === ctx.subject.region) ??
    config.models
      .flatMap((m) => (m.region ? [m.region] : []))
      .find((r) => r.value === ctx.subject.region)
  if (!configured) {
    ctx.report(
      'missing',
      {},
      {
        observed: [
          `${config.surface === 'cli' ? '--region' : 'aws-region input'}, AWS_REGION and AWS_DEFAULT_REGION are all unset${config.envFile ? ` (also in ${config.envFile.displayPath})` : ''}`,
          "no region in the active profile's section of the shared config file (AWS_CONFIG_FILE, else ~/.aws/config)"
        ],
        // The seed page's fix is a line in the env file: point at the file it belongs in.
        ...(config.envFile ? { location: { file: config.envFile.displayPath } } : {})
      }
    )
    return
  }
  const parsed = parseRegion(configured.value)
  const location = envFileLocation(config, 'AWS_REGION', configured.value)
  const at = location ? { location } : {}
  if (!parsed.ok) {
    const observed = [`${configured.source} = ${JSON.stringify(configured.value.slice(0, 60))}`]
    const data = { source: configured.source, problem: parsed.problem }
    if (parsed.suggestion) {
      const setSuggestion = setTo(
        'region',
        parsed.suggestion,
        settingAt(config, 'region', configured.value)
      )
      ctx.report(
        'misspelt',
        { ...data, suggestion: parsed.suggestion, setSuggestion },
        { observed, ...at }
      )
    } else {
      ctx.report('malformed', data, { observed, ...at })
    }
    return
  }
  if (!parsed.known) {
    ctx.report(
      'unknown',
      { region: parsed.region },
      { observed: [`${configured.source} = ${parsed.region}`], ...at }
    )
  } else {
    ctx.report('configured', { region: parsed.region }, { observed: [`from ${configured.source}`] })
  }
  return { region: parsed.region }
}
