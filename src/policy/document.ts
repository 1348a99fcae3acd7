/**
 * An IAM policy as the preflight prints and merges it: the identity-policy statements a fix
 * grants (invoke, API-key, mantle, role-assumption and the preflight's own reads).
 */

export interface IamStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Action?: string | string[]
  NotAction?: string | string[]
  Resource?: string | string[]
  Principal?: unknown
  Condition?: Record<string, Record<string, string | string[]>>
}

export interface IamPolicy {
  Version?: string
  Statement: IamStatement[]
}
