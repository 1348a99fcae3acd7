import { resetMocks, run, findingsOf, SONNET_45 } from './model-unit.js'

beforeEach(() => resetMocks())

describe('model-id', () => {
  it('points a malformed BEDROCK_MODEL at its .env line, with the corrected value', async () => {
    const report = await run(['us-east-1'], [], {
      models: [{ value: `"us.${SONNET_45}"`, source: '.insightworker/.env line 4' }],
      envFile: {
        path: '/home/u/.insightworker/.env',
        displayPath: '.insightworker/.env',
        entries: [{ key: 'BEDROCK_MODEL', value: `"us.${SONNET_45}"`, line: 4 }],
        problems: []
      }
    })
    const [f] = findingsOf(report, 'model-id')
    expect(f?.status).toBe('fail')
    expect(f?.location).toEqual({ file: '.insightworker/.env', line: 4 })
    expect(f?.fix).toContain(`BEDROCK_MODEL=us.${SONNET_45}`)
    expect(findingsOf(report, 'model-resolve')[0]?.status).toBe('skipped')
  })

  it('is unverified (not failed) for a well-formed ARN of a kind it does not check', async () => {
    const report = await run(
      ['us-east-1'],
      ['arn:aws:bedrock:us-east-1:111122223333:imported-model/a1b2c3d4e5f6']
    )
    expect(findingsOf(report, 'model-id')[0]?.status).toBe('unverified')
  })

  it('warns that the region-less ARN belongs in IAM policies and names the global profile', async () => {
    const report = await run(['us-east-1'], [`arn:aws:bedrock:::foundation-model/${SONNET_45}`])
    const [f] = findingsOf(report, 'model-id')
    expect(f?.status).toBe('warn')
    expect(f?.fix).toContain(`model-id: global.${SONNET_45}`)
  })

  it('accepts a newer prefix and leaves the verdict to the control plane', async () => {
    const report = await run(['us-east-1'], [`uk.${SONNET_45}`])
    const [f] = findingsOf(report, 'model-id')
    expect(f?.status).toBe('pass')
    expect(f?.title).toContain('newer than this version')
  })
})
