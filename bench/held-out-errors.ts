/**
 * Real error texts from public issues, kept OUT of the catalog's work: no pattern, code or
 * wording was written from them (the inventories and __tests__/fixtures/pasted-errors.ts are
 * what the catalog is built from). `npm run bench` reports how many `explain` names right, as a
 * figure for unseen texts, never as a test. Each is quoted as posted, with its address and the
 * cause its thread names. Collected 2026-12-07.
 */
export interface HeldOut {
  readonly source: string
  readonly expected: string
  readonly text: string
}

export const HELD_OUT: readonly HeldOut[] = [
  {
    source: 'https://github.com/clong/DetectionLab/issues/818',
    expected: 'no-credentials',
    text: `│ Error: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.
│ 
│ Please see https://registry.terraform.io/providers/hashicorp/aws
│ for more information about providing credentials.
│ 
│ Error: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, http response error StatusCode: 404, request to EC2 IMDS failed`
  },
  {
    source: 'https://github.com/hashicorp/terraform-provider-aws/issues/38965',
    expected: 'sso-session-expired',
    text: `│ Error: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.
│ 
│ Please see https://registry.terraform.io/providers/hashicorp/aws
│ for more information about providing credentials.
│ 
│ Error: failed to refresh cached credentials, the SSO session has expired or is invalid: open /Users/xxxxxxx/.aws/sso/cache/16ff4db39347b47fc9cda3379ea14fce4c2e2c17.json: no such file or directory`
  },
  {
    source: 'https://github.com/GoogleCloudPlatform/anthos-samples/issues/401',
    expected: 'no-credentials',
    text: `│ Error: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.
│
│ Please see https://registry.terraform.io/providers/hashicorp/aws
│ for more information about providing credentials.
│
│ Error: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request send failed, Get "http://169.254.169.254/latest/meta-data/iam/security-credentials/": dial tcp 169.254.169.254:80: i/o timeout`
  },
  {
    source: 'https://github.com/pbar1/mfaws/issues/2',
    expected: 'no-credentials',
    text: `Error: Error refreshing state: 1 error(s) occurred:

* provider.aws: No valid credential sources found for AWS Provider.
  Please see https://terraform.io/docs/providers/aws/index.html for more information on
  providing credentials for the AWS Provider`
  },
  {
    source: 'https://github.com/vercel/ai/issues/4163',
    expected: 'invalid-client-token',
    text: ` ⨯ UnrecognizedClientException: The security token included in the request is invalid.
    at async POST (apps/app/app/api/chat/route.ts:19:19)`
  },
  {
    source: 'https://github.com/spiceai/spiceai/issues/13558',
    expected: 'invalid-client-token',
    text: 'unhandled error (UnrecognizedClientException)'
  },
  {
    source: 'https://github.com/aws-samples/amazon-bedrock-client-for-mac/issues/1',
    expected: 'account-not-authorized',
    text: 'Error invoking the model: AccessDeniedException(properties: AWSBedrockRuntime.AccessDeniedException.Properties(message: Optional("Your account is not authorized to invoke this API operation.")), httpResponse: Status Code: http_status_403 x-amzn-ErrorType: AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/, Content-Type: application/json, Content-Length: 74, x-amzn-RequestId: c9507833-2d9a-4f0f-b4c0-08ac3dd223f8, Date: Thu, 26 Oct 2023 20:39:03 GMT, Connection: keep-alive, message: Optional("Your account is not authorized to invoke this API operation."), requestID: nil)'
  },
  {
    source: 'https://github.com/aws-samples/sample-agentic-frameworks-on-aws/issues/44',
    expected: 'model-access-legacy',
    text: "Error generating response: An error occurred (AccessDeniedException) when calling the Converse operation: You don't have access to the model with the specified model ID."
  },
  {
    source: 'https://github.com/aws-samples/bedrock-chat/issues/95',
    expected: 'prompt-too-long',
    text: `[ERROR] EventStreamError: An error occurred (validationException) when calling the InvokeModelWithResponseStream operation: Input is too long for requested model.
Traceback (most recent call last):
  File "/var/task/app/websocket.py", line 84, in handler
    for chunk in generate_chunk(stream):`
  },
  {
    source: 'https://github.com/continuedev/continue/issues/6005',
    expected: 'prompt-too-long',
    text: 'Error processing Bedrock stream: The model returned the following errors: Input is too long for requested model.'
  },
  {
    source: 'https://github.com/zed-industries/zed/issues/31815',
    expected: 'request-shape-invalid',
    text: `client error: DisplayErrorContext(ServiceError(ServiceError { source: ValidationException(ValidationException { message: Some("The model returned the following errors: Malformed input request: #/toolConfig/tools/1/toolSpec/inputSchema/json: extraneous key [definitions] is not permitted, please reformat your input and try again."), meta: ErrorMetadata { code: Some("ValidationException"), message: Some("The model returned the following errors: Malformed input request: #/toolConfig/tools/1/toolSpec/inputSchema/json: extraneous key [definitions] is not permitted, please reformat your input and try again."), extras: Some({"aws_request_id": "7711b029-fdf3-4a28-9585-38de03122abc"}) } }), raw: Response { status: StatusCode(400)`
  },
  {
    source: 'https://github.com/fumito-ito/AnthropicSwiftSDK/issues/19',
    expected: 'request-shape-invalid',
    text: 'ValidationException(properties: AWSBedrockRuntime.ValidationException.Properties(message: Optional("Malformed input request: #: subject must not be valid against schema {\\"required\\":[\\"messages\\"]}#: extraneous key [stream] is not permitted#: extraneous key [model] is not permitted, please reformat your input and try again.")), httpResponse: '
  },
  {
    source: 'https://github.com/mem0ai/mem0/pull/4147',
    expected: 'sampling-parameters-conflict',
    text: 'Fixes `ValidationException: temperature and top_p cannot both be specified` when using newer Claude models on AWS Bedrock'
  },
  {
    source: 'https://github.com/skydiscover-ai/skydiscover/issues/15',
    expected: 'sampling-parameters-conflict',
    text: `14:46:05 WARNING [search.adaevolve] Iteration 1: All 3 attempts failed: LLM error: Error code: 400 - {'error': {'message': 'litellm.BadRequestError: BedrockException - {"message":"The model returned the following errors: \`temperature\` and \`top_p\` cannot both be specified for this model. Please use only one."}`
  },
  {
    source: 'https://github.com/vercel/ai/issues/2772',
    expected: 'max-tokens-too-large',
    text: 'ValidationException: The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.'
  },
  {
    source: 'https://github.com/BerriAI/litellm/issues/5656',
    expected: 'max-tokens-too-large',
    text: `errorMessage": "Error code: 400 - {'error': {'message': 'litellm.BadRequestError: BedrockException - {\\"message\\":\\"The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.\\"}\\\\nReceived Model Group=bedrock/anthropic.claude-v2:1\\\\nAvailable Model Group Fallbacks=None', 'type': None, 'param': None, 'code': '400'}}`
  },
  {
    source: 'https://github.com/aws-samples/aws-genai-llm-chatbot/issues/246',
    expected: 'service-unavailable',
    text: 'Error listing Bedrock models: An error occurred (InternalServerException) when calling the ListFoundationModels operation (reached max retries: 4): The system encountered an unexpected error during processing. Try your request again.'
  },
  {
    source: 'https://github.com/tinovyatkin/amazon-bedrock-copilot-chat/issues/396',
    expected: 'bedrock-scp-deny',
    text: '2026-03-09 13:46:50.969 [error] [Bedrock Model Provider] Chat request failed {"messageCount":5,"modelId":"global.anthropic.claude-opus-4-6-v1","error":{"message":"User: arn:aws:sts::1111111111:assumed-role/user_role is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1 with an explicit deny in a service control policy: arn:aws:organizations::0000000000:p'
  }
]
