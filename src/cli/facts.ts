import { CHECKED } from '../data/fact.js'
import { observeError } from '../aws/errors.js'
import { compareFacts, type Drift, type RegionListing } from './facts-drift.js'
import { markdownFence } from '../render/escape.js'
import { NodeHttpHandler } from '@smithy/node-http-handler'

// Bounded like a run: one request may take 10 s, a region's listings 2 minutes, and a listing
// at most 40 pages (Bedrock's quotas are about 15 pages of 100; its profiles, one or two).
const REQUEST_TIMEOUT_MS = 10_000
const REGION_DEADLINE_MS = 120_000
const MAX_PAGES = 40

/** A listing that cannot be trusted whole: a gap would read as a retired code or model. */
function incomplete(what: string): Error {
  return Object.assign(new Error(what), { name: 'IncompleteAnswer' })
}

export interface FactsArgs {
  command: 'facts'
  regions: string[]
  json: boolean
  profile?: string
}

/** The region's listings, all pages (Bedrock's quotas are 100 a page, well over a thousand). */
async function readRegion(region: string, profile: string | undefined): Promise<RegionListing> {
  const bedrock = await import('../aws/sdk/bedrock.js')
  const quotas = await import('../aws/sdk/service-quotas.js')
  const options = {
    region,
    ...(profile ? { profile } : {}),
    maxAttempts: 5,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: REQUEST_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS
    })
  }
  const abortSignal = AbortSignal.timeout(REGION_DEADLINE_MS)
  const b = new bedrock.BedrockClient(options)
  const sq = new quotas.ServiceQuotasClient(options)
  try {
    const models = await b.send(
      new bedrock.ListFoundationModelsCommand({ byProvider: 'Anthropic' }),
      { abortSignal }
    )
    if (!models.modelSummaries)
      throw incomplete('ListFoundationModels answered without modelSummaries')
    const profiles: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      if (++pages > MAX_PAGES)
        throw incomplete(
          `ListInferenceProfiles had more than ${MAX_PAGES} pages: the listing is truncated`
        )
      const page = await b.send(
        new bedrock.ListInferenceProfilesCommand({
          typeEquals: 'SYSTEM_DEFINED',
          ...(token ? { nextToken: token } : {})
        }),
        { abortSignal }
      )
      if (!page.inferenceProfileSummaries)
        throw incomplete('ListInferenceProfiles answered without inferenceProfileSummaries')
      profiles.push(...page.inferenceProfileSummaries.map((p) => p.inferenceProfileId ?? ''))
      token = page.nextToken
    } while (token)
    const listed: { code: string; name: string }[] = []
    let next: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await sq.send(
        new quotas.ListServiceQuotasCommand({
          ServiceCode: 'bedrock',
          MaxResults: 100,
          ...(next ? { NextToken: next } : {})
        }),
        { abortSignal }
      )
      if (!r.Quotas) throw incomplete('ListServiceQuotas answered without Quotas')
      listed.push(...r.Quotas.map((q) => ({ code: q.QuotaCode ?? '', name: q.QuotaName ?? '' })))
      next = r.NextToken
      if (!next) break
    }
    // A listing cut short would call every code on the pages not read "retired".
    if (next)
      throw incomplete(
        `ListServiceQuotas had more than ${MAX_PAGES} pages: the listing is truncated`
      )
    return {
      region,
      models: (models.modelSummaries ?? []).map((m) => ({
        modelId: m.modelId ?? '',
        ...(m.modelLifecycle?.status ? { status: m.modelLifecycle.status } : {})
      })),
      profiles,
      quotas: listed
    }
  } finally {
    b.destroy()
    sq.destroy()
  }
}

function text(drift: Drift[], regions: string[]): string {
  if (drift.length === 0)
    return `No drift: the bundled facts (checked ${CHECKED}) match what ${regions.join(', ')} list.\n`
  const lines = drift.map(
    (d) => `- ${d.kind} ${d.subject} (${d.regions.join(', ')}): ${d.detail} [${d.fact}]`
  )
  // The workflow copies this into the job summary: AWS's names stay text inside a fence.
  return `${drift.length} bundled ${drift.length === 1 ? 'fact has' : 'facts have'} drifted since ${CHECKED}:\n\n${markdownFence(lines).join('\n')}\n\nUpdate the fact in src/data/ with its new source date, then \`npm run docs\` (docs/facts.md).\n`
}

/** `bedrock-preflight facts --check`: 0 no drift, 1 drift, 2 a read failed. */
export async function checkFacts(
  args: FactsArgs,
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } }
): Promise<number> {
  const listings: RegionListing[] = []
  for (const region of args.regions) {
    try {
      listings.push(await readRegion(region, args.profile))
    } catch (err) {
      const e = observeError(err)
      io.stderr.write(
        `bedrock-preflight facts: could not read ${region}: ${e.code}: ${e.message}\n`
      )
      return 2
    }
  }
  const drift = compareFacts(listings)
  io.stdout.write(
    args.json
      ? `${JSON.stringify({ checked: CHECKED, regions: args.regions, drift }, null, 2)}\n`
      : text(drift, args.regions)
  )
  return drift.length > 0 ? 1 : 0
}
