import * as core from '@actions/core'
import { actionInput, RunnerLog } from '../../src/action/runner-log.js'

describe('RunnerLog', () => {
  it('prints nothing before @actions/core is attached, then every mask before any waiting line', () => {
    const log = new RunnerLog()
    const out: string[] = []
    log.debug('credentials: from env')
    log.mask('s3cr3t')
    log.debug('aws: sts:GetCallerIdentity → 200')
    expect(out).toEqual([])
    log.attach({
      debug: (m) => out.push(`debug ${m}`),
      setSecret: (s) => out.push(`mask ${s}`)
    })
    expect(out).toEqual([
      'mask s3cr3t',
      'debug credentials: from env',
      'debug aws: sts:GetCallerIdentity → 200'
    ])
    const { debug, mask } = log // the engine passes them around on their own
    mask('token')
    debug('later')
    expect(out.slice(3)).toEqual(['mask token', 'debug later'])
  })
})

describe('actionInput', () => {
  const names = ['aws-region', 'model-id', 'timeout-seconds', 'role session tags']
  it.each(names)('reads %s as core.getInput does', (name) => {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    const saved = process.env[key]
    try {
      process.env[key] = '  us-east-1 \n'
      expect(actionInput(name)).toBe(core.getInput(name))
      delete process.env[key]
      expect(actionInput(name)).toBe(core.getInput(name))
      expect(actionInput(name)).toBe('')
    } finally {
      if (saved === undefined) delete process.env[key]
      else process.env[key] = saved
    }
  })
})
