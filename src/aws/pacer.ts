/**
 * Client-side pacing per API endpoint (service and signing region), our own rather than the SDK's
 * adaptive retry mode: the adaptive mode keeps one limiter per client and still spends attempts
 * from `maxAttempts` and its retry quota, so a throttled matrix runs out of attempts long before
 * `timeout-seconds`. Here a throttled call waits for its turn and is sent again until the run's
 * deadline, and the turns are spaced at the rate the endpoint was seen to accept.
 *
 * AWS throttles each API with a token bucket per account and region (IAM and Bedrock's control
 * plane at a few requests a second). Nothing is paced until an endpoint first throttles: a healthy
 * run sends every read at once. After a throttle the lane paces at what the endpoint accepted over
 * the last second (its refill rate plus what was left of its burst), cut by a fifth on each
 * further throttle and raised by a step on each accepted answer, the way TCP's AIMD finds a link's
 * capacity.
 */

/** The slowest pace: one request a second still finishes a small matrix within minutes. */
const MIN_RATE = 1
/** The window over which accepted answers estimate the endpoint's rate. */
const WINDOW_MS = 1000
const DECREASE = 0.8
/** How much each accepted answer raises the pace (per second), so the lane probes upwards. */
const INCREASE = 0.05

export class PaceLane {
  /** Requests per second; Infinity until the endpoint throttles. */
  rate = Infinity
  /** Answers accepted within the last WINDOW_MS, oldest first (epoch ms). */
  private readonly accepted: number[] = []
  /** The earliest moment the next paced request may leave. */
  private nextAt = 0
  /** When the pace was last cut: throttles of requests sent before then were sent too fast already. */
  private cutAt = -Infinity
  throttles = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** Waits for this request's turn; at once while the lane is unpaced. Rejects when `signal` aborts. */
  turn(signal: AbortSignal): Promise<void> {
    if (!Number.isFinite(this.rate)) return Promise.resolve()
    const now = this.now()
    const at = Math.max(now, this.nextAt)
    this.nextAt = at + 1000 / this.rate
    const wait = at - now
    if (wait <= 0) return Promise.resolve()
    return sleep(wait, signal)
  }

  /** How long a turn asked for now would wait (without taking it). */
  waitMs(): number {
    if (!Number.isFinite(this.rate)) return 0
    return Math.max(0, this.nextAt - this.now())
  }

  /** The endpoint answered with something other than a throttle. */
  accept(): void {
    const now = this.now()
    this.accepted.push(now)
    while (this.accepted.length && this.accepted[0]! < now - WINDOW_MS) this.accepted.shift()
    if (Number.isFinite(this.rate)) this.rate += INCREASE
  }

  /**
   * The endpoint throttled a request sent at `sentAt`. One burst of throttles cuts the pace once:
   * the answers to requests that left before the last cut say nothing about the new pace.
   */
  throttled(sentAt: number): void {
    this.throttles += 1
    if (sentAt < this.cutAt) return
    const now = this.now()
    this.cutAt = now
    while (this.accepted.length && this.accepted[0]! < now - WINDOW_MS) this.accepted.shift()
    const seen = this.accepted.length
    this.rate = Number.isFinite(this.rate)
      ? Math.max(MIN_RATE, this.rate * DECREASE)
      : Math.max(MIN_RATE, seen * DECREASE)
    // Whatever was scheduled at the old pace is spread again from now.
    this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate)
  }
}

/** One lane per endpoint: `service@region` (IAM's one global endpoint signs for one region). */
export class Pacer {
  private readonly lanes = new Map<string, PaceLane>()

  lane(key: string): PaceLane {
    let lane = this.lanes.get(key)
    if (!lane) {
      lane = new PaceLane()
      this.lanes.set(key, lane)
    }
    return lane
  }

  /** Endpoints that throttled at least once in this run, with how often. */
  throttledLanes(): { key: string; throttles: number }[] {
    return [...this.lanes.entries()]
      .filter(([, lane]) => lane.throttles > 0)
      .map(([key, lane]) => ({ key, throttles: lane.throttles }))
  }
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError())
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortError())
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

function abortError(): Error {
  return Object.assign(new Error('The run reached timeout-seconds before AWS answered'), {
    name: 'TimeoutError'
  })
}
