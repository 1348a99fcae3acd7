import type { CheckRun } from '../shared/check.js'
import { isTransient } from '../../aws/errors.js'
import { mantleModels } from '../shared/mantle.js'
import { mantleForm } from '../../parse/endpoint.js'
import { modelKeyOfId } from '../shared/quota-names.js'
import { listQuotas } from '../shared/quota-reads.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import { mantleQuotaMeaning } from './names.js'
import type { meta } from './meta.js'

const n = (v: number) => v.toLocaleString('en-US')

/**
 * The models AWS lists bedrock-mantle quotas for (AWS UG `quotas-mantle`, 2026: "Other models
 * served on this endpoint don't have per-account TPM quotas exposed in Service Quotas today").
 * Only a hint, used to spare the others the listing: its codes are not known, so it is read by
 * name, about 15 pages of 100 one after another (docs/performance.md). A model missing here is
 * _could not verify_, never a pass, so a stale list costs no false verdict.
 */
const LISTED_MODELS: readonly string[] = ['anthropic.claude-opus-4-7']
const NOT_READ = `not read: AWS lists mantle quotas only for ${LISTED_MODELS.join(', ')} (AWS UG quotas-mantle)`

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region
  if (!region) return
  const identity = await ctx.waitFor('identity')
  if (apiKeyOnly(identity)) {
    ctx.report('needsCredentials', {})
    return
  }
  const models = await mantleModels(ctx)
  if (models.length === 0) {
    ctx.report('noModel', { region })
    return
  }
  const listable = models.filter((m) => LISTED_MODELS.includes(mantleForm(m)))
  const quotas = listable.length ? await listQuotas(ctx, region) : undefined
  for (const model of models) {
    if (!quotas || !listable.includes(model)) {
      ctx.report('notListed', { model, region }, { observed: [NOT_READ] })
      continue
    }
    if (!quotas.ok) {
      ctx.report(
        'notRead',
        { model, region },
        {
          error: quotas.error,
          ...(isTransient(quotas.error) ? {} : { permission: 'servicequotas:ListServiceQuotas' })
        }
      )
      continue
    }
    const key = modelKeyOfId(mantleForm(model))
    const mine = quotas.value.flatMap((q) => {
      const meaning = q.QuotaName ? mantleQuotaMeaning(q.QuotaName) : undefined
      return meaning && key && meaning.model === key && typeof q.Value === 'number'
        ? [{ ...meaning, name: q.QuotaName!, code: q.QuotaCode ?? '?', value: q.Value }]
        : []
    })
    const observed = mine.map((q) => `${q.name} (${q.code}): ${n(q.value)}`)
    const input = mine.find((q) => q.direction === 'input')
    const output = mine.find((q) => q.direction === 'output')
    if (!input && !output) {
      ctx.report('notListed', { model, region }, { observed: ["not in the region's listing"] })
      continue
    }
    // A listed 0 fails whatever the other half says.
    const zero = [input, output].find((q) => q?.value === 0)
    if (zero) {
      ctx.report(
        'zero',
        { model, region, direction: zero.direction, quota: zero.name },
        { observed }
      )
      continue
    }
    if (!input || !output) {
      // Half a pair is not a pass: the direction AWS did not list is not known to have quota.
      ctx.report(
        'partlyListed',
        { model, region, missing: input ? 'output' : 'input' },
        { observed }
      )
      continue
    }
    const needed = ctx.config.minTokensPerMinute
    if (needed !== undefined && input.value < needed) {
      ctx.report(
        'belowOneCall',
        { model, region, value: n(input.value), needed: n(needed), quota: input.name },
        { observed }
      )
      continue
    }
    ctx.report(
      'ok',
      {
        model,
        region,
        input: n(input.value),
        output: n(output.value)
      },
      { observed }
    )
  }
}
