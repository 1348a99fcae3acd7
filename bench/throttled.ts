/**
 * Two figures of `npm run bench` that need an AWS misbehaving:
 * - `--matrix RxM --rate N`: a global team's matrix (R regions × M models through `global.`
 *   profiles) against a fake that throttles every API above N requests a second per region. It
 *   prints the run's time beside the floor the rate imposes: the busiest endpoint's accepted calls
 *   ÷ rate (throttled attempts, which AWS refuses without spending a token, excluded).
 * - huge bodies: a 256 MB answer from each service in turn; peak memory of the process.
 */
import { huge, rest, startFakeAws, type FakeAws } from '../__tests__/harness/fake-aws.js'
import { callerIdentity } from '../__tests__/harness/scenarios.js'
import { healthyAccount } from '../__tests__/harness/e2e-world.js'
import { matrixAccount, MATRIX_MODELS, MATRIX_REGIONS } from '../__tests__/harness/matrix.js'
import { timedRun } from './lib.js'

export interface MatrixFigure {
  regions: number
  models: number
  rate: number
  wallMs: number
  runMs: number
  /** Accepted calls at the busiest endpoint ÷ rate (the floor). */
  floorMs: number
  /** The same with the bucket's initial burst (one second's worth) taken off. */
  floorAfterBurstMs: number
  busiest: string
  accepted: number
  throttled: number
  unverified: number
}

export async function benchMatrix(
  distDir: string,
  shape: string,
  rate: number
): Promise<MatrixFigure> {
  const [r, m] = shape.split('x').map(Number) as [number, number]
  const regions = MATRIX_REGIONS.slice(0, r)
  const models = MATRIX_MODELS.slice(0, m)
  const fake = await startFakeAws({
    handlers: matrixAccount(),
    throttle: { rate },
    validate: false
  })
  try {
    const run = await timedRun(
      distDir,
      fake.env,
      { 'aws-region': regions.join(','), 'model-id': models.join(','), 'timeout-seconds': '120' },
      180_000
    )
    const accepted = new Map<string, number>()
    for (const req of fake.requests) {
      const key = `${req.service}:${req.operation}@${req.region ?? ''}`
      accepted.set(key, (accepted.get(key) ?? 0) + 1)
    }
    const total = fake.requests.length
    // Each refused attempt is also in fake.requests; the floor counts only what had to be accepted.
    const [busiest, count] = [...accepted.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
    const burst = rate
    const acceptedThere = count - refusedAt(fake, busiest)
    return {
      regions: regions.length,
      models: models.length,
      rate,
      wallMs: run.wallMs,
      runMs: run.report?.durationMs ?? NaN,
      floorMs: (acceptedThere / rate) * 1000,
      floorAfterBurstMs: (Math.max(0, acceptedThere - burst) / rate) * 1000,
      busiest,
      accepted: total - fake.throttled,
      throttled: fake.throttled,
      unverified: run.report?.findings.filter((f) => f.status === 'unverified').length ?? NaN
    }
  } finally {
    await fake.close()
  }
}

/** Refused attempts at one endpoint: the fake answers them with its throttling error. */
function refusedAt(fake: FakeAws, key: string): number {
  return fake.refusedBy(key)
}

export interface HugeFigure {
  service: string
  call: string
  declareLength: boolean
  peakRssMb: number
  runMs: number
}

const HUGE = 256 * 1024 * 1024

/** Peak memory with a 256 MB answer on the first read of each service. */
export async function benchHugeBodies(distDir: string): Promise<HugeFigure[]> {
  const fake = await startFakeAws({ handlers: healthyAccount(), validate: false })
  const out: HugeFigure[] = []
  try {
    await timedRun(distDir, fake.env, { 'aws-region': 'us-east-1', 'timeout-seconds': '10' })
    const calls = [...new Set(fake.requests.map((r) => `${r.service}:${r.operation}`))]
    const firstOfEach = new Map<string, string>()
    for (const call of calls)
      if (!firstOfEach.has(call.split(':')[0]!)) firstOfEach.set(call.split(':')[0]!, call)
    for (const [service, call] of firstOfEach) {
      for (const declareLength of [true, false]) {
        fake.handle(healthyAccount())
        const reply =
          service === 'sts' || service === 'iam'
            ? huge(callerIdentity(), HUGE, declareLength)
            : huge(rest.ok({ padding: '' }), HUGE, declareLength)
        fake.handle({ [call]: reply })
        const run = await timedRun(distDir, fake.env, {
          'aws-region': 'us-east-1',
          'timeout-seconds': '10'
        })
        out.push({
          service,
          call,
          declareLength,
          peakRssMb: run.peakRssMb ?? NaN,
          runMs: run.report?.durationMs ?? NaN
        })
      }
    }
  } finally {
    await fake.close()
  }
  return out
}
