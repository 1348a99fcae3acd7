import type { Surface } from '../config.js'

/**
 * What catalog entry `preflight-read-denied` says when the preflight knows which of its own reads
 * was refused (src/engine/read-denied.ts decides that a read was denied; the finding carries the
 * permission as data, `Finding.permission`): "could not verify" (never pass, never fail), naming
 * the exact permission, with the statement of the preflight's own policy
 * (docs/preflight-policy.json) that grants it. `many` is the wording of the one cause the summary
 * makes of several denied reads, with one statement for all of them (src/render/causes.ts).
 */

/** How the opt-in probe is switched on, on each face. */
const PROBE: Record<Surface, string> = {
  'github-actions': '`invoke-probe: true`',
  cli: '`--invoke-probe`'
}

export const READ_DENIED = {
  catalogId: 'preflight-read-denied',
  cause: (permission: string) =>
    `The identity running the preflight may not call \`${permission}\`, so this could not be verified (it is not known to be broken).`,
  /** Before the statement that grants it. */
  lead: (permission: string) =>
    `Allow \`${permission}\` for the identity that runs the preflight with this statement (read-only; part of docs/preflight-policy.json, with the other reads of this check):\n\n`,
  /** After the statement. */
  tail: (surface: Surface) =>
    `\n\nOr settle whether the job can call the model with one real, billed call (${PROBE[surface]}), or accept this part as unverified.`,
  /** When no statement can be printed (a resource the run cannot fill). */
  withoutStatement: (permission: string, surface: Surface) =>
    `Allow \`${permission}\` for the identity that runs the preflight (read-only; see docs/model-checks.md for the whole read-only policy), or accept this part as unverified; one real, billed call (${PROBE[surface]}) settles whether the job can call the model.`,
  /**
   * The read was refused by an explicit Deny (IAM's "with an explicit deny in a service control
   * policy", "… in a permissions boundary", …): an Allow added to the identity cannot override it,
   * so the statement is not offered; the deny's owner decides.
   */
  explicitDeny: {
    cause: (permission: string, where: string) =>
      `The identity running the preflight may not call \`${permission}\`: an explicit Deny in ${where} refuses it, and no Allow overrides an explicit Deny. So this could not be verified (it is not known to be broken).`,
    fix: (permission: string, where: string, surface: Surface) =>
      `Ask whoever owns ${where} to exempt \`${permission}\` (read-only) for the identity that runs the preflight; an Allow added to that identity changes nothing. Or settle whether the job can call the model with one real, billed call (${PROBE[surface]}), or accept this part as unverified.`
  },
  many: {
    title: (permissions: number, findings: number) =>
      `The preflight may not make ${permissions} of its read-only calls, so ${findings} findings could not be verified`,
    cause: (permissions: readonly string[]) =>
      `The identity running the preflight may not call ${permissions.map((p) => `\`${p}\``).join(', ')}, so these parts could not be verified (they are not known to be broken).`,
    lead: 'Add this policy to the identity that runs the preflight: one addition for every read above, with the other reads of the same checks so the next run is not stopped at the next one (read-only; part of docs/preflight-policy.json):\n\n',
    detailTitle: 'What could not be read'
  }
} as const

/**
 * Where an explicit Deny refusing a read sits, from IAM's wording ("… with an explicit deny in a
 * service control policy"; AWS IAM User Guide, troubleshoot access-denied error messages), or
 * undefined when the message does not say so.
 */
export function explicitDenyIn(message: string): string | undefined {
  const m =
    /with an explicit deny in (?:an? )?(service control policy|resource control policy|permissions boundary|identity-based policy|session policy|resource-based policy|VPC endpoint policy)/i.exec(
      message
    )
  if (!m) return undefined
  const where = m[1]!.toLowerCase().replace('vpc', 'VPC')
  return where.startsWith('identity') || where.startsWith('resource-based')
    ? `an ${where}`
    : `a ${where}`
}
