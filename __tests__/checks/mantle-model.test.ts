import { findingsOf } from './model-unit.js'
import { useMantle } from './mantle-units.js'
import { MANTLE_HAIKU, MANTLE_SONNET } from '../harness/fake-mantle.js'
import { newestSonnet } from '../../src/checks/mantle-model/ids.js'
import { mantleForm } from '../../src/parse/endpoint.js'

const { run, fake } = useMantle()

describe('mantle-model check', () => {
  it('passes a model mantle serves, asking mantle itself', async () => {
    const [f] = findingsOf(await run(['mantle-model'], [MANTLE_HAIKU]), 'mantle-model')
    expect(f).toMatchObject({ status: 'pass', messageId: 'served' })
    expect(fake().requests[0]).toMatchObject({
      operation: 'ListModels',
      signingName: 'bedrock-mantle'
    })
  })

  it('fails a runtime-form ID with the mantle ID, and one not served with what is', async () => {
    const report = await run(
      ['mantle-model'],
      [`global.${MANTLE_SONNET}`, 'anthropic.claude-opus-9']
    )
    const [wrong, gone] = findingsOf(report, 'mantle-model')
    expect(wrong).toMatchObject({ status: 'fail', messageId: 'wrongForm' })
    expect(wrong?.fix).toContain(`model-id: ${MANTLE_SONNET}`)
    expect(gone).toMatchObject({ status: 'fail', messageId: 'notServed' })
    expect(gone?.fix).toContain(MANTLE_HAIKU)
  })

  it('with both endpoints, leaves runtime-form IDs to the runtime', async () => {
    const report = await run(['mantle-model'], [`us.${MANTLE_SONNET}`, MANTLE_HAIKU], {
      endpoint: { value: 'both', source: 'input endpoint' }
    })
    const [f, ...more] = findingsOf(report, 'mantle-model')
    expect(more).toHaveLength(0)
    expect(f).toMatchObject({ status: 'pass', messageId: 'served' })
    expect(f?.title).toContain(MANTLE_HAIKU)
    expect(f?.observed?.join('\n')).toContain('a bedrock-runtime ID, left to the runtime checks')
  })

  it('fails a region with no Claude on mantle, and is could-not-verify when the read is refused', async () => {
    const none = await run(
      ['mantle-model'],
      [],
      {},
      { models: { 'us-east-1': ['openai.gpt-oss-120b'] } }
    )
    expect(findingsOf(none, 'mantle-model')[0]).toMatchObject({
      status: 'fail',
      messageId: 'noClaude'
    })
    const denied = await run(['mantle-model'], [MANTLE_SONNET], {}, { policies: { identity: {} } })
    const [f] = findingsOf(denied, 'mantle-model')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'notRead' })
    expect(f?.fix).toContain('bedrock-mantle:ListModels')
  })

  it('knows the mantle form of an ID and the newest Sonnet', () => {
    expect(mantleForm('us.anthropic.claude-sonnet-4-6')).toBe('anthropic.claude-sonnet-4-6')
    expect(mantleForm('apac.anthropic.claude-sonnet-4-20250514-v1:0')).toBe(
      'anthropic.claude-sonnet-4'
    )
    expect(mantleForm('anthropic.claude-haiku-4-5')).toBe('anthropic.claude-haiku-4-5')
    expect(
      newestSonnet([
        { id: 'anthropic.claude-sonnet-4-5', created: 1 },
        { id: 'anthropic.claude-sonnet-4-6', created: 2 },
        { id: 'anthropic.claude-opus-4-7', created: 3 }
      ])?.id
    ).toBe('anthropic.claude-sonnet-4-6')
  })
})
