import { NodeHttpHandler } from '@smithy/node-http-handler'
import { MantleTransport, mantleEndpoint, shownUrl } from '../../src/aws/mantle.js'
import { Pacer } from '../../src/aws/pacer.js'
import { silentLogger } from '../../src/config.js'
import { startFakeAws, type FakeAws } from '../harness/fake-aws.js'
import { anthropicError, mantleHandlers, openAiError } from '../harness/fake-mantle.js'

let fake: FakeAws
beforeAll(async () => {
  fake = await startFakeAws({ handlers: mantleHandlers() })
})
afterAll(async () => fake.close())
beforeEach(() => {
  fake.requests.splice(0)
  fake.handle(mantleHandlers())
})

const handler = new NodeHttpHandler({ requestTimeout: 2000 })
afterAll(() => handler.destroy())

function transport(env: Record<string, string>, bedrockApiKey?: string): MantleTransport {
  return new MantleTransport({
    handler,
    credentials: async () => ({ accessKeyId: 'ASIAUNITTESTKEY00001', secretAccessKey: 'x' }),
    ...(bedrockApiKey ? { bedrockApiKey } : {}),
    env,
    log: silentLogger,
    pacer: new Pacer(),
    calls: [],
    responseLimitBytes: 1024 * 1024,
    maxAttempts: 3
  })
}
const signal = () => new AbortController().signal
const probe = {
  operation: 'CreateInference' as const,
  method: 'POST' as const,
  route: { messages: true as const },
  body: { model: 'anthropic.claude-sonnet-4-6', max_tokens: 1, messages: [] }
}

describe('the bedrock-mantle transport', () => {
  it('never shows a URL with its user, password or query', () => {
    expect(shownUrl('https://me:secret@gw.example/anthropic/?token=abc')).toBe(
      'https://gw.example/anthropic'
    )
    expect(shownUrl('not a url')).toBe('(not a URL)')
  })

  it("uses the agent's mantle URL only for the region its host names", () => {
    const env = {
      ANTHROPIC_BEDROCK_MANTLE_BASE_URL: 'https://bedrock-mantle.us-east-1.api.aws/anthropic'
    }
    expect(mantleEndpoint('us-east-1', env).source).toBe('ANTHROPIC_BEDROCK_MANTLE_BASE_URL')
    expect(mantleEndpoint('eu-west-1', env)).toMatchObject({
      root: 'https://bedrock-mantle.eu-west-1.api.aws',
      source: 'AWS (ANTHROPIC_BEDROCK_MANTLE_BASE_URL names us-east-1, not eu-west-1)'
    })
    // Anthropic's SDKs do not read the global endpoint variable, so neither does this.
    expect(mantleEndpoint('us-east-1', { AWS_ENDPOINT_URL: 'http://localhost:4566' }).source).toBe(
      'AWS'
    )
  })

  it('refuses to send an API key over plain http to another host, and never echoes a bad URL', async () => {
    const insecure = await transport(
      { AWS_ENDPOINT_URL_BEDROCK_MANTLE: 'http://gw.example' },
      'bedrock-api-key-x'
    ).call('us-east-1', probe, signal())
    expect(insecure).toMatchObject({ ok: false, error: { code: 'InsecureEndpoint' } })
    const bad = await transport({ AWS_ENDPOINT_URL_BEDROCK_MANTLE: 'gw token=abc' }).call(
      'us-east-1',
      probe,
      signal()
    )
    expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidEndpoint' } })
    expect(JSON.stringify(bad)).not.toContain('token=abc')
  })

  it('never sends a billed call twice once it had an answer, and retries a read that had none', async () => {
    const env = { AWS_ENDPOINT_URL_BEDROCK_MANTLE: fake.env.AWS_ENDPOINT_URL_BEDROCK_MANTLE! }
    // mantle's 500 `api_error` is seen in users' logs (obra/lace#355) without its message; the
    // transport reads only the status and the type here, so the message is left empty.
    fake.handle({
      'bedrock-mantle:CreateInference': anthropicError(500, 'api_error', ''),
      'bedrock-mantle:ListModels': openAiError(
        500,
        'api_error',
        'api_error',
        'Internal server error'
      )
    })
    const sent = await transport(env).call('us-east-1', probe, signal())
    expect(sent).toMatchObject({
      ok: false,
      error: { code: 'api_error', httpStatus: 500, attempts: 1 }
    })
    const read = await transport(env).call(
      'us-east-1',
      { operation: 'ListModels', method: 'GET', route: { path: '/v1/models' } },
      signal()
    )
    expect(read).toMatchObject({ ok: false, error: { attempts: 3 } })
    expect(fake.requests.map((r) => r.operation)).toEqual([
      'CreateInference',
      'ListModels',
      'ListModels',
      'ListModels'
    ])
    // SigV4 under the signing name bedrock-mantle
    expect(fake.requests[0]).toMatchObject({ signingName: 'bedrock-mantle', region: 'us-east-1' })
  })

  it('ends at once, with no attempt, when the run is already over', async () => {
    const over = new AbortController()
    over.abort()
    const r = await transport({
      AWS_ENDPOINT_URL_BEDROCK_MANTLE: fake.env.AWS_ENDPOINT_URL_BEDROCK_MANTLE!
    }).call('us-east-1', probe, over.signal)
    expect(r).toMatchObject({ ok: false, error: { code: 'TimeoutError', attempts: 0 } })
    expect(fake.requests).toHaveLength(0)
  })
})
