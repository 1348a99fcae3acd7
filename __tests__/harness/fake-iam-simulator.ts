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

/**
 * The ARN template of a resource's type, as IAM names it in the top-level `EvalResourceName`
 * ("The ARN template for the simulated resource type ... This is not a specific customer-provided
 * resource ARN": IAM API model, EvaluationResult), or `*` when none is defined.
 */
export function arnTemplate(resource: string): string {
  const bedrock = /^arn:[\w-]+:bedrock:[^:]*:(\d*):([\w-]+)\//.exec(resource)
  if (bedrock) {
    const account = bedrock[1] ? '${Account}' : ''
    return `arn:\${Partition}:bedrock:\${Region}:${account}:${bedrock[2]}/\${ResourceId}`
  }
  if (/^arn:[\w-]+:iam::\d{12}:role\//.test(resource)) {
    return 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}'
  }
  if (/^arn:[\w-]+:iam::\d{12}:user\//.test(resource)) {
    return 'arn:${Partition}:iam::${Account}:user/${UserNameWithPath}'
  }
  return '*'
}

/** The context keys the conditions of these statements test that the request did not supply. */
function missingKeys(statements: PolicyStatement[], context: Context): string[] {
  const keys = statements.flatMap((s) =>
    Object.values(s.Condition ?? {}).flatMap((byKey) => Object.keys(byKey))
  )
  return [...new Set(keys.filter((k) => context[k.toLowerCase()] === undefined))]
}

/** Statements of identity policies and the boundary (not SCPs) that apply to an action and resource. */
function applicable(
  policies: SimulatorPolicies,
  action: string,
  resource: string
): PolicyStatement[] {
  const docs = [
    ...Object.values(policies.identity),
    ...(policies.permissionsBoundary ? [policies.permissionsBoundary] : [])
  ]
  return docs.flatMap((d) =>
    d.Statement.filter(
      (st) =>
        list(st.Action).some((a) => glob(a, action, true)) &&
        list(st.Resource).some((r) => glob(r, resource))
    )
  )
}

const rank: Record<Decision, number> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 }

/**
 * The `iam:SimulatePrincipalPolicy` handler for a fake AWS, answering from `policies` as the
 * current IAM model describes: one result per action and resource type, named by the type's ARN
 * template, with each listed ARN's decision, matched statements, missing context keys and
 * boundary detail in `ResourceSpecificResults` ("If you include a list of resources, then any
 * missing context values are instead included under the ResourceSpecificResults section").
 * Matched statements name the policy type from `PolicySourceType` and never an SCP.
 */
export function simulatePrincipalPolicy(policies: SimulatorPolicies) {
  return (req: FakeRequest): FakeReply => {
    const actions = members(req.params, 'ActionNames')
    // "If you do not specify a value for this parameter, then the value defaults to * (all
    // resources)" (IAM API reference, SimulatePrincipalPolicy).
    const listed = members(req.params, 'ResourceArns')
    const context = contextFrom(req.params)
    const source = req.params.PolicySourceArn ?? ''
    const identityType = /:user\//.test(source) ? 'user' : 'role'
    const statementsXml = (e: Evaluation) =>
      e.matched
        .filter((m) => !(policies.scp && m.policy in policies.scp))
        .map(
          (m) =>
            `<member><SourcePolicyId>${xmlEscape(m.policy)}</SourcePolicyId><SourcePolicyType>${m.policy === 'boundary' ? 'user-managed' : identityType}</SourcePolicyType></member>`
        )
        .join('')
    const keysXml = (keys: string[]) =>
      keys.length
        ? `<MissingContextValues>${keys.map((k) => `<member>${xmlEscape(k)}</member>`).join('')}</MissingContextValues>`
        : '<MissingContextValues/>'
    const orgXml = (allowed: boolean | undefined) =>
      allowed !== undefined
        ? `<OrganizationsDecisionDetail><AllowedByOrganizations>${allowed}</AllowedByOrganizations></OrganizationsDecisionDetail>`
        : ''
    const boundaryXml = (allowed: boolean | undefined) =>
      allowed !== undefined
        ? `<PermissionsBoundaryDecisionDetail><AllowedByPermissionsBoundary>${allowed}</AllowedByPermissionsBoundary></PermissionsBoundaryDecisionDetail>`
        : ''
    const results: string[] = []
    for (const action of actions) {
      if (listed.length === 0) {
        const e = evaluate(policies, action, '*', context)
        results.push(
          [
            '<member>',
            `<EvalActionName>${xmlEscape(action)}</EvalActionName>`,
            '<EvalResourceName>*</EvalResourceName>',
            `<EvalDecision>${e.decision}</EvalDecision>`,
            `<MatchedStatements>${statementsXml(e)}</MatchedStatements>`,
            keysXml(missingKeys(applicable(policies, action, '*'), context)),
            orgXml(e.allowedByOrganizations),
            boundaryXml(e.allowedByBoundary),
            '</member>'
          ].join('')
        )
        continue
      }
      const byType = new Map<string, string[]>()
      for (const r of listed) byType.set(arnTemplate(r), [...(byType.get(arnTemplate(r)) ?? []), r])
      for (const [template, resources] of byType) {
        const each = resources.map((resource) => ({
          resource,
          e: evaluate(policies, action, resource, context),
          keys: missingKeys(applicable(policies, action, resource), context)
        }))
        const worst = each.reduce<Decision>(
          (d, x) => (rank[x.e.decision] > rank[d] ? x.e.decision : d),
          'allowed'
        )
        const org = each.some((x) => x.e.allowedByOrganizations === false)
          ? false
          : each.some((x) => x.e.allowedByOrganizations === true)
            ? true
            : undefined
        const boundary = each.some((x) => x.e.allowedByBoundary === false)
          ? false
          : each.some((x) => x.e.allowedByBoundary === true)
            ? true
            : undefined
        const specific = each
          .map((x) =>
            [
              '<member>',
              `<EvalResourceName>${xmlEscape(x.resource)}</EvalResourceName>`,
              `<EvalResourceDecision>${x.e.decision}</EvalResourceDecision>`,
              `<MatchedStatements>${statementsXml(x.e)}</MatchedStatements>`,
              keysXml(x.keys),
              boundaryXml(x.e.allowedByBoundary),
              '</member>'
            ].join('')
          )
          .join('')
        results.push(
          [
            '<member>',
            `<EvalActionName>${xmlEscape(action)}</EvalActionName>`,
            `<EvalResourceName>${xmlEscape(template)}</EvalResourceName>`,
            `<EvalDecision>${worst}</EvalDecision>`,
            `<MatchedStatements>${each.map((x) => statementsXml(x.e)).join('')}</MatchedStatements>`,
            '<MissingContextValues/>',
            orgXml(org),
            boundaryXml(boundary),
            `<ResourceSpecificResults>${specific}</ResourceSpecificResults>`,
            '</member>'
          ].join('')
        )
      }
    }
    return query.ok(
      'iam',
      'SimulatePrincipalPolicy',
      `<IsTruncated>false</IsTruncated><EvaluationResults>${results.join('')}</EvaluationResults>`
    )
  }
}
