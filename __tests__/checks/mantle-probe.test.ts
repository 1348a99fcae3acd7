import { findingsOf } from './model-unit.js'
import { useMantle } from './mantle-units.js'
import { MANTLE_SONNET } from '../harness/fake-mantle.js'

const { run, fake } = useMantle()
const PROBE = { invokeProbe: true }

describe('mantle-probe check', () => {
  it('is not listed without invoke-probe', async () => {
    expect(
      findingsOf(await run(['mantle-model', 'mantle-probe'], [MANTLE_SONNET]), 'mantle-probe')
    ).toHaveLength(0)
  })

  it('sends one Messages call with max_tokens 1 and passes on its answer', async () => {
    const report = await run(['mantle-model', 'mantle-probe'], [MANTLE_SONNET], PROBE)
    expect(findingsOf(report, 'mantle-probe')[0]).toMatchObject({
      status: 'pass',
      messageId: 'answered'
    })
    const sent = fake().requests.find((r) => r.operation === 'CreateInference')
    expect(sent?.json).toEqual({
      model: MANTLE_SONNET,
      max_tokens: 1,
      messages: [{ role: 'user', content: 'Hi' }]
    })
    expect(sent?.headers['anthropic-version']).toBe('2023-06-01')
  })

  it('still probes when the model list cannot be read, and fails on the real refusal', async () => {
    const report = await run(['mantle-model', 'mantle-probe'], [MANTLE_SONNET], PROBE, {
      policies: { identity: {} }
    })
    const [f] = findingsOf(report, 'mantle-probe')
    expect(f).toMatchObject({ status: 'fail', messageId: 'failed' })
    expect(f?.error).toMatchObject({ httpStatus: 403, code: 'permission_error' })
  })

  it('says there is nothing to probe when no model is named and the list is refused', async () => {
    const report = await run(['mantle-model', 'mantle-probe'], [], PROBE, {
      policies: { identity: {} }
    })
    expect(findingsOf(report, 'mantle-probe')[0]).toMatchObject({
      status: 'unverified',
      messageId: 'nothingToProbe'
    })
  })
})
