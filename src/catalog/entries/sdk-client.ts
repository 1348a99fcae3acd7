import type { CatalogEntry } from '../entry.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * Errors an SDK raises on its own, before or instead of an AWS answer: its credential chain, its
 * endpoint resolution and its TLS. The wordings are each SDK's own, read in its sources
 * (src/catalog/inventory/sdk-messages.json and endpoint-rules.json name the files).
 */
export const SDK_CLIENT_ENTRIES = [
  {
    id: 'credentials-incomplete',
    title: 'Half a key pair',
    patterns: [
      // botocore
      /Partial credentials found in \w+, missing:/i,
      // Java v2
      /Unable to load credentials from system settings\. Secret key must be specified/i,
      // Go v1
      /\bEnvSecretNotFound\b|AWS_SECRET_ACCESS_KEY or AWS_SECRET_KEY not found in environment/i,
      /\bSharedCredsSecret\b|shared credentials profile .* is missing aws_secret_access_key/i,
      // the Anthropic Bedrock Mantle client
      /'awsAccessKey' and 'awsSecretAccessKey' must be provided together/i
    ],
    cause:
      'An access key ID was found without its secret access key (or the reverse): one of `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` is unset or empty, or a profile in `~/.aws/credentials` has only one of the two lines. An empty secret in CI (a secret that does not exist, a fork without secrets) looks the same.',
    fix: () =>
      'Set both halves from the same key, or neither (then the SDK goes on to your profile or role):\n\n```sh\nexport AWS_ACCESS_KEY_ID=AKIA...\nexport AWS_SECRET_ACCESS_KEY=...\n```\n\nIn GitHub Actions, prefer `aws-actions/configure-aws-credentials` with `role-to-assume` (no stored keys).',
    doc: DocUrl.staticCredentials,
    verdict: 'fail'
  },
  {
    id: 'container-credentials-uri',
    title: 'Container credentials URL not accepted by this SDK',
    before: 'no-credentials',
    patterns: [
      // JavaScript v3 (@aws-sdk/credential-provider-imds, -http)
      /is not a valid container metadata service (?:hostname|protocol)/i,
      /URL not accepted\. It must either be HTTPS or match one of the following/i,
      // Go v1 and v2
      /invalid endpoint host, ".*", only loopback\/ecs\/eks hosts are allowed/i,
      /unable to parse host from local HTTP cred provider URL/i,
      // Java v2
      /contained within environment variable AWS_CONTAINER_CREDENTIALS_FULL_URI has an invalid host/i,
      // botocore
      /Can only retrieve metadata from a loopback address or one of these hosts/i
    ],
    cause:
      "`AWS_CONTAINER_CREDENTIALS_FULL_URI` points to a host this SDK refuses to fetch credentials from. EKS Pod Identity sets it to `http://169.254.170.23/…` (or `[fd00:ec2::23]`), which SDK versions older than Pod Identity accept only for ECS's `169.254.170.2` or a loopback address; an `http:` URL on any other host is refused by every SDK.",
    fix: () =>
      "Upgrade the SDK (or the tool that bundles it) to a version that supports EKS Pod Identity (AWS's minimum-version table is linked below), or use IAM roles for service accounts (IRSA) for this pod instead. A custom credentials endpoint must be `https:` or on a loopback address.",
    doc: DocUrl.podIdentitySdk,
    verdict: 'fail'
  },
  {
    id: 'endpoint-variant-unsupported',
    title: 'Dual-stack or FIPS endpoint not available',
    before: 'network-dns',
    patterns: [
      // the endpoint rules every SDK runs (endpoint-rule-set-1.json of each service)
      /DualStack is enabled but this partition does not support DualStack/i,
      /FIPS and DualStack are enabled, but this partition does not support one or both/i,
      /FIPS is enabled but this partition does not support FIPS/i,
      /Invalid Configuration: (?:Dualstack|FIPS) and custom endpoint are not supported/i,
      /FIPS endpoints are not supported for OAuth operations/i,
      // botocore's older resolver
      /Unable to construct a modeled endpoint with the following variant/i,
      /A FIPS compliant endpoint cannot be constructed/i,
      // a dual-stack (or FIPS) Bedrock, STS or SSO host name that does not resolve
      /(?:ENOTFOUND|EAI_AGAIN|no such host|UnknownHostException:?|Could not connect to the endpoint URL: "https:\/\/|Name or service not known.{0,40})\s*(?:bedrock|bedrock-runtime|sts|portal\.sso|oidc)(?:-fips)?\.[a-z]{2}(?:-[a-z]+)+-\d+\.api\.aws/i,
      /(?:bedrock|bedrock-runtime)-fips\.[a-z]{2}(?:-[a-z]+)+-\d+\.amazonaws\.com.{0,40}(?:ENOTFOUND|no such host|UnknownHost|Could not resolve)/i
    ],
    cause:
      'The SDK was told to use dual-stack (IPv6) or FIPS endpoints (`AWS_USE_DUALSTACK_ENDPOINT=true`, `AWS_USE_FIPS_ENDPOINT=true`, or `use_dualstack_endpoint`/`use_fips_endpoint` in the profile), and the service has no such endpoint in this region or partition, or the setting is combined with a custom endpoint URL, which the endpoint rules refuse. Amazon Bedrock runtime has no dual-stack endpoint names in most regions.',
    fix: () =>
      'Turn the variant off for the job (or the tool) that calls Bedrock, and remove it from the profile if it is set there:\n\n```sh\nunset AWS_USE_DUALSTACK_ENDPOINT AWS_USE_FIPS_ENDPOINT\n```\n\nWith a custom endpoint (`AWS_ENDPOINT_URL*`, a VPC endpoint), leave both unset: the URL you give is used as it is.',
    doc: DocUrl.endpointSettings,
    verdict: 'fail'
  },
  {
    id: 'tls-interception',
    title: 'TLS certificate not trusted (proxy or custom CA)',
    before: 'network-unreachable',
    patterns: [
      /SSL validation failed for/i,
      /CERTIFICATE_VERIFY_FAILED/,
      /unable to get local issuer certificate/i,
      /self[- ]signed certificate in certificate chain/i,
      /\b(?:UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED)\b/,
      // Java
      /PKIX path building failed|unable to find valid certification path to requested target/i,
      // Go
      /x509: certificate signed by unknown authority/i,
      // Rust, .NET
      /invalid peer certificate|UnknownIssuer|The remote certificate is invalid/i
    ],
    cause:
      "The TLS certificate the AWS endpoint presented is not trusted on this machine: almost always a corporate proxy or firewall that intercepts HTTPS with its own certificate authority, which the SDK's runtime (Node.js, Python, the JVM, Go) does not know.",
    fix: () =>
      "Give the runtime your organisation's CA bundle, never turn verification off:\n\n```sh\nexport AWS_CA_BUNDLE=/path/to/corporate-ca.pem       # every AWS SDK and the AWS CLI\nexport NODE_EXTRA_CA_CERTS=/path/to/corporate-ca.pem # Node.js tools (Claude Code)\nexport SSL_CERT_FILE=/path/to/corporate-ca.pem        # Python and Go\n```\n\nOn a runner, or where no proxy should be in the path, check `HTTPS_PROXY`/`NO_PROXY`.",
    doc: DocUrl.generalSettings,
    verdict: 'unverified'
  }
] as const satisfies readonly CatalogEntry<string>[]
