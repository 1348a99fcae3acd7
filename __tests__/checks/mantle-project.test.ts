import { findingsOf } from './model-unit.js'
import { useMantle } from './mantle-units.js'
import { MANTLE_SONNET } from '../harness/fake-mantle.js'

const { run, fake } = useMantle()
const project = (value: string) => ({ mantleProject: { value, source: 'input mantle-project' } })

describe('mantle-project check', () => {
  it('passes the default project, reading it from mantle', async () => {
    const [f] = findingsOf(await run(['mantle-project'], [MANTLE_SONNET]), 'mantle-project')
    expect(f).toMatchObject({ status: 'pass', messageId: 'active' })
    expect(fake().requests[0]).toMatchObject({
      operation: 'GetProject',
      params: { projectId: 'default' }
    })
  })

  it('fails a project the account does not have, and passes one it has', async () => {
    const missing = await run(['mantle-project'], [MANTLE_SONNET], project('proj_missing1'))
    expect(findingsOf(missing, 'mantle-project')[0]).toMatchObject({
      status: 'fail',
      messageId: 'missing'
    })
    const found = await run(['mantle-project'], [MANTLE_SONNET], project('proj_abc123def456'))
    expect(findingsOf(found, 'mantle-project')[0]).toMatchObject({ status: 'pass' })
  })

  it('is could-not-verify when GetProject is refused, naming the permission', async () => {
    const denied = await run(
      ['mantle-project'],
      [MANTLE_SONNET],
      {},
      { policies: { identity: {} } }
    )
    const [f] = findingsOf(denied, 'mantle-project')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'notRead' })
    expect(f?.fix).toContain('bedrock-mantle:GetProject')
  })
})
