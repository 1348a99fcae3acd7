import type { Handlers } from './fake-aws.js'
import { healthyAccount } from './e2e-world.js'
import { HAIKU_45, OPUS_45, SONNET_45 } from './fake-bedrock.js'
import { simulatePrincipalPolicy } from './fake-iam-simulator.js'

/** The global team's matrix (the throttling suite and `npm run bench -- --matrix`). */
export const MATRIX_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1'
]
export const MATRIX_MODELS = [`global.${SONNET_45}`, `global.${HAIKU_45}`, `global.${OPUS_45}`]

/** What a team running global profiles grants: the profiles and the models they route to. */
export const GLOBAL_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow' as const,
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: [
        'arn:aws:bedrock:*::foundation-model/anthropic.claude-*',
        'arn:aws:bedrock:*:*:inference-profile/global.anthropic.claude-*'
      ]
    }
  ]
}

/** A healthy account whose job role may invoke the matrix's global profiles. */
export function matrixAccount(): Handlers {
  return {
    ...healthyAccount(),
    'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { global: GLOBAL_POLICY } })
  }
}
