import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseIni } from '../parse/ini.js'
import type { CredentialSourceKind } from '../types/credential-source.js'

export type { CredentialSourceKind } from '../types/credential-source.js'

export interface ProfileInfo {
  name: string
  kind:
    | Exclude<
        CredentialSourceKind,
        'env-static' | 'env-temporary' | 'web-identity' | 'container' | 'instance' | 'none'
      >
    | 'profile-unknown'
  /** Where it was found: the config or credentials file path. */
  file: string
  ssoSession?: string
  ssoStartUrl?: string
  ssoRegion?: string
  roleArn?: string
  region?: string
}

export interface CredentialSourceReport {
  kind: CredentialSourceKind
  /** A sentence for people: "environment variables (temporary key, ASIA…)". Never a secret. */
  label: string
  profile?: ProfileInfo
  /** The profile named by AWS_PROFILE / --profile that does not exist in either file. */
  missingProfile?: string
  /**
   * With `missingProfile`: the profiles the two files do define (names only), and which of the
   * files exist, so the fix can name the ones to choose from or say how to create the file.
   */
  definedProfiles?: { names: string[]; filesFound: string[] }
  accessKeyType?: 'long-term' | 'temporary' | 'unknown'
  /** The static key pair is set alongside AWS_PROFILE: one of them is ignored. */
  staticKeyWithProfile: boolean
  /** AWS_ACCESS_KEY_ID without its secret. */
  secretMissing: boolean
  instanceMetadataDisabled: boolean
  configFile: string
  credentialsFile: string
}

type Env = Readonly<Record<string, string | undefined>>

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

function profileKind(values: Record<string, string>): ProfileInfo['kind'] {
  if (values.sso_session || values.sso_start_url) return 'profile-sso'
  if (values.role_arn && values.web_identity_token_file) return 'profile-web-identity'
  if (values.role_arn) return 'profile-assume-role'
  if (values.credential_process) return 'profile-process'
  if (values.login_session) return 'profile-login'
  if (values.aws_access_key_id) return 'profile-static'
  return 'profile-unknown'
}

/** The profile names the config (`[profile x]`, `[default]`) and credentials (`[x]`) files define. */
async function definedProfiles(
  configFile: string,
  credentialsFile: string
): Promise<{ names: string[]; filesFound: string[] }> {
  const [config, credentials] = await Promise.all([
    readIfExists(configFile),
    readIfExists(credentialsFile)
  ])
  const names = new Set<string>()
  for (const section of config ? parseIni(config).keys() : []) {
    if (section === 'default') names.add('default')
    else if (section.startsWith('profile ')) names.add(section.slice('profile '.length))
  }
  for (const section of credentials ? parseIni(credentials).keys() : []) names.add(section)
  const filesFound = [
    ...(config !== undefined ? [configFile] : []),
    ...(credentials !== undefined ? [credentialsFile] : [])
  ]
  return { names: [...names].sort(), filesFound }
}

async function findProfile(
  name: string,
  configFile: string,
  credentialsFile: string
): Promise<ProfileInfo | undefined> {
  const [config, credentials] = await Promise.all([
    readIfExists(configFile),
    readIfExists(credentialsFile)
  ])
  const fromConfig = config ? parseIni(config) : new Map()
  const fromCredentials = credentials ? parseIni(credentials) : new Map()
  const configValues: Record<string, string> | undefined =
    name === 'default'
      ? (fromConfig.get('default') ?? fromConfig.get('profile default'))
      : fromConfig.get(`profile ${name}`)
  const credValues: Record<string, string> | undefined = fromCredentials.get(name)
  if (!configValues && !credValues) return undefined
  // The credentials file wins for keys; the config file carries SSO, roles and the region.
  const values = { ...(configValues ?? {}), ...(credValues ?? {}) }
  const info: ProfileInfo = {
    name,
    kind: profileKind(values),
    file: credValues?.aws_access_key_id ? credentialsFile : configFile
  }
  if (values.sso_session) {
    info.ssoSession = values.sso_session
    const session = fromConfig.get(`sso-session ${values.sso_session}`)
    info.ssoStartUrl = session?.sso_start_url
    info.ssoRegion = session?.sso_region
  } else if (values.sso_start_url) {
    info.ssoStartUrl = values.sso_start_url
    info.ssoRegion = values.sso_region
  }
  if (values.role_arn) info.roleArn = values.role_arn
  if (values.region) info.region = values.region
  return info
}

/** Mirrors the JavaScript SDK's default chain, reading only names and files, never printing a secret. */
export async function detectCredentialSource(
  env: Env,
  explicitProfile?: string
): Promise<CredentialSourceReport> {
  const home = env.HOME ?? env.USERPROFILE ?? homedir()
  const configFile = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config')
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials')
  const keyId = env.AWS_ACCESS_KEY_ID?.trim()
  const secret = env.AWS_SECRET_ACCESS_KEY?.trim()
  const profileName = explicitProfile ?? env.AWS_PROFILE
  const accessKeyType: CredentialSourceReport['accessKeyType'] = keyId
    ? keyId.startsWith('AKIA')
      ? 'long-term'
      : keyId.startsWith('ASIA') || env.AWS_SESSION_TOKEN
        ? 'temporary'
        : 'unknown'
    : undefined
  const base = {
    staticKeyWithProfile: !!keyId && !!profileName,
    secretMissing: !!keyId && !secret,
    instanceMetadataDisabled: env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === 'true',
    configFile,
    credentialsFile,
    ...(accessKeyType ? { accessKeyType } : {})
  }

  // The current SDK skips environment keys when a profile is named (it warns about it).
  if (keyId && secret && !profileName) {
    const temporary = accessKeyType === 'temporary'
    return {
      ...base,
      kind: temporary ? 'env-temporary' : 'env-static',
      label: temporary
        ? 'environment variables (temporary session key ASIA…, with AWS_SESSION_TOKEN)'
        : `environment variables (${accessKeyType === 'long-term' ? 'long-term IAM user key AKIA…' : 'static key'})`
    }
  }
  const profile = await findProfile(profileName ?? 'default', configFile, credentialsFile)
  if (profile) {
    const what: Record<ProfileInfo['kind'], string> = {
      'profile-sso': 'IAM Identity Center (SSO)',
      'profile-static': 'static keys in the credentials file',
      'profile-assume-role': `assumes ${profile.roleArn ?? 'a role'}`,
      'profile-process': 'credential_process',
      'profile-web-identity': 'web identity token file',
      'profile-login': 'console login session',
      'profile-unknown': 'no credential settings'
    }
    return {
      ...base,
      kind: profile.kind === 'profile-unknown' ? 'none' : profile.kind,
      label: `profile "${profile.name}" (${what[profile.kind]})`,
      profile
    }
  }
  const missingProfile =
    profileName && profileName !== 'default'
      ? {
          missingProfile: profileName,
          definedProfiles: await definedProfiles(configFile, credentialsFile)
        }
      : {}
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
    return {
      ...base,
      ...missingProfile,
      kind: 'web-identity',
      label: `web identity token file for ${env.AWS_ROLE_ARN}`
    }
  }
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    return {
      ...base,
      ...missingProfile,
      kind: 'container',
      label: 'container credentials (ECS task role or EKS Pod Identity)'
    }
  }
  if (!base.instanceMetadataDisabled) {
    return {
      ...base,
      ...missingProfile,
      kind: 'instance',
      label: 'EC2 instance metadata (instance role), if this runs on EC2'
    }
  }
  return { ...base, ...missingProfile, kind: 'none', label: 'no credential source found' }
}
