import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand
} from '@aws-sdk/client-bedrock'
import {
  AccessDeniedException,
  ConverseCommand,
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

describe('invoke-probe', () => {
  it('is not run, nor listed, unless invoke-probe is true', async () => {
    expect(await probe(false)).toHaveLength(0)
    expect(runtime.commandCalls(ConverseCommand)).toHaveLength(0)
  })

  it('makes one Converse call with maxTokens 1 on the configured identifier and notes the cost', async () => {
    runtime.on(ConverseCommand).resolves({
      output: { message: { role: 'assistant', content: [{ text: 'Hi' }] } },
      stopReason: 'max_tokens',
      usage: { inputTokens: 8, outputTokens: 1, totalTokens: 9 },
      metrics: { latencyMs: 100 }
    })
    const [f] = await probe()
    expect(f).toMatchObject({ messageId: 'answered', status: 'pass' })
    expect(f?.title).toContain(`Converse with us.${SONNET_45} answered in us-east-1 (`)
    expect(f?.title).toMatch(/\(\d+ ms; one billed call, a fraction of a cent\)$/)
    expect(f?.observed).toEqual(
      expect.arrayContaining(['stopReason: max_tokens', 'tokens: 8 in, 1 out'])
    )
    const calls = runtime.commandCalls(ConverseCommand)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.args[0].input).toMatchObject({
      modelId: `us.${SONNET_45}`,
      inferenceConfig: { maxTokens: 1 }
    })
  })

  it.each([
    [
      new ValidationException({ message: 'Operation not allowed', $metadata: {} }),
      'account-not-enabled',
      'fail'
    ],
    [
      new ResourceNotFoundException({
        message:
          'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
        $metadata: {}
      }),
      'model-end-of-life',
      'fail'
    ],
    [
      new ThrottlingException({
        message: 'Too many tokens per day, please wait before trying again.',
        $metadata: {}
      }),
      'daily-token-quota',
      'fail'
    ],
    [
      new ThrottlingException({
        message: 'Too many tokens, please wait before trying again.',
        $metadata: {}
      }),
      'throttled',
      'unverified'
    ],
    [
      new ValidationException({
        message: 'The provided model identifier is invalid.',
        $metadata: {}
      }),
      'invalid-model-identifier',
      'fail'
    ]
  ])('explains a runtime error through the catalog (%s)', async (error, catalogId, status) => {
    runtime.on(ConverseCommand).rejects(error)
    const [f] = await probe()
    expect(f?.messageId).toBe('failed')
    expect(f?.catalogId).toBe(catalogId)
    expect(f?.status).toBe(status)
    expect(f?.title).toMatch(/^Converse with us\..+ in us-east-1 failed: .+/)
    expect(f?.observed?.join('\n')).toContain('a fraction of a cent')
  })

  it('reports a denied call as the failure it is, not as a read the preflight may not make', async () => {
    runtime.on(ConverseCommand).rejects(
      new AccessDeniedException({
        message: `User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${SONNET_45} because no identity-based policy allows the bedrock:InvokeModel action`,
        $metadata: { httpStatusCode: 403 }
      })
    )
    const [f] = await probe()
    expect(f).toMatchObject({
      messageId: 'failed',
      status: 'fail',
      catalogId: 'bedrock-invoke-denied',
      title: `Converse with us.${SONNET_45} in us-east-1 failed: Not allowed to invoke the model`
    })
  })
})
