import type { CheckRun } from '../shared/check.js'
import { isTransient } from '../../aws/errors.js'
import { goesToMantle, mantleForm } from '../../parse/endpoint.js'
import { newestSonnet, type ServedModel } from './ids.js'
import type { MantleModelFacts } from './facts.js'
import { MANTLE_REGIONS } from '../../data/mantle-regions.js'
import type { meta } from './meta.js'
import { setTo } from '../../commands/settings.js'
import { settingAt } from '../shared/env-location.js'
import { mantleOf } from '../shared/mantle.js'
import { shownUrl } from '../../aws/mantle.js'

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region
  const endpoint = ctx.config.endpoint
  if (!region || !endpoint) return
  const mantle = mantleOf(ctx.aws)
  const where = mantle.endpoint(region)
  const listed = await ctx.aws.shared(`mantle:ListModels@${region}`, () =>
    mantle.call<{ data?: ServedModel[] }>(
      region,
      { operation: 'ListModels', method: 'GET', route: { path: '/v1/models' } },
      ctx.signal
    )
  )
  const observed = [
    `endpoint: ${endpoint.value} (from ${endpoint.source})`,
    `bedrock-mantle: ${shownUrl(where.root)} (from ${where.source}), ${mantle.auth === 'api-key' ? 'with the Bedrock API key' : 'signed with SigV4 as bedrock-mantle'}`
  ]
  if (!listed.ok) {
    if (listed.error.code === 'InvalidEndpoint' || listed.error.code === 'InsecureEndpoint') {
      ctx.report('badEndpoint', { region, why: listed.error.message }, { observed })
      return
    }
    const host = shownUrl(where.root).replace(/^https?:\/\//, '')
    if (
      listed.error.code === 'ENOTFOUND' &&
      where.source === 'AWS' &&
      !MANTLE_REGIONS.includes(region)
    ) {
      ctx.report(
        'regionNotServed',
        { region, host, regions: MANTLE_REGIONS.join(', ') },
        { error: listed.error, observed }
      )
      return
    }
    ctx.report(
      'notRead',
      { region },
      {
        error: listed.error,
        observed,
        ...(isTransient(listed.error) ? {} : { permission: 'bedrock-mantle:ListModels' })
      }
    )
    return
  }
  const served = (listed.value.data ?? []).filter((m) => typeof m?.id === 'string')
  const ids = served.map((m) => m.id)
  const claude = ids.filter((id) => id.startsWith('anthropic.'))
  observed.push(`served in ${region}: ${ids.length ? ids.join(', ') : 'none'}`)
  const facts: MantleModelFacts = { models: [] }
  // With both endpoints the agent sends mantle-form IDs to mantle and the others to the runtime
  // (Claude Code routes by the ID's form); with mantle alone, every ID goes to mantle.
  const mine = ctx.config.models.filter((m) => goesToMantle(m.value, endpoint.value))
  for (const m of ctx.config.models.filter((x) => !mine.includes(x)))
    observed.push(`${m.value}: a bedrock-runtime ID, left to the runtime checks`)
  if (mine.length === 0) {
    const chosen = newestSonnet(served)
    if (!chosen) {
      ctx.report('noClaude', { region }, { observed })
      return
    }
    facts.models.push(chosen.id)
    ctx.report('chosen', { model: chosen.id, region }, { observed })
  }
  for (const { value: given } of mine) {
    if (ids.includes(given)) {
      facts.models.push(given)
      ctx.report(
        'served',
        { region, endpoint: endpoint.value, source: endpoint.source, model: given },
        { observed }
      )
      continue
    }
    const form = mantleForm(given)
    if (form !== given && ids.includes(form)) {
      ctx.report(
        'wrongForm',
        {
          given,
          model: form,
          region,
          change: setTo('model', form, settingAt(ctx.config, 'model', given))
        },
        { observed }
      )
      continue
    }
    if (claude.length === 0) ctx.report('noClaude', { region }, { observed })
    else ctx.report('notServed', { model: given, region, claude: claude.join(', ') }, { observed })
  }
  return facts
}
