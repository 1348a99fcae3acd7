import fc from 'fast-check'
import { parseDotenv } from '../../src/parse/dotenv.js'
import { parseIni } from '../../src/parse/ini.js'
import { anyText, secretValue, soup } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/)
/** Values that survive an unquoted `KEY=value` line unchanged. */
const plainValue = fc.stringMatching(/^[A-Za-z0-9_./:+@-]{0,30}$/)
const envLike = fc.oneof(
  anyText,
  soup(
    [
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      '=',
      'export ',
      '"',
      "'",
      '#',
      ' ',
      '\n',
      '\r\n',
      'us-east-1',
      '\\n',
      '\uFEFF',
      '1BAD',
      'a b'
    ],
    30
  )
)

describe('.env files, for any content', () => {
  it(
    'reads every line into an entry or a problem that names the line, never throwing',
    () => {
      fc.assert(
        fc.property(envLike, (text) => {
          const { entries, problems } = parseDotenv(text)
          const lineCount = text.split(/\r?\n/).length
          for (const e of entries) {
            expect(e.key).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
            expect(e.line).toBeGreaterThanOrEqual(1)
            expect(e.line).toBeLessThanOrEqual(lineCount)
          }
          // The last assignment wins: one entry per key.
          expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length)
          for (const p of problems) {
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.line).toBeLessThanOrEqual(lineCount)
            expect(p.message.trim().length).toBeGreaterThan(10)
          }
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'never repeats a value in a problem message (values may be secrets)',
    () => {
      const badLine = fc
        .tuple(
          key,
          secretValue,
          fc.constantFrom('unclosed-double', 'unclosed-single', 'trailing', 'bad-key')
        )
        .map(([k, secret, how]) => {
          const line =
            how === 'unclosed-double'
              ? `${k}="${secret}`
              : how === 'unclosed-single'
                ? `${k}='${secret}`
                : how === 'trailing'
                  ? `${k}="x" ${secret}`
                  : `1${k}=${secret}`
          return { line, secret }
        })
      fc.assert(
        fc.property(fc.array(badLine, { minLength: 1, maxLength: 5 }), (lines) => {
          const { problems } = parseDotenv(lines.map((l) => l.line).join('\n'))
          expect(problems).toHaveLength(lines.length)
          for (const { secret } of lines)
            for (const p of problems) expect(p.message).not.toContain(secret)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'reads back what was written, plain or quoted, with or without export',
    () => {
      const assignment = fc.tuple(key, plainValue, fc.constantFrom('', '"', "'"), fc.boolean())
      fc.assert(
        fc.property(
          fc.array(assignment, { maxLength: 10 }),
          fc.constantFrom('\n', '\r\n'),
          (assignments, eol) => {
            const text = assignments
              .map(([k, v, q, exp]) => `${exp ? 'export ' : ''}${k}=${q}${v}${q}`)
              .join(eol)
            const { entries, problems } = parseDotenv(text)
            expect(problems).toEqual([])
            const expected = new Map<string, string>()
            for (const [k, v] of assignments) {
              expected.delete(k)
              expected.set(k, v)
            }
            expect(entries.map((e) => [e.key, e.value])).toEqual([...expected.entries()])
          }
        ),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe('AWS config and credentials files, for any content', () => {
  it(
    'never throws and yields only named sections of string values',
    () => {
      const iniLike = fc.oneof(
        anyText,
        soup(
          [
            '[',
            ']',
            'profile ',
            'default',
            'sso-session corp',
            '=',
            ' = ',
            'region',
            'us-east-1',
            '\n',
            '  ',
            '#',
            ';',
            'sso_start_url'
          ],
          30
        )
      )
      fc.assert(
        fc.property(iniLike, (text) => {
          const sections = parseIni(text)
          for (const [name, values] of sections) {
            expect(name).toBe(name.replace(/\s+/g, ' '))
            expect(name.length).toBeGreaterThan(0)
            for (const [k, v] of Object.entries(values)) {
              expect(typeof v).toBe('string')
              expect(k).toBe(k.toLowerCase())
            }
          }
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'reads back the profiles it was given',
    () => {
      const section = fc.tuple(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
        fc.dictionary(
          fc.stringMatching(/^[a-z_]{1,12}$/),
          plainValue.filter((v) => !v.startsWith('#')),
          { maxKeys: 5 }
        )
      )
      fc.assert(
        fc.property(fc.uniqueArray(section, { selector: ([n]) => n, maxLength: 5 }), (sections) => {
          const text = sections
            .map(([n, values]) =>
              [`[profile ${n}]`, ...Object.entries(values).map(([k, v]) => `${k} = ${v}`)].join(
                '\n'
              )
            )
            .join('\n\n')
          const parsed = parseIni(text)
          for (const [n, values] of sections)
            expect(parsed.get(`profile ${n}`)).toEqual({ ...values })
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
