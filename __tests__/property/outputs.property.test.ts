/**
 * Issue 28: no secret and no control character in any output, whatever text comes in as an
 * input, an env-file value or an AWS error message. Arbitrary strings, with the run's secrets and
 * control sequences spliced in at random, fill every place of a report; every face's output is
 * searched. In-process (the faces' own functions), so the full profile's 10,000 cases stay fast.
 */
import fc from 'fast-check'
import { Redactor } from '../../src/secrets/redactor.js'
import { FAKE } from '../harness/run-action.js'
import { CONTROLS, everyOutput, reportWith, withoutColours } from '../harness/hostile.js'
import { anyText } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

const SECRETS = [FAKE.secretAccessKey, FAKE.sessionToken, 'IQoJb3JpZ2luX2VjEAssumedRole0123456789']

/** Pieces of hostile text: the secrets, escape sequences, markup, and arbitrary strings. */
const piece = fc.oneof(
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom(...SECRETS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u001b]52;c;aGk=\u0007',
      '\u001b[2J',
      '\u001b]8;;https://evil.example\u001b\\',
      '\u009b31m',
      '\u202e',
      '\u2066',
      '\r',
      '\u0000',
      '\u007f',
      '</details><img src=x>',
      '[a](https://evil.example)',
      '`',
      '```',
      '\n'
    )
  }
)
const hostileText = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''))

describe('no secret or control character in any output', () => {
  it(
    'holds for arbitrary inputs, env values and AWS messages in every place',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 4 }), async (texts) => {
          const redactor = new Redactor()
          for (const s of SECRETS) redactor.add(s)
          let i = 0
          const report = reportWith(() => texts[i++ % texts.length]!)
          const outputs = await everyOutput(report, redactor)
          for (const [name, text] of Object.entries(outputs)) {
            const shown = name === 'colour' ? withoutColours(text) : text
            if (CONTROLS.test(shown)) return false
            if (SECRETS.some((s) => text.includes(s))) return false
          }
          return true
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
