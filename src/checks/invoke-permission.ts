import type { ContextEntry, EvaluationResult } from '@aws-sdk/client-iam'
import { getRole, simulatePrincipalPolicy } from './iam-reads.js'
import type { AwsResult } from '../aws/access.js'
import type { CheckContext, CheckDefinition } from '../engine/check.js'
import type { Finding } from '../engine/types.js'
import { findingFromEntry } from '../catalog/match.js'
import {
  INVOKE_ACTIONS,
  minimalInvokePolicy,
  policyJson,
  type MissingGrant
} from '../policy/bedrock-invoke-policy.js'
import { splitFoundationModelArn } from '../parse/model-id.js'
import { resolveModel, type ResolveFacts } from './model-resolution.js'
import type { IdentityFacts } from './identity.js'
import { findingFromRead } from './read-denied.js'
import { fixContext } from './fix-context.js'

const CHECK = 'invoke-permission'

/** One simulated resource with the context the real call carries for it. */
export interface SimulatedResource {
  resource: string
  /** `aws:RequestedRegion` for this hop: the region, or `unspecified` for the global hop. */
  requestedRegion: string
  profileArn?: string
}

/**
 * Every ARN one invocation is authorised against (reference §5.5): the profile ARN in the source
 * region; the foundation model in each destination region (and the source); the region-less
 * foundation-model ARN for global profiles, where `aws:RequestedRegion` is `unspecified`.
 */
export function resourcesToSimulate(facts: ResolveFacts): SimulatedResource[] {
  if (facts.provisionedArn) {
    return [{ resource: facts.provisionedArn, requestedRegion: facts.region }]
  }
  const profileArn = facts.profileArn
  const out: SimulatedResource[] = []
  if (profileArn) out.push({ resource: profileArn, requestedRegion: facts.region, profileArn })
  const models = new Set(facts.modelArns)
  // AWS: "you must also specify the foundation model in each Region associated with it", and the
  // source region's model is evaluated even when the source is not a destination.
  if (profileArn && facts.profileKind !== 'application' && facts.baseModelId) {
    models.add(
      `arn:${facts.partition}:bedrock:${facts.region}::foundation-model/${facts.baseModelId}`
    )
  }
  for (const arn of models) {
    const region = splitFoundationModelArn(arn)?.region ?? facts.region
    out.push({
      resource: arn,
      requestedRegion: region || 'unspecified',
      ...(profileArn ? { profileArn } : {})
    })
  }
  return out
}

function contextEntries(r: SimulatedResource): ContextEntry[] {
  return [
    {
      ContextKeyName: 'aws:RequestedRegion',
      ContextKeyType: 'string',
      ContextKeyValues: [r.requestedRegion]
    },
    ...(r.profileArn
      ? [
          {
            ContextKeyName: 'bedrock:InferenceProfileArn',
            ContextKeyType: 'string' as const,
            ContextKeyValues: [r.profileArn]
          }
        ]
      : [])
  ]
}

interface Evaluated {
  resource: SimulatedResource
  result: EvaluationResult
}

function simulate(
  ctx: CheckContext,
  partition: string,
  principal: string,
  resources: SimulatedResource[]
): Promise<AwsResult<Evaluated[]>> {
  return Promise.all(
    resources.map(async (resource) => {
      const r = await simulatePrincipalPolicy(ctx, partition, {
        PolicySourceArn: principal,
        ActionNames: [...INVOKE_ACTIONS],
        ResourceArns: [resource.resource],
        ContextEntries: contextEntries(resource)
      })
      return r.ok
        ? {
            ok: true as const,
            value: (r.value.EvaluationResults ?? []).map((result) => ({ resource, result }))
          }
        : r
    })
  ).then((all) => {
    const failed = all.find((r) => !r.ok)
    if (failed && !failed.ok) return failed
    return { ok: true as const, value: all.flatMap((r) => (r.ok ? r.value : [])) }
  })
}

function hop(r: SimulatedResource): string {
  return r.requestedRegion === 'unspecified'
    ? 'global hop, aws:RequestedRegion=unspecified'
    : `aws:RequestedRegion=${r.requestedRegion}`
}

function line(e: Evaluated): string {
  const d = e.result
  const attribution = [
    d.OrganizationsDecisionDetail?.AllowedByOrganizations === false ? 'denied by an SCP' : '',
    d.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false
      ? 'not allowed by the permissions boundary'
      : ''
  ].filter(Boolean)
  return `${d.EvalActionName} on ${d.EvalResourceName ?? e.resource.resource} → ${d.EvalDecision}${attribution.length ? ` (${attribution.join(', ')})` : ''} [${hop(e.resource)}]`
}

/** The principal IAM can simulate for this caller: a session maps to its role. */
function principalOf(identity: IdentityFacts): { arn?: string; why?: string } {
  switch (identity.kind) {
    case 'assumed-role':
    case 'role':
    case 'user':
      return { arn: identity.kind === 'user' ? identity.arn : identity.roleArn }
    case 'root':
      return {
        why: 'the root user cannot be simulated (it is allowed everything its SCPs allow); do not run jobs as root'
      }
    default:
      return { why: `IAM can simulate users and roles only, and the caller is ${identity.arn}` }
  }
}

/**
 * Does the caller's IAM allow the invocation on every ARN it needs? iam:SimulatePrincipalPolicy
 * with the context keys the real call carries; SCPs and permissions boundaries are attributed.
 */
export const invokePermissionCheck: CheckDefinition = {
  id: CHECK,
  title: 'Invoke permission',
  scope: 'region-model',
  sdks: ['iam'],
  dependsOn: ['region', 'model-id', 'identity'],
  // Needs the caller ARN and the destinations: both come from calls already in flight.
  speculative: ['identity'],
  async run(ctx) {
    const [identity, resolution] = await Promise.all([
      ctx.waitFor<IdentityFacts>('identity'),
      resolveModel(ctx)
    ])
    if (!identity) return { findings: [] } // discarded: identity did not pass
    const facts = resolution.facts
    if (!facts) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'skipped',
            title:
              'Invoke permission: not simulated, because model-resolve could not establish which ARNs the call reaches',
            cause:
              'The simulation needs the profile ARN and its destination regions; see the model-resolve row for the cause and fix.'
          }
        ]
      }
    }
    const fix = fixContext(ctx, { modelId: facts.baseModelId })
    const principal = principalOf(identity)
    if (!principal.arn) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'unverified',
            title: 'Invoke permission not simulated for this kind of caller',
            observed: [`caller: ${identity.arn}`],
            cause: `${principal.why}.`,
            fix: 'Run the job as an IAM role (GitHub OIDC with `aws-actions/configure-aws-credentials`) so its policy can be checked, or enable `invoke-probe` for a real call.'
          }
        ]
      }
    }
    const resources = resourcesToSimulate(facts)
    let source = principal.arn
    let result = await simulate(ctx, facts.partition, source, resources)
    const notes: string[] = []
    // A role with a path loses it in the session ARN; IAM then does not know `role/NAME`.
    if (!result.ok && /^NoSuchEntity/.test(result.error.code) && identity.kind === 'assumed-role') {
      const roleName = source.slice(source.lastIndexOf('/') + 1)
      const role = await getRole(ctx, facts.partition, roleName)
      if (role.ok && role.value.Role?.Arn && role.value.Role.Arn !== source) {
        notes.push(`the session ARN drops the role path; GetRole gave ${role.value.Role.Arn}`)
        source = role.value.Role.Arn
        result = await simulate(ctx, facts.partition, source, resources)
      }
    }
    if (!result.ok) {
      return {
        findings: [
          findingFromRead(CHECK, result.error, 'iam:SimulatePrincipalPolicy', fix, {
            title: `Could not simulate invoke permission for ${source}`,
            observed: [
              ...(identity.kind === 'assumed-role'
                ? [
                    `simulated principal: ${source} (from the session ${identity.arn}; a role with a path needs iam:GetRole to find its real ARN)`
                  ]
                : [`simulated principal: ${source}`]),
              ...notes
            ]
          })
        ]
      }
    }
    const evaluated = result.value
    const denied = evaluated.filter((e) => e.result.EvalDecision !== 'allowed')
    const principalLine = `simulated principal: ${source}${identity.kind === 'assumed-role' ? ` (role of the session ${identity.arn})` : ''}`
    const caveat =
      'IAM simulation covers identity policies, SCPs and permissions boundaries; it cannot see session policies, the Marketplace subscription, the Anthropic form or quotas (model-access and invoke-probe look at those).'
    if (denied.length === 0) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'pass',
            title: `${source.split('/').pop()} may call InvokeModel and InvokeModelWithResponseStream on all ${resources.length} ARN${resources.length === 1 ? '' : 's'} the call needs`,
            observed: [principalLine, ...notes, ...evaluated.map(line), caveat]
          }
        ]
      }
    }
    return {
      findings: deniedFindings(denied, evaluated, facts, source, [principalLine, ...notes], fix)
    }
  }
}

function deniedFindings(
  denied: Evaluated[],
  all: Evaluated[],
  facts: ResolveFacts,
  principal: string,
  head: string[],
  fix: ReturnType<typeof fixContext>
): Finding[] {
  const findings: Finding[] = []
  const byScp = denied.filter(
    (e) => e.result.OrganizationsDecisionDetail?.AllowedByOrganizations === false
  )
  const byBoundary = denied.filter(
    (e) =>
      !byScp.includes(e) &&
      e.result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false
  )
  const rest = denied.filter((e) => !byScp.includes(e) && !byBoundary.includes(e))
  const explicit = rest.filter((e) => e.result.EvalDecision === 'explicitDeny')
  const missing = rest.filter((e) => e.result.EvalDecision !== 'explicitDeny')
  const allowedCount = all.length - denied.length
  const summaryLine = `${denied.length} of ${all.length} checks denied, ${allowedCount} allowed`
  const grants = (list: Evaluated[]): MissingGrant[] =>
    list.map((e) => ({
      action: e.result.EvalActionName ?? '',
      resource: e.result.EvalResourceName ?? e.resource.resource
    }))
  const arns = (list: Evaluated[]) => [
    ...new Set(list.map((e) => e.result.EvalResourceName ?? e.resource.resource))
  ]
  const role = `\`${principal}\``

  if (byScp.length) {
    const regions = [...new Set(byScp.map((e) => e.resource.requestedRegion))]
    findings.push(
      findingFromEntry(CHECK, 'bedrock-scp-deny', fix, {
        title: `A service control policy denies invoking in ${regions.join(', ')}`,
        observed: [...head, summaryLine, ...byScp.map(line)],
        fix: `Ask the organization's administrators to let the SCP allow \`bedrock:InvokeModel\` and \`bedrock:InvokeModelWithResponseStream\` for ${regions
          .map((r) =>
            r === 'unspecified'
              ? '`"aws:RequestedRegion": "unspecified"` (the global hop)'
              : `\`${r}\``
          )
          .join(
            ', '
          )}: every destination of \`${facts.profileId ?? facts.invokeId}\` must be allowed, or the call fails even though you never chose that region. Otherwise use a profile whose destinations the SCP allows. No identity policy can override an SCP deny.`
      })
    )
  }
  if (byBoundary.length) {
    const policy = policyJson(
      minimalInvokePolicy({
        ...(facts.profileArn ? { profileArn: facts.profileArn } : {}),
        missing: grants(byBoundary)
      })
    )
    findings.push(
      findingFromEntry(CHECK, 'bedrock-explicit-deny', fix, {
        title: `The permissions boundary of ${principal.split('/').pop()} does not allow ${arns(byBoundary).length} ARN${arns(byBoundary).length === 1 ? '' : 's'} the call needs`,
        observed: [...head, summaryLine, ...byBoundary.map(line)],
        cause:
          "The role's permissions boundary caps what its policies can grant, and it does not include these invoke permissions, so they are denied even where the identity policy allows them.",
        fix: `Add these statements to the permissions boundary of ${role} (a boundary must allow what the identity policy grants):\n\n\`\`\`json\n${policy}\n\`\`\``,
        details: [
          { title: 'Minimal statements for the boundary', body: `\`\`\`json\n${policy}\n\`\`\`` }
        ]
      })
    )
  }
  if (explicit.length) {
    findings.push(
      findingFromEntry(CHECK, 'bedrock-explicit-deny', fix, {
        title: `An explicit Deny in ${principal.split('/').pop()}'s policies blocks ${arns(explicit).join(', ')}`,
        observed: [
          ...head,
          summaryLine,
          ...explicit.map(line),
          ...explicit.flatMap((e) =>
            (e.result.MatchedStatements ?? []).map(
              (s) =>
                `matched statement: ${s.SourcePolicyId ?? '?'} (${s.SourcePolicyType ?? 'policy'})`
            )
          )
        ]
      })
    )
  }
  if (missing.length) {
    const policy = policyJson(
      minimalInvokePolicy({
        ...(facts.profileArn ? { profileArn: facts.profileArn } : {}),
        missing: grants(missing)
      })
    )
    const list = arns(missing)
    const missingContext = [...new Set(missing.flatMap((e) => e.result.MissingContextValues ?? []))]
    findings.push(
      findingFromEntry(CHECK, 'bedrock-invoke-denied', fix, {
        title: `No policy of ${principal.split('/').pop()} allows invoking ${list.length} of the ARNs the call needs`,
        observed: [
          ...head,
          summaryLine,
          ...missing.map(line),
          ...(missingContext.length
            ? [
                `context keys the policies test but the simulation lacked: ${missingContext.join(', ')}`
              ]
            : [])
        ],
        fix: `Add these statements to an identity policy of ${role}; they grant exactly the denied ARNs${facts.profileArn ? ' (models only through this profile)' : ''}:\n\n\`\`\`json\n${policy}\n\`\`\``,
        details: [
          { title: 'Denied ARNs', body: list.map((a) => `- \`${a}\``).join('\n') },
          { title: 'Minimal policy JSON', body: `\`\`\`json\n${policy}\n\`\`\`` }
        ]
      })
    )
  }
  return findings
}
