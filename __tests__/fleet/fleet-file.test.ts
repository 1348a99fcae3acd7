/**
 * The fleet file: what `bedrock-preflight fleet matrix` accepts, the line it names for a mistake,
 * and schema/fleet.schema.json (what an editor checks) agreeing with it.
 */
import { readFileSync } from 'node:fs'
import { schemaValidator } from '../harness/schemas.js'
import { parse } from 'yaml'
import { parseFleet } from '../../src/fleet/parse.js'
import { fleetMatrix } from '../../src/fleet/matrix.js'
import { FleetFileError } from '../../src/fleet/types.js'

const validate = schemaValidator('schema/fleet.schema.json', { allowUnionTypes: true })

const EXAMPLE = readFileSync('docs/examples/bedrock-fleet.yml', 'utf8')

function problem(source: string): { line?: number; problem: string } {
  try {
    parseFleet(source, 'fleet.yml')
  } catch (err) {
    if (err instanceof FleetFileError)
      return { ...(err.line ? { line: err.line } : {}), problem: err.problem }
    throw err
  }
  throw new Error('the file was accepted')
}

const ROLE = 'arn:aws:iam::111122223333:role/github-bedrock'

describe('a fleet file', () => {
  it('the example becomes one job per role, with defaults filled in and labels merged', () => {
    const plan = fleetMatrix(parseFleet(EXAMPLE, 'bedrock-fleet.yml'))
    expect(plan['max-parallel']).toBe(8)
    expect(plan.matrix.include.map((e) => e.id)).toEqual([
      'payments-dev',
      'payments-prod',
      'search-eu-prod'
    ])
    const [dev, prod, eu] = plan.matrix.include
    expect(dev).toMatchObject({
      role: ROLE,
      region: 'us-east-1',
      regions: 'us-east-1,us-west-2',
      models: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      endpoint: 'runtime',
      audience: 'sts.amazonaws.com',
      target: {
        id: 'payments-dev',
        accountId: '111122223333',
        labels: { owner: 'platform', team: 'payments', environment: 'dev' }
      }
    })
    expect(prod?.models.split(',')).toHaveLength(2)
    expect(eu).toMatchObject({ region: 'eu-west-1', endpoint: 'both' })
    // The matrix holds only `include`: any other key would be a dimension of every job.
    expect(Object.keys(plan.matrix)).toEqual(['include'])
  })

  it('the schema accepts the example', () => {
    expect(validate(parse(EXAMPLE))).toBe(true)
  })

  it('a target without an id is named <account>-<role name>', () => {
    const fleet = parseFleet(
      `targets:\n  - role: arn:aws:iam::444455556666:role/ci/bedrock\n    regions: us-east-1\n    models: m\n`,
      'f'
    )
    expect(fleet.targets[0]?.id).toBe('444455556666-bedrock')
  })

  it.each([
    [
      'a misspelt key, at its line',
      `targets:\n  - role: ${ROLE}\n    region: [us-east-1]\n    models: [m]\n`,
      3,
      'unknown key "region" (allowed: id, role, regions, models, endpoint, audience, labels)'
    ],
    [
      'a region that is not one, at the item',
      `defaults:\n  models: [m]\ntargets:\n  - role: ${ROLE}\n    regions:\n      - us-east-1\n      - us_west_2\n`,
      7,
      '"us_west_2" is not a region code (expected the form us-east-1); did you mean us-west-2?'
    ],
    [
      'a role that is not a role ARN',
      `targets:\n  - role: arn:aws:iam::111122223333:user/ci\n    regions: [us-east-1]\n    models: [m]\n`,
      2,
      '"arn:aws:iam::111122223333:user/ci" is not an IAM role ARN (arn:aws:iam::111122223333:role/name)'
    ],
    [
      'a target with no models anywhere',
      `targets:\n  - role: ${ROLE}\n    regions: [us-east-1]\n`,
      2,
      'the target has no models (and defaults has none)'
    ],
    [
      'an unknown endpoint',
      `defaults:\n  regions: [us-east-1]\n  models: [m]\n  endpoint: mantel\ntargets:\n  - role: ${ROLE}\n`,
      4,
      'endpoint must be one of runtime, mantle, both'
    ],
    [
      'two targets with one id',
      `defaults:\n  regions: [us-east-1]\n  models: [m]\ntargets:\n  - role: ${ROLE}\n  - role: ${ROLE}\n`,
      6,
      'target id "111122223333-github-bedrock" is used by target 1 too; give each an id'
    ],
    ['no targets', `version: 1\n`, 1, 'the fleet file needs a non-empty list of targets'],
    [
      'a max-parallel out of range',
      `max-parallel: 0\ntargets: []\n`,
      1,
      'max-parallel must be a whole number from 1 to 256'
    ],
    ['YAML that does not parse', `targets:\n  - role: [\n`, 3, 'not valid YAML'],
    [
      'a key given twice',
      `targets: []\ntargets: []\n`,
      2,
      'not valid YAML: Map keys must be unique'
    ]
  ])('names the line of %s', (_what, source, line, message) => {
    const got = problem(source)
    expect(got.line).toBe(line)
    expect(got.problem).toContain(message)
  })

  it.each([
    `targets:\n  - role: ${ROLE}\n    region: [us-east-1]\n    models: [m]\n`,
    `targets:\n  - role: arn:aws:iam::111122223333:user/ci\n    regions: [us-east-1]\n    models: [m]\n`,
    `defaults:\n  regions: [us-east-1]\n  models: [m]\n  endpoint: mantel\ntargets:\n  - role: ${ROLE}\n`,
    `version: 2\ntargets:\n  - role: ${ROLE}\n    regions: [us-east-1]\n    models: [m]\n`,
    `targets:\n  - id: 'has space'\n    role: ${ROLE}\n    regions: [us-east-1]\n    models: [m]\n`
  ])('what the CLI refuses, the schema refuses too (%#)', (source) => {
    expect(() => parseFleet(source, 'f')).toThrow(FleetFileError)
    expect(validate(parse(source))).toBe(false)
  })
})
