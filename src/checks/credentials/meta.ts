import { defineMeta } from '../shared/check.js'
import { RESTART_SURFACES } from '../../catalog/snippets.js'
import { DocUrl } from '../../data/doc-url.js'

/** Where the credentials come from, whether they resolve, and the configurations that bite. */
export const meta = defineMeta({
  id: 'credentials',
  title: 'Credential source',
  description:
    'Where credentials come from (static or temporary keys, profile/SSO, web identity, container, instance), never printing them; warns on long-term `AKIA…` keys in CI.',
  scope: 'run',
  dependsOn: [],
  permissions: [],
  // Fixes after it say how to refresh credentials from this source (aws sso login, aws login, …).
  share: (facts) => ({ fixContext: { credentialSource: facts.source as string | undefined } }),
  messages: {
    resolved: { status: 'pass', title: 'Credentials from {{source}}' },
    secretMissing: {
      status: 'fail',
      title: 'AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY',
      skips: 'needs AWS_SECRET_ACCESS_KEY, which is not set',
      cause:
        '`AWS_ACCESS_KEY_ID` is set but `AWS_SECRET_ACCESS_KEY` is not, so the environment credentials are unusable (the SDK silently moves on to other sources).',
      fix: 'Set both variables, or remove `AWS_ACCESS_KEY_ID` and use a profile or OIDC.',
      doc: DocUrl.credentialChain
    },
    // The seed page's ".env has AWS_ACCESS_KEY_ID but I want to use SSO": the catalog holds its text.
    staticKeyShadowsProfile: {
      status: 'warn',
      catalog: 'static-key-shadows-profile',
      title:
        'A static AWS_ACCESS_KEY_ID is set together with profile "{{profile}}": one of them is ignored'
    },
    profileMissing: {
      status: 'fail',
      title: 'Profile "{{profile}}" is not defined',
      skips: 'the AWS profile to use is not defined',
      cause:
        '{{named}} names a profile that is in neither AWS file ({{where}}), so the SDK, and the agent, cannot take credentials from it.',
      fix: {
        cli: '{{choose}}\n\n{{create}}',
        'github-actions':
          "A job gets its credentials from `aws-actions/configure-aws-credentials`, not from a profile: remove `AWS_PROFILE` from the workflow's `env:` (job or step){{orDefined}}."
      },
      doc: DocUrl.cliConfigFiles
    },
    longTermKeyInCi: {
      status: 'warn',
      title: 'The job uses a long-term IAM user key (AKIA…): prefer GitHub OIDC',
      cause:
        'The job uses an IAM user access key (`AKIA…`): it never expires, and if it leaks it works until someone deletes it.',
      fix: 'Switch to GitHub OIDC: no stored secret, credentials that expire in an hour.\n\n{{configureStep}}',
      doc: DocUrl.githubOidc
    },
    ssoNotLoggedIn: {
      status: 'fail',
      title: 'No SSO session on this machine for profile "{{profile}}"',
      skips: 'needs an SSO login on this machine',
      cause:
        'The profile gets its credentials from AWS IAM Identity Center (SSO), but this machine has no SSO token for it in `~/.aws/sso/cache`: `aws sso login` was never run here for this profile (or the cache was cleared).',
      fix: `{{login}}\n\n${RESTART_SURFACES}`,
      doc: DocUrl.sso
    },
    ssoSessionExpired: {
      status: 'catalog',
      catalog: 'sso-session-expired',
      title: 'SSO session expired at {{expiredAt}} (profile "{{profile}}")',
      skips: 'the SSO session has expired'
    },
    noCredentials: {
      status: 'catalog',
      title: 'No AWS credentials found',
      skips: 'needs AWS credentials, which were not found'
    },
    apiKeyOnly: {
      status: 'pass',
      title: 'No IAM credentials: the job authenticates to Bedrock with the API key from {{source}}'
    },
    gatewayOnly: {
      status: 'skipped',
      title:
        'No AWS credentials here, and the agent uses none: its calls go unsigned to the gateway {{host}} ({{skip}})',
      cause:
        "With CLAUDE_CODE_SKIP_BEDROCK_AUTH and a gateway in ANTHROPIC_BEDROCK_BASE_URL, Claude Code signs nothing: the gateway authenticates to Bedrock with its own credentials. Missing AWS credentials in this job are not the agent's problem; the checks that need them (identity, permissions, quotas) are skipped.",
      fix: "To check the identity that really calls Bedrock, run the preflight where the gateway runs, with the gateway's credentials.",
      doc: DocUrl.claudeCodeGateway
    },
    notLoaded: {
      status: 'catalog',
      title: 'Credentials from {{source}} could not be loaded',
      skips: 'needs AWS credentials, which could not be loaded'
    },
    expired: {
      status: 'catalog',
      catalog: 'expired-token',
      title: 'The credentials expired {{ago}} ago',
      skips: 'the AWS credentials have expired'
    },
    expiringSoon: {
      status: 'warn',
      title: 'The credentials expire in {{minutes}} minutes',
      cause:
        'The session will end soon; anything after this step that runs longer will fail with ExpiredToken.',
      fix: {
        'github-actions':
          'Raise `role-duration-seconds` on `configure-aws-credentials` (chained roles are capped at 1 hour), or configure credentials closer to the step that needs them.',
        // The step depends on the source (src/commands/credential-refresh.ts): `aws sso login`,
        // `aws login`, the credential_process tool, fresh keys.
        cli: '{{renew}}'
      },
      doc: DocUrl.sso
    }
  }
})
