import type { Report } from '../engine/types.js'
import { STATUS_WORD } from './labels.js'

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  file?: string
  line?: number
}

/** Every `fail` an error, every `warn` and `unverified` a warning, each titled with its check. */
export function annotationsFor(report: Report): Annotation[] {
  return report.findings
    .filter((f) => f.status === 'fail' || f.status === 'warn' || f.status === 'unverified')
    .map((f) => {
      const fixLine = f.fix
        ? `\nFix: ${f.fix.split('\n').find((l) => l.trim() && !l.startsWith('```')) ?? ''}`
        : ''
      return {
        level: f.status === 'fail' ? 'error' : 'warning',
        title: `bedrock-preflight ${f.checkId}: ${STATUS_WORD[f.status]}${f.subject ? ` (${f.subject})` : ''}`,
        message: `${f.title}${f.cause ? `\n${f.cause}` : ''}${fixLine}`,
        ...(f.location
          ? { file: f.location.file, ...(f.location.line ? { line: f.location.line } : {}) }
          : {})
      }
    })
}
