/**
 * Every Bedrock error text quoted in shared/reference/bedrock.md (§4 and §7), verbatim, must be
 * explained by the catalog entry that names its cause. Wrappers (SDK prefixes, JSON bodies,
 * curly apostrophes) are part of the texts, as users paste them.
 */
import { matchError, matchText } from '../../src/catalog/match.js'

const MARKETPLACE_SDK =
  'AccessDeniedException: An error occurred (AccessDeniedException) when calling the Converse operation: Model access is denied due to User: arn:aws:sts::...:assumed-role/... is not authorized to perform: aws-marketplace:ViewSubscriptions on resource: * because no identity-based policy allows the aws-marketplace:ViewSubscriptions action. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 15 minutes.'

const texts: [string, string][] = [
  [
    'User: arn:aws:sts::308535385114:assumed-role/<role>/<session> is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 because no identity-based policy allows the bedrock:InvokeModel action',
    'bedrock-invoke-denied'
  ],
  [
    '... is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:eu-central-1:********:inference-profile/eu.anthropic.claude-sonnet-4-6 because no identity-based policy allows the bedrock:InvokeModelWithResponseStream action',
    'bedrock-invoke-denied'
  ],
  [
    'User: arn:aws:sts::123456789012:assumed-role/... is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 with an explicit deny in a service control policy',
    'bedrock-scp-deny'
  ],
  [
    '... not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1 with an explicit deny in a service control policy: arn:aws:organizations::...',
    'bedrock-scp-deny'
  ],
  [
    'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 5 minutes.',
    'marketplace-permission-missing'
  ],
  [MARKETPLACE_SDK, 'marketplace-permission-missing'],
  [
    'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.',
    'ftu-form-missing'
  ],
  [
    'You have not filled out the required use-case form for this model. Complete the form at https://ap-southeast-4.console.aws.amazon.com/bedrock/ before requesting access.',
    'ftu-form-missing'
  ],
  [
    'FTUFormNotFilled: Model use case details have not been submitted for this account',
    'ftu-form-missing'
  ],
  [
    '{"type":"error","error":{"type":"permission_error","message":"anthropic.claude-opus-4-7 is not available for this account. You can explore other available models on Amazon Bedrock. For additional access options, contact AWS Sales at https://aws.amazon.com/contact-us/sales-support/"}}',
    'model-not-available-for-account'
  ],
  [
    'ResourceNotFoundException: ... Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
    'model-legacy-unused'
  ],
  [
    'ResourceNotFoundException ... This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
    'model-end-of-life'
  ],
  [
    'ResourceNotFoundException: This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
    'model-end-of-life'
  ],
  [
    'ValidationException: Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    'on-demand-not-supported'
  ],
  [
    'ValidationException: Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    'on-demand-not-supported'
  ],
  ['ValidationException: The provided model identifier is invalid.', 'invalid-model-identifier'],
  [
    "1 validation error detected: Value 'anthropic.claude-v2:0:100k' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: ...",
    'model-id-format'
  ],
  ['ValidationException ... Operation not allowed', 'account-not-enabled'],
  [
    'ValidationException: Your account is not authorized to perform this action. Please create a support case...',
    'account-not-authorized'
  ],
  // In the public threads that report it, the fix was the region or model access, not AWS Support.
  [
    'AccessDeniedException ... Your account is not authorized to invoke this API operation.',
    'model-access-legacy'
  ],
  [
    "AccessDeniedException ... You don't have access to the model with the specified model ID.",
    'model-access-legacy'
  ],
  ['ThrottlingException: Too many tokens, please wait before trying again.', 'throttled'],
  ['Too many requests, please wait before trying again.', 'throttled'],
  [
    'ThrottlingException ... (reached max retries: 4): Too many tokens per day, please wait before trying again.',
    'daily-token-quota'
  ],
  ['getaddrinfo ENOTFOUND bedrock-runtime.us-west-3.amazonaws.com', 'region-without-bedrock'],
  // me-central-1 is a real region (it had no Bedrock in 2024): the name did not resolve, and
  // network-dns names both causes; region-without-bedrock is for regions that do not exist.
  [
    'EndpointConnectionError: Could not connect to the endpoint URL: "https://bedrock-runtime.me-central-1.amazonaws.com/..."',
    'network-dns'
  ],
  [
    'InvalidSignatureException ... Credential should be scoped to a valid region.',
    'invalid-signature-region'
  ],
  ["ValidationException: model doesn't support counting tokens", 'count-tokens-unsupported'],
  // The official code table (AWS UG troubleshooting-api-error-codes).
  [
    'MPAgreementBeingCreated: Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed',
    'marketplace-subscription-pending'
  ],
  [
    'The AWS Marketplace Agreement failed due to an underlying issue.',
    'marketplace-agreement-failed'
  ],
  [
    'The AWS Marketplace Agreement has not succeeded and it has been 15 minutes since the request was made.',
    'marketplace-agreement-failed'
  ],
  [
    'BadCScoreException: Your account is not authorized to access this model',
    'account-not-authorized'
  ],
  [
    'ServiceUnavailable: The service is temporarily unable to handle the request',
    'service-unavailable'
  ],
  [
    'overloaded_error: The model is temporarily unable to process the request because of high demand or insufficient serving capacity.',
    'service-unavailable'
  ],
  [
    'InternalFailure: The request processing has failed due to a server error',
    'service-unavailable'
  ],
  [
    'ServiceQuotaExceededException: Your request exceeds the service quota for your account.',
    'service-quota-exceeded'
  ],
  [
    'ThrottlingException: The request was denied due to exceeding the account quotas for Amazon Bedrock.',
    'throttled'
  ],
  [
    'AccessDeniedException: You do not have sufficient permissions to perform the requested action.',
    'access-denied'
  ],
  ['NotAuthorized: You do not have permission to perform this action.', 'access-denied'],
  [
    'ValidationError: The input fails to satisfy the constraints specified by Amazon Bedrock.',
    'validation'
  ],
  ['InvalidAction: The action or operation requested is invalid', 'validation'],
  ['ResourceNotFound: The requested resource could not be found.', 'resource-not-found'],
  [
    'IncompleteSignature: The request signature does not conform to AWS standards.',
    'incomplete-signature'
  ],
  [
    'InvalidClientTokenId: The X.509 certificate or AWS access key ID provided does not exist in our records.',
    'invalid-client-token'
  ],
  ['RequestExpired: The request is no longer valid due to expired timestamps.', 'request-expired']
]

describe('the catalog explains every Bedrock error text in the reference', () => {
  it.each(texts)('%s → %s', (text, id) => {
    expect(matchText(text)?.id).toBe(id)
  })

  it('matches the same texts when they arrive as a code and a message from the SDK', () => {
    expect(
      matchError({
        code: 'ValidationException',
        message: 'The provided model identifier is invalid.'
      })?.id
    ).toBe('invalid-model-identifier')
    expect(matchError({ code: 'ValidationException', message: 'Operation not allowed' })?.id).toBe(
      'account-not-enabled'
    )
    expect(
      matchError({
        code: 'ResourceNotFoundException',
        message:
          'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.'
      })?.id
    ).toBe('ftu-form-missing')
  })

  it('treats a denied Bedrock read as unverified for the preflight, naming the action for an app', () => {
    const e = matchError({
      code: 'AccessDeniedException',
      message:
        'User: arn:aws:sts::111122223333:assumed-role/ci/s is not authorized to perform: bedrock:GetInferenceProfile on resource: arn:aws:bedrock:eu-west-1:111122223333:inference-profile/x because no identity-based policy allows the bedrock:GetInferenceProfile action'
    })
    expect(e?.id).toBe('bedrock-read-denied')
    expect(e?.verdict).toBe('unverified')
    expect(e?.cause).toContain('unverified')
  })
})

describe('"ValidationException: Operation not allowed"', () => {
  const entry = matchError({ code: 'ValidationException', message: 'Operation not allowed' })

  it('names a Legacy model in its extended-access period before an account restriction', () => {
    expect(entry?.id).toBe('account-not-enabled')
    const cause = entry?.cause ?? ''
    const legacy = cause.indexOf('extended-access period')
    const account = cause.indexOf('account-level restriction')
    expect(legacy).toBeGreaterThan(-1)
    expect(account).toBeGreaterThan(legacy)
  })

  it('gives the lifecycle read first, for the model that was called, then the Support route', () => {
    const fix =
      entry?.fix({ surface: 'cli', modelId: 'anthropic.claude-sonnet-4-6', region: 'eu-west-1' }) ??
      ''
    expect(fix).toContain(
      'aws bedrock get-foundation-model --model-identifier anthropic.claude-sonnet-4-6 --region eu-west-1 --query modelDetails.modelLifecycle'
    )
    expect(fix.indexOf('get-foundation-model ')).toBeLessThan(fix.indexOf('AWS Support'))
  })
})
