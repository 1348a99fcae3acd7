import {
  allEntries,
  entryById,
  explainText,
  matchError,
  matchText,
  normalizeErrorText,
  scanLog
} from '../../src/catalog/match.js'
import { BEDROCK_ERRORS, SEED_TEXTS, STS_AND_SDK_ERRORS } from '../fixtures/reference-errors.js'

describe('the error catalog', () => {
  it.each([...STS_AND_SDK_ERRORS, ...BEDROCK_ERRORS])(
    'explains $code "$message" as $catalogId',
    (e) => {
      expect(matchError(e)?.id).toBe(e.catalogId)
    }
  )

  it.each(SEED_TEXTS)('recognises the troubleshooting page text "$text"', ({ text, catalogId }) => {
    expect(matchText(text)?.id).toBe(catalogId)
  })

  it('tolerates SDK prefixes and wrappers around the AWS message', () => {
    const wrapped =
      'An error occurred (AccessDeniedException) when calling the Converse operation: Model access is denied due to User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: aws-marketplace:ViewSubscriptions on resource: * because no identity-based policy allows the aws-marketplace:ViewSubscriptions action.'
    expect(matchText(wrapped)?.id).toBe('marketplace-permission-missing')
    expect(
      matchText('Error: ExpiredToken: The security token included in the request is expired')?.id
    ).toBe('expired-token')
  })

  it('matches straight and curly apostrophes alike', () => {
    const straight = "Invocation of model ID x with on-demand throughput isn't supported."
    expect(matchText(straight)?.id).toBe('on-demand-not-supported')
    expect(normalizeErrorText('isn\u2019t\u00a0 supported')).toBe("isn't supported")
  })

  it('falls back to the generic entry for an unknown access denial, and to nothing for unknown text', () => {
    expect(matchError({ code: 'AccessDeniedException', message: 'something new' })?.id).toBe(
      'access-denied'
    )
    expect(matchText('the weather is nice')).toBeUndefined()
  })

  it('finds the first real error in a noisy log, past retries and the loop detector', () => {
    const log = [
      '12:00:01 starting agent',
      '12:00:02 ERROR ExpiredToken: The security token included in the request is expired',
      '12:00:03 ERROR ThrottlingException: Too many requests, please wait before trying again.',
      '12:00:04 loop detector: same error 3 times, giving up'
    ].join('\n')
    const { first, hits } = scanLog(log)
    expect(first?.entry.id).toBe('expired-token')
    expect(first?.line).toBe(2)
    expect(hits.map((h) => h.entry.id)).toContain('retries-hide-error')
  })

  it('acts on the repeated failure, not on a throttled attempt that was retried before it', () => {
    const denied =
      'AccessDeniedException: User: arn:aws:sts::308535385114:assumed-role/dev/alice is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 because no identity-based policy allows the bedrock:InvokeModel action'
    const log = [
      '12:00:01 ERROR ThrottlingException: Too many tokens, please wait before trying again.',
      '12:00:02 retrying (attempt 2/3)',
      `12:00:03 ERROR ${denied}`,
      `12:00:04 ERROR ${denied}`,
      `12:00:05 ERROR ${denied}`,
      '12:00:06 loop detector: same error 3 times, giving up'
    ].join('\n')
    const { hit, entry } = explainText(log)
    expect(entry?.id).toBe('bedrock-invoke-denied')
    expect(hit?.line).toBe(3)
    // Throttling alone, retried until the caller gave up, is the failure itself.
    const onlyThrottled = [
      '12:00:01 ERROR ThrottlingException: Too many tokens, please wait before trying again.',
      '12:00:02 ERROR ThrottlingException: Too many tokens, please wait before trying again.',
      '12:00:03 loop detector: same error 2 times, giving up'
    ].join('\n')
    expect(explainText(onlyThrottled).entry?.id).toBe('throttled')
  })

  it('reads a message whose decisive clause is on a later line as one error', () => {
    const wrapped = [
      'AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/dev/s is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0',
      'with an explicit deny in a service control policy'
    ].join('\n')
    const { hit, entry } = explainText(wrapped)
    expect(entry?.id).toBe('bedrock-scp-deny')
    expect(hit).toMatchObject({ line: 1, span: 2 })
  })

  it('prefers the message that explains a bare code printed before it', () => {
    const log = [
      'x-amzn-ErrorType: AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/',
      '{',
      '  "Message": "Authorization header is missing"',
      '}'
    ].join('\n')
    expect(explainText(log).entry?.id).toBe('bedrock-api-key-missing')
  })

  it('gives checks the same reading as explain, HTTP 5xx without a modelled code included', () => {
    expect(
      matchError({ code: 'UnknownError', message: 'Service Unavailable', httpStatus: 503 })?.id
    ).toBe('service-unavailable')
    const text =
      'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:ListFoundationModels because no identity-based policy allows the bedrock:ListFoundationModels action'
    expect(matchError({ code: 'AccessDeniedException', message: text })?.id).toBe(
      matchText(`AccessDeniedException: ${text}`)?.id
    )
  })

  it('tells a missing region, an unknown region and a network failure apart by the endpoint name', () => {
    expect(matchText('getaddrinfo ENOTFOUND bedrock-runtime.undefined.amazonaws.com')?.id).toBe(
      'region-missing'
    )
    expect(matchText('getaddrinfo ENOTFOUND bedrock-runtime.us-west-3.amazonaws.com')?.id).toBe(
      'region-without-bedrock'
    )
    expect(matchText('getaddrinfo ENOTFOUND bedrock-runtime.us-east-2.amazonaws.com')?.id).toBe(
      'network-dns'
    )
  })

  describe('bedrock-mantle, as the checks present its errors', () => {
    const mantle = (code: string, message: string, httpStatus: number) =>
      matchError({ code, message, httpStatus })?.id

    it('reads a model mantle does not serve, on any route, without taking runtime texts', () => {
      // Anthropic shape on /anthropic/v1/messages, OpenAI shape on /v1/*, as third-party tools
      // logged them live (no public thread to cite, so not in the pasted corpus)
      expect(
        mantle('not_found_error', "The model 'eu.anthropic.claude-sonnet-4-6' does not exist", 404)
      ).toBe('mantle-model-not-served')
      expect(
        mantle(
          'validation_error',
          "The model 'anthropic.claude-opus-4-7' does not support the '/v1/chat/completions' API",
          400
        )
      ).toBe('mantle-model-not-served')
      // AWS UG inference-responses-api
      expect(matchText("model 'openai.gpt-5.4' isn't supported on this route")?.id).toBe(
        'mantle-model-not-served'
      )
      expect(mantle('ValidationException', 'The provided model identifier is invalid.', 400)).toBe(
        'invalid-model-identifier'
      )
      // OpenAI's own API, not mantle
      expect(
        matchText('The model `gpt-4` does not exist or you do not have access to it.')?.id
      ).toBeUndefined()
    })

    it("fixes a mantle denial for the caller's kind and partition, with nothing left to fill in", () => {
      const fix = (callerArn?: string) =>
        entryById('mantle-permission-denied')!.fix({
          surface: 'cli',
          ...(callerArn ? { callerArn } : {})
        })
      const role = fix('arn:aws:sts::111122223333:assumed-role/github-actions-bedrock/run')
      expect(role).toContain('aws iam attach-role-policy --role-name github-actions-bedrock')
      const user = fix('arn:aws-us-gov:iam::111122223333:user/ci/bedrock-bot')
      expect(user).toContain(
        'aws iam attach-user-policy --user-name bedrock-bot --policy-arn arn:aws-us-gov:iam::aws:policy/AmazonBedrockMantleInferenceAccess'
      )
      expect(user).toContain('arn:aws-us-gov:bedrock-mantle:*:*:project/*')
      expect(user).not.toContain('arn:aws:')
      const unknown = fix()
      expect(unknown).not.toMatch(/<[a-z-]+>/)
      expect(unknown).not.toContain('aws iam attach-')
    })

    it('reads a bedrock-mantle permission before the generic access-denied entries', () => {
      const listModels =
        'User: arn:aws:sts::[ACCOUNT]:assumed-role/gab-foundation-m0-model/inference-iam-auth-session is not authorized to perform: bedrock-mantle:ListModels on resource: arn:aws:bedrock-mantle:us-west-2:[ACCOUNT]:project/default because no identity-based policy allows the bedrock-mantle:ListModels action'
      expect(mantle('access_denied', listModels, 403)).toBe('mantle-permission-denied')
      expect(mantle('AccessDeniedException', listModels, 403)).toBe('mantle-permission-denied')
      expect(
        mantle(
          'permission_error',
          'User: arn:aws:sts::203918843421:assumed-role/BelloAmplifyStagingComputeRole/AmplifyHostingCompute-app=d4hkkg7dty2du is not authorized to perform: bedrock-mantle:CreateInference on resource: arn:aws:bedrock-mantle:us-west-2:203918843421:project/default',
          403
        )
      ).toBe('mantle-permission-denied')
      // An API key's own permission keeps its entry
      expect(
        mantle(
          'AccessDeniedException',
          'User: arn:aws:iam::1:user/BedrockAPIKey-x is not authorized to perform: bedrock-mantle:CallWithBearerToken on resource: *',
          403
        )
      ).toBe('bedrock-api-key-denied')
    })

    it('reads a refused key, the data retention gate and the transient statuses', () => {
      expect(mantle('invalid_api_key', 'Invalid bearer token', 401)).toBe('mantle-api-key-invalid')
      // AWS UG data-retention: a model's status_reason
      expect(
        mantle(
          'invalid_request_error',
          "This model is not available under data retention mode 'default'.",
          400
        )
      ).toBe('mantle-data-retention')
      expect(mantle('rate_limit_error', 'Rate limited', 429)).toBe('throttled')
      expect(mantle('overloaded_error', 'Overloaded', 529)).toBe('service-unavailable')
      expect(mantle('api_error', 'Internal server error', 500)).toBe('service-unavailable')
      expect(matchText('getaddrinfo ENOTFOUND bedrock-mantle.us-west-1.api.aws')?.id).toBe(
        'network-dns'
      )
    })

    it('gives fixes that name the region, the bare model ID and the role', () => {
      const ctx = {
        surface: 'cli' as const,
        region: 'eu-west-1',
        modelId: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0'
      }
      const models = entryById('mantle-model-not-served').fix(ctx)
      expect(models).toContain(
        'curl -s "https://bedrock-mantle.eu-west-1.api.aws/v1/models" --aws-sigv4 "aws:amz:eu-west-1:bedrock-mantle"'
      )
      expect(models).toContain('-H "Authorization: Bearer $AWS_BEARER_TOKEN_BEDROCK"')
      expect(models).toContain('`anthropic.claude-sonnet-4-5`')
      expect(models).toContain('/anthropic/v1/messages')
      const denied = entryById('mantle-permission-denied').fix({
        surface: 'github-actions',
        callerArn: 'arn:aws:sts::111122223333:assumed-role/ci-bedrock/GitHubActions'
      })
      expect(denied).toContain(
        'aws iam attach-role-policy --role-name ci-bedrock --policy-arn arn:aws:iam::aws:policy/AmazonBedrockMantleInferenceAccess'
      )
      expect(denied).toContain('bedrock-mantle:CallWithBearerToken')
      const policy = /```json\n([\s\S]*?)\n```/.exec(denied)?.[1] ?? ''
      expect(JSON.parse(policy)).toMatchObject({ Version: '2012-10-17' })
      expect(entryById('mantle-data-retention').fix(ctx)).toContain(
        'aws bedrock put-account-data-retention --mode provider_data_share --region eu-west-1'
      )
    })
  })

  it('has a cause, a fix and an https doc link for every entry, with unique ids', () => {
    const ids = allEntries().map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const e of allEntries()) {
      expect(e.cause.length).toBeGreaterThan(20)
      expect(e.fix({ surface: 'cli' }).length).toBeGreaterThan(10)
      expect(e.fix({ surface: 'github-actions' }).length).toBeGreaterThan(10)
      expect(e.doc).toMatch(/^https:\/\//)
    }
  })

  it('names the profile in the SSO fix and tells each surface how to restart', () => {
    const fix = entryById('expired-token').fix({ surface: 'cli', profile: 'dev-sso' })
    expect(fix).toContain('aws sso login --profile dev-sso')
    expect(fix).toContain('Reload Window')
    expect(fix).toContain('Cmd+Q')
  })
})

describe('an error to a request sent with a Bedrock API key', () => {
  // UnrecognizedClientException (HTTP 403) with its common text is AWS's for an unknown credential
  // (src/catalog/inventory/aws-common-errors.json); the bearer text is Bedrock's (reference
  // bedrock.md §0). A bearer request carries no access key, so neither blames one.
  const COMMON = 'The security token included in the request is invalid.'
  const BEARER = 'The bearer token included in the request is invalid.'

  it('names the Bedrock API key, never an access key, when the request carried the key', () => {
    for (const message of [COMMON, BEARER]) {
      expect(
        matchError({ code: 'UnrecognizedClientException', message, auth: 'api-key' })?.id
      ).toBe('bedrock-api-key-invalid')
    }
    expect(
      matchError({
        code: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
        auth: 'api-key'
      })?.id
    ).toBe('bedrock-api-key-rejected')
  })

  it('still names the access key for the same code on a signed request', () => {
    expect(matchError({ code: 'UnrecognizedClientException', message: COMMON })?.id).toBe(
      'invalid-client-token'
    )
  })

  it('reads a pasted line that shows the bearer header as the key, in a log too', () => {
    const line = `2026-12-07T10:00:00Z ERROR POST /model/x/invoke (Authorization: Bearer <key>) 403 UnrecognizedClientException: ${COMMON}`
    expect(matchText(line)?.id).toBe('bedrock-api-key-invalid')
    const log = explainText(`2026-12-07T09:59:59Z INFO starting\n${line}\n`)
    expect([log.id, log.hit?.entry.id]).toEqual([
      'bedrock-api-key-invalid',
      'bedrock-api-key-invalid'
    ])
    expect(matchText(`UnrecognizedClientException: ${COMMON}`)?.id).toBe('invalid-client-token')
  })

  it('reads a pasted bearer refusal as the key, whatever code comes with it', () => {
    expect(matchText(`UnrecognizedClientException: ${BEARER}`)?.id).toBe('bedrock-api-key-invalid')
  })
})
