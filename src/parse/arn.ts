/** The six parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface Arn {
  partition: string
  service: string
  region: string
  account: string
  resource: string
}

/** Splits an ARN; returns undefined when the text is not one. The resource may contain colons. */
export function parseArn(text: string): Arn | undefined {
  const m = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/.exec(text.trim())
  if (!m) return undefined
  const [, partition, service, region, account, resource] = m
  return {
    partition: partition ?? '',
    service: service ?? '',
    region: region ?? '',
    account: account ?? '',
    resource: resource ?? ''
  }
}

/**
 * Whether a text is exactly one ARN, as an answer or an output may carry it: one line of printable
 * characters with no blanks around or inside (IAM names and paths allow none), and the ARN form.
 */
export function isSingleArn(text: string): boolean {
  return /^[\x21-\x7e]{1,2048}$/.test(text) && parseArn(text) !== undefined
}

/** What kind of principal an STS caller ARN names. */
export type PrincipalKind = 'assumed-role' | 'user' | 'root' | 'federated-user' | 'role' | 'other'

export interface CallerPrincipal {
  kind: PrincipalKind
  account: string
  partition: string
  /** For an assumed-role session: the role's name and its IAM ARN (without path; see roleArn note). */
  roleName?: string
  /**
   * `arn:aws:iam::ACCT:role/NAME`. A role with a path (`role/team/NAME`) loses the path in the
   * session ARN, so this is only right for roles without one; iam:GetRole gives the real ARN.
   */
  roleArn?: string
  sessionName?: string
  userName?: string
}

/** Describes the caller from `GetCallerIdentity`'s ARN, mapping a role session to its role. */
export function describeCaller(callerArn: string): CallerPrincipal | undefined {
  const arn = parseArn(callerArn)
  if (!arn) return undefined
  const base = { account: arn.account, partition: arn.partition }
  if (arn.service === 'sts') {
    const m = /^assumed-role\/([^/]+)\/(.+)$/.exec(arn.resource)
    if (m) {
      return {
        ...base,
        kind: 'assumed-role',
        roleName: m[1],
        sessionName: m[2],
        roleArn: `arn:${arn.partition}:iam::${arn.account}:role/${m[1]}`
      }
    }
    if (arn.resource.startsWith('federated-user/')) {
      return {
        ...base,
        kind: 'federated-user',
        userName: arn.resource.slice('federated-user/'.length)
      }
    }
  }
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { ...base, kind: 'root' }
    if (arn.resource.startsWith('user/')) {
      return { ...base, kind: 'user', userName: arn.resource.split('/').pop() }
    }
    if (arn.resource.startsWith('role/')) {
      return { ...base, kind: 'role', roleName: arn.resource.split('/').pop(), roleArn: callerArn }
    }
  }
  return { ...base, kind: 'other' }
}
