import { defineMeta } from '../../engine/check.js'

/**
 * Lines of the InsightWorker `.env` file that cannot be read. The text of a line is never
 * repeated, since it may hold a secret.
 */
export const meta = defineMeta({
  id: 'env-file',
  title: 'Environment file',
  description:
    'Every line of the `env-file` (or `~/.insightworker/.env`) is a readable `KEY=value`; warns at each line that is ignored.',
  scope: 'run',
  dependsOn: [],
  permissions: [],
  applies: (config) => config.envFile !== undefined,
  messages: {
    read: { status: 'pass', title: '{{file}}: {{count}} {{settings}} read' },
    lineUnreadable: {
      status: 'warn',
      title: '{{file}}:{{line}} is ignored: {{problem}}',
      cause:
        'The line is not `KEY=value`, so InsightWorker (and this preflight) ignore it: whatever it was meant to set is not set.',
      fix: 'Write it as `KEY=value` (quotes optional, closed on the same line), or comment it out with `#`.',
      doc: 'https://github.com/motdotla/dotenv#what-rules-does-the-parsing-engine-follow'
    }
  }
})
