import type { CredentialSourceKind } from '../types/credential-source.js'
import { commandBlock, commandInline, commandText, inlineCode, type Word } from './shell.js'

/** The profile as one word of a command: the user's own name (quoted), or a placeholder. */
const profileWord = (profile: string | undefined): Word =>
  profile ?? { placeholder: 'your-profile' }

/** `aws <words…> --profile <profile>` as an `sh` block. */
const awsBlock = (words: string[], profile: string | undefined): string =>
  commandBlock([{ argv: ['aws', ...words, '--profile', profileWord(profile)] }])

/** The same, inline. */
const awsInline = (words: string[], profile: string | undefined): string =>
  commandInline({ argv: ['aws', ...words, '--profile', profileWord(profile)] })

/**
 * How to get fresh credentials from each source on a person's machine, as Markdown: the command
 * that source's own tool documents, never `aws sso login` for all.
 * - SSO profiles: `aws sso login` (AWS CLI, cli-configure-sso).
 * - `aws login` profiles (`login_session`, read by the SDK's login provider): `aws login`.
 * - `credential_process` profiles: the SDK runs that command again; it is the tool's own session
 *   (aws-vault, a company SSO helper, …) that must be renewed.
 * - Temporary keys in the environment never refresh: they are replaced.
 */
export function refreshSteps(source: string | undefined, profile: string | undefined): string {
  const name = profile ?? '<your-profile>'
  switch (source as CredentialSourceKind | undefined) {
    case 'profile-sso':
      return `The IAM Identity Center (SSO) session of profile "${name}" has ended. Log in again:\n\n${awsBlock(['sso', 'login'], profile)}`
    case 'profile-login':
      return `The console login session of profile "${name}" (written by \`aws login\`) has ended. Log in again:\n\n${awsBlock(['login'], profile)}`
    case 'profile-process':
      return `Profile "${name}" gets its credentials from a \`credential_process\` command, and what it returned has expired. That command's own session must be renewed: see which tool it runs, log in to it (or run the command once by hand), then try again:\n\n${awsBlock(['configure', 'get', 'credential_process'], profile)}`
    case 'profile-assume-role':
      return `Profile "${name}" assumes a role with the credentials of its \`source_profile\` (or \`credential_source\`), and those have expired. Refresh that profile the way it is set up (for example \`aws sso login --profile <source-profile>\`):\n\n${awsBlock(['configure', 'get', 'source_profile'], profile)}`
    case 'profile-static':
      return `The keys of profile "${name}" in the credentials file are a temporary session that has ended. Replace them with fresh ones, or better, switch the profile to one that refreshes itself (${awsInline(['configure', 'sso'], profile)}, or ${awsInline(['login'], profile)}).`
    case 'env-temporary':
      return 'The `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` in the environment (or `.env`) are an old temporary session, and they never refresh. Replace all three with a fresh session, or remove them and use a profile that refreshes itself (`aws sso login --profile <name>` or `aws login --profile <name>`, then `AWS_PROFILE=<name>`).'
    case 'env-static':
      return 'The key in `AWS_ACCESS_KEY_ID` is refused as expired: replace `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`, if set) with a current key, or remove them and use a profile.'
    case 'profile-web-identity':
    case 'web-identity':
      return "The web identity token file (`AWS_WEB_IDENTITY_TOKEN_FILE` or the profile's `web_identity_token_file`) holds an expired token. Whatever writes that file (the platform, or a step of the job) must write a fresh one before the call."
    case 'container':
    case 'instance':
      return "The instance or container role's credentials renew themselves, so an expired one usually means this machine's clock is wrong: sync it (`timedatectl` / NTP) and try again."
    default:
      return `Get fresh credentials the way this machine is set up: ${awsInline(['sso', 'login'], profile)} for an IAM Identity Center profile, ${awsInline(['login'], profile)} for a console login profile, the \`credential_process\` tool's own login for a process profile, or fresh values for keys in the environment.`
  }
}

/** The one command that renews the source (shell-quoted), for one-line fixes (`Refresh now: …`). */
export function refreshCommand(
  source: string | undefined,
  profile: string | undefined
): string | undefined {
  switch (source as CredentialSourceKind | undefined) {
    case 'profile-sso':
      return commandText({ argv: ['aws', 'sso', 'login', '--profile', profileWord(profile)] })
    case 'profile-login':
      return commandText({ argv: ['aws', 'login', '--profile', profileWord(profile)] })
    default:
      return undefined
  }
}

/** What to do now about credentials that expire within minutes, on a person's machine. */
export function renewSoonStep(source: string | undefined, profile: string | undefined): string {
  const name = profile ?? '<your-profile>'
  const command = refreshCommand(source, profile)
  if (command) return `Refresh now: ${inlineCode(command)}.`
  switch (source as CredentialSourceKind | undefined) {
    case 'profile-process':
      return `Renew the session of the tool profile "${name}"'s \`credential_process\` runs (${awsInline(['configure', 'get', 'credential_process'], profile)} shows which), then run again.`
    case 'profile-assume-role':
      return `The SDK assumes the role again while profile "${name}"'s \`source_profile\` is valid: renew that profile's session now (${awsInline(['configure', 'get', 'source_profile'], profile)} names it).`
    case 'env-temporary':
    case 'profile-static':
      return 'These temporary keys never refresh: replace them with a fresh session now, or use a profile that refreshes itself (`aws sso login --profile <name>` or `aws login --profile <name>`, then `AWS_PROFILE=<name>`).'
    case 'profile-web-identity':
    case 'web-identity':
      return 'Make sure whatever writes the web identity token file writes a fresh token before the work that follows.'
    case 'container':
    case 'instance':
      return 'Nothing to do: instance and container role credentials renew themselves before they expire.'
    default:
      return `Refresh the credentials now, the way this machine gets them (${awsInline(['sso', 'login'], profile)}, ${awsInline(['login'], profile)}, or the \`credential_process\` tool's own login).`
  }
}
