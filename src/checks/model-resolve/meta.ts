import { defineMeta } from '../shared/check.js'
import { usesRuntime } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * How many edits away a listed ID may be and still be offered as the correction (near-miss.ts);
 * here, not there, so the start-up bundle holds no matching code (meta.ts loads at start).
 */
export const MAX_EDITS = 2

// Fragments several states share; template literals of constants keep their placeholders typed.

/**
 * The line to put in the configuration; `{{use}}` is the identifier to use instead, `{{setModel}}`
 * the setting that names it, in the words of the face and the file that set it (setModelTo).
 */
const USE = 'Set {{setModel}}:'
const REMEMBER_IAM =
  'Remember the IAM policy: the profile ARN in {{region}} and the foundation model in each destination region.'
const OTHERS_LISTED = 'Other profiles callable from here are listed under Observed.'
const PROFILE_ONLY =
  'Dropping or keeping a prefix is not the rule: the model runs only through inference profiles here.'

const NOT_LISTED = { status: 'fail', doc: DocUrl.profiles } as const
const NOT_LISTED_CAUSE =
  'Bedrock in {{region}} does not know `{{input}}` ("The provided model identifier is invalid."), none of the profiles it lists calls `{{model}}`, and neither ListInferenceProfiles nor ListFoundationModels lists the ID: it is mistyped, not a region problem.'

const ARN_OF_OTHER_REGION = {
  status: 'catalog',
  catalog: 'invalid-model-identifier',
  title: 'The ARN is for {{arnRegion}}, but this job calls Bedrock in {{region}}',
  skips: 'the model ARN is for another region',
  endsSubject: true,
  cause:
    'Bedrock only accepts ARNs of its own region: a profile or model ARN from another region is rejected ("The provided model identifier is invalid.").'
} as const

const PROFILE_NOT_HERE = {
  status: 'fail',
  catalog: 'invalid-model-identifier',
  title: '{{profile}} cannot be called from {{region}}: use {{use}}',
  skips: 'this region cannot call the inference profile',
  endsSubject: true,
  cause:
    'A system inference profile can only be called from its source regions, and `{{prefix}}.` does not list {{region}}: Bedrock\'s runtime answers "The provided model identifier is invalid." (the `{{prefix}}.` prefix is not "drop it to make it work": most new Claude models have no in-region capacity).'
} as const

/** `{{use}}` is from ListInferenceProfiles (or the bare ID where it runs here), never guessed. */
const DID_YOU_MEAN = '{{profile}} cannot be called from {{region}}: did you mean {{use}}?'

const ON_DEMAND_UNSUPPORTED = {
  status: 'catalog',
  catalog: 'on-demand-not-supported',
  title: '{{model}} has no on-demand throughput in {{region}}: use {{use}}',
  skips: 'the model runs only through an inference profile in this region',
  endsSubject: true
} as const

const REGIONLESS_ARN = {
  status: 'catalog',
  catalog: 'on-demand-not-supported',
  title: 'The region-less ARN cannot be invoked: use {{use}}',
  skips: 'the region-less model ARN cannot be invoked',
  endsSubject: true,
  cause:
    '`arn:aws:bedrock:::foundation-model/…` names the global hop of a `global.` profile for IAM; it is not a model you can call.'
} as const

const MODEL_NOT_HERE = {
  status: 'fail',
  catalog: 'model-not-found',
  title: '{{model}} is not offered in {{region}}',
  skips: 'the model is not offered in this region',
  endsSubject: true
} as const

const LEGACY = {
  status: 'warn',
  title: '{{model}} is Legacy: end of life {{endOfLife}} ({{days}} left)',
  cause:
    'The provider has moved this model version to Legacy: it still answers, but stops at its end-of-life date, costs more during public extended access, and accounts that have not used it recently lose access.',
  fix: 'Plan the move to an active Claude model before the end-of-life date: `aws bedrock list-inference-profiles` shows the current ones; then set {{setNew}}.',
  doc: DocUrl.lifecycle
} as const

const PROVISIONED_NOT_IN_SERVICE = {
  status: 'fail',
  title: 'Provisioned throughput {{name}} is {{state}}',
  cause:
    'Calls through a provisioned-model ARN only work while its status is `InService`; it is still being created or updated, or it failed.',
  fix: 'Wait for `InService` (`aws bedrock get-provisioned-model-throughput --provisioned-model-id <arn>`); if it failed, read its failure message and create it again.',
  doc: DocUrl.provisionedThroughput
} as const

/**
 * Can this region call this model identifier? Learned at run time from the region's control plane
 * (GetInferenceProfile, GetFoundationModel; ListInferenceProfiles only to name alternatives after
 * a failure), because routing changes every month. Its facts are the route dependents check.
 */
export const meta = defineMeta({
  id: 'model-resolve',
  title: 'Model in region',
  description:
    "The model or profile is callable from this region, is not on-demand-only, not past end of life; lists the profile's destination regions.",
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity', 'api-key'],
  // Bedrock reads start alongside GetCallerIdentity; broken credentials, or a Bedrock API key
  // that is malformed, expired or for another region (what these reads send), discard them.
  speculative: ['identity', 'api-key'],
  sdks: ['bedrock'],
  permissions: [
    {
      action: 'bedrock:GetInferenceProfile',
      statement: 'ReadBedrockModelState',
      why: 'whether the region can call the profile, and its destination regions'
    },
    {
      action: 'bedrock:GetFoundationModel',
      statement: 'ReadBedrockModelState',
      why: "whether a bare model ID runs on demand here, and the model's lifecycle (Legacy, end of life)"
    },
    {
      action: 'bedrock:ListInferenceProfiles',
      statement: 'ReadBedrockModelState',
      why: 'after a failure only: the profiles of the same model the region can call instead, or the listed ID a mistyped one was meant to be'
    },
    {
      action: 'bedrock:ListFoundationModels',
      statement: 'ReadBedrockModelState',
      why: 'after an unknown ID only: the listed model ID it was meant to be'
    },
    {
      action: 'bedrock:GetProvisionedModelThroughput',
      statement: 'ReadBedrockModelState',
      why: 'whether provisioned throughput is `InService`, and its model'
    }
  ],
  // bedrock-runtime's: with `endpoint: mantle` the agent never calls it, so nothing here applies.
  applies: (config) => usesRuntime(config.endpoint?.value),
  messages: {
    // ── An ARN of another region: rejected before anything is read for it ──────────────────
    modelArnOfOtherRegion: {
      ...ARN_OF_OTHER_REGION,
      fix: `${USE} the same model in {{region}}. Or set {{setArnRegion}}.`
    },
    arnOfOtherRegion: {
      ...ARN_OF_OTHER_REGION,
      fix: 'Set {{setArnRegion}}, or use the ARN of a profile in {{region}} (`aws bedrock list-inference-profiles --region {{region}}`).'
    },

    // ── System inference profiles (IDs and ARNs) ────────────────────────────────────────────
    profileGeo: {
      status: 'pass',
      title: '{{region}} can call {{profile}} (routes to {{count}} {{regions}})'
    },
    profileGlobal: { status: 'pass', title: '{{region}} can call {{profile}} (global routing)' },
    profileUnreadable: {
      status: 'catalog',
      title: 'Could not verify that {{region}} can call {{profile}}'
    },
    profileOfOtherAccount: {
      status: 'catalog',
      title:
        'The profile ARN names account {{arnAccount}}, but the job runs as account {{account}}',
      cause:
        'A system inference-profile ARN carries the account that calls it; an ARN copied from another account does not exist in this one.',
      fix: 'Use the profile ID `{{profile}}` (no account needed), or the ARN with account {{account}}.'
    },
    // GetInferenceProfile says "not found" while ListInferenceProfiles lists the profile here.
    profileListedButNotFound: {
      status: 'unverified',
      title:
        'Could not verify {{profile}} in {{region}}: Bedrock lists it here, but GetInferenceProfile answered {{code}}',
      cause:
        'ListInferenceProfiles lists `{{profile}}` as callable from {{region}}, yet GetInferenceProfile did not find it. The two answers disagree, so the preflight does not claim the profile cannot be called from here; the error itself (under Observed) may concern the model (its lifecycle or access) rather than the region.',
      fix: 'Keep `{{profile}}`. Run the preflight again in a few minutes (Bedrock answers can lag behind a change); to verify the call itself, enable `invoke-probe` (one real call).',
      doc: DocUrl.getInferenceProfile
    },
    // `{{use}}` is the first profile ListInferenceProfiles lists, or the bare ID where it runs here.
    profileNotHere: {
      ...PROFILE_NOT_HERE,
      title: DID_YOU_MEAN,
      fix: `${USE} it is callable from {{region}}. ${REMEMBER_IAM}`
    },
    profileNotHereOthersListed: {
      ...PROFILE_NOT_HERE,
      title: DID_YOU_MEAN,
      fix: `${USE} it is callable from {{region}}. ${OTHERS_LISTED} ${REMEMBER_IAM}`
    },
    profileNotHereByTable: {
      ...PROFILE_NOT_HERE,
      fix: `${USE} by the built-in table it serves {{region}}. ${REMEMBER_IAM}`
    },
    profileNotHereByTableOthersListed: {
      ...PROFILE_NOT_HERE,
      fix: `${USE} by the built-in table it serves {{region}}. ${OTHERS_LISTED} ${REMEMBER_IAM}`
    },
    profileNotHereNoAlternative: {
      ...PROFILE_NOT_HERE,
      title: '{{profile}} cannot be called from {{region}}',
      fix: 'No profile for `{{model}}` is callable from {{region}}. Use a region that offers it (`aws bedrock list-inference-profiles --region <region>`), or `global.{{model}}` where a global profile exists.'
    },

    // ── An ID the region does not list: the nearest one it does (near-miss.ts) ─────────────
    // Only when the model behind the ID is not known here either: never a region problem then.
    nearMiss: {
      ...NOT_LISTED,
      title: '{{input}} is not an ID Bedrock lists in {{region}}: did you mean {{use}}?',
      cause: `${NOT_LISTED_CAUSE} \`{{use}}\` is listed there and differs by {{difference}}.`,
      fix: `${USE} it is listed in {{region}}.`
    },
    nearMissTied: {
      ...NOT_LISTED,
      title: '{{input}} is not an ID Bedrock lists in {{region}}: did you mean {{choices}}?',
      cause: `${NOT_LISTED_CAUSE} These listed IDs are equally near: {{choices}}.`,
      fix: 'Set the model to the one you meant; each is listed in {{region}} (`aws bedrock list-inference-profiles --region {{region}}`).'
    },
    notListed: {
      ...NOT_LISTED,
      title: '{{input}} is not an ID Bedrock lists in {{region}}',
      cause: `${NOT_LISTED_CAUSE} No listed ID is within ${MAX_EDITS} edits of it.`,
      fix: 'Check the ID: `aws bedrock list-inference-profiles --region {{region}}` lists the profiles callable from there, `aws bedrock list-foundation-models --region {{region}}` the models.'
    },
    // Bedrock does not know the ID here, and the listing that would correct it could not be read.
    notListedUnverified: {
      status: 'unverified',
      title:
        'Could not verify {{input}} in {{region}}: Bedrock does not know it there, and its listing could not be read ({{code}})',
      cause:
        'GetInferenceProfile or GetFoundationModel in {{region}} answered that `{{input}}` is not a valid identifier, and `{{model}}` is not known there either; the listing that would name the ID you meant (ListInferenceProfiles, ListFoundationModels) could not be read, so no correction is guessed, nor is a region blamed.',
      fix: 'Check the ID: `aws bedrock list-inference-profiles --region {{region}}`. Allow the preflight `bedrock:ListInferenceProfiles` and `bedrock:ListFoundationModels` (read-only) to have it named.',
      doc: DocUrl.profiles
    },
    // Unknown here and where GetFoundationModel answered, but some regions asked did not answer:
    // "exists nowhere" (mistyped) and "exists elsewhere" (a region problem) are both unproven.
    elsewhereUnverified: {
      status: 'unverified',
      title:
        'Could not verify {{input}} in {{region}}: Bedrock does not know it there, and GetFoundationModel in {{unread}} could not be read ({{code}})',
      cause:
        'Bedrock in {{region}} does not know `{{input}}` (under Observed). Whether that is a region problem or a mistyped ID depends on whether `{{model}}` is offered in other regions, and GetFoundationModel in {{unread}} did not answer, so neither is claimed.',
      fix: 'See where the model is offered: `aws bedrock get-foundation-model --model-identifier {{model}} --region {{first}}`, then run the preflight again.',
      doc: DocUrl.regions
    },

    profileUnlistedUnverified: {
      status: 'unverified',
      title:
        'Could not verify {{profile}} in {{region}}: Bedrock does not know it there, and the profiles it can call could not be listed ({{code}})',
      cause:
        'GetInferenceProfile in {{region}} answered that `{{profile}}` is not a valid identifier, although the built-in table expects `{{prefix}}.` profiles there and the model `{{model}}` is known there. ListInferenceProfiles, which would name the profile to use, could not be read, so none is guessed, nor is the region blamed.',
      fix: 'List the profiles yourself: `aws bedrock list-inference-profiles --region {{region}}`, and set the one for `{{model}}`. Allow the preflight `bedrock:ListInferenceProfiles` (read-only) to have it named.',
      doc: DocUrl.profiles
    },

    // ── Bare foundation-model IDs and ARNs ──────────────────────────────────────────────────
    onDemand: {
      status: 'pass',
      title: '{{model}} runs on demand in {{region}} (in-region, no cross-region routing)'
    },
    modelUnreadable: {
      status: 'catalog',
      title: 'Could not verify that {{model}} can be called on demand in {{region}}'
    },
    onDemandUnsupported: {
      ...ON_DEMAND_UNSUPPORTED,
      fix: `${USE} a profile containing this model that is callable from {{region}}. ${PROFILE_ONLY}`
    },
    onDemandUnsupportedByTable: {
      ...ON_DEMAND_UNSUPPORTED,
      fix: `${USE} by the built-in table (ListInferenceProfiles could not be read) it serves {{region}}. ${PROFILE_ONLY}`
    },
    onDemandUnsupportedNoProfile: {
      ...ON_DEMAND_UNSUPPORTED,
      title: '{{model}} has no on-demand throughput in {{region}}',
      fix: 'No inference profile for `{{model}}` is callable from {{region}}: use a region that offers one (`aws bedrock list-inference-profiles --region <region>`).'
    },
    regionlessArn: {
      ...REGIONLESS_ARN,
      fix: `${USE} a profile containing this model that is callable from {{region}}. ${PROFILE_ONLY}`
    },
    regionlessArnByTable: {
      ...REGIONLESS_ARN,
      fix: `${USE} by the built-in table (ListInferenceProfiles could not be read) it serves {{region}}. ${PROFILE_ONLY}`
    },
    regionlessArnNoProfile: {
      ...REGIONLESS_ARN,
      title: 'The region-less ARN cannot be invoked',
      fix: 'No inference profile for `{{model}}` is callable from {{region}}: use a region that offers one (`aws bedrock list-inference-profiles --region <region>`).'
    },
    modelNotHereUseProfile: {
      ...MODEL_NOT_HERE,
      title: '{{model}} is not offered in {{region}}: use {{use}}',
      fix: `${USE} it is callable from {{region}}.`
    },
    modelInOtherRegions: {
      ...MODEL_NOT_HERE,
      fix: 'Use a region that offers it ({{setOfferedIn}}), or check the ID with `aws bedrock list-foundation-models --region {{offeredIn}}`.'
    },
    modelNotFound: {
      ...MODEL_NOT_HERE,
      fix: 'Check the ID: `aws bedrock list-foundation-models --region {{region}} --by-provider {{provider}}`.'
    },

    // ── Lifecycle of the model behind any identifier ────────────────────────────────────────
    legacy: LEGACY,
    legacyUndated: { ...LEGACY, title: '{{model}} is Legacy' },
    legacyExtendedAccess: {
      ...LEGACY,
      title:
        '{{model}} is Legacy, in public extended access since {{extended}}: end of life {{endOfLife}} ({{days}} left)',
      cause:
        'The provider has moved this model version to Legacy and it is now in the public extended-access part of that period: it still answers for accounts that use it, at the higher prices the provider set, until its end of life. Calls in this period have been refused with "ValidationException: Operation not allowed", the same text as an account-level restriction: if the invoke probe or the agent gets it, this is the first cause to rule out.',
      fix: 'Move to an active Claude model before {{endOfLife}}: `aws bedrock list-inference-profiles` shows the current ones; then set {{setNew}}.'
    },
    endOfLife: {
      status: 'catalog',
      catalog: 'model-end-of-life',
      title: '{{model}} reached its end of life on {{endOfLife}}'
    },
    // GetFoundationModel itself answered that the model is retired (end of life, Legacy unused).
    retired: { status: 'catalog', title: '{{model}} can no longer be called' },
    lifecycleUnreadable: {
      status: 'catalog',
      title: 'Lifecycle of {{model}} not verified (Legacy or end-of-life dates unknown)'
    },
    // The route is known, but a Legacy or end-of-life date could hide behind any error: never a
    // pass, and never a fail either, whatever the catalog's verdict on the error (its entry is
    // still the finding's catalogId).
    lifecycleNotRead: {
      status: 'unverified',
      title: 'Lifecycle of {{model}} not verified: GetFoundationModel ended {{code}}',
      cause:
        'The profile answered, so the route is known; GetFoundationModel did not, so whether the model is Legacy or past its end of life is not known. The error is under Observed.',
      fix: 'Nothing to change for the route. Run again once the error is gone, or read the lifecycle yourself: `aws bedrock get-foundation-model --model-identifier {{model}} --region {{region}}`.',
      doc: DocUrl.lifecycle
    },

    // ── Application inference profiles ──────────────────────────────────────────────────────
    applicationProfile: {
      status: 'pass',
      title: 'Application inference profile {{profile}} calls {{model}} ({{destinations}})'
    },
    applicationProfileUnlisted: {
      status: 'pass',
      title: 'Application inference profile {{profile}} calls an unlisted model ({{destinations}})'
    },
    applicationProfileUnreadable: {
      status: 'catalog',
      title: 'Could not read application inference profile {{profile}} in {{region}}'
    },

    // ── Provisioned throughput ──────────────────────────────────────────────────────────────
    provisionedInService: {
      status: 'pass',
      title: 'Provisioned throughput {{name}} is in service in {{region}}'
    },
    provisionedNotInService: PROVISIONED_NOT_IN_SERVICE,
    // Creating or Updating: it will be in service without anyone doing anything.
    provisionedChanging: { ...PROVISIONED_NOT_IN_SERVICE, status: 'warn' },
    provisionedStatusUnknown: {
      ...PROVISIONED_NOT_IN_SERVICE,
      title: 'Provisioned throughput {{name}} is not in service'
    },
    provisionedUnreadable: {
      status: 'catalog',
      title: 'Could not read provisioned throughput {{name}} in {{region}}'
    }
  }
})
