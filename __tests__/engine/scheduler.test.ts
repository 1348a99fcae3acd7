import { planTasks, runTasks, type Task } from '../../src/engine/scheduler.js'
import { runResult } from '../../src/engine/result.js'
import type { CheckContext, CheckEntry, CheckMeta } from '../../src/engine/check.js'
import type { PreflightConfig } from '../../src/config.js'
import { silentLogger } from '../../src/config.js'
import type { AwsAccess, OnDemandSdk } from '../../src/aws/access.js'
import type { CheckStatus, Facts } from '../../src/engine/types.js'

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

/**
 * The part of AwsAccess the scheduler asks: when SDKs load (here: at once, one turn apart, in the
 * order asked, each load logged) and when a task's SDKs are there. These checks send nothing.
 */
function fakeAws(log: string[] = []): AwsAccess {
  const loaded = new Map<string, Promise<void>>()
  return {
    planLoads: async (names: readonly OnDemandSdk[], gate: Promise<unknown>, over: AbortSignal) => {
      // As AwsAccess does when no request goes out: nothing loads before the gates have settled.
      let chain: Promise<void> = gate.then(() => undefined)
      for (const name of [...new Set(names)]) {
        chain = chain.then(async () => {
          await new Promise((r) => setImmediate(r))
          if (!over.aborted) log.push(`load ${name}`)
        })
        loaded.set(name, chain)
      }
      await chain
      // As AwsAccess does: one more turn, for the requests of the checks waiting for the last one.
      await new Promise((r) => setImmediate(r))
    },
    sdksLoaded: async (names: readonly OnDemandSdk[]) => {
      await Promise.all(names.map((n) => loaded.get(n)))
    }
  } as unknown as AwsAccess
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const MESSAGES = {
  pass: { status: 'pass', title: '{{id}} {{region}}' },
  warn: { status: 'warn', title: '{{id}}', cause: 'c', fix: 'f', doc: 'https://example.com' },
  fail: { status: 'fail', title: '{{id}}', cause: 'c', fix: 'f', doc: 'https://example.com' },
  unverified: {
    status: 'unverified',
    title: '{{id}}',
    cause: 'c',
    fix: 'f',
    doc: 'https://example.com'
  }
} as const

type Run = (ctx: CheckContext<typeof MESSAGES>) => Promise<Facts | void>

function check(
  id: string,
  opts: Partial<Omit<CheckMeta, 'messages'>> & {
    status?: Exclude<CheckStatus, 'skipped'>
    delay?: number
    log?: string[]
    run?: Run
  } = {}
): CheckEntry {
  const meta = {
    id,
    title: `Check ${id}`,
    description: `check ${id} for the scheduler's tests`,
    scope: opts.scope ?? 'run',
    dependsOn: opts.dependsOn ?? [],
    permissions: [],
    ...(opts.speculative ? { speculative: opts.speculative } : {}),
    ...(opts.uses ? { uses: opts.uses } : {}),
    ...(opts.sdks ? { sdks: opts.sdks } : {}),
    ...(opts.gate ? { gate: true } : {}),
    messages: MESSAGES
  }
  const run: Run =
    opts.run ??
    (async (ctx) => {
      opts.log?.push(`start ${id}`)
      await sleep(opts.delay ?? 0)
      opts.log?.push(`end ${id}`)
      ctx.report(opts.status ?? 'pass', { id, region: ctx.subject.region ?? '' })
      return { from: id }
    })
  return {
    meta,
    load: async () => {
      opts.log?.push(`load run ${id}`)
      return run
    }
  } as unknown as CheckEntry
}

async function run(checks: CheckEntry[], cfg = config(), deadlineMs = 5000, aws = fakeAws()) {
  const tasks = planTasks(checks, cfg)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), deadlineMs)
  await runTasks(tasks, cfg, aws, controller.signal)
  clearTimeout(timer)
  return tasks
}
const byId = (tasks: Task[], id: string) => tasks.find((t) => t.meta.id === id)

describe('the check scheduler', () => {
  it('runs independent checks concurrently', async () => {
    const log: string[] = []
    await run([check('a', { delay: 30, log }), check('b', { delay: 30, log })])
    const steps = log.filter((l) => /^(start|end) /.test(l))
    expect(steps.slice(0, 2).sort()).toEqual(['start a', 'start b'])
  })

  it('waits for dependencies and hands their facts over', async () => {
    let seen: unknown
    const b = check('b', {
      dependsOn: ['a'],
      run: async (ctx) => {
        seen = ctx.facts('a')
        ctx.report('pass', { id: 'b', region: '' })
      }
    })
    await run([check('a', { delay: 10 }), b])
    expect(seen).toEqual({ from: 'a' })
  })

  it('skips a check whose dependency failed, and says why', async () => {
    const tasks = await run([check('a', { status: 'fail' }), check('b', { dependsOn: ['a'] })])
    const b = tasks.find((t) => t.meta.id === 'b')
    expect(b?.status).toBe('skipped')
    expect(b?.findings?.[0]).toMatchObject({
      title: 'Skipped: needs "Check a" to pass first, and it failed (see the a finding)',
      explainedBy: { checkId: 'a' }
    })
  })

  it('starts a speculative check alongside its dependency and discards it when the dependency fails', async () => {
    const log: string[] = []
    const tasks = await run([
      check('a', { status: 'fail', delay: 20, log }),
      check('b', { dependsOn: ['a'], speculative: ['a'], log })
    ])
    expect(log.indexOf('start b')).toBeLessThan(log.indexOf('end a'))
    expect(tasks.find((t) => t.meta.id === 'b')?.status).toBe('skipped')
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
          ctx.report('pass', { id: 'b', region: '' })
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
      run: async (ctx) => {
        ctx.report(ctx.subject.region === 'eu-west-1' ? 'fail' : 'pass', { id: 'r', region: '' })
      }
    })
    const tasks = await run(
      [failInEu, check('m', { scope: 'region-model', dependsOn: ['r'] })],
      cfg
    )
    const m = tasks.filter((t) => t.meta.id === 'm')
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

  it('says so when a check reports nothing: silence is never a pass', async () => {
    const tasks = await run([check('quiet', { run: async () => undefined })])
    expect(tasks[0]?.status).toBe('unverified')
    expect(tasks[0]?.findings?.[0]?.observed?.[0]).toBe('Error: the check reported no finding')
  })

  it('stamps each finding with its check, subject (as a label and as data) and message, and fills the placeholders', async () => {
    const tasks = await run([check('r', { scope: 'region' })])
    expect(tasks[0]?.findings).toEqual([
      {
        checkId: 'r',
        subject: 'us-east-1',
        scope: { region: 'us-east-1' },
        messageId: 'pass',
        status: 'pass',
        title: 'r us-east-1'
      }
    ])
  })

  it('lets dependents use the facts of a check that could not verify everything', async () => {
    let seen: unknown
    const partial = check('a', {
      run: async (ctx) => {
        ctx.report('unverified', { id: 'a' })
        return { route: 'known' }
      }
    })
    const tasks = await run([
      partial,
      check('b', {
        dependsOn: ['a'],
        run: async (ctx) => {
          seen = ctx.facts('a')
          ctx.report('pass', { id: 'b', region: '' })
        }
      })
    ])
    expect(seen).toEqual({ route: 'known' })
    expect(byId(tasks, 'b')?.status).toBe('pass')
  })

  it('lets a check use facts it does not depend on, never skipping it for them', async () => {
    let seen: unknown = 'unset'
    const tasks = await run([
      check('a', { status: 'fail', delay: 10 }),
      check('b', {
        uses: ['a'],
        run: async (ctx) => {
          seen = await ctx.waitFor('a')
          ctx.report('pass', { id: 'b', region: '' })
        }
      })
    ])
    expect(seen).toBeUndefined()
    expect(byId(tasks, 'b')?.status).toBe('pass')
  })

  describe('loading', () => {
    it("loads a check's code when its task starts, after the SDKs it declares", async () => {
      const log: string[] = []
      await run(
        [
          check('local', { log }),
          check('models', { sdks: ['bedrock'], log }),
          check('trust', { sdks: ['iam'], log })
        ],
        config(),
        5000,
        fakeAws(log)
      )
      // Local checks load and run at once; the others wait for their SDK, in the planned order.
      expect(log.slice(0, 2)).toEqual(['load run local', 'start local'])
      expect(log.indexOf('load bedrock')).toBeLessThan(log.indexOf('load run models'))
      expect(log.indexOf('load iam')).toBeLessThan(log.indexOf('load run trust'))
    })

    it('loads no SDK before the gate checks have settled (nor their first request left)', async () => {
      const log: string[] = []
      await run(
        [check('gate', { gate: true, delay: 20, log }), check('m', { sdks: ['bedrock'], log })],
        config(),
        5000,
        fakeAws(log)
      )
      expect(log.indexOf('load bedrock')).toBeGreaterThan(log.indexOf('end gate'))
    })

    it('does not load the code of a check whose dependency failed', async () => {
      const log: string[] = []
      const tasks = await run([
        check('a', { status: 'fail' }),
        check('b', { dependsOn: ['a'], log })
      ])
      expect(byId(tasks, 'b')?.status).toBe('skipped')
      expect(log).toEqual([])
    })

    it('loads no SDK after the run has returned', async () => {
      const log: string[] = []
      await run(
        [
          check('a', { status: 'fail' }),
          check('b', { dependsOn: ['a'], sdks: ['iam', 'bedrock'] })
        ],
        config(),
        5000,
        fakeAws(log)
      )
      const atReturn = [...log]
      await sleep(20)
      expect(log).toEqual(atReturn)
    })

    it('calls the face back once, when the planned SDKs have loaded', async () => {
      const log: string[] = []
      const cfg = config()
      const tasks = planTasks([check('m', { sdks: ['bedrock'], delay: 30, log })], cfg)
      let calls = 0
      await runTasks(tasks, cfg, fakeAws(log), new AbortController().signal, () => {
        calls += 1
        log.push('while waiting')
      })
      expect(calls).toBe(1)
      expect(log.indexOf('while waiting')).toBeGreaterThan(log.indexOf('start m'))
      expect(log.indexOf('while waiting')).toBeLessThan(log.indexOf('end m'))
    })
  })

  it('runs a check whose used facts come from a check left out of the run', async () => {
    const tasks = await run([check('b', { uses: ['not-planned'] })])
    expect(tasks[0]?.status).toBe('pass')
  })

  it('rejects a dependency on a check that does not exist', () => {
    expect(() => planTasks([check('a', { dependsOn: ['nope'] })], config())).toThrow(
      'unknown check nope'
    )
  })
})

/** A check with one state of its own: `skips` and `endsSubject` as a check's meta says them. */
function stated(
  id: string,
  state: { status: 'fail' | 'unverified'; skips?: string; endsSubject?: boolean },
  opts: Parameters<typeof check>[1] = {}
): CheckEntry {
  const entry = check(id, opts)
  const messages = {
    ...MESSAGES,
    own: { ...state, title: `${id} {{region}}`, cause: 'c', fix: 'f', doc: 'https://example.com' }
  }
  return {
    meta: { ...entry.meta, messages },
    load: async () => async (ctx: CheckContext) => {
      // The title is built from the id, so its placeholder is not typed: reported as any state.
      const report = ctx.report as (id: string, data: Record<string, string>) => void
      report('own', { region: ctx.subject.region ?? '' })
    }
  } as unknown as CheckEntry
}

describe('skipped checks, in the words of the cause', () => {
  it('says what to fix first, pointing at the finding that holds the cause', async () => {
    const tasks = await run([
      stated('credentials', {
        status: 'fail',
        skips: 'needs AWS credentials, which were not found'
      }),
      check('identity', { dependsOn: ['credentials'] })
    ])
    expect(byId(tasks, 'identity')?.findings?.[0]).toMatchObject({
      status: 'skipped',
      title: 'Skipped: needs AWS credentials, which were not found (see the credentials finding)',
      explainedBy: { checkId: 'credentials' }
    })
  })

  it('points through a skipped blocker to the root cause, never at another skip', async () => {
    const tasks = await run(
      [
        stated('credentials', { status: 'fail', skips: 'the AWS profile to use is not defined' }),
        check('identity', { dependsOn: ['credentials'] }),
        check('quota', { scope: 'region-model', dependsOn: ['identity'] })
      ],
      config({
        regions: [
          { value: 'us-east-1', source: 'input' },
          { value: 'eu-west-1', source: 'input' }
        ]
      })
    )
    const skipped = tasks.filter((t) => t.meta.id !== 'credentials').flatMap((t) => t.findings!)
    expect(skipped).toHaveLength(3)
    for (const f of skipped) {
      expect(f.title).toBe(
        'Skipped: the AWS profile to use is not defined (see the credentials finding)'
      )
      expect(f.explainedBy).toEqual({ checkId: 'credentials' })
      expect(f.title).not.toMatch(/ended|skipped because/)
    }
  })

  it('names the cause by its subject when the skipped check is about another one', async () => {
    const tasks = await run(
      [
        stated(
          'api-key',
          { status: 'fail', skips: 'the Bedrock API key is malformed' },
          { scope: 'region' }
        ),
        check('reads', { scope: 'region-model', dependsOn: ['api-key'] })
      ],
      config({ models: [{ value: 'm1', source: 'input' }] })
    )
    expect(byId(tasks, 'reads')?.findings?.[0]).toMatchObject({
      title: 'Skipped: the Bedrock API key is malformed (see the api-key finding)',
      explainedBy: { checkId: 'api-key', subject: 'us-east-1' }
    })
  })

  it('says "could not be verified" for a blocker in that state, without a phrase of its own', async () => {
    // Without facts: a check that could not verify and published none blocks what needs it.
    const tasks = await run([
      stated('a', { status: 'unverified' }),
      check('b', { dependsOn: ['a'] })
    ])
    expect(byId(tasks, 'b')?.findings?.[0]?.title).toBe(
      'Skipped: needs "Check a" to pass first, and it could not be verified (see the a finding)'
    )
  })

  it('skips, under the cause, the checks that use the facts of a check whose state ends the subject', async () => {
    const tasks = await run(
      [
        stated(
          'model-resolve',
          {
            status: 'fail',
            skips: 'this region cannot call the inference profile',
            endsSubject: true
          },
          { scope: 'region-model' }
        ),
        check('quota', { scope: 'region-model', uses: ['model-resolve'] }),
        check('other', { scope: 'region-model' })
      ],
      config()
    )
    expect(byId(tasks, 'quota')?.findings?.[0]).toMatchObject({
      status: 'skipped',
      title:
        'Skipped: this region cannot call the inference profile (see the model-resolve finding)',
      explainedBy: { checkId: 'model-resolve', subject: 'us-east-1 · m1' }
    })
    // A check that does not use it is not held back by it.
    expect(byId(tasks, 'other')?.status).toBe('pass')
  })

  it('keeps a check that uses the facts of a failure that does not end the subject', async () => {
    const tasks = await run([
      stated('model-resolve', { status: 'fail' }, { scope: 'region-model' }),
      check('quota', { scope: 'region-model', uses: ['model-resolve'] })
    ])
    expect(byId(tasks, 'quota')?.status).toBe('pass')
  })
})

describe('the run verdict', () => {
  it('fails when a gate check could not be verified, even with nothing failed', async () => {
    const tasks = await run([
      check('gate', {
        gate: true,
        run: async (ctx) => ctx.report('unverified', { id: 'g' })
      })
    ])
    expect(runResult(tasks)).toBe('fail')
  })

  it('fails when a gate was skipped because the check before it could not verify', async () => {
    // Only a gate skipped by choice (the agent's gateway signs its calls) lets the run go on: one
    // skipped for an unverified dependency means nothing after it was checked.
    const tasks = await run([
      check('creds', { run: async (ctx) => ctx.report('unverified', { id: 'c' }) }),
      check('gate', { gate: true, dependsOn: ['creds'] })
    ])
    expect(byId(tasks, 'gate')?.status).toBe('skipped')
    expect(runResult(tasks)).toBe('fail')
  })

  it('warns on an unverified non-gate check, passes only when everything passed', async () => {
    const unverified = await run([
      check('x', {
        run: async (ctx) => ctx.report('unverified', { id: 'x' })
      })
    ])
    expect(runResult(unverified)).toBe('warn')
    expect(runResult(await run([check('a'), check('b')]))).toBe('pass')
    expect(runResult(await run([check('a', { status: 'warn' })]))).toBe('warn')
    expect(runResult(await run([check('a', { status: 'fail' })]))).toBe('fail')
  })
})
