import type {
  GetFoundationModelAvailabilityCommandOutput,
  GetUseCaseForModelAccessCommandOutput
} from '@aws-sdk/client-bedrock'
import type { CheckDefinition } from '../engine/check.js'
import type { Finding } from '../engine/types.js'
import { findingFromEntry } from '../catalog/match.js'
import { resolveModel } from './model-resolution.js'
import type { ModelIdFacts } from './model-id.js'
import { findingFromRead } from './read-denied.js'
import { fixContext } from './fix-context.js'

const CHECK = 'model-access'

/** Said wherever every signal is positive: claude-code#51183 saw all four and still a refusal. */
const NOT_SUFFICIENT =
  'All positive is necessary, not sufficient: a newly released model can still answer "not available for this account", and a first Marketplace subscription is only final after the first call. `invoke-probe: true` settles it with one real call.'

/**
 * Is the account allowed to use the model? GetFoundationModelAvailability (agreement,
 * authorization, entitlement, region) and, for Anthropic models, the one-time use-case form.
 */
export const modelAccessCheck: CheckDefinition = {
  id: CHECK,
  title: 'Model access',
  scope: 'region-model',
  sdks: ['bedrock'],
  dependsOn: ['region', 'model-id', 'identity'],
  speculative: ['identity'],
  async run(ctx) {
    const region = ctx.subject.region ?? ''
    const model = ctx.facts<ModelIdFacts>('model-id')?.model
    if (!model) return { findings: [] }
    // Application and provisioned ARNs name their model only through the control plane.
    const base = model.baseModelId ?? (await resolveModel(ctx)).facts?.baseModelId
    if (!base) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'skipped',
            title: 'Model access: not checked, because the model behind this ARN could not be read',
            cause: 'See the model-resolve row for the cause and fix.'
          }
        ]
      }
    }
    const anthropic = base.startsWith('anthropic.')
    const { client: bedrock, sdk } = await ctx.aws.bedrock(region)
    const fix = fixContext(ctx, { modelId: base })
    const [availability, useCase] = await Promise.all([
      ctx.aws.send<GetFoundationModelAvailabilityCommandOutput>(
        bedrock,
        new sdk.GetFoundationModelAvailabilityCommand({ modelId: base }),
        ctx.signal
      ),
      anthropic
        ? ctx.aws.send<GetUseCaseForModelAccessCommandOutput>(
            bedrock,
            new sdk.GetUseCaseForModelAccessCommand({}),
            ctx.signal
          )
        : Promise.resolve(undefined)
    ])
    const findings: Finding[] = []
    const observed: string[] = []

    if (!availability.ok) {
      findings.push(
        findingFromRead(CHECK, availability.error, 'bedrock:GetFoundationModelAvailability', fix, {
          title: `Could not read the availability of ${base} in ${region}`
        })
      )
    } else {
      const a = availability.value
      const agreement = a.agreementAvailability?.status
      observed.push(
        `agreementAvailability: ${agreement ?? '?'}${a.agreementAvailability?.errorMessage ? ` (${a.agreementAvailability.errorMessage})` : ''}`,
        `authorizationStatus: ${a.authorizationStatus ?? '?'}`,
        `entitlementAvailability: ${a.entitlementAvailability ?? '?'}`,
        `regionAvailability: ${a.regionAvailability ?? '?'}`
      )
      const base4 = { observed: [...observed] }
      if (agreement === 'PENDING') {
        findings.push(
          findingFromEntry(CHECK, 'marketplace-subscription-pending', fix, {
            title: `The Marketplace agreement for ${base} is still being created`,
            ...base4
          })
        )
      } else if (agreement === 'ERROR') {
        findings.push(
          findingFromEntry(CHECK, 'marketplace-agreement-failed', fix, {
            title: `The Marketplace agreement for ${base} failed`,
            ...base4
          })
        )
      } else if (agreement === 'NOT_AVAILABLE') {
        findings.push(
          findingFromEntry(CHECK, 'model-agreement-missing', fix, {
            title: `No Marketplace agreement for ${base} yet: the first call must create it`,
            ...base4
          })
        )
      }
      if (a.authorizationStatus === 'NOT_AUTHORIZED') {
        findings.push(
          findingFromEntry(CHECK, 'model-not-authorized', fix, {
            title: `Bedrock reports the account is not authorized for ${base}`,
            ...base4
          })
        )
      }
      if (a.entitlementAvailability === 'NOT_AVAILABLE') {
        findings.push(
          findingFromEntry(CHECK, 'model-not-available-for-account', fix, {
            title: `${base} is not available for this account`,
            ...base4
          })
        )
      }
      if (a.regionAvailability === 'NOT_AVAILABLE') {
        // A profile may still reach the model elsewhere: model-resolve decides routing.
        const viaProfile =
          model.kind !== 'foundation-model' && model.kind !== 'foundation-model-arn'
        findings.push(
          findingFromEntry(CHECK, 'model-region-unavailable', fix, {
            title: `${base} is not available in ${region}${viaProfile ? ' itself (the profile may route elsewhere; see model-resolve)' : ''}`,
            ...base4,
            ...(viaProfile ? { status: 'warn' as const } : {})
          })
        )
      }
    }

    if (useCase) {
      if (useCase.ok) {
        observed.push('Anthropic use-case form: submitted')
      } else if (useCase.error.code === 'ResourceNotFoundException') {
        // The modeled answer when no form exists for the account (or its organization).
        findings.push(
          findingFromEntry(CHECK, 'ftu-form-missing', fix, {
            title: 'The Anthropic use-case form has not been submitted for this account',
            observed: [
              `bedrock:GetUseCaseForModelAccess → ${useCase.error.code}: ${useCase.error.message}`
            ],
            error: useCase.error
          })
        )
      } else {
        findings.push(
          findingFromRead(CHECK, useCase.error, 'bedrock:GetUseCaseForModelAccess', fix, {
            title: 'Could not read whether the Anthropic use-case form was submitted'
          })
        )
      }
    }

    if (findings.length === 0) {
      findings.push({
        checkId: CHECK,
        status: 'pass',
        title: `Access to ${base} in ${region}: agreement available, authorized, entitled${anthropic ? ', use-case form on file' : ''}`,
        observed: [...observed, NOT_SUFFICIENT]
      })
    } else {
      // Say what did look fine, and that fixing the rest is still not proof.
      for (const f of findings) {
        if (f.status === 'fail' || f.status === 'warn')
          f.observed = [...new Set([...(f.observed ?? []), ...observed])]
      }
    }
    return { findings }
  }
}
