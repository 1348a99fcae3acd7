import type { GetFoundationModelAvailabilityCommandOutput } from '@aws-sdk/client-bedrock'

type Availability = GetFoundationModelAvailabilityCommandOutput

/** The states a negative availability signal is reported in (meta.ts words them). */
export type Signal =
  | 'agreementPending'
  | 'agreementFailed'
  | 'agreementMissing'
  | 'notAuthorized'
  | 'notEntitled'
  | 'regionUnavailable'
  | 'regionUnavailableViaProfile'

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

/** The values of each availability field that the vendored Bedrock model defines. */
const KNOWN = {
  agreementAvailability: ['AVAILABLE', 'PENDING', 'NOT_AVAILABLE', 'ERROR'],
  authorizationStatus: ['AUTHORIZED', 'NOT_AUTHORIZED'],
  entitlementAvailability: ['AVAILABLE', 'NOT_AVAILABLE'],
  regionAvailability: ['AVAILABLE', 'NOT_AVAILABLE']
} as const

/**
 * The fields whose value this version cannot read as positive or negative: missing, or a value
 * AWS added after this version was built. Such an answer is never taken as access granted.
 */
export function unknownValues(a: Availability): string[] {
  const values: Record<keyof typeof KNOWN, string | undefined> = {
    agreementAvailability: a.agreementAvailability?.status,
    authorizationStatus: a.authorizationStatus,
    entitlementAvailability: a.entitlementAvailability,
    regionAvailability: a.regionAvailability
  }
  return (Object.keys(KNOWN) as (keyof typeof KNOWN)[]).flatMap((field) => {
    const v = values[field]
    return v !== undefined && (KNOWN[field] as readonly string[]).includes(v)
      ? []
      : [`${field}: ${v ?? 'not reported'}`]
  })
}

/**
 * Every negative signal, each its own state: an account can lack several things at once, and
 * each has its own fix. None when all four are positive. `viaProfile`: the identifier is a
 * profile, which may reach the model in other regions (model-resolve decides the routing).
 */
export function negativeSignals(a: Availability, viaProfile: boolean): Signal[] {
  const signals: Signal[] = []
  const agreement = a.agreementAvailability?.status
  if (agreement === 'PENDING') signals.push('agreementPending')
  else if (agreement === 'ERROR') signals.push('agreementFailed')
  else if (agreement === 'NOT_AVAILABLE') signals.push('agreementMissing')
  if (a.authorizationStatus === 'NOT_AUTHORIZED') signals.push('notAuthorized')
  if (a.entitlementAvailability === 'NOT_AVAILABLE') signals.push('notEntitled')
  if (a.regionAvailability === 'NOT_AVAILABLE') {
    signals.push(viaProfile ? 'regionUnavailableViaProfile' : 'regionUnavailable')
  }
  return signals
}
