import { planTasks, runTasks } from '../../src/engine/scheduler.js'
import { runResult } from '../../src/engine/result.js'
import type { CheckDefinition } from '../../src/engine/check.js'
import type { PreflightConfig } from '../../src/config.js'
import { silentLogger } from '../../src/config.js'
import type { AwsAccess } from '../../src/aws/access.js'

function config(overrides: Partial<PreflightConfig> = {}): PreflightConfig {
  return {
    regions: [{ value: 'us-east-1', source: 'AWS_REGION' }],
    models: [{ value: 'm1', source: 'input' }],
    assumeRoleArns: [],
    invokeProbe: false,
    failOn: 'error',
    timeoutSeconds: 5,
    env: {},
    surface: 'cli',
    log: silentLogger,
    ...overrides
  }
}

// The scheduler only asks AwsAccess when code may load (here: once the gates settle, as when no
// request is ever sent); these checks send nothing.
const aws = {
  firstRequestOut: (gate: Promise<unknown>) => gate.then(() => undefined),
  preloadSdks: () => Promise.resolve()
} as unknown as AwsAccess
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function check(
  id: string,
  opts: Partial<CheckDefinition> & {
    status?: 'pass' | 'fail' | 'warn'
    delay?: number
    log?: string[]
  } = {}
): CheckDefinition {
  return {
    id,
    title: `Check ${id}`,
    scope: opts.scope ?? 'run',
    dependsOn: opts.dependsOn ?? [],
    ...(opts.speculative ? { speculative: opts.speculative } : {}),
    ...(opts.gate ? { gate: true } : {}),
    run:
      opts.run ??
      (async (ctx) => {
        opts.log?.push(`start ${id}`)
        await sleep(opts.delay ?? 0)
        opts.log?.push(`end ${id}`)
        return {
          findings: [
            {
              checkId: id,
              status: opts.status ?? 'pass',
              title: `${id} ${ctx.subject.region ?? ''}`
            }
          ],
          facts: { from: id }
        }
      })
  }
}

async function run(checks: CheckDefinition[], cfg = config(), deadlineMs = 5000) {
  const tasks = planTasks(checks, cfg)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), deadlineMs)
  await runTasks({ first: tasks }, cfg, aws, controller.signal)
  clearTimeout(timer)
  return tasks
}

describe('the check scheduler', () => {
  it('runs independent checks concurrently', async () => {
    const log: string[] = []
    await run([check('a', { delay: 30, log }), check('b', { delay: 30, log })])
    expect(log.slice(0, 2).sort()).toEqual(['start a', 'start b'])
  })

  it('waits for dependencies and hands their facts over', async () => {
    let seen: unknown
    const b = check('b', {
      dependsOn: ['a'],
      run: async (ctx) => {
        seen = ctx.facts('a')
        return { findings: [{ checkId: 'b', status: 'pass', title: 'b' }] }
      }
    })
    await run([check('a', { delay: 10 }), b])
    expect(seen).toEqual({ from: 'a' })
  })

  it('skips a check whose dependency failed, and says why', async () => {
    const tasks = await run([check('a', { status: 'fail' }), check('b', { dependsOn: ['a'] })])
    const b = tasks.find((t) => t.check.id === 'b')
    expect(b?.status).toBe('skipped')
    expect(b?.findings?.[0]?.title).toContain('skipped because "Check a"')
    expect(b?.findings?.[0]?.title).toContain('ended fail')
  })

  it('starts a speculative check alongside its dependency and discards it when the dependency fails', async () => {
    const log: string[] = []
    const tasks = await run([
      check('a', { status: 'fail', delay: 20, log }),
      check('b', { dependsOn: ['a'], speculative: ['a'], log })
    ])
    expect(log.indexOf('start b')).toBeLessThan(log.indexOf('end a'))
    expect(tasks.find((t) => t.check.id === 'b')?.status).toBe('skipped')
  })

  it('lets a speculative check wait for the facts it needs', async () => {
    let facts: unknown
    await run([
      check('a', { delay: 20 }),
      check('b', {
        dependsOn: ['a'],
        speculative: ['a'],
        run: async (ctx) => {
          facts = await ctx.waitFor('a')
          return { findings: [{ checkId: 'b', status: 'pass', title: 'b' }] }
        }
      })
    ])
    expect(facts).toEqual({ from: 'a' })
  })

  it('expands per-subject checks and matches dependencies by subject', async () => {
    const cfg = config({
      regions: [
        { value: 'us-east-1', source: 'x' },
        { value: 'eu-west-1', source: 'x' }
      ]
    })
    const failInEu = check('r', {
      scope: 'region',
      run: async (ctx) => ({
        findings: [
          { checkId: 'r', status: ctx.subject.region === 'eu-west-1' ? 'fail' : 'pass', title: 'r' }
        ]
      })
    })
    const tasks = await run(
      [failInEu, check('m', { scope: 'region-model', dependsOn: ['r'] })],
      cfg
    )
    const m = tasks.filter((t) => t.check.id === 'm')
    expect(m.map((t) => [t.subject.region, t.status])).toEqual([
      ['us-east-1', 'pass'],
      ['eu-west-1', 'skipped']
    ])
    expect(m[1]?.findings?.[0]?.subject).toBe('eu-west-1 · m1')
  })

  it('reports whatever has not finished at the deadline as could-not-verify', async () => {
    const tasks = await run(
      [check('slow', { delay: 300 }), check('after', { dependsOn: ['slow'] })],
      config(),
      50
    )
    expect(tasks.map((t) => t.status)).toEqual(['unverified', 'unverified'])
    expect(tasks[0]?.findings?.[0]?.title).toContain('did not finish within timeout-seconds')
    expect(tasks[1]?.findings?.[0]?.title).toContain('was not reached')
  })

  it('turns a check that throws into an unverified finding, never a crash', async () => {
    const tasks = await run([
      check('boom', {
        run: async () => {
          throw new TypeError('cannot read x of undefined')
        }
      })
    ])
    expect(tasks[0]?.status).toBe('unverified')
    expect(tasks[0]?.findings?.[0]?.observed?.[0]).toBe('TypeError: cannot read x of undefined')
  })

  describe('checks loaded later', () => {
    it('plans them once the first request is out, wired to the first tasks, listed after them', async () => {
      const log: string[] = []
      const first = planTasks([check('gate', { gate: true, delay: 20, log })], config())
      let meanwhile = 0
      const controller = new AbortController()
      const tasks = await runTasks(
        {
          first,
          meanwhile: () => {
            meanwhile += 1
            log.push('meanwhile')
          },
          later: [
            async (planned) => {
              log.push('load later')
              return planTasks([check('after', { dependsOn: ['gate'], log })], config(), planned)
            }
          ]
        },
        config(),
        aws,
        controller.signal
      )
      expect(meanwhile).toBe(1)
      // The later check starts (and would send its requests) before the caller's own loading.
      expect(log).toEqual([
        'start gate',
        'end gate',
        'load later',
        'start after',
        'meanwhile',
        'end after'
      ])
      expect(tasks.map((t) => t.check.id)).toEqual(['gate', 'after'])
      expect(tasks[1]?.deps).toEqual([first[0]])
      expect(tasks[1]?.status).toBe('pass')
    })

    it("sends a group's ready requests before the next group's code loads", async () => {
      // A check that is ready to send still runs through several promise continuations (client,
      // middleware, signing) before its request is written; a chunk loaded with require() in
      // between would hold it back for milliseconds.
      const log: string[] = []
      const sendsAfterTicks = (id: string): CheckDefinition =>
        check(id, {
          dependsOn: ['gate'],
          run: async () => {
            for (let i = 0; i < 50; i++) await Promise.resolve()
            log.push(`send ${id}`)
            return { findings: [{ checkId: id, status: 'pass', title: id }] }
          }
        })
      await runTasks(
        {
          first: planTasks([check('gate', { gate: true })], config()),
          meanwhile: () => log.push('meanwhile'),
          later: [
            async (planned) => {
              log.push('load models')
              return planTasks([sendsAfterTicks('models')], config(), planned)
            },
            async (planned) => {
              log.push('load trust')
              return planTasks([sendsAfterTicks('trust')], config(), planned)
            }
          ]
        },
        config(),
        aws,
        new AbortController().signal
      )
      expect(log).toEqual(['load models', 'send models', 'load trust', 'send trust', 'meanwhile'])
    })

    it('reports each later check when the deadline passes first, never drops one', async () => {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 30)
      const tasks = await runTasks(
        {
          first: planTasks([check('gate', { gate: true, delay: 200 })], config()),
          later: [
            async (planned) =>
              planTasks([check('after', { dependsOn: ['gate'] })], config(), planned)
          ]
        },
        config({ timeoutSeconds: 1 }),
        aws,
        controller.signal
      )
      expect(tasks.map((t) => [t.check.id, t.status])).toEqual([
        ['gate', 'unverified'],
        ['after', 'unverified']
      ])
      expect(tasks[1]?.findings?.[0]?.title).toContain('was not reached within timeout-seconds')
    })
  })

  it('rejects a dependency on a check that does not exist', () => {
    expect(() => planTasks([check('a', { dependsOn: ['nope'] })], config())).toThrow(
      'unknown check nope'
    )
  })
})

describe('the run verdict', () => {
  it('fails when a gate check could not be verified, even with nothing failed', async () => {
    const tasks = await run([
      check('gate', {
        gate: true,
        run: async () => ({ findings: [{ checkId: 'gate', status: 'unverified', title: 'g' }] })
      })
    ])
    expect(runResult(tasks)).toBe('fail')
  })

  it('warns on an unverified non-gate check, passes only when everything passed', async () => {
    const unverified = await run([
      check('x', {
        run: async () => ({ findings: [{ checkId: 'x', status: 'unverified', title: 'x' }] })
      })
    ])
    expect(runResult(unverified)).toBe('warn')
    expect(runResult(await run([check('a'), check('b')]))).toBe('pass')
    expect(runResult(await run([check('a', { status: 'warn' })]))).toBe('warn')
    expect(runResult(await run([check('a', { status: 'fail' })]))).toBe('fail')
  })
})
