/** Shared setup for the model checks' unit tests: mocked clients, a config, and a runner. */
import { mockClient } from 'aws-sdk-client-mock'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { BedrockClient } from '@aws-sdk/client-bedrock'
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'
import { IAMClient } from '@aws-sdk/client-iam'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { checkById } from '../../src/checks/registry.js'
import { silentLogger, type PreflightConfig } from '../../src/config.js'
import type { Finding, Report } from '../../src/engine/types.js'

export const sts = mockClient(STSClient)
export const bedrock = mockClient(BedrockClient)
export const runtime = mockClient(BedrockRuntimeClient)
export const iam = mockClient(IAMClient)

export const ACCOUNT = '111122223333'
export const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/ci/GitHubActions`
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/ci`

const session = {
  AWS_ACCESS_KEY_ID: 'ASIAUNITTESTKEY00001',
  AWS_SECRET_ACCESS_KEY: 'unit/test/secret',
  AWS_SESSION_TOKEN: 'unit-test-token',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials'
}

/** Resets every mock, sets session credentials and a caller identity. */
export function resetMocks(callerArn = SESSION_ARN): void {
  for (const m of [sts, bedrock, runtime, iam]) m.reset()
  Object.assign(process.env, session)
  delete process.env.AWS_PROFILE
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: callerArn, UserId: 'AROA:x' })
}

export function config(
  regions: string[],
  models: string[],
  overrides: Partial<PreflightConfig> = {}
): PreflightConfig {
  return {
    regions: regions.map((value) => ({ value, source: 'input aws-region' })),
    models: models.map((value) => ({ value, source: 'input model-id' })),
    assumeRoleArns: [],
    invokeProbe: false,
    failOn: 'error',
    timeoutSeconds: 10,
    env: session,
    surface: 'github-actions',
    log: silentLogger,
    ...overrides
  }
}

/** The model checks and the ones they depend on (other teams' checks stay out of these tests). */
export const MODEL_CHECKS = (
  [
    'region',
    'credentials',
    'identity',
    'api-key',
    'model-id',
    'model-resolve',
    'model-access',
    'invoke-permission',
    'invoke-probe'
  ] as const
).map(checkById)

export async function run(
  regions: string[],
  models: string[],
  overrides: Partial<PreflightConfig> = {}
): Promise<Report> {
  return runPreflight(config(regions, models, overrides), { checks: MODEL_CHECKS })
}

export function findingsOf(report: Report, checkId: string): Finding[] {
  return report.findings.filter((f) => f.checkId === checkId)
}

export const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0'
export const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0'
export const INVALID_IDENTIFIER = 'The provided model identifier is invalid.'

export const profileArn = (region: string, id: string) =>
  `arn:aws:bedrock:${region}:${ACCOUNT}:inference-profile/${id}`
export const modelArn = (region: string, id: string) =>
  `arn:aws:bedrock:${region}::foundation-model/${id}`

/** A profile summary as GetInferenceProfile / ListInferenceProfiles return it. */
export function profile(region: string, id: string, destinations: string[]) {
  const base = id.slice(id.indexOf('.') + 1)
  return {
    inferenceProfileName: id,
    inferenceProfileArn: profileArn(region, id),
    inferenceProfileId: id,
    models: destinations.map((d) => ({ modelArn: modelArn(d, base) })),
    status: 'ACTIVE' as const,
    type: 'SYSTEM_DEFINED' as const
  }
}

export const applicationProfileArn = (region: string, id: string) =>
  `arn:aws:bedrock:${region}:${ACCOUNT}:application-inference-profile/${id}`
export const provisionedModelArn = (region: string, id: string) =>
  `arn:aws:bedrock:${region}:${ACCOUNT}:provisioned-model/${id}`
