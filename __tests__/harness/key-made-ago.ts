/**
 * A short-term Bedrock API key that AWS's generator made some seconds ago: an expired key without
 * waiting for one to expire. Jest only (its fake clock), apart from scenarios.ts, which the bench
 * imports too.
 */
import { getToken } from '@aws/bedrock-token-generator'
import { jest } from '@jest/globals'

/**
 * Signs with the clock moved back `secondsAgo` seconds (Jest's fake `Date`; timers and the event
 * loop stay real), and only while the generator signs.
 */
export async function keyMadeAgo(
  secondsAgo: number,
  config: Parameters<typeof getToken>[0]
): Promise<string> {
  jest.useFakeTimers({
    now: Date.now() - secondsAgo * 1000,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout'
    ]
  })
  try {
    return await getToken(config)
  } finally {
    jest.useRealTimers()
  }
}
