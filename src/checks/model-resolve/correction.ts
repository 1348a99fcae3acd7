// An ID Bedrock does not know in the region, and whose model it does not know either: not a
// region problem but a mistyped ID. The region's own listing names the ID it was meant to be.
import type { AwsResult } from '../../aws/access.js'
import type { ReadContext } from '../../engine/check.js'
import type { ObservedError, SourceLocation } from '../../engine/types.js'
import { likelyPrefixes } from '../../data/profile-prefixes.js'
import { listFoundationModels, listSystemProfiles } from '../shared/bedrock-reads.js'
import { setModelTo } from '../shared/env-location.js'
import type { ResolveContext } from './answers.js'
import { differenceOf, nearestListed } from './near-miss.js'

/**
 * The IDs `region` lists as callable: the system profiles it can call and the models it runs on
 * demand (a model offered only through profiles is never an ID to set). Both lists, or the error.
 */
export async function listedIds(ctx: ReadContext, region: string): Promise<AwsResult<string[]>> {
  const [profiles, models] = await Promise.all([
    listSystemProfiles(ctx, region),
    listFoundationModels(ctx, region)
  ])
  if (!profiles.ok) return profiles
  if (!models.ok) return models
  return {
    ok: true,
    value: [
      ...profiles.value.map((p) => p.inferenceProfileId ?? ''),
      ...models.value
        .filter((m) => ((m.inferenceTypesSupported ?? []) as string[]).includes('ON_DEMAND'))
        .map((m) => m.modelId ?? '')
    ].filter(Boolean)
  }
}

interface Seen {
  error: ObservedError
  location?: SourceLocation
}

/**
 * Reports the listed ID nearest to `input` ("did you mean …?"), or that none is near, or that
 * the listing could not be read (could not verify: no correction is guessed). `notFound: false`
 * leaves "none is near" to the caller (a bare ID keeps its own not-found finding); returns
 * whether it reported.
 */
export async function reportCorrection(
  ctx: ResolveContext,
  input: string,
  model: string,
  region: string,
  seen: Seen,
  notFound: boolean
): Promise<boolean> {
  const listed = await listedIds(ctx, region)
  const extra = {
    error: seen.error,
    fixContext: { modelId: model },
    ...(seen.location ? { location: seen.location } : {})
  }
  const data = { input, model, region }
  if (!listed.ok) {
    // The listing's own error is the finding's: a denial names its permission, a gateway's page
    // is a malformed answer. What Bedrock said of the ID stays under Observed.
    ctx.report(
      'notListedUnverified',
      { ...data, code: listed.error.code },
      {
        ...extra,
        error: listed.error,
        ...(listed.error.operation ? { permission: listed.error.operation } : {}),
        observed: [
          `${input} in ${region}: ${seen.error.operation ?? 'Bedrock'} → ${seen.error.code} (${seen.error.message})`
        ]
      }
    )
    return true
  }
  const near = nearestListed(input, listed.value, likelyPrefixes(region, model))
  const observed = [
    `${input}: not a valid identifier in ${region}, and not listed there`,
    ...(near.near.length
      ? [
          `nearest listed in ${region}: ${near.near
            .slice(0, 5)
            .map((id) => `\`${id}\``)
            .join(', ')}`
        ]
      : [`nothing listed in ${region} is near it (${listed.value.length} IDs listed)`])
  ]
  if (near.best) {
    ctx.report(
      'nearMiss',
      {
        ...data,
        use: near.best,
        difference: differenceOf(input, near.best),
        setModel: setModelTo(ctx, near.best)
      },
      { ...extra, observed }
    )
  } else if (near.near.length) {
    const choices = near.tied
      .slice(0, 3)
      .map((id) => `\`${id}\``)
      .join(' or ')
    ctx.report('nearMissTied', { ...data, choices }, { ...extra, observed })
  } else if (notFound) {
    ctx.report('notListed', data, { ...extra, observed })
  } else {
    return false
  }
  return true
}
