import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand
} from '@aws-sdk/client-bedrock'
import {
  AccessDeniedException,
  InvokeModelWithResponseStreamCommand,
  ModelStreamErrorException,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException
} from '@aws-sdk/client-bedrock-runtime'
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import {
  bedrock,
  iam,
  runtime,
  resetMocks,
  run,
  findingsOf,
  profile,
  SONNET_45
} from './model-unit.js'

beforeEach(() => {
  resetMocks()
  bedrock
    .on(GetInferenceProfileCommand)
    .resolves(profile('us-east-1', `us.${SONNET_45}`, ['us-east-1']))
  bedrock
    .on(GetFoundationModelCommand)
    .resolves({ modelDetails: { modelArn: 'x', modelId: SONNET_45 } })
  bedrock.on(GetFoundationModelAvailabilityCommand).resolves({})
  bedrock.on(GetUseCaseForModelAccessCommand).resolves({ formData: new Uint8Array([1]) })
  iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] })
})

const probe = async (invokeProbe = true) =>
  findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`], { invokeProbe }), 'invoke-probe')

const chunk = (event: unknown) => ({
  chunk: { bytes: new TextEncoder().encode(JSON.stringify(event)) }
})
const MESSAGE_START = {
  type: 'message_start',
  message: { role: 'assistant', content: [], usage: { input_tokens: 8, output_tokens: 1 } }
}
/** An event stream as the SDK hands it over; `read` counts the events the probe took. */
function stream(events: unknown[], thenThrow?: Error) {
  const seen = { read: 0 }
  const body = (async function* () {
    for (const e of events) {
      seen.read += 1
      yield e
    }
    if (thenThrow) throw thenThrow
  })()
  return { seen, output: { body, contentType: 'application/json', $metadata: {} } }
}

describe('invoke-probe', () => {
  it('is not run, nor listed, unless invoke-probe is true', async () => {
    expect(await probe(false)).toHaveLength(0)
    expect(runtime.commandCalls(InvokeModelWithResponseStreamCommand)).toHaveLength(0)
  })

  it("makes one InvokeModelWithResponseStream call in Claude Code's shape, reads only its first event and notes the cost", async () => {
    const { seen, output } = stream([chunk(MESSAGE_START), chunk({ type: 'content_block_delta' })])
    runtime.on(InvokeModelWithResponseStreamCommand).resolves(output as never)
    const [f] = await probe()
    expect(f).toMatchObject({ messageId: 'answered', status: 'pass' })
    expect(f?.title).toContain(
      `InvokeModelWithResponseStream with us.${SONNET_45} answered in us-east-1 (`
    )
    expect(f?.title).toMatch(/\(\d+ ms; one billed call, a fraction of a cent\)$/)
    expect(f?.observed).toEqual(
      expect.arrayContaining(['first event: message_start', 'tokens: 8 in, 1 out so far'])
    )
    expect(seen.read).toBe(1)
    const calls = runtime.commandCalls(InvokeModelWithResponseStreamCommand)
    expect(calls).toHaveLength(1)
    const input = calls[0]!.args[0].input
    expect(input.modelId).toBe(`us.${SONNET_45}`)
    expect(JSON.parse(new TextDecoder().decode(input.body as Uint8Array))).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 1,
      messages: [{ role: 'user', content: 'Hi' }]
    })
  })

  it('reports an exception event in the stream, never a pass', async () => {
    const { output } = stream(
      [],
      new ModelStreamErrorException({ message: 'Model stream error', $metadata: {} })
    )
    runtime.on(InvokeModelWithResponseStreamCommand).resolves(output as never)
    const [f] = await probe()
    expect(f).toMatchObject({ messageId: 'streamFailed', catalogId: 'service-unavailable' })
    expect(f?.status).not.toBe('pass')
  })

  it('is could-not-verify on a stream whose first event is not message_start', async () => {
    const { output } = stream([chunk({ type: 'ping' })])
    runtime.on(InvokeModelWithResponseStreamCommand).resolves(output as never)
    const [f] = await probe()
    expect(f).toMatchObject({ messageId: 'streamFailed', status: 'unverified' })
    expect(f?.error?.code).toBe('IncompleteAnswer')
  })

  it.each([
    [
      new ValidationException({
        message: 'Operation not allowed',
        $metadata: { httpStatusCode: 400 }
      }),
      'account-not-enabled',
      'fail'
    ],
    [
      new ResourceNotFoundException({
        message:
          'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
        $metadata: { httpStatusCode: 404 }
      }),
      'model-end-of-life',
      'fail'
    ],
    [
      new ThrottlingException({
        message: 'Too many tokens per day, please wait before trying again.',
        $metadata: { httpStatusCode: 429 }
      }),
      'daily-token-quota',
      'fail'
    ],
    [
      new ThrottlingException({
        message: 'Too many tokens, please wait before trying again.',
        $metadata: { httpStatusCode: 429 }
      }),
      'throttled',
      'unverified'
    ],
    [
      new ValidationException({
        message: 'The provided model identifier is invalid.',
        $metadata: { httpStatusCode: 400 }
      }),
      'invalid-model-identifier',
      'fail'
    ]
  ])('explains a runtime error through the catalog (%s)', async (error, catalogId, status) => {
    runtime.on(InvokeModelWithResponseStreamCommand).rejects(error)
    const [f] = await probe()
    expect(f?.messageId).toBe('failed')
    expect(f?.catalogId).toBe(catalogId)
    expect(f?.status).toBe(status)
    expect(f?.title).toMatch(/^InvokeModelWithResponseStream with us\..+ in us-east-1 failed: .+/)
    expect(f?.observed?.join('\n')).toContain('a fraction of a cent')
  })

  it('reports a denied call as the failure it is, not as a read the preflight may not make', async () => {
    runtime.on(InvokeModelWithResponseStreamCommand).rejects(
      new AccessDeniedException({
        message: `User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${SONNET_45} because no identity-based policy allows the bedrock:InvokeModelWithResponseStream action`,
        $metadata: { httpStatusCode: 403 }
      })
    )
    const [f] = await probe()
    expect(f).toMatchObject({
      messageId: 'failed',
      status: 'fail',
      catalogId: 'bedrock-invoke-denied',
      title: `InvokeModelWithResponseStream with us.${SONNET_45} in us-east-1 failed: Not allowed to invoke the model`
    })
  })
})
