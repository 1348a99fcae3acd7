import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildConfig, SettingsError, type RawSettings } from '../../src/settings.js'
import { silentLogger } from '../../src/config.js'
import { INPUTS } from '../../src/inputs.js'
import { anyText, soup } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hard-settings-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const listish = soup([
  'us-east-1',
  ',',
  '\n',
  ' ',
  'eu-west-1',
  'anthropic.claude-sonnet-4-6',
  'arn:aws:iam::111122223333:role/r',
  ',,'
])
const raw = fc.record({
  surface: fc.constantFrom<RawSettings['surface']>('github-actions', 'cli'),
  regions: maybe(fc.oneof(anyText, listish)),
  models: maybe(fc.oneof(anyText, listish)),
  assumeRoleArns: maybe(fc.oneof(anyText, listish)),
  oidcRoleArn: maybe(anyText),
  invokeProbe: maybe(
    fc.oneof(anyText, fc.boolean(), fc.constantFrom('true', 'false', 'TRUE', ' true ', 'yes'))
  ),
  failOn: maybe(fc.oneof(anyText, fc.constantFrom('error', 'warning', 'never', ' never', 'Error'))),
  timeoutSeconds: maybe(
    fc.oneof(
      anyText,
      fc.double(),
      fc.integer({ min: -5, max: 700 }),
      fc.constantFrom('30', '1e2', '0x10', ' 5 ', 'Infinity', 'NaN')
    )
  ),
  profile: maybe(anyText),
  envFile: maybe(
    fc.record({
      content: fc.oneof(
        anyText,
        soup(['AWS_REGION=', 'BEDROCK_MODEL=', 'us-east-1', '\n', '"', '#'])
      ),
      exists: fc.boolean(),
      optional: fc.boolean()
    })
  ),
  processEnv: fc.dictionary(
    fc.constantFrom(
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
      'BEDROCK_MODEL',
      'ANTHROPIC_MODEL',
      'ANTHROPIC_SMALL_FAST_MODEL',
      'AWS_PROFILE',
      'OTHER'
    ),
    anyText
  )
})

const INPUT_NAMES = INPUTS.map((i) => i.name)

describe('settings, for any inputs, flags, environment and env file', () => {
  it(
    'build a usable configuration or stop with a SettingsError that names the input',
    () => {
      let n = 0
      fc.assert(
        fc.property(raw, ({ envFile, ...settings }) => {
          let envFilePath: string | undefined
          if (envFile) {
            envFilePath = join(dir, `env-${n++}`)
            if (envFile.exists) writeFileSync(envFilePath, envFile.content)
          }
          let result: ReturnType<typeof buildConfig> | undefined
          try {
            result = buildConfig({
              ...settings,
              ...(envFilePath ? { envFilePath, envFileOptional: envFile?.optional } : {}),
              log: silentLogger
            })
          } catch (err) {
            expect(err).toBeInstanceOf(SettingsError)
            const e = err as SettingsError
            expect(INPUT_NAMES).toContain(e.input.replace(/^BEDROCK_MODEL .*/, 'model-id'))
            expect(e.message).toContain(e.input)
            expect(e.message.length).toBeGreaterThan(e.input.length + 10)
            return
          }
          const { config } = result
          expect(['error', 'warning', 'never']).toContain(config.failOn)
          expect(config.timeoutSeconds).toBeGreaterThanOrEqual(1)
          expect(config.timeoutSeconds).toBeLessThanOrEqual(600)
          expect(typeof config.invokeProbe).toBe('boolean')
          // No model named is allowed: the engine chooses one (src/aws/default-model.ts).
          expect(new Set(config.models.map((m) => m.value)).size).toBe(config.models.length)
          for (const item of [...config.regions, ...config.models]) {
            expect(item.value).toBe(item.value.trim())
            expect(item.value.length).toBeGreaterThan(0)
            // Lists given as inputs or flags are split; AWS_REGION is one value, checked as given.
            if (/^(input|--)/.test(item.source)) expect(item.value).not.toMatch(/[,\n]/)
            expect(item.source.length).toBeGreaterThan(0)
          }
          // Values are never repeated in a list.
          expect(new Set(config.regions.map((r) => r.value)).size).toBe(config.regions.length)
          for (const arn of config.assumeRoleArns) expect(arn).toBe(arn.trim())
          if (envFile && envFile.exists)
            expect(config.envFile?.problems.every((p) => p.message.length > 0)).toBe(true)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
