import type { CheckRun } from '../shared/check.js'
import { parseBedrockApiKey, shownKeyId } from '../../parse/bedrock-api-key.js'
import { parseRegion } from '../../parse/region.js'
import { envFileLocation, setRegionTo } from '../shared/env-location.js'
import { humanDuration } from '../../engine/duration.js'
import type { meta } from './meta.js'

/** Minutes left under which a key may die before the job that follows it finishes. */
const SHORT_KEY_MINUTES = 10

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const key = ctx.config.bedrockApiKey
  if (!key) return // not planned without one (meta.applies)
  const region = ctx.subject.region ?? ''
  const source = key.source
  const location = envFileLocation(ctx.config, 'AWS_BEARER_TOKEN_BEDROCK')
  const at = location ? { location } : {}
  const parsed = parseBedrockApiKey(key.value)
  if (!parsed.ok) {
    ctx.report(
      'malformed',
      { source, problem: parsed.problem },
      {
        observed: [`${source}: ${key.value.length} characters (the value itself is never shown)`],
        ...at
      }
    )
    return
  }
  // Which calls the key decides, and which the IAM credentials (when there are any).
  const credentials = await ctx.aws.credentials()
  const sigv4 = credentials.ok
  const clients = [
    'Bedrock and Bedrock Runtime calls (model reads, the invoke probe): the API key, as the agent sends it',
    sigv4
      ? 'STS, IAM and Service Quotas calls: the IAM credentials (an API key works only for Bedrock)'
      : 'STS, IAM and Service Quotas calls: none possible without IAM credentials (identity, IAM simulation, trust and quotas cannot be verified; the invoke probe is the conclusive test)'
  ]
  const observed: string[] = []
  if (parsed.kind === 'short-term') {
    const left = parsed.expiresAt.getTime() - Date.now()
    observed.push(
      `short-term key for ${parsed.region}, signed with ${parsed.signedWith === 'long-term' ? 'an IAM user key' : parsed.signedWith === 'temporary' ? 'temporary (session) credentials' : 'an access key'} ${shownKeyId(parsed.accessKeyId)}`,
      `made ${parsed.issuedAt.toISOString()}, expires ${parsed.expiresAt.toISOString()}`,
      ...clients
    )
    const where = parseRegion(region)
    if (left <= 0) {
      ctx.report(
        'expired',
        { source, ago: humanDuration(-left), region },
        {
          observed,
          fixContext: { region },
          ...at
        }
      )
      return
    }
    if (where.ok && parsed.region !== where.region) {
      const setKeyRegion = setRegionTo(ctx, parsed.region)
      ctx.report(
        'otherRegion',
        { source, keyRegion: parsed.region, region, setKeyRegion },
        { observed, ...at }
      )
      return
    }
    if (left < SHORT_KEY_MINUTES * 60_000) {
      ctx.report('expiresSoon', { source, left: humanDuration(left), region }, { observed, ...at })
    } else {
      ctx.report(
        'shortTerm',
        { region: parsed.region, source, left: humanDuration(left) },
        { observed }
      )
    }
  } else {
    observed.push(
      `long-term key: an IAM service-specific credential of the user ${parsed.userName} in account ${parsed.account} (works in every region)`,
      ...clients
    )
    ctx.report('longTerm', { user: parsed.userName, account: parsed.account, source }, { observed })
  }
  if (sigv4) {
    const identity = await ctx.waitFor('identity')
    const who = identity?.arn && identity.kind !== 'api-key' ? identity.arn : 'the IAM credentials'
    ctx.report('keyAndCredentials', { credentials: who }, { observed })
  } else {
    ctx.report('keyOnly', {}, { observed })
  }
  return {
    kind: parsed.kind,
    ...(parsed.kind === 'short-term'
      ? { region: parsed.region, accessKeyId: parsed.accessKeyId }
      : { account: parsed.account, userName: parsed.userName }),
    sigv4
  }
}
