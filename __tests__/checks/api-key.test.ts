import { getToken } from '@aws/bedrock-token-generator'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { checkById } from '../../src/checks/registry.js'
import { parseBedrockApiKey, shownKeyId } from '../../src/parse/bedrock-api-key.js'
import { config, resetMocks, findingsOf, SESSION_ARN, SONNET_45 } from './model-unit.js'
import { keyMadeAgo } from '../harness/key-made-ago.js'

const SIGNER = { accessKeyId: 'AKIAUNITSIGNER000042', secretAccessKey: 'unit/signing/secret' }
// A model named: with none, the engine would first ask Bedrock for the newest one.
const MODEL = `us.${SONNET_45}`
const CHECKS = (['region', 'credentials', 'identity', 'api-key'] as const).map(checkById)
const run = (key: string, regions = ['us-east-1']) =>
  runPreflight(
    config(regions, [MODEL], { bedrockApiKey: { value: key, source: 'AWS_BEARER_TOKEN_BEDROCK' } }),
    {
      checks: CHECKS
    }
  )
const longTerm = (user: string, account: string) =>
  `ABSK${Buffer.from(`${user}-at-${account}:c2VjcmV0`).toString('base64')}`

describe('reading a Bedrock API key offline', () => {
  it("decodes a short-term key made by AWS's generator: region, expiry, signer kind", async () => {
    const key = await getToken({
      credentials: SIGNER,
      region: 'ap-northeast-1',
      expiresInSeconds: 600
    })
    const parsed = parseBedrockApiKey(key)
    expect(parsed).toMatchObject({
      ok: true,
      kind: 'short-term',
      region: 'ap-northeast-1',
      signedWith: 'long-term'
    })
    if (parsed.ok && parsed.kind === 'short-term')
      expect(parsed.expiresAt.getTime() - parsed.issuedAt.getTime()).toBe(600_000)
    expect(JSON.stringify(parsed)).not.toContain(SIGNER.secretAccessKey)
  })

  it('decodes a long-term key: its IAM user and account', () => {
    expect(parseBedrockApiKey(longTerm('BedrockAPIKey-abc1', '123456789012'))).toEqual({
      ok: true,
      kind: 'long-term',
      userName: 'BedrockAPIKey-abc1',
      account: '123456789012'
    })
  })

  it.each([
    ['sk-ant-api03-xyz', 'starts with neither'],
    ['bedrock-api-key-%%%', 'not base64'],
    [
      `bedrock-api-key-${Buffer.from('example.com/?Action=Other').toString('base64')}`,
      'not for `CallWithBearerToken`'
    ],
    [`ABSK${Buffer.from('someone:secret').toString('base64')}`, '<user-name>-at-<account>']
  ])('says what is wrong with %s, never throwing', (value, problem) => {
    const parsed = parseBedrockApiKey(value)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toContain(problem)
  })

  it('shows an access key ID only by its kind and last four characters', () => {
    expect(shownKeyId('ASIAEXAMPLEKEY000001')).toBe('ASIA…0001')
  })
})

describe('api-key check', () => {
  beforeEach(() => resetMocks())

  it('is not listed without a key', async () => {
    const report = await runPreflight(config(['us-east-1'], [MODEL]), { checks: CHECKS })
    expect(findingsOf(report, 'api-key')).toEqual([])
  })

  it('passes a fresh key for the region and warns that the agent will use it, not the role', async () => {
    const key = await getToken({ credentials: SIGNER, region: 'us-east-1' })
    const findings = findingsOf(await run(key), 'api-key')
    expect(findings.map((f) => [f.messageId, f.status])).toEqual([
      ['shortTerm', 'pass'],
      ['keyAndCredentials', 'warn']
    ])
    expect(findings[0]?.title).toMatch(/valid for (11 h 5\d min|12 h)/)
    expect(findings[1]?.title).toContain(SESSION_ARN)
    expect(findings[0]?.observed?.join('\n')).toContain('AKIA…0042')
  })

  it('warns about a key that expires within 10 minutes', async () => {
    const key = await getToken({ credentials: SIGNER, region: 'us-east-1', expiresInSeconds: 300 })
    const [f] = findingsOf(await run(key), 'api-key')
    expect(f).toMatchObject({ messageId: 'expiresSoon', status: 'warn' })
    expect(f?.title).toMatch(/expires in (4 min|5 min|29\d s|300 s)/)
  })

  it('fails a key for another region than a checked one, region by region', async () => {
    const key = await getToken({ credentials: SIGNER, region: 'us-east-1' })
    const findings = findingsOf(await run(key, ['us-east-1', 'eu-west-1']), 'api-key')
    expect(findings.filter((f) => f.subject === 'eu-west-1').map((f) => f.messageId)).toEqual([
      'otherRegion'
    ])
    expect(findings.find((f) => f.subject === 'us-east-1')?.status).toBe('pass')
  })

  it('gives the fix for a laptop and for a job', async () => {
    const key = await keyMadeAgo(2, {
      credentials: SIGNER,
      region: 'us-east-1',
      expiresInSeconds: 1
    })
    const ci = findingsOf(await run(key), 'api-key')[0]
    expect(ci?.fix).toContain('GITHUB_ENV')
    const laptop = findingsOf(
      await runPreflight(
        config(['us-east-1'], [MODEL], {
          surface: 'cli',
          bedrockApiKey: { value: key, source: '.env line 3' }
        }),
        { checks: CHECKS }
      ),
      'api-key'
    )[0]
    expect(laptop?.fix).toContain('export AWS_BEARER_TOKEN_BEDROCK=')
    expect(laptop?.title).toContain('.env line 3')
  })
})
