/**
 * A small IAM policy evaluator behind the fake's `iam:SimulatePrincipalPolicy`, so end-to-end
 * tests prove what a given policy allows rather than scripting the answer. It follows IAM's
 * evaluation order for what the preflight asks: an explicit Deny anywhere wins; an SCP or a
 * permissions boundary must allow; then an identity-policy Allow. Supported: Action and Resource
 * wildcards (`*`, `?`), and `StringEquals` / `StringLike` / `StringNotEquals` / `ArnLike`
 * conditions on the request's context keys (missing key → the condition does not match).
 */
import { query, xmlEscape, type FakeReply, type FakeRequest } from './fake-aws.js'

export interface PolicyStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Action: string | string[]
  Resource: string | string[]
  Condition?: Record<string, Record<string, string | string[]>>
}

export interface PolicyDocument {
  Version?: string
  Statement: PolicyStatement[]
}

export interface SimulatorPolicies {
  /** Identity policies of the simulated principal, by name. */
  identity: Record<string, PolicyDocument>
  /** Service control policies; when given, an action must be allowed by them too. */
  scp?: Record<string, PolicyDocument>
  permissionsBoundary?: PolicyDocument
}

/** AWS's FullAWSAccess SCP, which every organization starts with. */
export const FULL_AWS_ACCESS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
}

function list(v: string | string[]): string[] {
  return Array.isArray(v) ? v : [v]
}

function glob(pattern: string, value: string, caseInsensitive = false): boolean {
  const re = new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    caseInsensitive ? 'i' : ''
  )
  return re.test(value)
}

type Context = Record<string, string[]>

function conditionHolds(condition: PolicyStatement['Condition'], context: Context): boolean {
  if (!condition) return true
  return Object.entries(condition).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const actual = context[key.toLowerCase()]
      const wanted = list(expected)
      switch (operator) {
        case 'StringEquals':
          return !!actual && actual.some((a) => wanted.includes(a))
        case 'StringNotEquals':
          return !actual || actual.every((a) => !wanted.includes(a))
        case 'StringLike':
        case 'ArnLike':
          return !!actual && actual.some((a) => wanted.some((w) => glob(w, a)))
        default:
          throw new Error(`fake-iam-simulator: unsupported condition operator ${operator}`)
      }
    })
  )
}

interface Match {
  policy: string
  statement: PolicyStatement
}

function matching(
  policies: Record<string, PolicyDocument>,
  action: string,
  resource: string,
  context: Context
): Match[] {
  const out: Match[] = []
  for (const [policy, doc] of Object.entries(policies)) {
    for (const statement of doc.Statement) {
      if (!list(statement.Action).some((a) => glob(a, action, true))) continue
      if (!list(statement.Resource).some((r) => glob(r, resource))) continue
      if (!conditionHolds(statement.Condition, context)) continue
      out.push({ policy, statement })
    }
  }
  return out
}

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny'

export interface Evaluation {
  decision: Decision
  allowedByOrganizations?: boolean
  allowedByBoundary?: boolean
  matched: Match[]
}

/** Evaluates one action on one resource with a request context. */
export function evaluate(
  policies: SimulatorPolicies,
  action: string,
  resource: string,
  context: Context
): Evaluation {
  const identity = matching(policies.identity, action, resource, context)
  const scp = policies.scp ? matching(policies.scp, action, resource, context) : undefined
  const boundary = policies.permissionsBoundary
    ? matching({ boundary: policies.permissionsBoundary }, action, resource, context)
    : undefined
  const denies = (m: Match[] | undefined) => (m ?? []).filter((x) => x.statement.Effect === 'Deny')
  const allows = (m: Match[] | undefined) => (m ?? []).filter((x) => x.statement.Effect === 'Allow')
  const allowedByOrganizations = scp
    ? denies(scp).length === 0 && allows(scp).length > 0
    : undefined
  const allowedByBoundary = boundary
    ? denies(boundary).length === 0 && allows(boundary).length > 0
    : undefined
  const explicit = [...denies(identity), ...denies(scp), ...denies(boundary)]
  const result = (decision: Decision, matched: Match[]): Evaluation => ({
    decision,
    matched,
    ...(allowedByOrganizations !== undefined ? { allowedByOrganizations } : {}),
    ...(allowedByBoundary !== undefined ? { allowedByBoundary } : {})
  })
  if (explicit.length) return result('explicitDeny', explicit)
  if (allowedByOrganizations === false || allowedByBoundary === false)
    return result('implicitDeny', [])
  const allowed = allows(identity)
  return allowed.length ? result('allowed', allowed) : result('implicitDeny', [])
}

/** `Foo.member.N` fields of an awsQuery form, in order. */
function members(params: Record<string, string>, name: string): string[] {
  const out: string[] = []
  for (let i = 1; params[`${name}.member.${i}`] !== undefined; i++) {
    out.push(params[`${name}.member.${i}`] as string)
  }
  return out
}

function contextFrom(params: Record<string, string>): Context {
  const context: Context = {}
  for (let i = 1; params[`ContextEntries.member.${i}.ContextKeyName`] !== undefined; i++) {
    const key = (params[`ContextEntries.member.${i}.ContextKeyName`] as string).toLowerCase()
    context[key] = members(params, `ContextEntries.member.${i}.ContextKeyValues`)
  }
  return context
}

/** The `iam:SimulatePrincipalPolicy` handler for a fake AWS, answering from `policies`. */
export function simulatePrincipalPolicy(policies: SimulatorPolicies) {
  return (req: FakeRequest): FakeReply => {
    const actions = members(req.params, 'ActionNames')
    // "If you do not specify a value for this parameter, then the value defaults to * (all
    // resources)" (IAM API reference, SimulatePrincipalPolicy).
    const listed = members(req.params, 'ResourceArns')
    const resources = listed.length > 0 ? listed : ['*']
    const context = contextFrom(req.params)
    const results = resources.flatMap((resource) =>
      actions.map((action) => {
        const e = evaluate(policies, action, resource, context)
        const matched = e.matched
          .map(
            (m) =>
              `<member><SourcePolicyId>${xmlEscape(m.policy)}</SourcePolicyId><SourcePolicyType>${policies.scp && m.policy in policies.scp ? 'none' : 'IAM Policy'}</SourcePolicyType></member>`
          )
          .join('')
        return [
          '<member>',
          `<EvalActionName>${xmlEscape(action)}</EvalActionName>`,
          `<EvalResourceName>${xmlEscape(resource)}</EvalResourceName>`,
          `<EvalDecision>${e.decision}</EvalDecision>`,
          `<MatchedStatements>${matched}</MatchedStatements>`,
          '<MissingContextValues/>',
          e.allowedByOrganizations !== undefined
            ? `<OrganizationsDecisionDetail><AllowedByOrganizations>${e.allowedByOrganizations}</AllowedByOrganizations></OrganizationsDecisionDetail>`
            : '',
          e.allowedByBoundary !== undefined
            ? `<PermissionsBoundaryDecisionDetail><AllowedByPermissionsBoundary>${e.allowedByBoundary}</AllowedByPermissionsBoundary></PermissionsBoundaryDecisionDetail>`
            : '',
          '</member>'
        ].join('')
      })
    )
    return query.ok(
      'iam',
      'SimulatePrincipalPolicy',
      `<IsTruncated>false</IsTruncated><EvaluationResults>${results.join('')}</EvaluationResults>`
    )
  }
}
