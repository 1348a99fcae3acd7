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
    /Failed to resolve AWS credentials from the credential provider chain/i
  ],
  'sso-session-expired': [/To refresh this SSO session run 'aws sso login'/i],
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
    /No AWS region (?:or base URL )?found/i
  ],
  'region-invalid': [
    /Provided region_name '.*' doesn't match a supported format/i,
    /Region not accepted: region=".*" is not a valid hostname component/i
  ],
  'network-unreachable': [
    /Failed to connect to proxy URL/i,
    /Connection was closed before we received a valid response/i,
    /Unable to execute HTTP request/i
  ],
  'count-tokens-unsupported': [/Token counting is not supported in Bedrock/i]
}
