/**
 * A JSON Schema check for the subset our own schemas use (type, const, enum, required,
 * properties, additionalProperties: false, items, $ref to #/$defs, minimum, pattern, format
 * date-time/date/uri). A report is untrusted input: merge validates it against
 * schema/report.schema.json itself, without bundling a general validator (tests compare this one
 * with Ajv on the same schemas).
 */
export type JsonSchema = {
  type?: string
  const?: unknown
  enum?: unknown[]
  required?: string[]
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  $ref?: string
  minimum?: number
  maxLength?: number
  pattern?: string
  format?: string
  $defs?: Record<string, JsonSchema>
}

const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i
}

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    default:
      return typeof value === type
  }
}

/** The first place `value` breaks `schema`, as `path: problem`, or undefined when it conforms. */
export function firstSchemaError(root: JsonSchema, value: unknown): string | undefined {
  const patterns = new Map<string, RegExp>()
  const visit = (schema: JsonSchema, v: unknown, path: string): string | undefined => {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/$defs/', '')
      const target = root.$defs?.[name]
      if (!target) return `${path}: schema reference ${schema.$ref} is unknown`
      return visit(target, v, path)
    }
    const at = path || '(top level)'
    if (schema.const !== undefined && v !== schema.const)
      return `${at}: must be ${JSON.stringify(schema.const)}`
    if (schema.enum && !schema.enum.includes(v))
      return `${at}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`
    if (schema.type && !typeOk(schema.type, v)) return `${at}: must be ${schema.type}`
    if (typeof v === 'number' && schema.minimum !== undefined && v < schema.minimum)
      return `${at}: must be at least ${schema.minimum}`
    if (typeof v === 'string') {
      if (schema.maxLength !== undefined && v.length > schema.maxLength)
        return `${at}: longer than ${schema.maxLength} characters`
      if (schema.pattern) {
        const re = patterns.get(schema.pattern) ?? new RegExp(schema.pattern, 'u')
        patterns.set(schema.pattern, re)
        if (!re.test(v)) return `${at}: does not match ${schema.pattern}`
      }
      const format = schema.format ? FORMATS[schema.format] : undefined
      if (format && !format.test(v)) return `${at}: must be a ${schema.format}`
    }
    if (Array.isArray(v) && schema.items) {
      for (let i = 0; i < v.length; i++) {
        const problem = visit(schema.items, v[i], `${path}[${i}]`)
        if (problem) return problem
      }
    }
    if (typeOk('object', v) && (schema.properties || schema.required)) {
      const obj = v as Record<string, unknown>
      for (const key of schema.required ?? []) {
        if (!(key in obj)) return `${at}: ${key} is missing`
      }
      for (const [key, child] of Object.entries(obj)) {
        const sub = schema.properties?.[key]
        const where = path ? `${path}.${key}` : key
        if (sub) {
          const problem = visit(sub, child, where)
          if (problem) return problem
        } else if (schema.additionalProperties === false) {
          return `${where}: is not a known field`
        } else if (typeof schema.additionalProperties === 'object') {
          const problem = visit(schema.additionalProperties, child, where)
          if (problem) return problem
        }
      }
    }
    return undefined
  }
  return visit(root, value, '')
}
