import type { FoundationModelDetails, InferenceProfileSummary } from '@aws-sdk/client-bedrock'
import type { AwsAccess } from '../aws/access.js'
import type { CheckContext } from '../engine/check.js'
import type { Finding, ObservedError } from '../engine/types.js'
import { entryById, findingFromEntry, findingFromError, matchError } from '../catalog/match.js'
import { foundationModelArn, splitFoundationModelArn, type ModelId } from '../parse/model-id.js'
import { likelyPrefixes } from '../data/profile-prefixes.js'
import {
  getFoundationModel,
  getInferenceProfile,
  getProvisionedModel,
  listSystemProfiles
} from './bedrock-reads.js'
import { partitionOf } from '../aws/partition.js'
import { findingFromRead, isReadDenied } from './read-denied.js'
import { fixContext } from './fix-context.js'
import type { ModelIdFacts } from './model-id.js'
import { modelLocation } from './env-location.js'

/** How a configured model reaches the model, learned from the control plane of the region. */
export interface ResolveFacts extends Record<string, unknown> {
  region: string
  partition: string
  /** What the application sends as `modelId` (the configured value). */
  invokeId: string
  kind: ModelId['kind']
  baseModelId: string
  provider: string
  /** System or application inference-profile ARN (IAM resource and `bedrock:InferenceProfileArn`). */
  profileArn?: string
  profileId?: string
  profileKind?: 'geo' | 'global' | 'application'
  provisionedArn?: string
  /** Foundation-model ARNs the call reaches, the region-less global one included. */
  modelArns: string[]
  /** Destination regions; `unspecified` stands for the global hop (`arn:aws:bedrock:::…`). */
  destinations: string[]
}

export interface Resolution {
  /** The findings of the `model-resolve` check. */
  findings: Finding[]
  /** Present when the route is known (even if the model is Legacy). */
  facts?: ResolveFacts
}

const CHECK = 'model-resolve'
/** Regions asked "do you know this model?" when the configured region does not (failure path only). */
const PROBE_REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-northeast-1']

const memo = new WeakMap<AwsAccess, Map<string, Promise<Resolution>>>()

/**
 * Resolves the subject's model in the subject's region, once per run: model-resolve reports it,
 * invoke-permission and model-access use its facts without repeating a call.
 */
export function resolveModel(ctx: CheckContext): Promise<Resolution> {
  const key = `${ctx.subject.region ?? ''}|${ctx.subject.model ?? ''}`
  let runs = memo.get(ctx.aws)
  if (!runs) {
    runs = new Map()
    memo.set(ctx.aws, runs)
  }
  let pending = runs.get(key)
  if (!pending) {
    pending = resolve(ctx)
    runs.set(key, pending)
  }
  return pending
}

function dateOnly(d: Date | undefined): string | undefined {
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined
}

/** "The model identifier is invalid" or "not found": the identifier does not exist from here. */
function isNotHere(error: ObservedError): boolean {
  if (error.code === 'ResourceNotFoundException') return true
  const id = matchError(error)?.id
  return (
    id === 'invalid-model-identifier' ||
    id === 'model-not-found' ||
    (error.code === 'ValidationException' && id === 'validation')
  )
}

function isRetired(error: ObservedError): boolean {
  const id = matchError(error)?.id
  return id === 'model-end-of-life' || id === 'model-legacy-unused'
}

function destinationsOf(modelArns: string[]): string[] {
  return [
    ...new Set(
      modelArns.map((a) => splitFoundationModelArn(a)?.region ?? '').map((r) => r || 'unspecified')
    )
  ]
}

function callsIn(
  profile: InferenceProfileSummary | { models?: { modelArn?: string }[] },
  modelId: string
): boolean {
  return (profile.models ?? []).some((m) => m.modelArn?.endsWith(`foundation-model/${modelId}`))
}

function describeDestinations(destinations: string[]): string {
  return destinations
    .map((d) => (d === 'unspecified' ? 'all commercial regions (global)' : d))
    .join(', ')
}

interface Suggestions {
  /** Profiles callable from the region for the model, best first. */
  profiles: { id: string; destinations: string[] }[]
  /** `api`: ListInferenceProfiles answered; `hint`: the built-in table guessed. */
  source: 'api' | 'hint'
  error?: ObservedError
}

/** The profiles for `modelId` that `region` can call, from ListInferenceProfiles (or the hint table). */
async function suggestProfiles(
  ctx: CheckContext,
  region: string,
  modelId: string
): Promise<Suggestions> {
  const rank = likelyPrefixes(region, modelId)
  const order = (id: string) => {
    const prefix = id.slice(0, id.indexOf('.'))
    const i = rank.indexOf(prefix)
    return i < 0 ? (prefix === 'global' ? 99 : 50) : i
  }
  const listed = await listSystemProfiles(ctx, region)
  if (!listed.ok) {
    return {
      profiles: rank.map((p) => ({ id: `${p}.${modelId}`, destinations: [] })),
      source: 'hint',
      error: listed.error
    }
  }
  const profiles = listed.value
    .filter((p) => p.inferenceProfileId && callsIn(p, modelId))
    .map((p) => ({
      id: p.inferenceProfileId as string,
      destinations: destinationsOf((p.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean))
    }))
    .sort((a, b) => order(a.id) - order(b.id))
  return { profiles, source: 'api' }
}

function suggestionLines(s: Suggestions, region: string): string[] {
  if (s.source === 'hint') {
    return [
      `ListInferenceProfiles could not be read (${s.error?.code ?? 'error'}); by the built-in table, ${region} is usually served by: ${s.profiles.map((p) => `\`${p.id}\``).join(', ')}`
    ]
  }
  return s.profiles.map(
    (p) =>
      `\`${p.id}\` → ${p.destinations.length ? describeDestinations(p.destinations) : 'destinations not listed'}`
  )
}

function useLine(id: string, region: string, why: string): string {
  return `Set \`BEDROCK_MODEL=${id}\` (action input \`model-id: ${id}\`): ${why} ${region}.`
}

/** LEGACY → warn with the end-of-life date; past end of life → fail. */
function lifecycleFindings(
  details: FoundationModelDetails,
  modelId: string,
  ctx: CheckContext
): Finding[] {
  const life = details.modelLifecycle
  if (!life || life.status !== 'LEGACY') return []
  const eol = dateOnly(life.endOfLifeTime)
  const extended = dateOnly(life.publicExtendedAccessTime)
  const observed = [
    `modelLifecycle.status = LEGACY`,
    ...(dateOnly(life.legacyTime) ? [`legacy since ${dateOnly(life.legacyTime)}`] : []),
    ...(extended ? [`public extended access (higher prices) from ${extended}`] : []),
    ...(eol ? [`end of life ${eol}`] : [])
  ]
  const fix = fixContext(ctx, { modelId })
  if (life.endOfLifeTime && life.endOfLifeTime.getTime() <= Date.now()) {
    return [
      findingFromEntry(CHECK, 'model-end-of-life', fix, {
        title: `${modelId} reached its end of life on ${eol}`,
        observed
      })
    ]
  }
  return [
    findingFromEntry(CHECK, 'model-legacy', fix, {
      title: `${modelId} is Legacy${eol ? `: end of life ${eol}` : ''}`,
      observed
    })
  ]
}

/** Lifecycle when GetFoundationModel did not answer: retired → fail; denied → unverified; else nothing. */
function lifecycleFromError(error: ObservedError, modelId: string, ctx: CheckContext): Finding[] {
  const fix = fixContext(ctx, { modelId })
  if (isRetired(error))
    return [findingFromError(CHECK, error, fix, { title: `${modelId} can no longer be called` })]
  if (isReadDenied(error)) {
    return [
      findingFromRead(CHECK, error, 'bedrock:GetFoundationModel', fix, {
        title: `Lifecycle of ${modelId} not verified (Legacy or end-of-life dates unknown)`
      })
    ]
  }
  // Routing is known from the profile, but a Legacy or end-of-life date could hide behind any
  // other error: say it was not verified rather than letting the run pass silently.
  return [
    {
      ...findingFromError(CHECK, error, fix, {
        title: `Lifecycle of ${modelId} not verified: GetFoundationModel ended ${error.code}`
      }),
      status: 'unverified'
    }
  ]
}

async function resolve(ctx: CheckContext): Promise<Resolution> {
  const region = ctx.subject.region ?? ''
  const facts = ctx.facts<ModelIdFacts>('model-id') ?? (await ctx.waitFor<ModelIdFacts>('model-id'))
  const model = facts?.model
  if (!model) return { findings: [] }
  const fix = fixContext(ctx, { ...(model.baseModelId ? { modelId: model.baseModelId } : {}) })

  if (model.arn?.region && model.arn.region !== region) {
    const same =
      model.kind === 'foundation-model-arn' && model.baseModelId
        ? foundationModelArn(model.arn.partition, region, model.baseModelId)
        : undefined
    return {
      findings: [
        findingFromEntry(CHECK, 'invalid-model-identifier', fix, {
          title: `The ARN is for ${model.arn.region}, but this job calls Bedrock in ${region}`,
          observed: [`model ARN region: ${model.arn.region}`, `configured region: ${region}`],
          cause:
            'Bedrock only accepts ARNs of its own region: a profile or model ARN from another region is rejected ("The provided model identifier is invalid.").',
          fix: same
            ? `${useLine(same, region, 'the same model in')} Or set \`aws-region: ${model.arn.region}\`.`
            : `Set \`aws-region: ${model.arn.region}\` (or \`AWS_REGION=${model.arn.region}\`), or use the ARN of a profile in ${region} (\`aws bedrock list-inference-profiles --region ${region}\`).`
        })
      ]
    }
  }
  switch (model.kind) {
    case 'system-profile':
    case 'inference-profile-arn':
      return resolveSystemProfile(ctx, model, region)
    case 'application-profile-arn':
      return resolveApplicationProfile(ctx, model, region)
    case 'provisioned-model-arn':
      return resolveProvisioned(ctx, model, region)
    default:
      return resolveFoundationModel(ctx, model, region)
  }
}

async function resolveSystemProfile(
  ctx: CheckContext,
  model: ModelId,
  region: string
): Promise<Resolution> {
  const base = model.baseModelId ?? ''
  const identifier =
    model.kind === 'inference-profile-arn' ? model.input : (model.profileId ?? model.input)
  const fix = fixContext(ctx, { modelId: base })
  const [gip, gfm] = await Promise.all([
    getInferenceProfile(ctx, region, identifier),
    getFoundationModel(ctx, region, base)
  ])
  if (!gip.ok) {
    if (!isNotHere(gip.error)) {
      const hint = likelyPrefixes(region, base)
      return {
        findings: [
          findingFromRead(CHECK, gip.error, 'bedrock:GetInferenceProfile', fix, {
            title: `Could not verify that ${region} can call ${model.profileId}`,
            observed: [
              `built-in table (a hint only): ${region} is usually served by ${hint.map((p) => `${p}.`).join(', ')} profiles${model.prefix && !hint.includes(model.prefix) ? `, not ${model.prefix}.` : ''}`
            ],
            ...modelLocation(ctx)
          })
        ]
      }
    }
    if (model.kind === 'inference-profile-arn' && model.arn?.account) {
      const identity = await ctx.waitFor<{ accountId?: string }>('identity')
      if (identity?.accountId && identity.accountId !== model.arn.account) {
        return {
          findings: [
            findingFromError(CHECK, gip.error, fix, {
              title: `The profile ARN names account ${model.arn.account}, but the job runs as account ${identity.accountId}`,
              cause:
                'A system inference-profile ARN carries the account that calls it; an ARN copied from another account does not exist in this one.',
              fix: `Use the profile ID \`${model.profileId}\` (no account needed), or the ARN with account ${identity.accountId}.`
            })
          ]
        }
      }
    }
    const s = await suggestProfiles(ctx, region, base)
    const onDemand =
      gfm.ok && ((gfm.value.inferenceTypesSupported ?? []) as string[]).includes('ON_DEMAND')
    const best = s.profiles[0]?.id ?? (onDemand ? base : undefined)
    const alternatives = suggestionLines(s, region)
    const listed = s.source === 'api' && s.profiles.length > 0
    return {
      findings: [
        {
          ...findingFromError(CHECK, gip.error, fix, {
            title: `${model.profileId} cannot be called from ${region}${best ? `: use ${best}` : ''}`,
            status: 'fail',
            observed: [
              `callable from ${region} for ${base}:`,
              ...(alternatives.length ? alternatives : ['no inference profile for this model']),
              ...(onDemand ? [`\`${base}\` (bare ID, in-region on demand)`] : [])
            ],
            cause: `A system inference profile can only be called from its source regions, and \`${model.prefix}.\` does not list ${region}: Bedrock's runtime answers "The provided model identifier is invalid." (the \`${model.prefix}.\` prefix is not "drop it to make it work": most new Claude models have no in-region capacity).`,
            fix: best
              ? `${useLine(best, region, listed || best === base ? 'it is callable from' : 'by the built-in table it serves')}${s.profiles.length > 1 ? ` Other profiles callable from here are listed under Observed.` : ''} Remember the IAM policy: the profile ARN in ${region} and the foundation model in each destination region.`
              : `No profile for \`${base}\` is callable from ${region}. Use a region that offers it (\`aws bedrock list-inference-profiles --region <region>\`), or \`global.${base}\` where a global profile exists.`
          }),
          catalogId: 'invalid-model-identifier',
          docUrl: entryById('invalid-model-identifier').doc,
          ...modelLocation(ctx)
        }
      ]
    }
  }
  const profile = gip.value
  const modelArns = (profile.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean)
  const destinations = destinationsOf(modelArns)
  const profileKind =
    destinations.includes('unspecified') || model.prefix === 'global' ? 'global' : 'geo'
  const findings: Finding[] = [
    {
      checkId: CHECK,
      status: 'pass',
      title: `${region} can call ${model.profileId} (${profileKind === 'global' ? 'global routing' : `routes to ${destinations.length} region${destinations.length === 1 ? '' : 's'}`})`,
      observed: [
        `profile ARN: ${profile.inferenceProfileArn ?? '(not returned)'}`,
        `destination regions: ${describeDestinations(destinations)}`,
        ...modelArns.map((a) => `model ARN: ${a}`),
        ...(gfm.ok
          ? [`lifecycle: ${gfm.value.modelLifecycle?.status ?? 'not reported'}`]
          : [`lifecycle: not read (${gfm.error.code})`])
      ]
    },
    ...(gfm.ok ? lifecycleFindings(gfm.value, base, ctx) : lifecycleFromError(gfm.error, base, ctx))
  ]
  return {
    findings,
    facts: {
      region,
      partition: partitionOf(region),
      invokeId: model.input,
      kind: model.kind,
      baseModelId: base,
      provider: model.provider ?? base.split('.')[0] ?? '',
      ...(profile.inferenceProfileArn ? { profileArn: profile.inferenceProfileArn } : {}),
      profileId: profile.inferenceProfileId ?? model.profileId,
      profileKind,
      modelArns,
      destinations
    }
  }
}

async function resolveApplicationProfile(
  ctx: CheckContext,
  model: ModelId,
  region: string
): Promise<Resolution> {
  const fix = fixContext(ctx)
  const gip = await getInferenceProfile(ctx, region, model.input)
  if (!gip.ok) {
    return {
      findings: [
        findingFromRead(CHECK, gip.error, 'bedrock:GetInferenceProfile', fix, {
          title: `Could not read application inference profile ${model.arn?.resourceId} in ${region}`
        })
      ]
    }
  }
  const modelArns = (gip.value.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean)
  const base = splitFoundationModelArn(modelArns[0] ?? '')?.modelId ?? ''
  const destinations = destinationsOf(modelArns)
  const gfm = base ? await getFoundationModel(ctx, region, base) : undefined
  return {
    findings: [
      {
        checkId: CHECK,
        status: 'pass',
        title: `Application inference profile ${gip.value.inferenceProfileName ?? model.arn?.resourceId} calls ${base || 'an unlisted model'} (${describeDestinations(destinations)})`,
        observed: [
          `profile ARN: ${gip.value.inferenceProfileArn ?? model.input}`,
          ...modelArns.map((a) => `model ARN: ${a}`)
        ]
      },
      ...(gfm
        ? gfm.ok
          ? lifecycleFindings(gfm.value, base, ctx)
          : lifecycleFromError(gfm.error, base, ctx)
        : [])
    ],
    facts: {
      region,
      partition: partitionOf(region),
      invokeId: model.input,
      kind: model.kind,
      baseModelId: base,
      provider: base.split('.')[0] ?? '',
      profileArn: gip.value.inferenceProfileArn ?? model.input,
      profileKind: 'application',
      modelArns,
      destinations
    }
  }
}

async function resolveProvisioned(
  ctx: CheckContext,
  model: ModelId,
  region: string
): Promise<Resolution> {
  const fix = fixContext(ctx)
  const r = await getProvisionedModel(ctx, region, model.input)
  if (!r.ok) {
    return {
      findings: [
        findingFromRead(CHECK, r.error, 'bedrock:GetProvisionedModelThroughput', fix, {
          title: `Could not read provisioned throughput ${model.arn?.resourceId} in ${region}`
        })
      ]
    }
  }
  const base = splitFoundationModelArn(r.value.foundationModelArn ?? '')?.modelId ?? ''
  const observed = [
    `status: ${r.value.status ?? 'unknown'}`,
    `model units: ${r.value.modelUnits ?? '?'}`,
    ...(r.value.foundationModelArn ? [`foundation model: ${r.value.foundationModelArn}`] : []),
    ...(r.value.failureMessage ? [`failure: ${r.value.failureMessage}`] : [])
  ]
  const facts: ResolveFacts = {
    region,
    partition: partitionOf(region),
    invokeId: model.input,
    kind: model.kind,
    baseModelId: base,
    provider: base.split('.')[0] ?? '',
    provisionedArn: model.input,
    modelArns: [],
    destinations: [region]
  }
  if (r.value.status !== 'InService') {
    return {
      findings: [
        findingFromEntry(CHECK, 'provisioned-not-in-service', fix, {
          title: `Provisioned throughput ${r.value.provisionedModelName ?? model.arn?.resourceId} is ${r.value.status ?? 'not in service'}`,
          observed,
          ...(r.value.status === 'Creating' || r.value.status === 'Updating'
            ? { status: 'warn' as const }
            : {})
        })
      ],
      facts
    }
  }
  return {
    findings: [
      {
        checkId: CHECK,
        status: 'pass',
        title: `Provisioned throughput ${r.value.provisionedModelName ?? model.arn?.resourceId} is in service in ${region}`,
        observed
      }
    ],
    facts
  }
}

async function resolveFoundationModel(
  ctx: CheckContext,
  model: ModelId,
  region: string
): Promise<Resolution> {
  const base = model.baseModelId ?? ''
  const fix = fixContext(ctx, { modelId: base })
  const gfm = await getFoundationModel(ctx, region, base)
  if (!gfm.ok) {
    if (isRetired(gfm.error)) {
      return {
        findings: [
          findingFromError(CHECK, gfm.error, fix, { title: `${base} can no longer be called` })
        ]
      }
    }
    if (!isNotHere(gfm.error)) {
      return {
        findings: [
          findingFromRead(CHECK, gfm.error, 'bedrock:GetFoundationModel', fix, {
            title: `Could not verify that ${base} can be called on demand in ${region}`
          })
        ]
      }
    }
    // Not here: where does it exist? This region's profiles, then a few large regions.
    const elsewhere = PROBE_REGIONS.filter((r) => r !== region)
    const [s, found] = await Promise.all([
      suggestProfiles(ctx, region, base),
      Promise.all(
        elsewhere.map(async (r) => ((await getFoundationModel(ctx, r, base)).ok ? r : undefined))
      )
    ])
    const regions = found.filter((r): r is string => !!r)
    const here = s.source === 'api' ? s.profiles : []
    return {
      findings: [
        {
          ...findingFromError(CHECK, gfm.error, fix, {
            title: `${base} is not offered in ${region}${here[0] ? `: use ${here[0].id}` : ''}`,
            status: 'fail',
            observed: [
              ...(here.length
                ? [`callable from ${region} through:`, ...suggestionLines(s, region)]
                : []),
              regions.length
                ? `GetFoundationModel knows ${base} in: ${regions.join(', ')}`
                : `GetFoundationModel did not find ${base} in ${elsewhere.join(', ')} either (a typo?)`
            ],
            fix: here[0]
              ? useLine(here[0].id, region, 'it is callable from')
              : regions.length
                ? `Use a region that offers it (\`aws-region: ${regions[0]}\`), or check the ID with \`aws bedrock list-foundation-models --region ${regions[0]}\`.`
                : `Check the ID: \`aws bedrock list-foundation-models --region ${region} --by-provider ${model.provider ?? 'anthropic'}\`.`
          }),
          catalogId: 'model-not-found',
          docUrl: entryById('model-not-found').doc
        }
      ]
    }
  }
  const details = gfm.value
  const types = (details.inferenceTypesSupported ?? []) as string[]
  const observed = [
    `inferenceTypesSupported: ${types.length ? types.join(', ') : '(none reported)'}`,
    `lifecycle: ${details.modelLifecycle?.status ?? 'not reported'}`
  ]
  if (model.regionless || !types.includes('ON_DEMAND')) {
    const s = await suggestProfiles(ctx, region, base)
    const best = s.profiles[0]?.id
    const lines = suggestionLines(s, region)
    const title = model.regionless
      ? `The region-less ARN cannot be invoked${best ? `: use ${best}` : ''}`
      : `${base} has no on-demand throughput in ${region}${best ? `: use ${best}` : ''}`
    return {
      findings: [
        findingFromEntry(CHECK, 'on-demand-not-supported', fix, {
          title,
          observed: [
            ...observed,
            ...(lines.length
              ? [`callable from ${region}:`, ...lines]
              : [`no inference profile for ${base} is callable from ${region}`])
          ],
          ...(model.regionless
            ? {
                cause:
                  '`arn:aws:bedrock:::foundation-model/…` names the global hop of a `global.` profile for IAM; it is not a model you can call.'
              }
            : {}),
          fix: best
            ? `${useLine(best, region, s.source === 'api' ? 'a profile containing this model that is callable from' : 'by the built-in table (ListInferenceProfiles could not be read) it serves')} Dropping or keeping a prefix is not the rule: the model runs only through inference profiles here.`
            : `No inference profile for \`${base}\` is callable from ${region}: use a region that offers one (\`aws bedrock list-inference-profiles --region <region>\`).`
        }),
        ...lifecycleFindings(details, base, ctx)
      ]
    }
  }
  const arn = details.modelArn ?? foundationModelArn(partitionOf(region), region, base)
  return {
    findings: [
      {
        checkId: CHECK,
        status: 'pass',
        title: `${base} runs on demand in ${region} (in-region, no cross-region routing)`,
        observed: [`model ARN: ${arn}`, ...observed]
      },
      ...lifecycleFindings(details, base, ctx)
    ],
    facts: {
      region,
      partition: partitionOf(region),
      invokeId: model.input,
      kind: model.kind,
      baseModelId: base,
      provider: model.provider ?? base.split('.')[0] ?? '',
      modelArns: [arn],
      destinations: [region]
    }
  }
}
