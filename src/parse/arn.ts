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
  return splitArn(text.trim())
}

/** The same split, of the text exactly as given (a principal in a policy is compared as written). */
function splitArn(text: string): Arn | undefined {
  const m = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/.exec(text)
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

/** An ARN of a global service (IAM, STS: no region) in an account, as written. */
function globalIn(text: string, service: 'iam' | 'sts'): Arn | undefined {
  const arn = splitArn(text)
  return arn?.service === service && !arn.region && /^\d{12}$/.test(arn.account) ? arn : undefined
}

/** An IAM user or role, named by its ARN: `arn:aws:iam::123456789012:role/path/NAME`. */
export interface IamPrincipalArn {
  partition: string
  account: string
  type: 'role' | 'user'
  /** The name without its path (role and user names are unique per account, paths aside). */
  name: string
}

/** An IAM user or role ARN's parts (any path, any name); undefined for any other ARN or text. */
export function parseIamPrincipalArn(text: string): IamPrincipalArn | undefined {
  const arn = globalIn(text, 'iam')
  if (!arn) return undefined
  const m = /^(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn.resource)
  if (!m) return undefined
  const type = m[1] === 'role' ? 'role' : 'user'
  return { partition: arn.partition, account: arn.account, type, name: m[2]! }
}

/** The account an `arn:aws:iam::123456789012:root` principal names; undefined for any other text. */
export function accountOfRootArn(text: string): string | undefined {
  const arn = globalIn(text, 'iam')
  return arn?.resource === 'root' ? arn.account : undefined
}

/** A role ARN's partition, account and name (without its path). */
export type RoleArn = Omit<IamPrincipalArn, 'type'>

/**
 * `arn:aws:iam::123456789012:role/path/NAME` → its parts, when it is a role ARN IAM could hold:
 * path segments and a name of IAM's characters, the name at most 64 of them (IAM `CreateRole`,
 * RoleName `[\w+=,.@-]+`). Undefined for any other text: what a role-ARN input is held to.
 */
export function parseRoleArn(text: string): RoleArn | undefined {
  const arn = globalIn(text, 'iam')
  if (!arn) return undefined
  const m = /^role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(arn.resource)
  return m ? { partition: arn.partition, account: arn.account, name: m[1]! } : undefined
}

/** An STS role session: `arn:aws:sts::123456789012:assumed-role/NAME/SESSION`. */
export interface SessionArn {
  partition: string
  account: string
  roleName: string
  sessionName: string
}

/** A role session ARN's parts; undefined for any other ARN or text. */
export function parseSessionArn(text: string): SessionArn | undefined {
  const arn = globalIn(text, 'sts')
  if (!arn) return undefined
  const m = /^assumed-role\/([^/]+)\/(.+)$/.exec(arn.resource)
  return m
    ? { partition: arn.partition, account: arn.account, roleName: m[1]!, sessionName: m[2]! }
    : undefined
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
    const session = parseSessionArn(callerArn.trim())
    if (session) {
      return {
        ...base,
        kind: 'assumed-role',
        roleName: session.roleName,
        sessionName: session.sessionName,
        roleArn: `arn:${arn.partition}:iam::${arn.account}:role/${session.roleName}`
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
