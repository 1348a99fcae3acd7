import { homedir } from 'node:os'
import type { CheckDefinition } from '../engine/check.js'
import type { Finding, SourceLocation } from '../engine/types.js'
import { findingFromEntry, findingFromError } from '../catalog/on-demand.js'
import { detectCredentialSource } from '../aws/credential-source.js'
import { readSsoToken } from '../aws/sso-token.js'
import { fixContext } from './fix-context.js'

/** Minutes left under which a session may die before the job that follows it finishes. */
const SHORT_SESSION_MINUTES = 10

/** Where the credentials come from, whether they resolve, and the configurations that bite. */
export const credentialsCheck: CheckDefinition = {
  id: 'credentials',
  title: 'Credential source',
  scope: 'run',
  dependsOn: [],
  async run(ctx) {
    const { env, envFile } = ctx.config
    const source = await detectCredentialSource(env, ctx.config.profile)
    const fix = fixContext(ctx, {
      credentialSource: source.kind,
      profile: ctx.config.profile ?? env.AWS_PROFILE ?? source.profile?.name
    })
    const findings: Finding[] = []
    const lineOf = (key: string): SourceLocation | undefined => {
      const entry = envFile?.entries.find((e) => e.key === key)
      return entry && envFile ? { file: envFile.displayPath, line: entry.line } : undefined
    }

    if (source.secretMissing) {
      const location = lineOf('AWS_ACCESS_KEY_ID')
      findings.push(
        await findingFromEntry('credentials', 'secret-key-missing', fix, {
          title: 'AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY',
          observed: [
            `AWS_ACCESS_KEY_ID is set${location ? ` (${location.file}:${location.line})` : ''}; AWS_SECRET_ACCESS_KEY is not`
          ],
          ...(location ? { location } : {})
        })
      )
    }
    if (source.staticKeyWithProfile) {
      const location = lineOf('AWS_ACCESS_KEY_ID')
      const profile = ctx.config.profile ?? env.AWS_PROFILE
      findings.push(
        await findingFromEntry('credentials', 'static-key-shadows-profile', fix, {
          title: `A static AWS_ACCESS_KEY_ID is set together with profile "${profile}": one of them is ignored`,
          observed: [
            `AWS_ACCESS_KEY_ID is set${location ? ` at ${location.file}:${location.line}` : ' in the environment'}`,
            `AWS_PROFILE=${profile}`
          ],
          ...(location ? { location } : {})
        })
      )
    }
    if (source.missingProfile) {
      findings.push({
        checkId: 'credentials',
        status: 'fail',
        title: `Profile "${source.missingProfile}" is not defined`,
        observed: [`looked in ${source.configFile} and ${source.credentialsFile}`],
        cause:
          'AWS_PROFILE (or --profile) names a profile that neither the config nor the credentials file defines, so the SDK cannot use it.',
        fix: `Create it (\`aws configure sso --profile ${source.missingProfile}\`), or correct AWS_PROFILE to one of the profiles in ${source.configFile}.`,
        docUrl: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html'
      })
    }
    if (ctx.config.surface === 'github-actions' && source.accessKeyType === 'long-term') {
      findings.push(
        await findingFromEntry('credentials', 'long-term-keys-in-ci', fix, {
          title: 'The job uses a long-term IAM user key (AKIA…): prefer GitHub OIDC',
          observed: ['AWS_ACCESS_KEY_ID starts with AKIA (an IAM user key that never expires)']
        })
      )
    }

    // An SSO profile with no token, or an expired one the SDK cannot renew, fails before any
    // network call: the token cache says so, and the fix differs ("log in" vs "log in again").
    if (source.kind === 'profile-sso' && source.profile) {
      const home = env.HOME ?? env.USERPROFILE ?? homedir()
      const token = await readSsoToken(home, source.profile)
      ctx.log.debug(
        `sso: token cache ${token?.file ?? '(no sso_session or sso_start_url)'}: ${token?.state ?? 'not applicable'}`
      )
      const name = source.profile.name
      const sessionLabel = source.profile.ssoSession
        ? `sso-session "${source.profile.ssoSession}"`
        : `start URL ${source.profile.ssoStartUrl}`
      if (token?.state === 'missing') {
        findings.push(
          await findingFromEntry('credentials', 'sso-not-logged-in', fix, {
            title: `No SSO session on this machine for profile "${name}"`,
            observed: [`source: ${source.label}`, `${sessionLabel}: no token in ${token.file}`]
          })
        )
        return { findings, facts: { source: source.kind } }
      }
      if (token?.state === 'expired') {
        const ago = Math.max(1, Math.round((Date.now() - token.expiresAt.getTime()) / 60000))
        findings.push(
          await findingFromEntry('credentials', 'sso-session-expired', fix, {
            title: `SSO session expired at ${token.expiresAt.toISOString()} (profile "${name}")`,
            observed: [
              `source: ${source.label}`,
              `${sessionLabel}: token in ${token.file} expired ${ago} min ago`
            ]
          })
        )
        return { findings, facts: { source: source.kind } }
      }
    }

    // Resolve for real, through the same provider every client uses (resolved once).
    const resolved = await ctx.aws.credentials()
    const tried =
      ctx.aws.providerTrail.length > 0
        ? [`providers tried, in order: ${ctx.aws.providerTrail.join(' → ')}`]
        : []
    if (!resolved.ok) {
      const error = resolved.error
      findings.push(
        await findingFromError('credentials', error, fix, {
          title:
            error.code === 'CredentialsProviderError' && /any providers/i.test(error.message)
              ? 'No AWS credentials found'
              : `Credentials from ${source.label} could not be loaded`,
          observed: [`expected source: ${source.label}`, ...tried]
        })
      )
      return { findings, facts: { source: source.kind } }
    }

    const creds = resolved.value
    const observed = [`source: ${source.label}`, ...tried]
    const expiration = creds.expiration
    if (expiration) {
      const minutes = Math.round((expiration.getTime() - Date.now()) / 60000)
      observed.push(
        `expires ${expiration.toISOString()} (${minutes < 0 ? `${-minutes} min ago` : `in ${minutes} min`})`
      )
      if (minutes < 0) {
        findings.push(
          await findingFromEntry('credentials', 'expired-token', fix, {
            title: `The credentials expired ${-minutes} minutes ago`,
            observed
          })
        )
        return { findings, facts: { source: source.kind } }
      }
      if (minutes < SHORT_SESSION_MINUTES) {
        findings.push({
          checkId: 'credentials',
          status: 'warn',
          title: `The credentials expire in ${minutes} minutes`,
          observed,
          cause:
            'The session will end soon; anything after this step that runs longer will fail with ExpiredToken.',
          fix:
            ctx.config.surface === 'github-actions'
              ? 'Raise `role-duration-seconds` on `configure-aws-credentials` (chained roles are capped at 1 hour), or configure credentials closer to the step that needs them.'
              : `Refresh now: \`aws sso login --profile ${fix.profile ?? '<your-profile>'}\`.`
        })
      }
    }
    if (!findings.some((f) => f.status === 'fail' || f.status === 'warn')) {
      findings.unshift({
        checkId: 'credentials',
        status: 'pass',
        title: `Credentials from ${source.label}`,
        observed
      })
    } else {
      findings.forEach(
        (f) =>
          (f.observed = [
            ...(f.observed ?? []),
            ...observed.filter((o) => !(f.observed ?? []).includes(o))
          ])
      )
    }
    return { findings, facts: { source: source.kind, expiration: expiration?.toISOString() } }
  }
}
