/**
 * Every place a subject, a value or a message appears, in every output (job summary,
 * annotations, outputs, report file, terminal, --json), filled with hostile text: markup, terminal
 * escapes and secrets. Issue 28: text from outside is data, and no secret is ever written.
 */
import { getToken } from '@aws/bedrock-token-generator'
import { Redactor } from '../../src/secrets/redactor.js'
import { FAKE } from '../harness/run-action.js'
import {
  CONTROLS,
  CONTROL_TEXT,
  everyOutput,
  liveMarkup,
  MARKUP_TEXT,
  reportWith,
  withoutColours
} from '../harness/hostile.js'

const SIGNER = {
  accessKeyId: 'ASIAKEYSIGNER0000042',
  secretAccessKey: 'throwAwaySigningSecret/ForTheFakeOnly0000',
  sessionToken: 'ThrowAwaySessionTokenInsideTheKey0000000000000000'
}
const LONG_TERM_SECRET = 'bG9uZ1Rlcm1TZWNyZXRGb3JUaGVGYWtlT25seQ=='
const LONG_TERM_KEY = `ABSK${Buffer.from(`BedrockAPIKey-x7k2-at-111122223333:${LONG_TERM_SECRET}`).toString('base64')}`

let shortTermKey: string
let signature: string
beforeAll(async () => {
  shortTermKey = await getToken({ credentials: SIGNER, region: 'us-east-1' })
  const url = new URL(`https://${Buffer.from(shortTermKey.slice(16), 'base64').toString()}`)
  signature = url.searchParams.get('X-Amz-Signature') ?? ''
})

/** Registered as the faces register them: the credentials and the keys, whole. */
function redactorOfRun(): Redactor {
  const redactor = new Redactor()
  for (const s of [FAKE.secretAccessKey, FAKE.sessionToken, shortTermKey, LONG_TERM_KEY]) {
    redactor.add(s)
  }
  return redactor
}

/** The secrets and the parts inside the keys, none of which may be written. */
const secrets = () => [
  FAKE.secretAccessKey,
  FAKE.sessionToken,
  shortTermKey,
  shortTermKey.slice(16),
  signature,
  SIGNER.sessionToken,
  LONG_TERM_KEY,
  LONG_TERM_SECRET
]

describe('hostile values in every place of every output', () => {
  it('show as text in the summary, without control characters or secrets anywhere', async () => {
    const hostile = (place: string) =>
      `${place} ${MARKUP_TEXT} ${CONTROL_TEXT} token ${FAKE.sessionToken} key ${FAKE.secretAccessKey} signature ${signature} session ${SIGNER.sessionToken} long ${LONG_TERM_SECRET}`
    const outputs = await everyOutput(reportWith(hostile), redactorOfRun())
    for (const [name, text] of Object.entries(outputs)) {
      const shown = name === 'colour' ? withoutColours(text) : text
      expect({ name, controls: CONTROLS.test(shown) }).toEqual({ name, controls: false })
      expect({ name, leaked: secrets().filter((s) => text.includes(s)) }).toEqual({
        name,
        leaked: []
      })
      // The message is still there, with the secrets starred.
      expect(text).toContain('token *** key ***')
    }
    expect(liveMarkup(outputs.summary)).toEqual([])
    // JSON escapes C0 controls: the report file must not hold them even escaped.
    expect(outputs.reportFile).not.toMatch(/\\u00(1b|07)/i)
    expect(outputs.summary).toContain('evil.example') // data is shown, as data
  })

  it('a secret split by a control character is hidden once the character is gone', async () => {
    const split = `${FAKE.sessionToken.slice(0, 20)}\u202e${FAKE.sessionToken.slice(20)}`
    const outputs = await everyOutput(
      reportWith(() => `echo ${split}`),
      redactorOfRun()
    )
    for (const text of Object.values(outputs)) expect(text).not.toContain(FAKE.sessionToken)
  })

  it('backticks in a value never open or close our code spans and fences', async () => {
    const value = (place: string) =>
      `${place}\` <img src=x> \`\`\` \n\`\`\`\n<b>bold</b>\n\\\`<i>x</i>\` ~~~`
    const outputs = await everyOutput(reportWith(value), new Redactor())
    expect(liveMarkup(outputs.summary)).toEqual([])
  })
})
