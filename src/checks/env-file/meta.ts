import { defineMeta } from '../shared/check.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * Lines of the agent's `.env` file that cannot be read. The text of a line is never
 * repeated, since it may hold a secret.
 */
export const meta = defineMeta({
  id: 'env-file',
  title: 'Environment file',
  description:
    'Every line of the `env-file` (or `~/.insightworker/.env`) is a readable `KEY=value`; warns at each ignored line, and at each key that would point the preflight elsewhere.',
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
        'The line is not `KEY=value`, so your agent (and this preflight) ignore it: whatever it was meant to set is not set.',
      fix: 'Write it as `KEY=value` (quotes optional, closed on the same line), or comment it out with `#`.',
      doc: DocUrl.dotenvRules
    },
    moreLinesUnreadable: {
      status: 'warn',
      title: '{{file}}: {{count}} more lines are ignored',
      cause:
        'More lines than are listed one by one are not `KEY=value`; your agent ignores them too.',
      fix: 'Correct the lines listed above first, then run again to see the rest.',
      doc: DocUrl.dotenvRules
    },
    keyIgnored: {
      status: 'warn',
      title: '{{file}}:{{line}}: {{key}} is not used by the preflight',
      cause:
        'The env file configures the agent; it does not choose which files, programs or hosts the preflight uses. {{key}} is left out because {{why}}. Its value is not shown.',
      fix: {
        'github-actions':
          "If the job really needs {{key}}, set it in the step's `env:`, where it is the workflow's choice rather than the file's; otherwise delete the line.",
        cli: 'If you really need {{key}}, export it in your shell before running the preflight, where it is your choice rather than the file’s; otherwise delete the line.'
      },
      doc: DocUrl.envFileSecurity
    }
  }
})
