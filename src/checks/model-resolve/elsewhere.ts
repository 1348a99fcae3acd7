// Whether a model the configured region does not know exists in other regions: what tells a
// region problem (it exists elsewhere) from a mistyped ID (it exists nowhere). Failure path only.
import type { ObservedError } from '../../engine/types.js'
import { partitionOf } from '../../aws/partition.js'
import { regionsServedBy } from '../../data/profile-prefixes.js'
import { getFoundationModel } from '../shared/bedrock-reads.js'
import { modelLocation } from '../shared/env-location.js'
import { isNotHere, type ResolveContext } from './answers.js'

/**
 * Large regions asked "do you know this model?", all enabled by default (a read in an opt-in
 * region the account has not enabled fails, which would leave every answer unverified).
 */
const PROBE_REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-northeast-1']

export interface Elsewhere {
  /** The regions asked. */
  asked: string[]
  /** Where GetFoundationModel answered with the model. */
  offeredIn: string[]
  /**
   * Reads that answered neither the model nor "not found" (denied by an SCP, throttled, a
   * malformed answer): they settle nothing, so "exists nowhere" cannot be claimed.
   */
  unread: { region: string; error: ObservedError }[]
}

/**
 * The regions to ask about a model `region` does not know: the first home region of the ID's
 * geography prefix (`us.` → us-east-1), then the probe regions; only in `region`'s partition, as
 * its credentials are valid nowhere else.
 */
function regionsToAsk(region: string, prefix: string | undefined): string[] {
  const home = prefix ? regionsServedBy(prefix)?.[0] : undefined
  const partition = partitionOf(region)
  return [...new Set([...(home ? [home] : []), ...PROBE_REGIONS])].filter(
    (r) => r !== region && partitionOf(r) === partition
  )
}

/** GetFoundationModel for `model` in the regions to ask, sorted into its three answers. */
export async function askElsewhere(
  ctx: ResolveContext,
  model: string,
  region: string,
  prefix?: string
): Promise<Elsewhere> {
  const asked = regionsToAsk(region, prefix)
  const answers = await Promise.all(
    asked.map(async (r) => ({ region: r, read: await getFoundationModel(ctx, r, model) }))
  )
  const out: Elsewhere = { asked, offeredIn: [], unread: [] }
  for (const { region: r, read } of answers) {
    if (read.ok) out.offeredIn.push(r)
    else if (!(await isNotHere(ctx, read.error))) out.unread.push({ region: r, error: read.error })
  }
  return out
}

/** What was asked and answered, for Observed. */
export function elsewhereLines(model: string, e: Elsewhere): string[] {
  if (e.offeredIn.length) return [`GetFoundationModel knows ${model} in: ${e.offeredIn.join(', ')}`]
  // The first unread answer's full text is the finding's error, already under Observed.
  const unread = e.unread.map(
    (u) => `GetFoundationModel ${model} in ${u.region}: not read (${u.error.code})`
  )
  const notFound = e.asked.filter((r) => !e.unread.some((u) => u.region === r))
  return [
    ...unread,
    ...(notFound.length
      ? [
          `GetFoundationModel did not find ${model} in ${notFound.join(', ')} either${unread.length ? '' : ' (a typo?)'}`
        ]
      : [])
  ]
}

/**
 * Could not verify: the model is unknown here and in the regions that answered, but some did not
 * answer, so neither a region problem nor a mistyped ID is claimed. The first unread answer is the
 * finding's error: a denial names `bedrock:GetFoundationModel` and the statement granting it.
 */
export function reportElsewhereUnread(
  ctx: ResolveContext,
  input: string,
  model: string,
  region: string,
  e: Elsewhere,
  seen: { error: ObservedError; observed: string[] }
): void {
  const first = e.unread[0]!
  ctx.report(
    'elsewhereUnverified',
    {
      input,
      model,
      region,
      unread: e.unread.map((u) => u.region).join(', '),
      first: first.region,
      code: first.error.code
    },
    {
      error: first.error,
      permission: 'bedrock:GetFoundationModel',
      observed: [
        `${input} in ${region}: ${seen.error.operation ?? 'Bedrock'} → ${seen.error.code} (${seen.error.message})`,
        ...seen.observed
      ],
      fixContext: { modelId: model },
      ...modelLocation(ctx)
    }
  )
}
