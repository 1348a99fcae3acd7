/**
 * A fact about AWS or Anthropic that this version bundles, with where it was read and when. Every
 * one is a hint: wherever AWS answers at run time (listings, lifecycle, profiles, quotas), the
 * live answer wins. `docs/facts.md` is generated from these (scripts/docs/facts.ts), and
 * `bedrock-preflight facts --check` compares the ones AWS can answer with what it says today.
 */
export interface Source {
  url: string
  /** The day the source was read (YYYY-MM-DD). */
  checked: string
}

export interface Fact<T> {
  /** What the fact is, as docs/facts.md titles it. */
  title: string
  value: T
  source: Source
}

/** The day the facts of this version were checked (shared/reference bedrock.md §00). */
export const CHECKED = '2026-12-07'

const UG = 'https://docs.aws.amazon.com/bedrock/latest/userguide'

/** The pages facts come from. */
export const PAGES = {
  regions: 'https://docs.aws.amazon.com/general/latest/gr/rande.html',
  sovereignCloud: 'https://docs.aws.amazon.com/general/latest/gr/aws-european-sovereign-cloud.html',
  profiles: `${UG}/inference-profiles-support.html`,
  crossRegion: `${UG}/cross-region-inference.html`,
  mantleRegions: `${UG}/endpoints-region-availability.html`,
  quotas: `${UG}/quotas-runtime.html`,
  quotaIncrease:
    'https://docs.aws.amazon.com/cli/latest/reference/service-quotas/request-service-quota-increase.html',
  apiKeys: `${UG}/api-keys-how.html`,
  mantleAuthorization:
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockmantle.html',
  bedrockAuthorization:
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
  anthropicModels: 'https://docs.anthropic.com/en/docs/about-claude/models/overview',
  lifecycle: `${UG}/model-lifecycle.html`,
  messagesApi: `${UG}/inference-messages-api.html`
} as const

export function fact<T>(title: string, value: T, url: string, checked = CHECKED): Fact<T> {
  return { title, value, source: { url, checked } }
}
