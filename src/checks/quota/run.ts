import type { CheckRun } from '../shared/check.js'
import {
  DEFAULT_MAX_OUTPUT_TOKENS,
  MAX_OUTPUT_TOKENS,
  type EnforcedMetric,
  type QuotaPath
} from '../../data/quota-hints.js'
import type { ModelIdFacts } from '../model-id/facts.js'
import type { ResolveFacts } from '../model-resolve/facts.js'
import { findQuotas, METRICS } from './find.js'
import { findLongContextQuotas } from './long-context.js'
import { modelKeyOfId } from '../shared/quota-names.js'
import type { QuotaValue } from '../shared/quota-reads.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import type { meta } from './meta.js'
import type { ObservedError } from '../../engine/types.js'

const PATH_LABEL: Record<QuotaPath, string> = {
  'on-demand': 'on demand (in-Region)',
  'cross-region': 'through a cross-Region (geographic) profile',
  global: 'through a global cross-Region profile'
}
const PATH_TITLE: Record<QuotaPath, string> = {
  'on-demand': 'On-demand',
  'cross-region': 'Cross-Region',
  global: 'Global cross-Region'
}
const METRIC_LABEL: Record<EnforcedMetric, string> = {
  tpm: 'tokens per minute',
  tpd: 'tokens per day'
}
/** What to suggest instead while a path has no quota. */
const ALTERNATIVE: Record<QuotaPath, string> = {
  'on-demand': 'a cross-Region profile such as `us.` or `global.` + the model ID',
  'cross-region': 'the `global.` profile of the model, or another geography',
  global: 'a geographic profile (`us.`, `eu.`, `jp.`, …) of the model'
}

const number = (n: number) => n.toLocaleString('en-US')

/**
 * The value to request: at least `needed`, and above AWS's default (AWS refuses a request that is
 * not: "You must provide a quota value greater than the default quota value of …"). Plain digits,
 * as `--desired-value` parses them (`64,000` fails: "invalid float value"; reference §00).
 */
export function desiredValue(needed: number, defaultValue: number | undefined): string {
  const byDefault = defaultValue ?? 0
  if (needed > byDefault) return String(Math.ceil(needed))
  // The next round step above the default: 200,000 → 300,000; 4,000 → 5,000.
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(byDefault, 1))))
  return String((Math.floor(byDefault / step) + 1) * step)
}

/** The path a call takes, from the ID (and, for an application profile, where it routes). */
function pathOf(model: ModelIdFacts['model'], resolved?: ResolveFacts): QuotaPath | undefined {
  if (model.kind === 'foundation-model' || model.kind === 'foundation-model-arn') return 'on-demand'
  if (model.kind === 'system-profile' || model.kind === 'inference-profile-arn')
    return model.prefix === 'global' ? 'global' : 'cross-region'
  if (model.kind === 'application-profile-arn' && resolved) {
    const d = resolved.destinations
    if (d.includes('unspecified')) return 'global'
    return d.length > 1 || (d[0] && d[0] !== resolved.region) ? 'cross-region' : 'on-demand'
  }
  return undefined
}

/** What one call may reserve: the input `min-tokens-per-minute`, else the model's output maximum. */
function oneCall(configured: number | undefined, baseModelId: string): number {
  if (configured !== undefined) return configured
  const [, family, version] = (modelKeyOfId(baseModelId) ?? '').split('|')
  return MAX_OUTPUT_TOKENS[`${family}|${version}`] ?? DEFAULT_MAX_OUTPUT_TOKENS
}

function line(q: QuotaValue, metric: EnforcedMetric): string {
  const byDefault =
    q.defaultValue === undefined
      ? ''
      : q.value < q.defaultValue
        ? `, below the AWS default ${number(q.defaultValue)}`
        : `, AWS default ${number(q.defaultValue)}`
  return `${METRIC_LABEL[metric]}: ${number(q.value)}${byDefault} (${q.name}, ${q.code}${q.adjustable === false ? ', not adjustable' : ''})`
}

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region ?? ''
  const id = ctx.facts('model-id')?.model
  if (!id) return
  if (id.kind === 'provisioned-model-arn') {
    ctx.report('provisioned', { model: id.input })
    return
  }
  if (apiKeyOnly(await ctx.waitFor('identity'))) {
    ctx.report('needsCredentials', { model: id.baseModelId ?? id.input, region })
    return
  }
  const resolved = id.baseModelId ? undefined : await ctx.waitFor('model-resolve')
  const base = id.baseModelId ?? resolved?.baseModelId ?? ''
  const path = pathOf(id, resolved)
  const model = base || id.input
  if (!path || !base) {
    ctx.report(
      'noMatch',
      { model, path: 'on its path', region, metrics: 'the model behind this ARN is not known' },
      { observed: ['the model-resolve row says why the model behind this ARN is not known'] }
    )
    return
  }
  const found = await findQuotas(ctx, region, base, path)
  // A read that failed: the permission is the operation's when it was a Service Quotas one.
  const notRead = (error: ObservedError) =>
    ctx.report(
      'notRead',
      { model, region },
      {
        error,
        permission: error.operation?.startsWith('servicequotas:')
          ? error.operation
          : 'servicequotas:ListServiceQuotas'
      }
    )
  if (found.error) {
    notRead(found.error)
    return
  }
  // The agent's own output budget (CLAUDE_CODE_MAX_OUTPUT_TOKENS) for this model, unless the
  // input says what one call needs.
  const budget = ctx.config.models.find((m) => m.value === id.input)?.maxOutputTokens
  const configured = ctx.config.minTokensPerMinute ?? budget?.value
  const min = oneCall(configured, base)
  // The values read, for the report's observations (merge compares them between runs).
  const read = [...METRICS.map((m) => found.byMetric[m]), found.accountDaily]
  const facts = {
    quotas: read.flatMap((q) =>
      q ? [{ code: q.code, name: q.name, value: q.value, defaultValue: q.defaultValue }] : []
    )
  }
  const observed = [
    `path: ${PATH_LABEL[path]} (from ${id.input})`,
    ...METRICS.flatMap((m) => {
      const q = found.byMetric[m]
      return q ? [line(q, m)] : []
    }),
    found.accountDaily
      ? `account-wide: ${line(found.accountDaily, 'tpd')}`
      : "account-wide Cross-Model Max Tokens Per Day: not found, by its bundled code or by name in the region's listing",
    `one call may reserve ${number(min)} tokens (${ctx.config.minTokensPerMinute !== undefined ? 'min-tokens-per-minute' : budget ? budget.source : "the model's output maximum"})`
  ]
  const base4 = { model, region, path: PATH_LABEL[path] }
  let problems = 0
  for (const metric of METRICS) {
    const q = found.byMetric[metric]
    if (!q) continue
    const data = {
      ...base4,
      quota: q.name,
      code: q.code,
      desired: desiredValue(min, q.defaultValue),
      alternative: ALTERNATIVE[path]
    }
    if (q.value === 0) {
      ctx.report(q.adjustable === false ? 'zeroNotAdjustable' : 'zero', data, { observed })
      problems += 1
    } else if (q.value < min) {
      ctx.report(
        'belowOneCall',
        { ...data, value: number(q.value), min: number(min) },
        { observed }
      )
      problems += 1
    }
  }
  if (found.accountDaily?.value === 0) {
    ctx.report('accountDailyZero', { region, code: found.accountDaily.code }, { observed })
    problems += 1
  }
  // Never a pass while the account-wide daily quota is unread: at 0 it stops every model.
  const missing = [
    ...METRICS.filter((m) => !found.byMetric[m]).map((m) => METRIC_LABEL[m]),
    ...(found.accountDaily ? [] : ['Cross-Model Max Tokens Per Day'])
  ]
  if (missing.length > 0) {
    ctx.report('noMatch', { ...base4, metrics: missing.join(', ') }, { observed })
    return facts
  }
  // A `[1m]` model's calls use the 1M-context beta (Claude Code's suffix, src/agent/tiers.ts).
  const named = ctx.config.models.find((m) => m.value === id.input && m.longContext)
  if (problems === 0) {
    const summary = METRICS.map(
      (m) => `${number(found.byMetric[m]!.value)} ${METRIC_LABEL[m]}`
    ).join(', ')
    if (!named) ctx.report('within', { ...base4, path: PATH_TITLE[path], summary }, { observed })
    else {
      // The standard quotas fit; a `[1m]` model's calls are metered by its 1M-context quotas.
      const data = { ...base4, source: named.source, summary }
      const long = await findLongContextQuotas(ctx, region, base, path)
      const listedLong = METRICS.flatMap((m) => {
        const q = long.quotas[m]
        return q ? [{ metric: m, q }] : []
      })
      if (long.error) notRead(long.error)
      else if (listedLong.length === 0) ctx.report('longContextUnchecked', data, { observed })
      else {
        const seen = [
          ...observed,
          ...listedLong.map(({ metric, q }) => `1M context: ${line(q, metric)}`)
        ]
        const fields = (q: QuotaValue) => ({
          ...data,
          quota: q.name,
          code: q.code,
          value: number(q.value),
          min: number(min),
          desired: desiredValue(min, q.defaultValue)
        })
        // Each metric judged as the standard ones are: 0 fails, below one call's need warns.
        let short = 0
        for (const { q } of listedLong) {
          if (q.value === 0) ctx.report('longContextZero', fields(q), { observed: seen })
          else if (q.value < min) ctx.report('longContextBelow', fields(q), { observed: seen })
          else continue
          short += 1
        }
        if (short === 0)
          ctx.report('longContextWithin', fields(listedLong[0]!.q), { observed: seen })
      }
    }
  }
  return facts
}
