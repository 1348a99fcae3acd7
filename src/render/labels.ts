import type { CheckStatus, Report, RunResult } from '../engine/types.js'
import { groupCauses, readPermissionsOf } from './causes.js'
import { coverage, leafStates } from './coverage.js'

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

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/**
 * What stands between the job and Claude, counted as causes (one missing permission seen in
 * twelve pairs is one thing to fix) and the subjects they keep from passing: "1 cause across 12
 * region × model pairs", "2 causes (1 failing, 1 warning)".
 */
export function causesLine(report: Report): string {
  const causes = groupCauses(report.findings)
  if (!causes.length) return ''
  const by = (status: string) => causes.filter((c) => c.status === status).length
  const kinds = [
    by('fail') ? `${by('fail')} failing` : '',
    by('unverified') ? `${by('unverified')} could not be verified` : '',
    by('warn') ? plural(by('warn'), 'warning') : ''
  ].filter(Boolean)
  const across = coverage(leafStates(report.findings, causes))
  return `${plural(causes.length, 'cause')}${kinds.length > 1 ? ` (${kinds.join(', ')})` : ''}${across ? ` across ${across}` : ''}`
}

/** The one-line verdict every face opens with. */
export function verdictLine(report: Report): string {
  const c = report.counts
  const causes = causesLine(report)
  switch (report.result) {
    case 'pass':
      // A skipped check is not a passed one: then "N passed, M skipped", never "all".
      return `This job can call Claude on Amazon Bedrock: ${c.skipped ? `${plural(c.pass, 'check')} passed, ${c.skipped} skipped` : `all ${plural(c.pass, 'check')} passed`}`
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
        return `This job's access to Claude on Amazon Bedrock could not be verified by ${checks.join(', ')}${because}${causes ? ` (${causes})` : ''}`
      }
      return `This job can call Claude on Amazon Bedrock, with reservations${causes ? `: ${causes}` : ''}`
    }
    case 'fail':
      return `This job cannot call Claude on Amazon Bedrock yet${causes ? `: ${causes}` : c.skipped ? ` (${c.skipped} skipped)` : ''}`
  }
}
