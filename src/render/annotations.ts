import type { Report } from '../engine/types.js'
import { groupCauses, subjectCount, subjectList, type Cause } from './causes.js'
import { plainData } from './escape.js'
import { markdownToText } from './terminal.js'

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

/**
 * A cause as a log line: its title, for whom, why, and where its fix is (the summary's cause
 * `n`, or, for a coarse group, the summary's causes of that check). Sentences only: a fix's first
 * line is no sentence of its own, and a policy has no place in a log line.
 */
function annotationOf(c: Cause, n: number | undefined): Annotation {
  const many = c.subjects.length > 1
  const subject = c.subjects[0]
  const scope = many ? ` (${subjectCount(c.findings)})` : subject ? ` (${subject})` : ''
  const lines = [
    `${c.title}${many ? `, for ${subjectList(c.findings)}` : subject ? `, for ${subject}` : ''}.`
  ]
  // The cause in plain words (a log shows Markdown as typed): why, before where the fix is.
  if (c.cause) lines.push(markdownToText(c.cause).join(' '))
  if (c.fix) {
    const which = n === undefined ? `the causes of ${c.checkId}` : `cause ${n}`
    const merged = many && !c.fixVaries ? ', one fix for all of them' : ''
    lines.push(`The fix is under "What to fix" in the job summary (${which}${merged}).`)
  } else {
    lines.push(`The job summary says more under "What to fix".`)
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
  // The summary's numbering: an annotation names the cause to read there.
  const all = groupCauses(report.findings)
  const number = (c: Cause): number | undefined => {
    const i = all.findIndex((a) => a.key === c.key)
    return i < 0 ? undefined : i + 1
  }
  let causes = at(all)
  // Too many to show: one per check and state, so no check hides another's findings.
  let coarse = false
  if (causes.length > room) {
    causes = at(groupCauses(report.findings, true))
    coarse = true
  }
  const annotate = (c: Cause): Annotation => annotationOf(c, coarse ? undefined : number(c))
  if (causes.length <= room) return causes.map(annotate)
  const shown = causes.slice(0, room - 1)
  const rest = causes.slice(room - 1)
  return [
    ...shown.map(annotate),
    {
      level,
      title: `bedrock-preflight: and ${rest.length} more ${level === 'error' ? 'failures' : 'warnings'}`,
      message: `And ${rest.length} more (${[...new Set(rest.map((c) => c.checkId))].join(', ')}): the job summary has each, under "What to fix".`
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
