import type { Report } from '../engine/types.js'
import { plainData } from './escape.js'

/**
 * The JSON report, as the `report` output's file and `--json` print it (schema/report.schema.json).
 * No control character survives in it: `--json` goes to a terminal, and JSON escapes C0 only.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(plainData(report), null, 2)}\n`
}
