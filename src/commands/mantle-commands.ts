/**
 * A read of bedrock-mantle to paste, for any credential source: mantle has no AWS CLI command (no
 * SDK serves it), so it is curl, signed as `bedrock-mantle` with the keys `aws configure
 * export-credentials` gives for a profile, SSO or `aws login` (the session token only when there
 * is one), or sent with a Bedrock API key. `region` may be a `{{region}}` placeholder.
 */
export function mantleCurl(region: string, path: string, filter: string): string {
  const url = `https://bedrock-mantle.${region}.api.aws${path}`
  return [
    '```sh',
    '# AWS credentials (SigV4); with a profile, SSO or `aws login`, first:',
    '# eval "$(aws configure export-credentials --format env)"',
    `curl -s "${url}" --aws-sigv4 "aws:amz:${region}:bedrock-mantle" \\`,
    `  --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \${AWS_SESSION_TOKEN:+-H "x-amz-security-token: $AWS_SESSION_TOKEN"} | jq -r '${filter}'`,
    '# or a Bedrock API key',
    `curl -s "${url}" -H "Authorization: Bearer $AWS_BEARER_TOKEN_BEDROCK" | jq -r '${filter}'`,
    '```'
  ].join('\n')
}
