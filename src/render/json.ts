import type { Report } from '../engine/types.js'

/** The JSON report, as the `report` output's file and `--json` print it (schema/report.schema.json). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
