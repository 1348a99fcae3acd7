import type { Report } from '../engine/types.js'
import { groupCauses, subjectCount, subjectList, type Cause } from './causes.js'
import { plainData } from './escape.js'

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  file?: string
  line?: number
}

/**
 * GitHub shows at most 10 error and 10 warning annotations per step, in the order printed, and
 * drops the rest (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands).
 */
export const ANNOTATIONS_PER_LEVEL = 10

type Level = Annotation['level']

const levelOf = (c: Cause): Level => (c.status === 'fail' ? 'error' : 'warning')

function firstFixLine(fix: string | undefined): string {
  return fix?.split('\n').find((l) => l.trim() && !l.startsWith('```')) ?? ''
}

function annotationOf(c: Cause): Annotation {
  const many = c.subjects.length > 1
  const subject = c.subjects[0]
  const scope = many ? ` (${subjectCount(c.subjects)})` : subject ? ` (${subject})` : ''
  const lines = [c.title]
  if (many) lines.push(`For ${subjectList(c.subjects)}.`)
  if (c.cause) lines.push(c.cause)
  if (c.fix) {
    lines.push(
      c.fixVaries
        ? 'Fix: it differs by subject; the job summary has each.'
        : `Fix: ${firstFixLine(c.fix)}`
    )
  }
  if (many && !c.fixVaries && c.fix?.includes('```json')) {
    lines.push('The job summary has one merged policy for all of them.')
  }
  return {
    level: levelOf(c),
    title: `bedrock-preflight ${c.checkId}: ${c.status === 'unverified' ? 'could not verify: ' : ''}${c.title}${scope}`,
    message: lines.join('\n'),
    ...(c.location
      ? { file: c.location.file, ...(c.location.line ? { line: c.location.line } : {}) }
      : {})
  }
}

function forLevel(report: Report, level: Level, room: number): Annotation[] {
  if (room <= 0) return []
  const at = (causes: Cause[]) => causes.filter((c) => levelOf(c) === level)
  let causes = at(groupCauses(report.findings))
  // Too many to show: one per check and state, so no check hides another's findings.
  if (causes.length > room) causes = at(groupCauses(report.findings, true))
  if (causes.length <= room) return causes.map(annotationOf)
  const shown = causes.slice(0, room - 1)
  const rest = causes.slice(room - 1)
  const findings = rest.reduce((n, c) => n + c.findings.length, 0)
  return [
    ...shown.map(annotationOf),
    {
      level,
      title: `bedrock-preflight: and ${rest.length} more ${level === 'error' ? 'failures' : 'warnings'}`,
      message: `And ${rest.length} more (${findings} finding${findings === 1 ? '' : 's'}: ${[...new Set(rest.map((c) => c.checkId))].join(', ')}): see the job summary.`
    }
  ]
}

/**
 * One annotation per cause, failures as errors, warnings and "could not verify" as warnings,
 * never more than GitHub shows per level. `reserved` is what the caller prints itself at a level
 * (the verdict, printed first so it is never the one dropped).
 */
export function annotationsFor(
  report: Report,
  reserved: Partial<Record<Level, number>> = {}
): Annotation[] {
  // The log shows annotations raw: no escape sequence or direction override from AWS or a file.
  report = plainData(report)
  return [
    ...forLevel(report, 'error', ANNOTATIONS_PER_LEVEL - (reserved.error ?? 0)),
    ...forLevel(report, 'warning', ANNOTATIONS_PER_LEVEL - (reserved.warning ?? 0))
  ]
}
