import type { CatalogEntry } from '../entry.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * Errors the agents raise on their own about reaching Bedrock, when no AWS answer names the
 * cause: Claude Code's credential commands and setup test. The wordings are read in the agents'
 * published code (src/catalog/inventory/sdk-messages.json names the package or repository,
 * file and version of each).
 */
export const AGENT_ENTRIES = [
  {
    id: 'claude-code-credential-command-failed',
    title: "Claude Code's AWS credential command failed",
    // A timeout of the command is this cause, not a slow network: it usually waits on a browser
    // sign-in nobody completes.
    before: 'timeout',
    patterns: [
      /Error running awsAuthRefresh/i,
      /\bawsAuthRefresh failed\b/i,
      /AWS auth refresh timed out after \d+ minutes/i,
      /AWS login (?:timed out after \d+ minutes|did not complete \(.*exited with an error\))/i,
      /Error getting AWS credentials from awsCredentialExport/i,
      /awsCredentialExport (?:did not return (?:a )?valid|timed out after)/i
    ],
    cause:
      'Claude Code runs the command in its `awsAuthRefresh` setting (typically `aws sso login --profile …`) or `awsCredentialExport` setting to get AWS credentials, and that command failed, timed out (3 minutes for `awsAuthRefresh`, 10 for `awsCredentialExport`, often a browser sign-in nobody finished), or printed something other than the JSON of `aws sts get-session-token`/`assume-role` (`{"Credentials":{"AccessKeyId":…,"SecretAccessKey":…,"SessionToken":…}}`).',
    fix: () =>
      'Run the command from the setting yourself, in a terminal, with the same profile and environment, and fix what it reports (an expired SSO session: `aws sso login --profile <name>`; a missing `aws` on `PATH`). An `awsCredentialExport` command must print the STS JSON above on standard output and nothing else. Then restart Claude Code. In CI, leave both settings unset and let `aws-actions/configure-aws-credentials` export the credentials.',
    doc: DocUrl.claudeCodeBedrockCredentials,
    verdict: 'fail'
  },
  {
    id: 'sso-role-access-denied',
    title: 'IAM Identity Center refused the role',
    patterns: [/SSO portal denied access to the role for profile/i],
    cause:
      "The SSO sign-in is valid, but IAM Identity Center refused the profile's account and role (`sso_account_id`, `sso_role_name`): the permission set is no longer assigned to you in that account, or the profile names another one (sso:GetRoleCredentials answered ForbiddenException).",
    fix: () =>
      'Open your AWS access portal and check which accounts and roles you are given; set `sso_account_id` and `sso_role_name` of the profile in `~/.aws/config` to one of them (`aws configure sso` writes them), or ask your administrator to assign the permission set again.',
    doc: DocUrl.sso,
    verdict: 'fail'
  }
] as const satisfies readonly CatalogEntry<string>[]
