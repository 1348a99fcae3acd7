import type { CheckStatus, Report, RunResult } from '../engine/types.js'
import { readPermissionsOf } from './causes.js'

export const STATUS_ICON: Record<CheckStatus, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  unverified: '❔',
  skipped: '⏭️'
}

export const STATUS_WORD: Record<CheckStatus, string> = {
  pass: 'pass',
  warn: 'warning',
  fail: 'fail',
  unverified: 'could not verify',
  skipped: 'skipped'
}

export const RESULT_ICON: Record<RunResult, string> = { pass: '✅', warn: '⚠️', fail: '❌' }

/** The one-line verdict every face opens with. */
export function verdictLine(report: Report): string {
  const c = report.counts
  const parts = [
    c.fail ? `${c.fail} failed` : '',
    c.unverified ? `${c.unverified} could not be verified` : '',
    c.warn ? `${c.warn} warning${c.warn > 1 ? 's' : ''}` : '',
    c.skipped ? `${c.skipped} skipped` : ''
  ].filter(Boolean)
  const tail = parts.length ? ` (${parts.join(', ')})` : ''
  switch (report.result) {
    case 'pass':
      return `This job can call Claude on Amazon Bedrock: all ${c.pass} checks passed`
    case 'warn': {
      // "Probably" is no verdict: with a check unverified, say so and which checks they are.
      if (c.unverified) {
        const checks = [
          ...new Set(report.findings.filter((f) => f.status === 'unverified').map((f) => f.checkId))
        ]
        // What was missing: the read permissions the preflight was refused, when that is why.
        const missing = [
          ...new Set(
            report.findings.filter((f) => f.status === 'unverified').flatMap(readPermissionsOf)
          )
        ]
        const because = missing.length
          ? `: the preflight may not call ${missing.length > 4 ? `${missing.slice(0, 4).join(', ')} and ${missing.length - 4} more` : missing.join(', ')}`
          : ''
        return `This job's access to Claude on Amazon Bedrock could not be verified by ${checks.join(', ')}${because}${tail}`
      }
      return `This job can call Claude on Amazon Bedrock, with reservations${tail}`
    }
    case 'fail':
      return `This job cannot call Claude on Amazon Bedrock yet${tail}`
  }
}
