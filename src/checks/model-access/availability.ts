import type { GetFoundationModelAvailabilityCommandOutput } from '@aws-sdk/client-bedrock'
import type { CheckContext } from '../../engine/check.js'
import type { meta } from './meta.js'

type Availability = GetFoundationModelAvailabilityCommandOutput

/** The four signals as Observed lines, in the order AWS documents them. */
export function availabilityLines(a: Availability): string[] {
  const agreement = a.agreementAvailability
  return [
    `agreementAvailability: ${agreement?.status ?? '?'}${agreement?.errorMessage ? ` (${agreement.errorMessage})` : ''}`,
    `authorizationStatus: ${a.authorizationStatus ?? '?'}`,
    `entitlementAvailability: ${a.entitlementAvailability ?? '?'}`,
    `regionAvailability: ${a.regionAvailability ?? '?'}`
  ]
}

/**
 * Reports each negative signal as its own state (an account can lack several things at once);
 * reports nothing when all four are positive. `observed` is what was seen to be fine too, so
 * fixing the rest is not mistaken for proof.
 */
export function reportAvailability(
  ctx: CheckContext<typeof meta.messages>,
  a: Availability,
  data: { model: string; region: string },
  viaProfile: boolean,
  observed: string[]
): number {
  const extra = { observed, fixContext: { modelId: data.model } }
  let reported = 0
  const agreement = a.agreementAvailability?.status
  if (agreement === 'PENDING') ctx.report('agreementPending', data, extra)
  else if (agreement === 'ERROR') ctx.report('agreementFailed', data, extra)
  else if (agreement === 'NOT_AVAILABLE') ctx.report('agreementMissing', data, extra)
  if (agreement === 'PENDING' || agreement === 'ERROR' || agreement === 'NOT_AVAILABLE') reported++
  if (a.authorizationStatus === 'NOT_AUTHORIZED') {
    ctx.report('notAuthorized', data, extra)
    reported++
  }
  if (a.entitlementAvailability === 'NOT_AVAILABLE') {
    ctx.report('notEntitled', data, extra)
    reported++
  }
  if (a.regionAvailability === 'NOT_AVAILABLE') {
    ctx.report(viaProfile ? 'regionUnavailableViaProfile' : 'regionUnavailable', data, extra)
    reported++
  }
  return reported
}
