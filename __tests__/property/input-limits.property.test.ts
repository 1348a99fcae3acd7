/**
 * Issue 28 part C, for any input: the parsers touched never throw, take bounded time, and accept
 * or refuse exactly as a simple oracle says. `npm run test:full` runs 10,000 cases a property.
 */
import fc from 'fast-check'
import { parseDotenv, withoutComment } from '../../src/parse/dotenv.js'
import { parseTimeoutSeconds } from '../../src/parse/timeout.js'
import { isSingleArn, parseArn } from '../../src/parse/arn.js'
import { buildConfig, SettingsError } from '../../src/settings.js'
import { silentLogger, type EnvFileEntry } from '../../src/config.js'
import { LIMITS } from '../../src/limits.js'
import { planTasks } from '../../src/engine/scheduler.js'
import { subjectCovers } from '../../src/engine/subjects.js'
import { CHECKS } from '../../src/checks/registry.js'
import { envKeyUse } from '../../src/env-file/keys.js'
import { anyText, soup } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

/**
 * The reader before issue 28 kept entries with a scan per line (findIndex, splice, push): each
 * line read on its own, then assembled that way.
 */
function oldEntries(text: string): EnvFileEntry[] {
  const entries: EnvFileEntry[] = []
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const entry = parseDotenv(raw.replace(/^\uFEFF/, '')).entries[0]
      if (!entry) return
      const previous = entries.findIndex((e) => e.key === entry.key)
      if (previous >= 0) entries.splice(previous, 1)
      entries.push({ ...entry, line: index + 1 })
    })
  return entries
}

const blanksAndHashes = soup([' ', '\t', '#', 'a', 'b', '\r', '\n', '\u2028', '\u00a0', '"'], 20)

describe('.env values and files, for any text', () => {
  it(
    'strip a comment exactly as /\\s+#.*$/ did',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyText, blanksAndHashes), (value) => {
          expect(withoutComment(value)).toBe(value.replace(/\s+#.*$/, '').trim())
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'keep the same entries as the scan per line did: the last assignment of each key, in that order',
    () => {
      const line = fc
        .tuple(fc.constantFrom('A', 'B', 'C', 'AWS_REGION'), fc.stringMatching(/^[a-z0-9]{0,5}$/))
        .map(([k, v]) => `${k}=${v}`)
      fc.assert(
        fc.property(fc.array(fc.oneof(line, anyText), { maxLength: 30 }), (lines) => {
          const text = lines.join('\n')
          expect(parseDotenv(text).entries).toEqual(oldEntries(text))
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it('reads the largest file it accepts, of the worst shape, in well under a second', () => {
    const half = LIMITS.envFileBytes / 2 - 10
    const worst = [
      `A=a${' '.repeat(half)}b`,
      `B=${'x '.repeat(half / 2)}`,
      `${'K'.repeat(half)}`,
      `C="${'\\n'.repeat(half / 2)}`
    ]
    for (const text of worst) {
      const started = performance.now()
      parseDotenv(text)
      expect(performance.now() - started).toBeLessThan(500)
    }
    const manyLines = 'A=1\n'.repeat(LIMITS.envFileLines)
    const started = performance.now()
    expect(parseDotenv(manyLines).entries).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it(
    'apply only keys that point nowhere: files, endpoints, credential URLs and proxies are refused',
    () => {
      const key = fc.oneof(
        fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,30}$/),
        fc.constantFrom(
          'AWS_CONFIG_FILE',
          'AWS_SHARED_CREDENTIALS_FILE',
          'AWS_ENDPOINT_URL',
          'AWS_ENDPOINT_URL_STS',
          'AWS_CONTAINER_CREDENTIALS_FULL_URI',
          'AWS_WEB_IDENTITY_TOKEN_FILE',
          'HTTPS_PROXY',
          'https_proxy',
          'AWS_REGION',
          'AWS_PROFILE',
          'ANTHROPIC_BASE_URL'
        )
      )
      const pointsElsewhere =
        /^(AWS_(CONFIG_FILE|SHARED_CREDENTIALS_FILE|ENDPOINT_URL.*|CONTAINER_.*|WEB_IDENTITY_TOKEN_FILE|ROLE_ARN|ROLE_SESSION_NAME|EC2_METADATA_.*|CA_BUNDLE|IGNORE_CONFIGURED_ENDPOINT_URLS)|NODE_EXTRA_CA_CERTS|(HTTPS?|NO|ALL)_PROXY)$/i
      fc.assert(
        fc.property(key, anyText, (k, value) => {
          const use = envKeyUse(k, value)
          if (pointsElsewhere.test(k)) expect(use.use).toBe('refuse')
          if (use.use === 'apply') {
            expect(pointsElsewhere.test(k)).toBe(false)
            // A base URL is applied only when it names AWS's own host over https.
            if (/BASE_URL$/.test(k)) expect(new URL(value.trim()).protocol).toBe('https:')
          }
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe('lists of regions, models and roles, for any length', () => {
  const item = fc.constantFrom(
    'us-east-1',
    'eu-west-1',
    'm',
    'arn:aws:iam::111122223333:role/r',
    ''
  )
  const list = fc.array(fc.oneof(item, anyText), { maxLength: 70 })
  const separator = fc.constantFrom(',', '\n', ' , ')

  it(
    'are refused, naming the input, exactly when they name more than the limit',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(
            ['regions', 'aws-region', LIMITS.regions] as const,
            ['models', 'model-id', LIMITS.models] as const,
            ['assumeRoleArns', 'assume-role-arn', LIMITS.roles] as const
          ),
          list,
          separator,
          ([field, input, limit], items, sep) => {
            const text = items.join(sep)
            const named = text
              .split(/[\n,]/)
              .map((s) => s.trim())
              .filter(Boolean).length
            let error: unknown
            try {
              buildConfig({
                surface: 'github-actions',
                [field]: text,
                processEnv: {},
                log: silentLogger
              })
            } catch (err) {
              error = err
            }
            if (named > limit) {
              expect(error).toBeInstanceOf(SettingsError)
              expect((error as SettingsError).input).toBe(input)
              expect((error as SettingsError).problem).toContain(`at most ${limit}`)
            } else {
              expect(error).toBeUndefined()
            }
          }
        ),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it('refuse 10,000 regions in well under a second', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `us-east-${i}`).join(',')
    const started = performance.now()
    expect(() =>
      buildConfig({ surface: 'cli', regions: text, processEnv: {}, log: silentLogger })
    ).toThrow(SettingsError)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('plans, for any regions, models and roles within the limits', () => {
  const names = (prefix: string, max: number) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: max })
      .map((ns) => ns.map((n) => `${prefix}${n}`))

  it(
    'wire each task to the same dependencies as a scan of every task did',
    () => {
      fc.assert(
        fc.property(
          names('us-east-', 4),
          names('us.anthropic.claude-', 4),
          names('arn:aws:iam::111122223333:role/r', 3),
          fc.boolean(),
          (regions, models, roles, oidc) => {
            const config = buildConfig({
              surface: 'github-actions',
              regions: regions.join(','),
              models: models.join(','),
              assumeRoleArns: roles.join(','),
              ...(oidc ? { oidcRoleArn: 'arn:aws:iam::111122223333:role/oidc' } : {}),
              processEnv: {},
              log: silentLogger
            }).config
            const tasks = planTasks(CHECKS, config)
            const scan = (task: (typeof tasks)[number], id: string) =>
              tasks.filter((t) => t.meta.id === id && subjectCovers(t.subject, task.subject))
            for (const task of tasks) {
              expect(task.deps).toEqual(task.meta.dependsOn.flatMap((id) => scan(task, id)))
              expect(task.used).toEqual((task.meta.uses ?? []).flatMap((id) => scan(task, id)))
            }
          }
        ),
        runs({ numRuns: Math.max(50, Math.floor(runs().numRuns! / 20)) })
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it('plan the most the limits allow (50 regions × 50 models, 50 roles) in well under a second', () => {
    const list = (n: number, f: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => f(i)).join(',')
    const config = buildConfig({
      surface: 'github-actions',
      regions: list(LIMITS.regions, (i) => `us-east-${i + 1}`),
      models: list(LIMITS.models, (i) => `us.anthropic.claude-${i}`),
      assumeRoleArns: list(LIMITS.roles, (i) => `arn:aws:iam::111122223333:role/r${i}`),
      processEnv: {},
      log: silentLogger
    }).config
    const started = performance.now()
    const tasks = planTasks(CHECKS, config)
    expect(tasks.length).toBeGreaterThan(LIMITS.regions * LIMITS.models)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('timeout-seconds, for any text', () => {
  it(
    'is accepted exactly when it is digits for a whole number from 1 to 600',
    () => {
      const text = fc.oneof(
        anyText,
        fc.integer({ min: -10, max: 1000 }).map(String),
        fc.double().map(String),
        fc.constantFrom('0x10', '1e3', '16.5', '', ' 30 ', '010', '+5', '٣', '1_0', '600', '601')
      )
      fc.assert(
        fc.property(text, (t) => {
          const parsed = parseTimeoutSeconds(t)
          const trimmed = t.trim()
          const digits = trimmed.length > 0 && [...trimmed].every((c) => c >= '0' && c <= '9')
          const value = digits ? Number(trimmed) : NaN
          const expected = digits && value >= 1 && value <= 600
          expect(parsed.ok).toBe(expected)
          if (parsed.ok) expect(parsed.seconds).toBe(value)
          else expect(parsed.problem).toMatch(/^must be a whole number of seconds from 1 to 600/)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe('caller ARNs, for any text', () => {
  const arn = fc
    .tuple(
      fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
      fc.constantFrom('sts', 'iam'),
      fc.stringMatching(/^[0-9]{12}$/),
      fc.stringMatching(/^[A-Za-z0-9+=,.@_/-]{1,60}$/)
    )
    .map(([p, s, a, r]) => `arn:${p}:${s}::${a}:${r}`)

  it(
    'is one ARN exactly when it parses and is one line of printable characters without blanks',
    () => {
      const injected = fc
        .tuple(arn, fc.constantFrom('\n', '\r', ' ', '\t', '\u0000', '\u2028', '%0A'), fc.nat())
        .map(([a, c, at]) => {
          const i = at % (a.length + 1)
          return a.slice(0, i) + c + a.slice(i)
        })
      fc.assert(
        fc.property(fc.oneof(arn, injected, anyText), (text) => {
          const oracle =
            text.length <= 2048 &&
            [...text].every((c) => c > ' ' && c <= '~') &&
            parseArn(text) !== undefined
          expect(isSingleArn(text)).toBe(oracle)
        }),
        runs()
      )
      fc.assert(
        fc.property(arn, (a) => expect(isSingleArn(a)).toBe(true)),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
