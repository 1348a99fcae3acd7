import type { CheckDefinition } from '../engine/check.js'
import { findingFromEntry } from '../catalog/on-demand.js'
import { fixContext } from './fix-context.js'

/**
 * Lines of the InsightWorker `.env` file that cannot be read. Each becomes a warning at its line;
 * the text of the line is never repeated, since it may hold a secret.
 */
export const envFileCheck: CheckDefinition = {
  id: 'env-file',
  title: 'Environment file',
  scope: 'run',
  dependsOn: [],
  applies: (config) => config.envFile !== undefined,
  async run(ctx) {
    const envFile = ctx.config.envFile
    if (!envFile) return { findings: [] }
    const fix = fixContext(ctx)
    if (envFile.problems.length === 0) {
      return {
        findings: [
          {
            checkId: 'env-file',
            status: 'pass',
            title: `${envFile.displayPath}: ${envFile.entries.length} setting${envFile.entries.length === 1 ? '' : 's'} read`,
            observed: [`keys: ${envFile.entries.map((e) => e.key).join(', ') || 'none'}`]
          }
        ]
      }
    }
    return {
      findings: await Promise.all(
        envFile.problems.map((p) =>
          findingFromEntry('env-file', 'env-file-line-unreadable', fix, {
            title: `${envFile.displayPath}:${p.line} is ignored: ${p.message}`,
            observed: [`${envFile.displayPath} line ${p.line}: ${p.message}`],
            location: { file: envFile.displayPath, line: p.line }
          })
        )
      )
    }
  }
}
