import type { CatalogId } from './entries.js'

/**
 * Other SDKs' wordings of causes the catalog already has: the same failure as Java, Go, Rust,
 * .NET, PHP, Ruby, the Terraform provider and the Anthropic SDKs say it, each read in that SDK's
 * sources (src/catalog/inventory/sdk-messages.json names the file and commit of each). Matched
 * like the entry's own patterns; kept here so the entries stay readable and each SDK's sentence
 * sits beside the others for the same cause.
 */
export const WORDINGS_OF: Partial<Record<CatalogId, readonly RegExp[]>> = {
  'no-credentials': [
    /Unable to find environment variable credentials/i,
    /EC2 Instance Metadata Service access disabled/i,
    /Unable to load credentials from any of the providers in the chain/i,
    /Unable to load AWS credentials from any provider in the chain/i,
    /Unable to load credentials from system settings\. Access key must be specified/i,
    /no valid providers in chain/i,
    /no providers in chain provided credentials|no credentials found in chain/i,
    /Failed to resolve AWS credentials\. The credential providers used to search/i,
    /Could not find environment variable credentials in/i,
    /unable to sign request without credentials set/i,
    /No valid credential sources found/i,
    /Failed to resolve AWS credentials from the credential provider chain/i,
    // Claude Code's Bedrock setup, claude-code-action, the Anthropic Python SDK's Bedrock client
    /No AWS credentials found\b/i,
    /Either AWS_BEARER_TOKEN_BEDROCK or both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are required/i,
    /could not resolve credentials from session/i
  ],
  'sso-session-expired': [
    /To refresh this SSO session run 'aws sso login'/i,
    // Claude Code's Bedrock setup
    /\bSSO session expired\. Run:/i
  ],
  'expired-token': [
    /Your session has expired or credentials have changed\. Please reauthenticate using 'aws login'/i
  ],
  'imds-credentials-failed': [
    /(?:Unable to connect to|TimeoutError from|Error response received from|Invalid response received from) instance metadata service/i,
    /Unable to fetch credentials from container/i,
    /Failed to load credentials from IMDS/i,
    /no EC2 (?:instance|IMDS) role found/i,
    /Error retrieving credentials from IMDS/i,
    /failed to load IMDS session token/i,
    /Unable to get IAM security credentials from EC2 Instance Metadata Service/i
  ],
  'region-missing': [
    /Unable to load region from any of the providers in the chain/i,
    /Unable to find a region via the region provider chain/i,
    /could not find region configuration/i,
    /an AWS region is required, but was not found/i,
    /No RegionEndpoint or ServiceURL configured/i,
    /Missing required client configuration options:(?:\s*region\b|\s*$)/i,
    /No region was provided\. Configure the '?:region'? option/i,
    /Invalid Configuration: Missing Region/i,
    /Expected 'awsRegion' option to be passed to the client/i,
    /No AWS region (?:or base URL )?found/i,
    // claude-code-action, LiteLLM
    /AWS_REGION is required when using AWS Bedrock/i,
    /AWS region not set: set AWS_REGION_NAME or AWS_REGION/i
  ],
  'region-invalid': [
    /Provided region_name '.*' doesn't match a supported format/i,
    /Region not accepted: region=".*" is not a valid hostname component/i
  ],
  // Claude Code's Bedrock setup: an unknown endpoint or ENOTFOUND …
  'network-dns': [/Couldn't reach AWS in region "/i],
  // … and a test request to Bedrock that got no answer at all.
  'network-unreachable': [
    /Couldn't reach Bedrock in region "/i,
    /Failed to connect to proxy URL/i,
    /Connection was closed before we received a valid response/i,
    /Unable to execute HTTP request/i
  ],
  'count-tokens-unsupported': [/Token counting is not supported in Bedrock/i],
  // Claude Code's Bedrock setup
  'bedrock-api-key-invalid': [/Bedrock didn't accept this API key/i],
  'bedrock-api-key-denied': [
    /API key was rejected\. Your IAM policy may be missing bedrock:CallWithBearerToken/i
  ],
  // claude-code-action
  'oidc-token-unavailable': [
    /Could not fetch an OIDC token\. Did you remember to add .?id-token: write/i
  ],
  // Claude Code on a 404 from Bedrock
  'model-not-found': [
    /There's an issue with the selected model \(.*\)\. It may not exist or you may not have access to it/i,
    /The model \S+ is not available on your \w+ deployment/i
  ],
  // Claude Code and the Anthropic TypeScript SDK's Bedrock client: not an event stream
  'malformed-response': [
    /Bedrock streaming response content-type is not application\/vnd\.amazon\.eventstream/i,
    /Could not parse a Bedrock chunk into JSON/i
  ],
  // Bedrock's Converse, as LiteLLM passes it on
  'request-shape-invalid': [
    /Conversation blocks and tool result blocks cannot be provided in the same turn/i
  ]
}
