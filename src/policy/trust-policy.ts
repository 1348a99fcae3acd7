/**
 * Evaluates a role's trust policy (the `AssumeRolePolicyDocument` iam:GetRole returns) for one
 * caller and one STS action. Hand-written because no permissively licensed, maintained evaluator
 * fits a bundled action (@cloud-copilot/iam-simulate is AGPL-3.0; the test suite uses it, dev-only,
 * as an independent oracle). It answers three-valued: what the preflight cannot know, and what
 * AWS's documentation does not define, stays `unknown`; an explicit Deny wins over every Allow.
 * docs/trust.md lists what is evaluated exactly, approximately, and not at all.
 */
import {
  conditionValues,
  describeCondition,
  evaluateCondition,
  globMatch,
  type ConditionResult,
  type RequestContext,
  type Tri
} from './conditions.js'
import { accountOfRootArn, parseIamPrincipalArn, parseSessionArn } from '../parse/arn.js'

/** Who asks to assume the role, as the trust policy sees it. */
export interface TrustCaller {
  /** The caller ARN as STS reports it: a user ARN or `arn:aws:sts::A:assumed-role/NAME/SESSION`. */
  arn: string
  accountId: string
  /** The role of an assumed-role session (`arn:aws:iam::A:role/NAME`, path possibly unknown). */
  roleArn?: string
  /** For AssumeRoleWithWebIdentity: the OIDC provider ARN the token's issuer maps to. */
  federated?: string
}

export interface TrustRequest {
  /** `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, `sts:TagSession`. */
  action: string
  caller: TrustCaller
  context: RequestContext
}

export interface TrustStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: unknown
  NotPrincipal?: unknown
  Action?: string | string[]
  NotAction?: string | string[]
  Condition?: Record<string, Record<string, unknown>>
}

export interface StatementVerdict {
  index: number
  sid?: string
  effect: 'Allow' | 'Deny'
  action: boolean
  principal: Tri
  /** How the principal matched: the caller itself, its account (delegation), or everyone. */
  principalMatch?: 'caller' | 'account' | 'anyone'
  condition: Tri
  conditions: ConditionResult[]
  applies: Tri
  notes: string[]
  statement: TrustStatement
}

export type TrustDecision = 'allowed' | 'implicit-deny' | 'explicit-deny' | 'unknown' | 'malformed'

export interface TrustEvaluation {
  decision: TrustDecision
  /** What is wrong with the document (malformed) or what could not be evaluated (unknown). */
  problems: string[]
  statements: StatementVerdict[]
  /** The Allow statement that admits the caller. */
  allowedBy?: StatementVerdict
  /** Deny statements that apply (or may apply, for `unknown`). */
  deniedBy: StatementVerdict[]
  /**
   * Allow statements for this action and principal whose conditions fail or are unknown: the
   * statement to change.
   */
  nearMisses: StatementVerdict[]
}

function label(s: Pick<StatementVerdict, 'index' | 'sid'>): string {
  return s.sid ? `statement "${s.sid}" (#${s.index + 1})` : `statement #${s.index + 1}`
}

export { label as statementLabel }

// ── Parsing ─────────────────────────────────────────────────────────────────────────────────

export type ParsedTrust =
  { ok: true; statements: TrustStatement[] } | { ok: false; problem: string }

function isStringList(v: unknown): v is string | string[] {
  return (
    typeof v === 'string' ||
    (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))
  )
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function statementProblem(s: unknown, n: number): string | undefined {
  const where = `Statement #${n + 1}`
  if (!isRecord(s)) return `${where} is not an object`
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
    return `${where} has Effect ${JSON.stringify(s.Effect)}; it must be "Allow" or "Deny"`
  if (s.Action === undefined && s.NotAction === undefined) return `${where} has no Action`
  for (const field of ['Action', 'NotAction'] as const) {
    if (s[field] !== undefined && !isStringList(s[field]))
      return `${where} has a ${field} that is not a string or a list of strings`
  }
  if (s.Principal === undefined && s.NotPrincipal === undefined)
    return `${where} has no Principal (a trust policy must name who may assume the role)`
  for (const field of ['Principal', 'NotPrincipal'] as const) {
    const p = s[field]
    if (p === undefined || p === '*') continue
    if (!isRecord(p)) return `${where} has a ${field} that is neither "*" nor an object`
    for (const [type, value] of Object.entries(p)) {
      if (!isStringList(value))
        return `${where} ${field}.${type} is not a string or a list of strings`
    }
  }
  if (s.Condition !== undefined) {
    if (!isRecord(s.Condition)) return `${where} has a Condition that is not an object`
    for (const [op, keys] of Object.entries(s.Condition)) {
      if (!isRecord(keys)) return `${where} Condition.${op} is not an object of keys`
      for (const [key, value] of Object.entries(keys)) {
        if (!conditionValues(value))
          return `${where} Condition.${op}.${key} is not a string, boolean or list of them`
      }
    }
  }
  return undefined
}

/**
 * Parses a trust policy: the URL-encoded text iam:GetRole returns, plain JSON text, or an object.
 * Never throws; a document it cannot read comes back with what is wrong.
 */
export function parseTrustPolicy(document: unknown): ParsedTrust {
  let value: unknown = document
  if (typeof document === 'string') {
    let text = document.trim()
    if (!text.startsWith('{')) {
      try {
        text = decodeURIComponent(text)
      } catch {
        return {
          ok: false,
          problem: 'the trust policy is not URL-decodable (a malformed %-escape)'
        }
      }
    }
    try {
      value = JSON.parse(text)
    } catch (err) {
      return {
        ok: false,
        problem: `the trust policy is not JSON (${err instanceof Error ? err.message : String(err)})`
      }
    }
  }
  if (!isRecord(value)) return { ok: false, problem: 'the trust policy is not a JSON object' }
  const raw = value.Statement
  if (raw === undefined) return { ok: false, problem: 'the trust policy has no Statement' }
  const list = Array.isArray(raw) ? raw : [raw]
  if (list.length === 0) return { ok: false, problem: 'the trust policy has an empty Statement' }
  for (const [n, s] of list.entries()) {
    const problem = statementProblem(s, n)
    if (problem) return { ok: false, problem }
  }
  return { ok: true, statements: list as TrustStatement[] }
}

// ── Matching ────────────────────────────────────────────────────────────────────────────────

function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

function actionMatches(s: TrustStatement, action: string): boolean {
  if (s.Action !== undefined) return asList(s.Action).some((a) => globMatch(a, action, true))
  return !asList(s.NotAction).some((a) => globMatch(a, action, true))
}

type PrincipalHow = NonNullable<StatementVerdict['principalMatch']>

/**
 * One `"AWS"` principal entry against the caller ("AWS JSON policy elements: Principal",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * - an account ID or `arn:…:iam::ACCOUNT:root` delegates to the account;
 * - a user ARN names that user ("the user name part of the ARN is case sensitive");
 * - a role ARN names the role, so every session of it; a session ARN names that session;
 * - "You cannot use a wildcard to match part of a principal name or ARN".
 * IAM role names are unique regardless of case, and the page does not say whether a role ARN
 * differing from the caller's only in case matches: that is `unknown`.
 */
function awsPrincipalMatch(
  entry: string,
  caller: TrustCaller
): PrincipalHow | 'unknown' | undefined {
  if (entry === '*') return 'anyone'
  if (/^\d{12}$/.test(entry)) return entry === caller.accountId ? 'account' : undefined
  const root = accountOfRootArn(entry)
  if (root) return root === caller.accountId ? 'account' : undefined
  if (entry === caller.arn) return 'caller'
  const named = parseIamPrincipalArn(entry)
  if (!named) {
    // An assumed-role session ARN: the role name part may differ in case only.
    const want = parseSessionArn(entry)
    const have = parseSessionArn(caller.arn)
    if (want && have && entry.toLowerCase() === caller.arn.toLowerCase()) {
      return want.sessionName === have.sessionName ? 'unknown' : undefined
    }
    return undefined
  }
  const mine = parseIamPrincipalArn(caller.roleArn ?? caller.arn)
  if (!mine || mine.account !== named.account || mine.type !== named.type) return undefined
  if (mine.name === named.name) return 'caller'
  return named.type === 'role' && mine.name.toLowerCase() === named.name.toLowerCase()
    ? 'unknown'
    : undefined
}

const RANK: Record<PrincipalHow, number> = { caller: 3, anyone: 2, account: 1 }

function principalMatch(
  s: TrustStatement,
  caller: TrustCaller
): { result: Tri; how?: PrincipalHow; note?: string } {
  if (s.NotPrincipal !== undefined) {
    return { result: 'unknown', note: 'NotPrincipal is not evaluated by the preflight' }
  }
  const p = s.Principal
  if (p === '*') return { result: 'yes', how: 'anyone' }
  if (!isRecord(p)) return { result: 'no' }
  let how: PrincipalHow | undefined
  let note: string | undefined
  for (const [type, value] of Object.entries(p)) {
    for (const entry of asList(value as string | string[])) {
      let m: PrincipalHow | 'unknown' | undefined
      if (type === 'AWS' && caller.federated) {
        // The Principal page makes `{"AWS": "*"}` equal to `"*"` only "for anonymous users"; it
        // does not say whether it admits a web identity session. Not decided here.
        m = entry === '*' ? 'unknown' : undefined
        if (m)
          note = '{"AWS": "*"} and a web identity caller: AWS does not document whether it matches'
      } else if (type === 'AWS') {
        m = awsPrincipalMatch(entry, caller)
        if (m === 'unknown') {
          note = `principal ${entry} differs from the caller only in the case of its name; AWS does not document whether it matches`
        }
      } else if (type === 'Federated' && caller.federated && entry === caller.federated)
        m = 'caller'
      // A Service principal never admits a user, a role session or a web identity.
      if (m && m !== 'unknown' && (!how || RANK[m] > RANK[how])) how = m
    }
  }
  if (how) return { result: 'yes', how }
  return note ? { result: 'unknown', note } : { result: 'no' }
}

function and(...values: Tri[]): Tri {
  if (values.includes('no')) return 'no'
  if (values.includes('unknown')) return 'unknown'
  return 'yes'
}

function verdictFor(s: TrustStatement, index: number, request: TrustRequest): StatementVerdict {
  const action = actionMatches(s, request.action)
  const principal = principalMatch(s, request.caller)
  const condition = s.Condition
    ? evaluateCondition(s.Condition, request.context)
    : { result: 'yes' as Tri, parts: [] }
  const notes = [
    ...(principal.note ? [principal.note] : []),
    ...condition.parts.filter((c) => c.result !== 'yes').map(describeCondition)
  ]
  return {
    index,
    ...(s.Sid ? { sid: s.Sid } : {}),
    effect: s.Effect,
    action,
    principal: principal.result,
    ...(principal.how ? { principalMatch: principal.how } : {}),
    condition: condition.result,
    conditions: condition.parts,
    applies: and(action ? 'yes' : 'no', principal.result, condition.result),
    notes,
    statement: s
  }
}

function rank(s: StatementVerdict): number {
  return s.principalMatch ? RANK[s.principalMatch] : 0
}

/** Evaluates a trust policy for one request. Never throws. */
export function evaluateTrustPolicy(document: unknown, request: TrustRequest): TrustEvaluation {
  const parsed = parseTrustPolicy(document)
  if (!parsed.ok) {
    return {
      decision: 'malformed',
      problems: [parsed.problem],
      statements: [],
      deniedBy: [],
      nearMisses: []
    }
  }
  const statements = parsed.statements.map((s, i) => verdictFor(s, i, request))
  const denies = statements.filter((s) => s.effect === 'Deny' && s.applies !== 'no')
  const allows = statements.filter((s) => s.effect === 'Allow')
  // The strongest admitting statement: one naming the caller beats `*`, which beats the account
  // (that choice decides whether the identity policy is needed too).
  const allowedBy = allows
    .filter((s) => s.applies === 'yes')
    .reduce<StatementVerdict | undefined>(
      (best, s) => (!best || rank(s) > rank(best) ? s : best),
      undefined
    )
  const maybeAllowed = allows.filter((s) => s.applies === 'unknown')
  const nearMisses = allows.filter((s) => s.action && s.principal !== 'no' && s.applies !== 'yes')
  const problems = [...denies, ...maybeAllowed, ...nearMisses]
    .filter((s, i, all) => all.indexOf(s) === i && s.applies === 'unknown')
    .flatMap((s) => s.notes.map((n) => `${label(s)}: ${n}`))
  const base = { statements, deniedBy: denies, nearMisses, problems }
  if (denies.some((s) => s.applies === 'yes')) {
    return {
      ...base,
      decision: 'explicit-deny',
      deniedBy: denies.filter((s) => s.applies === 'yes')
    }
  }
  if (denies.length > 0 && (allowedBy || maybeAllowed.length > 0)) {
    return { ...base, decision: 'unknown', ...(allowedBy ? { allowedBy } : {}) }
  }
  if (allowedBy) return { ...base, decision: 'allowed', allowedBy }
  if (maybeAllowed.length > 0) return { ...base, decision: 'unknown' }
  return { ...base, decision: 'implicit-deny' }
}

/**
 * Whether the caller's own identity policy must allow the action as well.
 * - Across accounts always ("Cross-account policy evaluation logic",
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
 * - Within one account, not when the trust policy names the caller (its user, role or session
 *   ARN) or `*`: "For IAM users and role principals within your account, no other permissions are
 *   required" (Principal page, "All principals"). When it names only the account (`:root` or the
 *   account ID) it "delegates authority to the account", whose identity policies must allow it
 *   ("Policy evaluation logic": role trust policies "must explicitly allow access for
 *   principals").
 * An Allow that may apply (its condition undecided) and would suffice alone means the identity
 * policy is not known to be needed: the answer is `false`, so a caller-side refusal is never
 * blamed on a guess.
 */
export function identityPolicyRequired(evaluation: TrustEvaluation, sameAccount: boolean): boolean {
  if (!sameAccount) return true
  const alone = (s: StatementVerdict) =>
    s.principalMatch === 'caller' || s.principalMatch === 'anyone' || s.principal === 'unknown'
  if (evaluation.decision !== 'allowed' && evaluation.decision !== 'unknown') return true
  return !evaluation.statements.some((s) => s.effect === 'Allow' && s.applies !== 'no' && alone(s))
}

/** The context of a `sts:AssumeRole` call the preflight makes itself (no external ID, no tags). */
export function assumeRoleContext(caller: TrustCaller, kind: string): RequestContext {
  const principalArn = caller.roleArn ?? caller.arn
  const type =
    kind === 'assumed-role'
      ? 'AssumedRole'
      : kind === 'user'
        ? 'User'
        : kind === 'root'
          ? 'Account'
          : undefined
  return {
    values: {
      'aws:principalarn': [principalArn],
      'aws:principalaccount': [caller.accountId],
      ...(type ? { 'aws:principaltype': [type] } : {}),
      // The preflight's own AssumeRole passes neither an external ID nor a source identity.
      'sts:externalid': null,
      // A role session may carry a source identity from an earlier hop; a user never does.
      'aws:sourceidentity': kind === 'user' ? null : 'unknown',
      'aws:principalorgid': 'unknown',
      'aws:principalorgpaths': 'unknown',
      // A user on long-term keys has no MFA key, but one on GetSessionToken credentials may
      // have it true: GetCallerIdentity shows the same user ARN for both, so never known here.
      'aws:multifactorauthpresent': 'unknown',
      // Present for IAM users only ("AWS global condition context keys").
      'aws:username': kind === 'user' ? [caller.arn.replace(/^.*\//, '')] : null,
      'sts:rolesessionname': ['bedrock-preflight'],
      'sts:transitivetagkeys': null,
      'aws:tagkeys': null
    },
    // aws:PrincipalTag/*, aws:SourceIp, aws:CalledVia, …: not knowable here.
    otherKeys: 'unknown'
  }
}

/** A trust statement that admits exactly this caller for `action`. */
export function suggestedTrustStatement(
  principal: { AWS: string } | { Federated: string },
  action: string | string[],
  condition?: Record<string, Record<string, string | string[]>>
): Record<string, unknown> {
  return {
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    ...(condition ? { Condition: condition } : {})
  }
}
