/**
 * IAM in front of the fake: every call a handler would answer is first authorised against the
 * caller's identity policies (fake-iam-simulator's evaluator), and a call they do not allow gets
 * AWS's AccessDenied answer, in the protocol and with the text each service sends:
 * "User: <caller> is not authorized to perform: <action> on resource: <arn> because no
 * identity-based policy allows the <action> action" (the `on resource` part only when the call
 * names one). So a scenario describes a role by its policy, not by scripting each denial.
 */
import { json11, query, rest, type FakeRequest, type FakeReply, type Handlers } from './fake-aws.js'
import { evaluate, type PolicyDocument } from './fake-iam-simulator.js'
import { FAKE } from './run-action.js'
import { CALLER_ROLE_ARN } from './scenarios.js'

/** Calls no IAM policy governs: GetCallerIdentity always works, web identity is unsigned. */
export const UNGOVERNED: ReadonlySet<string> = new Set([
  'sts:GetCallerIdentity',
  'sts:AssumeRoleWithWebIdentity'
])

/** The IAM action that authorises a call (Converse is authorised as bedrock:InvokeModel). */
export function iamActionOf(call: string): string {
  if (call === 'bedrock-runtime:Converse' || call === 'bedrock-runtime:InvokeModel')
    return 'bedrock:InvokeModel'
  if (
    call === 'bedrock-runtime:ConverseStream' ||
    call === 'bedrock-runtime:InvokeModelWithResponseStream'
  )
    return 'bedrock:InvokeModelWithResponseStream'
  return call.replace(/^bedrock-runtime:/, 'bedrock:')
}

/** The ARN a call names, where AWS puts one in its denial; `*` otherwise. */
function resourceOf(req: FakeRequest): string {
  const region = req.region ?? 'us-east-1'
  const profile = req.params.inferenceProfileIdentifier
  if (profile)
    return profile.startsWith('arn:')
      ? profile
      : `arn:aws:bedrock:${region}:${FAKE.account}:inference-profile/${profile}`
  const model = req.params.modelIdentifier
  if (model) return `arn:aws:bedrock:${region}::foundation-model/${model}`
  if (req.operation === 'SimulatePrincipalPolicy' && req.params.PolicySourceArn)
    return req.params.PolicySourceArn
  if (req.operation === 'GetRole' && req.params.RoleName)
    return `arn:aws:iam::${FAKE.account}:role/${req.params.RoleName}`
  return '*'
}

function denial(req: FakeRequest, action: string, resource: string, caller: string): FakeReply {
  const on = resource === '*' ? '' : ` on resource: ${resource}`
  const text = `User: ${caller} is not authorized to perform: ${action}${on} because no identity-based policy allows the ${action} action`
  switch (req.service) {
    case 'sts':
    case 'iam':
      return query.error('AccessDenied', text, 403)
    case 'servicequotas':
      return json11.error('AccessDeniedException', text)
    default:
      return rest.error('AccessDeniedException', text, 403)
  }
}

/**
 * `handlers`, each behind the identity policies of the caller: what they allow is answered as
 * the handler answers; what they do not is AccessDenied.
 */
export function authorizedBy(
  identity: Record<string, PolicyDocument>,
  handlers: Handlers,
  caller = CALLER_ROLE_ARN
): Handlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([call, handler]) => [
      call,
      (req: FakeRequest) => {
        if (!UNGOVERNED.has(call)) {
          const action = iamActionOf(call)
          const resource = resourceOf(req)
          const context = { 'aws:requestedregion': [req.region ?? 'us-east-1'] }
          if (evaluate({ identity }, action, resource, context).decision !== 'allowed')
            return denial(req, action, resource, caller)
        }
        return typeof handler === 'function' ? handler(req) : (handler as FakeReply)
      }
    ])
  )
}
