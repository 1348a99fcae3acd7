import { AssumeRoleCommand, type AssumeRoleCommandOutput, type Tag } from '@aws-sdk/client-sts'
import { sessionTagPlan } from '../aws/session-tags.js'
import { maskReturnedCredentials } from '../aws/partition.js'
import type { SimulatePrincipalPolicyCommandOutput } from '@aws-sdk/client-iam'
import { getRole, simulatePrincipalPolicy } from './iam-reads.js'
import type { AwsResult } from '../aws/access.js'
import type { CheckContext, CheckDefinition } from '../engine/check.js'
import type { Finding, FindingDetail, ObservedError } from '../engine/types.js'
import { findingFromError, matchError } from '../catalog/match.js'
import {
  assumeRoleContext,
  evaluateTrustPolicy,
  identityPolicyRequired,
  statementLabel,
  suggestedTrustStatement,
  type TrustCaller,
  type TrustEvaluation
} from '../policy/trust-policy.js'
import type { IdentityFacts } from './identity.js'
import { findingFromRead } from './read-denied.js'
import { fixContext } from './fix-context.js'

const CHECK = 'role-trust'
export const SESSION_NAME = 'bedrock-preflight'
/** The shortest session STS grants: the credentials are thrown away at once anyway. */
export const SESSION_SECONDS = 900

const ROLE_ARN = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/

export function parseRoleArn(
  arn: string
): { partition: string; account: string; name: string } | undefined {
  const m = ROLE_ARN.exec(arn)
  return m
    ? { partition: m[1] as string, account: m[2] as string, name: m[3] as string }
    : undefined
}

export function jsonBlock(value: unknown): string {
  return `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``
}

/** The identity policy that lets a caller take `actions` on one role, as a JSON block. */
function identityPolicyBlock(actions: string | string[], roleArn: string): string {
  return jsonBlock({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: roleArn }]
  })
}

/** What one side (trust policy or caller's identity policy) says about the AssumeRole. */
interface Side {
  state: 'allows' | 'denies' | 'unverified'
  /** An explicit Deny: it blocks even where the other side alone would suffice. */
  explicit?: boolean
  lines: string[]
  /** What to change, in words (Markdown). */
  change?: string
  detail?: FindingDetail
  /** A separate `unverified` finding when a read was denied or impossible. */
  finding?: Finding
}

/** The principal a trust policy should name and IAM can simulate: the role of a session. */
function principalArn(identity: IdentityFacts): string {
  return identity.kind === 'assumed-role' && identity.roleArn ? identity.roleArn : identity.arn
}

function callerOf(identity: IdentityFacts): TrustCaller {
  return {
    arn: identity.arn,
    accountId: identity.accountId,
    ...(identity.roleArn ? { roleArn: identity.roleArn } : {})
  }
}

async function readTrust(
  ctx: CheckContext,
  role: { arn: string; account: string; name: string; partition: string },
  identity: IdentityFacts
): Promise<{ side: Side; evaluation?: TrustEvaluation; roleMissing?: ObservedError }> {
  const fix = fixContext(ctx, { roleArn: role.arn, callerArn: identity.arn })
  if (role.account !== identity.accountId) {
    return {
      side: {
        state: 'unverified',
        lines: [
          `trust policy: not read (the role is in account ${role.account}; iam:GetRole reads only the caller's account ${identity.accountId})`
        ],
        finding: {
          checkId: CHECK,
          status: 'unverified',
          title: `Trust policy of ${role.arn} not read: the role is in another account`,
          observed: [`caller account ${identity.accountId}, role account ${role.account}`],
          cause:
            "iam:GetRole can only read roles in the caller's own account, so the trust side of this cross-account role could not be checked.",
          fix: `Ask the owner of account ${role.account} to confirm the trust policy of \`${role.arn}\` names \`${principalArn(identity)}\` (see the suggested statement), or run the preflight with credentials of that account.`
        }
      }
    }
  }
  const got = await getRole(ctx, role.partition, role.name)
  if (!got.ok) {
    if (/^NoSuchEntity/.test(got.error.code))
      return { side: { state: 'denies', lines: [] }, roleMissing: got.error }
    return {
      side: {
        state: 'unverified',
        lines: ['trust policy: not read (iam:GetRole failed)'],
        finding: findingFromRead(CHECK, got.error, 'iam:GetRole', fix, {
          title: `Trust policy of ${role.arn} could not be read`
        })
      }
    }
  }
  const document = got.value.Role?.AssumeRolePolicyDocument ?? ''
  const evaluation = evaluateTrustPolicy(document, {
    action: 'sts:AssumeRole',
    caller: callerOf(identity),
    context: assumeRoleContext(callerOf(identity), identity.kind)
  })
  return { side: trustSide(evaluation, role.arn, identity), evaluation }
}

function trustSide(evaluation: TrustEvaluation, roleArn: string, identity: IdentityFacts): Side {
  const who = principalArn(identity)
  const statement = suggestedTrustStatement({ AWS: who }, 'sts:AssumeRole')
  const suggestion: FindingDetail = {
    title: `Trust statement admitting ${who}`,
    body: `Add to the trust policy of \`${roleArn}\` (IAM → Roles → Trust relationships):\n\n${jsonBlock(statement)}`
  }
  switch (evaluation.decision) {
    case 'allowed': {
      const by = evaluation.allowedBy
      return {
        state: 'allows',
        lines: [
          `trust policy: admits ${who}${by ? ` (${statementLabel(by)}, ${by.principalMatch === 'caller' ? 'names the caller' : by.principalMatch === 'account' ? "names the caller's account" : 'admits any principal'})` : ''}`
        ]
      }
    }
    case 'explicit-deny':
      return {
        state: 'denies',
        lines: [
          `trust policy: explicitly denies ${who}`,
          ...evaluation.deniedBy.map((s) => `denied by ${statementLabel(s)}`)
        ],
        change: `Remove or narrow ${evaluation.deniedBy.map(statementLabel).join(', ')} of the trust policy of \`${roleArn}\`: an explicit Deny wins over every Allow.`,
        detail: {
          title: 'Deny statement(s) in the trust policy',
          body: jsonBlock(evaluation.deniedBy.map((s) => s.statement))
        }
      }
    case 'implicit-deny': {
      const miss = evaluation.nearMisses[0]
      return {
        state: 'denies',
        lines: [
          `trust policy: does not admit ${who}`,
          ...evaluation.nearMisses.flatMap((s) => s.notes.map((n) => `${statementLabel(s)}: ${n}`))
        ],
        change: miss
          ? `Change ${statementLabel(miss)} of the trust policy of \`${roleArn}\`: its conditions do not hold for this caller (${miss.notes.join('; ')}).`
          : `No statement of the trust policy of \`${roleArn}\` names \`${who}\`, its account or \`*\` for \`sts:AssumeRole\`; add one.`,
        detail: suggestion
      }
    }
    case 'unknown':
      return {
        state: 'unverified',
        lines: [
          'trust policy: could not be decided from here',
          ...evaluation.problems.map((p) => `- ${p}`)
        ],
        change: `The trust policy of \`${roleArn}\` depends on what the preflight cannot know (${evaluation.problems.join('; ')}).`,
        detail: suggestion
      }
    case 'malformed':
      return {
        state: 'unverified',
        lines: [`trust policy: unreadable (${evaluation.problems.join('; ')})`],
        change: `The trust policy of \`${roleArn}\` could not be evaluated: ${evaluation.problems.join('; ')}.`,
        detail: suggestion
      }
  }
}

async function simulate(
  ctx: CheckContext,
  partition: string,
  source: string,
  roleArn: string
): Promise<AwsResult<SimulatePrincipalPolicyCommandOutput>> {
  return simulatePrincipalPolicy(ctx, partition, {
    PolicySourceArn: source,
    ActionNames: ['sts:AssumeRole'],
    ResourceArns: [roleArn]
  })
}

async function readIdentity(
  ctx: CheckContext,
  roleArn: string,
  identity: IdentityFacts
): Promise<Side> {
  const fix = fixContext(ctx, { roleArn, callerArn: identity.arn })
  if (identity.kind !== 'assumed-role' && identity.kind !== 'user' && identity.kind !== 'role') {
    return {
      state: 'unverified',
      lines: [
        `caller policies: not simulated (IAM simulates users and roles; the caller is ${identity.arn})`
      ]
    }
  }
  let source = principalArn(identity)
  let result = await simulate(ctx, identity.partition, source, roleArn)
  // A role with a path loses it in the session ARN; GetRole on the caller's role gives the real one.
  if (!result.ok && /^NoSuchEntity/.test(result.error.code) && identity.kind === 'assumed-role') {
    const got = await getRole(ctx, identity.partition, source.slice(source.lastIndexOf('/') + 1))
    if (got.ok && got.value.Role?.Arn && got.value.Role.Arn !== source) {
      source = got.value.Role.Arn
      result = await simulate(ctx, identity.partition, source, roleArn)
    }
  }
  if (!result.ok) {
    return {
      state: 'unverified',
      lines: ['caller policies: not simulated (iam:SimulatePrincipalPolicy failed)'],
      finding: findingFromRead(CHECK, result.error, 'iam:SimulatePrincipalPolicy', fix, {
        title: `Could not simulate sts:AssumeRole for ${source}`,
        observed: [`simulated principal: ${source}`]
      })
    }
  }
  const r = (result.value.EvaluationResults ?? [])[0]
  const decision = r?.EvalDecision ?? 'implicitDeny'
  const scp = r?.OrganizationsDecisionDetail?.AllowedByOrganizations === false
  const boundary = r?.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false
  const line = `caller policies: sts:AssumeRole on ${roleArn} → ${decision}${scp ? ' (denied by an SCP)' : ''}${boundary ? ' (not allowed by the permissions boundary)' : ''} [simulated ${source}]`
  if (decision === 'allowed') return { state: 'allows', lines: [line] }
  const matched = (r?.MatchedStatements ?? []).map((m) => m.SourcePolicyId ?? '?')
  return {
    state: 'denies',
    explicit: decision === 'explicitDeny' || scp,
    lines: [line, ...matched.map((m) => `matched: ${m}`)],
    change: scp
      ? `A service control policy denies \`sts:AssumeRole\` for \`${source}\`; ask the organization's administrators (no identity policy can override it).`
      : decision === 'explicitDeny'
        ? `Remove or narrow the explicit Deny${matched.length ? ` in ${matched.join(', ')}` : ''} on \`sts:AssumeRole\` for \`${source}\`.`
        : `No policy of \`${source}\` allows \`sts:AssumeRole\` on \`${roleArn}\`${boundary ? ' within its permissions boundary' : ''}; add the statement below to it${boundary ? ' and to its boundary' : ''}.`,
    detail: {
      title: `Identity statement for ${source}`,
      body: `Add to an identity policy of \`${source}\`:\n\n${identityPolicyBlock('sts:AssumeRole', roleArn)}`
    }
  }
}

/**
 * `sts:AssumeRole` for each `assume-role-arn`, with the session tags the job's configure-aws-
 * credentials step would send (`role-session-tags`); when refused, which side refuses: the role's
 * trust policy (iam:GetRole, evaluated here) or the caller's own policies
 * (iam:SimulatePrincipalPolicy), or only the tags (sts:TagSession).
 */
export const roleTrustCheck: CheckDefinition = {
  id: CHECK,
  title: 'Role trust',
  scope: 'role',
  sdks: ['iam'],
  dependsOn: ['identity'],
  // AssumeRole needs only the credentials: it starts while identity is still in flight.
  speculative: ['identity'],
  async run(ctx) {
    const roleArn = ctx.subject.role ?? ''
    const role = parseRoleArn(roleArn)
    if (!role) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'fail',
            title: `assume-role-arn "${roleArn}" is not an IAM role ARN`,
            cause:
              'A role ARN looks like `arn:aws:iam::123456789012:role/NAME` (a path may come before NAME).',
            fix: 'Correct the `assume-role-arn` input (or `--assume-role-arn`).'
          }
        ]
      }
    }
    const region = ctx.subject.region ?? 'us-east-1'
    const tagging = sessionTagPlan(ctx.config.roleSessionTags ?? 'auto', ctx.config.env)
    const assume = (tags: Tag[] | undefined) =>
      ctx.aws.send<AssumeRoleCommandOutput>(
        ctx.aws.sts(region),
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: SESSION_NAME,
          DurationSeconds: SESSION_SECONDS,
          ...(tags ? { Tags: tags } : {})
        }),
        ctx.signal
      )
    const [identity, tagged] = await Promise.all([
      ctx.waitFor<IdentityFacts>('identity'),
      assume(tagging?.tags)
    ])
    if (tagged.ok) maskReturnedCredentials(ctx.log, tagged.value.Credentials)
    if (!identity) return { findings: [] } // discarded: identity did not pass
    const fix = fixContext(ctx, { roleArn, callerArn: identity.arn })
    let assumed = tagged
    // Refused for the tags alone? Ask once more without them: that tells "add sts:TagSession"
    // apart from a role the caller cannot assume at all (a third round trip, on this path only).
    // The catalog says what the refusal is, so the check and `explain` never disagree.
    let tagRefused: string | undefined
    if (tagging && !tagged.ok && matchError(tagged.error)?.id === 'tag-session-denied') {
      assumed = await assume(undefined)
      if (assumed.ok) {
        maskReturnedCredentials(ctx.log, assumed.value.Credentials)
        return {
          findings: [tagSessionFinding(ctx, tagged.error, roleArn, role, identity, tagging)]
        }
      }
      // Refused without tags too: that is the finding; the tag refusal stays on record.
      tagRefused = `with ${tagging.tags.length} session tags: ${tagged.error.code}: ${tagged.error.message}`
    }
    if (assumed.ok) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'pass',
            title: `${identity.arn} can assume ${roleArn}`,
            observed: [
              `sts:AssumeRole (session ${SESSION_NAME}, ${SESSION_SECONDS} s${tagging ? `, ${tagging.tags.length} session tags as configure-aws-credentials sends them` : ''}) succeeded as ${assumed.value.AssumedRoleUser?.Arn ?? roleArn}; the credentials were discarded`
            ]
          }
        ]
      }
    }
    if (!/^AccessDenied/.test(assumed.error.code)) {
      return {
        findings: [
          findingFromError(CHECK, assumed.error, fix, {
            title: `sts:AssumeRole on ${roleArn} failed: ${assumed.error.code}`,
            ...(tagRefused ? { observed: [tagRefused] } : {})
          })
        ]
      }
    }
    const findings = await diagnose(ctx, role, roleArn, identity, assumed.error)
    if (tagRefused) findings[0]?.observed?.push(tagRefused)
    return { findings }
  }
}

/**
 * AssumeRole works, but not with the session tags the job's configure-aws-credentials step sends.
 * Error in `true` (the user said that step tags), warning in `auto` (we only know it usually does).
 */
function tagSessionFinding(
  ctx: CheckContext,
  error: ObservedError,
  roleArn: string,
  role: { account: string },
  identity: IdentityFacts,
  tagging: { tags: Tag[]; severity: 'fail' | 'warn' }
): Finding {
  const who = principalArn(identity)
  const crossAccount = role.account !== identity.accountId
  const details: FindingDetail[] = [
    {
      title: `Trust statement admitting ${who}, with session tags`,
      body: `In the trust policy of \`${roleArn}\`, the statement that admits the caller needs \`sts:TagSession\` next to \`sts:AssumeRole\`:\n\n${jsonBlock(suggestedTrustStatement({ AWS: who }, ['sts:AssumeRole', 'sts:TagSession']))}`
    }
  ]
  if (crossAccount) {
    details.push({
      title: `Identity statement for ${who}`,
      body: `Across accounts the caller's own policy must allow it too:\n\n${identityPolicyBlock(['sts:AssumeRole', 'sts:TagSession'], roleArn)}`
    })
  }
  return findingFromError(CHECK, error, fixContext(ctx, { roleArn, callerArn: identity.arn }), {
    status: tagging.severity,
    title: `${identity.arn} can assume ${roleArn}, but not with session tags`,
    observed: [
      `with ${tagging.tags.length} session tags (${tagging.tags.map((t) => t.Key).join(', ')}): refused, as above`,
      'without session tags: sts:AssumeRole succeeded; the credentials were discarded',
      tagging.severity === 'warn'
        ? 'role-session-tags: auto (in GitHub Actions the preflight assumes the job chains roles with configure-aws-credentials, which tags sessions)'
        : 'role-session-tags: true'
    ],
    details
  })
}

async function diagnose(
  ctx: CheckContext,
  role: { partition: string; account: string; name: string },
  roleArn: string,
  identity: IdentityFacts,
  error: ObservedError
): Promise<Finding[]> {
  const fix = fixContext(ctx, { roleArn, callerArn: identity.arn })
  const crossAccount = role.account !== identity.accountId
  const [trustRead, identitySide] = await Promise.all([
    readTrust(ctx, { ...role, arn: roleArn }, identity),
    readIdentity(ctx, roleArn, identity)
  ])
  if (trustRead.roleMissing) {
    return [
      findingFromError(CHECK, error, fix, {
        title: `${roleArn} does not exist`,
        observed: [`iam:GetRole → ${trustRead.roleMissing.code}: ${trustRead.roleMissing.message}`],
        cause: `There is no role named \`${role.name}\` in account ${role.account}; STS answers AccessDenied for a role that does not exist.`,
        fix: 'Correct the role ARN (check its name and account), or create the role.'
      })
    ]
  }
  const trust = trustRead.side
  const identityNeeded =
    crossAccount ||
    !trustRead.evaluation ||
    identityPolicyRequired(trustRead.evaluation, !crossAccount)
  // Within one account a trust policy naming the caller suffices; only an explicit Deny blocks.
  const identityRefuses =
    identitySide.state === 'denies' && (identityNeeded || identitySide.explicit === true)
  const trustRefuses = trust.state === 'denies'
  const who = principalArn(identity)
  const verdict =
    trustRefuses && identityRefuses
      ? "both the trust policy and the caller's policies refuse"
      : trustRefuses
        ? "the role's trust policy refuses the caller"
        : identityRefuses
          ? `the caller's policies do not allow sts:AssumeRole`
          : trust.state === 'unverified' || identitySide.state === 'unverified'
            ? 'which side refuses could not be fully verified'
            : 'both sides appear to allow it'
  const observed = [
    `caller: ${identity.arn}${who !== identity.arn ? ` (role ${who})` : ''}`,
    crossAccount
      ? `cross-account: caller account ${identity.accountId}, role account ${role.account}; both the trust policy and the caller's identity policy must allow it`
      : `same account ${role.account}`,
    ...trust.lines,
    ...identitySide.lines,
    ...(!identityNeeded && identitySide.state === 'denies' && !identityRefuses
      ? [
          '(the trust policy names the caller itself, so within one account the identity policy is not needed)'
        ]
      : [])
  ]
  const changes = [
    ...(trustRefuses && trust.change ? [`**Trust side:** ${trust.change}`] : []),
    ...(identityRefuses && identitySide.change ? [`**Caller side:** ${identitySide.change}`] : [])
  ]
  const neither = !trustRefuses && !identityRefuses
  const fixText = neither
    ? trust.state === 'allows' && identitySide.state !== 'unverified'
      ? "Both sides appear to allow it, so look beyond them: a session policy on the caller, an SCP or RCP in the role's organization, a trust condition on session tags or a source identity, or a role that was deleted and recreated (trust policies keep the old principal ID). Compare the trust policy with the statement below."
      : [trust.change, identitySide.change].filter(Boolean).join('\n\n') ||
        'Grant the preflight `iam:GetRole` and `iam:SimulatePrincipalPolicy` so it can tell which side refuses.'
    : changes.join('\n\n')
  const details: FindingDetail[] = [
    ...(trustRefuses || neither ? (trust.detail ? [trust.detail] : []) : []),
    ...(identityRefuses || (neither && crossAccount)
      ? identitySide.detail
        ? [identitySide.detail]
        : []
      : [])
  ]
  if (crossAccount && !details.some((d) => d.title.startsWith('Trust statement'))) {
    details.push({
      title: `Trust statement admitting ${who}`,
      body: `The trust policy of \`${roleArn}\` (account ${role.account}) must include:\n\n${jsonBlock(suggestedTrustStatement({ AWS: who }, 'sts:AssumeRole'))}`
    })
  }
  if (crossAccount && !details.some((d) => d.title.startsWith('Identity statement'))) {
    details.push({
      title: `Identity statement for ${who}`,
      body: `An identity policy of \`${who}\` (account ${identity.accountId}) must include:\n\n${identityPolicyBlock('sts:AssumeRole', roleArn)}`
    })
  }
  const cause = crossAccount
    ? "This is a cross-account role: the role's trust policy must name the caller (or its account) and the caller's own identity policy must allow sts:AssumeRole on the role. Either one missing gives the same AccessDenied."
    : trustRefuses && identityRefuses
      ? `Neither side grants it: the trust policy does not admit \`${who}\`, and no identity policy of the caller allows \`sts:AssumeRole\` on the role. Within one account, a trust statement naming \`${who}\` is enough on its own; one naming only the account also needs the identity statement.`
      : trustRefuses
        ? `The role's trust policy does not admit \`${who}\`; the caller's own permissions are not the problem.`
        : identityRefuses
          ? identitySide.explicit
            ? `An explicit Deny (or an SCP) on the caller's side blocks \`sts:AssumeRole\`, whatever the trust policy says.`
            : `The trust policy admits the caller only through its account (or \`*\`), which delegates the decision to the caller's identity policies, and none of them allows \`sts:AssumeRole\` on the role.`
          : undefined
  const main = findingFromError(CHECK, error, fix, {
    title: `Cannot assume ${roleArn}: ${verdict}`,
    observed,
    ...(cause ? { cause } : {}),
    fix: fixText,
    details
  })
  const extra = [trust.finding, identitySide.finding].filter((f): f is Finding => !!f)
  return [main, ...extra]
}
