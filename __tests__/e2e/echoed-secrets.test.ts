/**
 * Issue 28, defect 2: a secret that an AWS answer echoes back never reaches a file or a log. The
 * run's own credentials are masked for the runner's log, but the summary and the JSON report are
 * files the runner never masks, and the docs tell users to upload the report as an artifact.
 *
 * The answers below are hostile on purpose (the text issue 28 reports, "The security token <token>
 * is invalid for key <secret>"): no documented AWS message quotes a secret on its first line, but
 * SigV4's SignatureDoesNotMatch quotes the canonical request with its x-amz-security-token
 * (https://github.com/BerriAI/litellm/issues/14763), and a proxy in between may quote anything.
 */
import { json11, query, rest, useFakeAws, type Handlers } from '../harness/fake-aws.js'
import { FAKE, leakedSecrets, runAction, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV, jobSessionKey } from '../harness/scenarios.js'
import { SONNET_45 } from '../harness/fake-bedrock.js'

const fake = useFakeAws(healthyAccount)

const ECHO = `The security token ${FAKE.sessionToken} is invalid for key ${FAKE.secretAccessKey}`

/** Every place a secret could land: log, annotations, outputs, summary, report file. */
function expectNoSecret(run: ActionRun, extra: string[] = []): void {
  expect(run.blocked).toEqual([])
  expect(leakedSecrets(run, extra)).toEqual([])
  for (const secret of [FAKE.sessionToken, FAKE.secretAccessKey, ...extra]) {
    expect(run.summary).not.toContain(secret)
    expect(JSON.stringify(run.report ?? {})).not.toContain(secret)
    expect(JSON.stringify(run.outputs)).not.toContain(secret)
    expect(JSON.stringify(run.annotations)).not.toContain(secret)
  }
}

async function action(handlers: Handlers, env: Record<string, string> = {}): Promise<ActionRun> {
  fake.handle(handlers)
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, ...env },
    inputs: { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}`, 'invoke-probe': 'true' }
  })
}

describe('a secret AWS echoes back is hidden in the summary, the report and the log', () => {
  it.each<[string, Handlers]>([
    ['STS', { 'sts:GetCallerIdentity': query.error('InvalidClientTokenId', ECHO, 403) }],
    [
      'Bedrock',
      { 'bedrock:GetInferenceProfile': rest.error('UnrecognizedClientException', ECHO, 403) }
    ],
    ['IAM', { 'iam:SimulatePrincipalPolicy': query.error('InvalidClientTokenId', ECHO, 403) }],
    [
      'Service Quotas',
      { 'servicequotas:GetServiceQuota': json11.error('UnrecognizedClientException', ECHO, 400) }
    ],
    [
      'InvokeModelWithResponseStream',
      {
        'bedrock-runtime:InvokeModelWithResponseStream': rest.error(
          'UnrecognizedClientException',
          ECHO,
          403
        )
      }
    ]
  ])('when %s quotes the session token and the secret key', async (_service, handlers) => {
    const run = await action(handlers)
    expect(run.report).toBeDefined()
    // The message is still there, with the secrets starred: the reader sees what AWS said.
    expect(JSON.stringify(run.report)).toContain('The security token *** is invalid for key ***')
    expectNoSecret(run)
  })

  it('hides the session token and the signature inside a short-term Bedrock API key', async () => {
    const key = await jobSessionKey('us-east-1')
    const url = new URL(`https://${Buffer.from(key.slice(16), 'base64').toString()}`)
    const signature = url.searchParams.get('X-Amz-Signature') ?? ''
    const run = await action(
      {
        'bedrock-runtime:InvokeModelWithResponseStream': rest.error(
          'UnrecognizedClientException',
          `Signature ${signature} for bearer ${key.slice(16)} was refused`,
          403
        )
      },
      { AWS_BEARER_TOKEN_BEDROCK: key }
    )
    expectNoSecret(run, [key, key.slice(16), signature])
  })

  it("the CLI stars an echoed secret and a key's parts on the terminal and in --json", async () => {
    const key = await jobSessionKey('us-east-1')
    const url = new URL(`https://${Buffer.from(key.slice(16), 'base64').toString()}`)
    const signature = url.searchParams.get('X-Amz-Signature') ?? ''
    fake.handle({
      'bedrock-runtime:InvokeModelWithResponseStream': rest.error(
        'UnrecognizedClientException',
        `${ECHO}; ${signature}`,
        403
      )
    })
    for (const args of [[], ['--json']]) {
      const run = await runAction({
        script: 'cli.js',
        args: ['--region', 'us-east-1', '--model', `us.${SONNET_45}`, '--invoke-probe', ...args],
        endpoints: fake.env,
        env: {
          ...OIDC_SESSION_ENV,
          AWS_BEARER_TOKEN_BEDROCK: key,
          GITHUB_ACTIONS: undefined,
          GITHUB_OUTPUT: undefined,
          GITHUB_STEP_SUMMARY: undefined
        }
      })
      expect(run.stdout).toContain('The security token *** is invalid for key ***')
      expect(leakedSecrets(run, [key, signature])).toEqual([])
    }
  })
})
