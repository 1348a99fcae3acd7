import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import REPORT_SCHEMA from '../../schema/report.schema.json' with { type: 'json' }
import type { Report } from '../engine/types.js'
import { MergeInputError } from './errors.js'
import { MAX_DEPTH, MAX_REPORT_BYTES, MAX_REPORTS, MAX_TARGET_BYTES } from './limits.js'
import { readJsonFile } from './read-json.js'
import type { JsonSchema } from './schema-check.js'
import type { TargetInfo } from './types.js'

/** What the fleet workflow writes next to each report.json (src/fleet/matrix.ts). */
const TARGET_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 200 },
    accountId: { type: 'string', pattern: '^\\d{12}$' },
    role: { type: 'string', maxLength: 300 },
    labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 } }
  }
}

export interface LoadedReport {
  file: string
  report: Report
  target?: TargetInfo
}

/** The report files a path names: itself, or every report.json under a directory. */
function reportFiles(path: string, depth = 0): string[] {
  let isDir: boolean
  try {
    isDir = statSync(path).isDirectory()
  } catch (err) {
    throw new MergeInputError(
      path,
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`
    )
  }
  if (!isDir) return [path]
  if (depth >= MAX_DEPTH) return []
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = join(path, entry.name)
      if (entry.isDirectory()) return reportFiles(child, depth + 1)
      return entry.name === 'report.json' ? [child] : []
    })
}

/**
 * Reads every report: bounded in size and number, validated against schema/report.schema.json.
 * A `target.json` beside a `report.json` names its fleet target.
 */
export function loadReports(paths: readonly string[]): LoadedReport[] {
  const files = paths.flatMap((p) => reportFiles(p))
  if (files.length === 0) {
    throw new MergeInputError(paths.join(', '), 'holds no report (report.json files)')
  }
  if (files.length > MAX_REPORTS) {
    throw new MergeInputError(
      paths.join(', '),
      `holds ${files.length} reports, more than ${MAX_REPORTS}`
    )
  }
  return files.map((file) => {
    const report = readJsonFile<Report>(
      file,
      MAX_REPORT_BYTES,
      REPORT_SCHEMA as JsonSchema,
      'bedrock-preflight report'
    )
    const targetFile = join(dirname(file), 'target.json')
    let target: TargetInfo | undefined
    if (basename(file) === 'report.json' && exists(targetFile)) {
      target = readJsonFile<TargetInfo>(
        targetFile,
        MAX_TARGET_BYTES,
        TARGET_SCHEMA,
        'fleet target file'
      )
    }
    return { file, report, ...(target ? { target } : {}) }
  })
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
