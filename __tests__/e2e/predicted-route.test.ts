/**
 * GetInferenceProfile denied: invoke-permission still simulates, on the ARNs the bundled profile
 * table predicts (the profile in the source region, the model in every destination AWS documents
 * for it, the region-less model for global.), and says they are predicted, not read.
 */
import { rest, useFakeAws, type FakeRequest } from '../harness/fake-aws.js'
import { runAction, finding, FAKE } from '../harness/run-action.js'
import { callerIdentity, CALLER_ROLE_ARN, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  modelArn,
  profileArn,
  SEED_POLICY,
  SONNET_45,
  SONNET_46
} from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy, type PolicyDocument } from '../harness/fake-iam-simulator.js'

const gipDenied = (req: FakeRequest) =>
  rest.error(
    'AccessDeniedException',
    `User: ${CALLER_ROLE_ARN} is not authorized to perform: bedrock:GetInferenceProfile on resource: arn:aws:bedrock:${req.region}:${FAKE.account}:inference-profile/${req.params.inferenceProfileIdentifier} because no identity-based policy allows the bedrock:GetInferenceProfile action`,
    403
  )

const ANY_CLAUDE: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: [
        'arn:aws:bedrock:*::foundation-model/anthropic.claude-*',
        'arn:aws:bedrock:*:*:inference-profile/*anthropic.claude-*'
      ]
    }
  ]
}

const fake = useFakeAws(() => ({
  'sts:GetCallerIdentity': callerIdentity(),
  ...bedrockHandlers(),
  'bedrock:GetInferenceProfile': gipDenied,
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
}))

function simulatedArns(): string[] {
  const members = (r: FakeRequest) =>
    Object.entries(r.params)
      .filter(([k]) => /^ResourceArns\.member\.\d+$/.test(k))
      .map(([, v]) => v)
  return fake.requests
    .filter((r) => r.operation === 'SimulatePrincipalPolicy')
    .flatMap(members)
    .sort()
}

async function preflight(region: string, model: string) {
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': region, 'model-id': model }
  })
}

const EU_DESTINATIONS = [
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-3'
]

describe('invoke permission when GetInferenceProfile is denied', () => {
  it('passes a us. profile on the profile and the three documented destinations, saying they are predicted', async () => {
    const run = await preflight('us-east-1', `us.${SONNET_45}`)
    expect(finding(run, 'model-resolve')?.status).toBe('unverified')
    const f = finding(run, 'invoke-permission')
    expect(f).toMatchObject({ status: 'pass', messageId: 'allowedPredicted' })
    expect(f?.title).toContain('predicted from the bundled table')
    expect(f?.title).toContain('bedrock:GetInferenceProfile')
    expect(f?.observed?.join('\n')).toContain(
      'destinations AWS documents for us.anthropic.claude-sonnet-4-5-20250929-v1:0 from us-east-1: us-east-1, us-east-2, us-west-2'
    )
    expect(simulatedArns()).toEqual(
      [
        profileArn('us-east-1', `us.${SONNET_45}`),
        ...['us-east-1', 'us-east-2', 'us-west-2'].map((r) => modelArn(r, SONNET_45))
      ].sort()
    )
    // The run as a whole still could not verify the route.
    expect(run.outputs.result).toBe('warn')
  })

  it('fails an eu. profile the seed policy does not grant, with the minimal policy for the predicted ARNs', async () => {
    const run = await preflight('eu-west-1', `eu.${SONNET_45}`)
    const f = finding(run, 'invoke-permission')
    expect(f).toMatchObject({ status: 'fail', messageId: 'notGrantedViaProfile' })
    expect(f?.observed?.join('\n')).toContain('predicted from the bundled profile table')
    const profile = profileArn('eu-west-1', `eu.${SONNET_45}`)
    expect(f?.fix).toContain(profile)
    expect(simulatedArns()).toEqual(
      [profile, ...EU_DESTINATIONS.map((r) => modelArn(r, SONNET_45))].sort()
    )
    expect(run.exitCode).toBe(1)
  })

  it('fails when a region condition denies one predicted destination, naming it', async () => {
    const onlyIreland: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          Resource: [
            'arn:aws:bedrock:*::foundation-model/*',
            'arn:aws:bedrock:*:*:inference-profile/*'
          ],
          Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-south-2' } }
        }
      ]
    }
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { limited: onlyIreland } })
    })
    const run = await preflight('eu-west-1', `eu.${SONNET_45}`)
    const f = finding(run, 'invoke-permission')
    expect(f?.status).toBe('fail')
    expect(f?.details?.[0]?.body).toBe(`- \`${modelArn('eu-south-2', SONNET_45)}\``)
  })

  it('says a global. profile is only predicted even when IAM allows it: could not verify, naming the permission', async () => {
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { claude: ANY_CLAUDE } })
    })
    const run = await preflight('eu-west-1', `global.${SONNET_45}`)
    const f = finding(run, 'invoke-permission')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'allowedOnPredicted' })
    expect(f?.cause).toContain('predicted from the bundled profile table')
    expect(f?.fix).toContain('bedrock:GetInferenceProfile')
    expect(f?.fix).toContain('invoke-probe')
    expect(simulatedArns()).toEqual(
      [
        profileArn('eu-west-1', `global.${SONNET_45}`),
        modelArn('eu-west-1', SONNET_45),
        `arn:aws:bedrock:::foundation-model/${SONNET_45}`
      ].sort()
    )
  })

  it('fails a global. profile whose region-less model is not granted', async () => {
    const noGlobalHop: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          Resource: [
            'arn:aws:bedrock:*:*:inference-profile/*',
            'arn:aws:bedrock:eu-*::foundation-model/*'
          ]
        }
      ]
    }
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({
        identity: { regional: noGlobalHop }
      })
    })
    const run = await preflight('eu-west-1', `global.${SONNET_45}`)
    const f = finding(run, 'invoke-permission')
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain(`arn:aws:bedrock:::foundation-model/${SONNET_45}`)
  })

  it('could not verify a model whose destinations the table does not list: only the profile and the source region are simulated', async () => {
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { claude: ANY_CLAUDE } })
    })
    const run = await preflight('us-east-1', `us.${SONNET_46}`)
    const f = finding(run, 'invoke-permission')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'allowedOnPredicted' })
    expect(f?.cause).toContain('does not list the destinations')
    expect(simulatedArns()).toEqual(
      [profileArn('us-east-1', `us.${SONNET_46}`), modelArn('us-east-1', SONNET_46)].sort()
    )
  })

  it('simulates nothing for a profile the table says does not serve the region', async () => {
    const run = await preflight('eu-west-1', `us.${SONNET_45}`)
    expect(finding(run, 'invoke-permission')?.status).toBe('skipped')
    expect(simulatedArns()).toEqual([])
  })
})
