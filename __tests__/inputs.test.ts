import { readFileSync } from 'node:fs'
import { INPUTS, actionInputs, inputLabel } from '../src/inputs.js'
import { buildConfig, SettingsError } from '../src/settings.js'
import { silentLogger } from '../src/config.js'
import { parseCliArgs, USAGE, UsageError } from '../src/cli/args.js'

/** A value every input with a check refuses. */
const BAD = 'not-a-valid-value'

function settingsError(raw: Record<string, string>, surface: 'github-actions' | 'cli') {
  try {
    buildConfig({ surface, processEnv: {}, log: silentLogger, ...raw })
  } catch (err) {
    if (err instanceof SettingsError) return err
    throw err
  }
  throw new Error('expected a SettingsError')
}

describe('the inputs table', () => {
  it('names each input once: no two share an action name, a flag or a field', () => {
    for (const of of ['name', 'flag', 'key'] as const) {
      const names = INPUTS.flatMap((i) => (i[of] ? [i[of]] : []))
      expect(new Set(names).size).toBe(names.length)
    }
  })

  it('gives every action input a description, and every flag its help', () => {
    for (const input of INPUTS) {
      if (input.action) expect(input.description?.length).toBeGreaterThan(10)
      if (input.flag) expect(input.help?.length).toBeGreaterThan(0)
      expect(input.action || input.flag !== undefined).toBe(true)
    }
  })

  it('--help and docs/cli.md list every flag the CLI takes', () => {
    const doc = readFileSync('docs/cli.md', 'utf8')
    for (const { flag } of INPUTS.filter((i) => i.flag)) {
      expect(USAGE).toContain(`  --${flag}`)
      expect(doc).toContain(`\`--${flag}`)
    }
  })

  it('the action reads each input by its action.yml name, and only those', () => {
    const read: string[] = []
    const inputs = actionInputs((name) => (read.push(name), `value of ${name}`))
    expect(read).toEqual(INPUTS.filter((i) => i.action).map((i) => i.name))
    expect(inputs.regions).toBe('value of aws-region')
    expect(inputs).not.toHaveProperty('profile')
  })

  it.each(INPUTS.filter((i) => i.problem).map((i) => [i.name, i] as const))(
    'a bad %s is refused the same way by both faces, each naming it its own way',
    (_name, input) => {
      const problem = input.problem!(BAD)!
      expect(problem).toContain(BAD)
      const action = settingsError({ [input.key]: BAD }, 'github-actions')
      expect(action.input).toBe(input.name)
      expect(action.problem).toBe(problem)
      expect(inputLabel(action.input, 'github-actions')).toBe(input.name)
      if (input.flag && input.type === 'string') {
        expect(() => parseCliArgs([`--${input.flag}`, BAD])).toThrow(
          new UsageError(`--${input.flag} ${problem}`)
        )
        expect(inputLabel(action.input, 'cli')).toBe(`--${input.flag}`)
      }
    }
  )
})
