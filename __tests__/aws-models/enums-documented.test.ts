/**
 * docs/model-checks.md, "Enum values the tool reads", lists per enum shape every value AWS's API
 * model defines and what the tool does with it. A vendored model that adds (or drops) a value
 * fails here until the table says what the tool does with it.
 */
import { readFileSync } from 'node:fs'

const doc = readFileSync('docs/model-checks.md', 'utf8')
const section = doc.slice(doc.indexOf('## Enum values the tool reads'))
const body = section.slice(
  0,
  section.indexOf('\n## ', 3) === -1 ? undefined : section.indexOf('\n## ', 3)
)

/** Each `#### \`Shape\` (service)` table: the values of its first column, `(other)` left out. */
function documentedEnums(): { shape: string; service: string; values: string[] }[] {
  const parts = body.split(/^#### /m).slice(1)
  return parts.map((part) => {
    const head = /^`(\w+)` \(([\w-]+)\)/.exec(part)
    if (!head) throw new Error(`unreadable heading: ${part.split('\n')[0]}`)
    const values = part
      .split('\n')
      .map((l) => /^\|\s*`([^`]+)`\s*\|/.exec(l)?.[1])
      .filter((v): v is string => v !== undefined)
    return { shape: head[1] as string, service: head[2] as string, values }
  })
}

const modelOf = (service: string) =>
  JSON.parse(readFileSync(`schema/vendor/aws/${service}.json`, 'utf8')) as {
    shapes: Record<string, { enum?: string[] }>
  }

describe('the enum values the tool reads are documented, exactly as the vendored models define them', () => {
  const tables = documentedEnums()

  it('documents the shapes the tool compares answers with', () => {
    expect(tables.map((t) => t.shape)).toEqual(
      expect.arrayContaining([
        'PolicyEvaluationDecisionType',
        'InferenceType',
        'FoundationModelLifecycleStatus',
        'InferenceProfileStatus',
        'InferenceProfileType',
        'AgreementStatus',
        'AuthorizationStatus',
        'EntitlementAvailability',
        'RegionAvailability',
        'ProvisionedModelStatus',
        'statusType'
      ])
    )
  })

  it.each(documentedEnums().map((t) => [t.shape, t.service, t.values] as const))(
    '%s (%s): the table lists exactly the model enum',
    (shape, service, values) => {
      const enumValues = modelOf(service).shapes[shape]?.enum
      expect(enumValues).toBeDefined()
      expect([...values].sort()).toEqual([...(enumValues ?? [])].sort())
    }
  )

  it('says what happens to a value the model does not define yet, for every shape', () => {
    for (const part of body.split(/^#### /m).slice(1)) {
      expect(part).toMatch(/^\|\s*\(other\)\s*\|/m)
    }
  })
})
