/**
 * The documentation that comes from the checks' metas: the README's check and permission tables,
 * the preflight's own IAM policy (docs/preflight-policy.json), and a page per check
 * (docs/checks/<id>.md, with docs/checks/README.md as their index), the page each finding links
 * to. Pure functions of the registry, so `npm run docs:check` can tell stale from fresh.
 */
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CHECKS } from '../../src/checks/registry.js'
import { POLICY_STATEMENTS, type StatementId } from '../../src/policy/preflight-policy.js'
import { entryById } from '../../src/catalog/match.js'
import type { CheckMeta, MessageSpec, Template } from '../../src/engine/check.js'
import { checkDocPath, CHECK_PAGES_DIR } from '../../src/render/check-page.js'
import { anchor, table } from './markdown.js'

/** The index of the check pages. */
export const CHECKS_INDEX = `${CHECK_PAGES_DIR}/README.md`
const code = (text: string): string => `\`${text}\``
const metas = (): CheckMeta[] => CHECKS.map((c) => c.meta)

/** README: the checks in summary order, with what each proves. */
export function checksTable(): string {
  return table(
    ['Check', 'What it proves'],
    metas().map((m) => [`[${code(m.id)}](${checkDocPath(m.id)})`, m.description])
  )
}

/** The checks that need a statement of the preflight's policy, with what for. */
function usersOf(statement: StatementId): CheckMeta[] {
  return metas().filter((m) => m.permissions.some((p) => p.statement === statement))
}

/** README: which statement of the preflight's policy each check needs, and what it loses without. */
export function permissionsTable(): string {
  return table(
    ['Statement', 'Used by', 'Without it'],
    (Object.keys(POLICY_STATEMENTS) as StatementId[]).map((sid) => [
      code(sid),
      usersOf(sid)
        .map(
          (m) =>
            `${code(m.id)} (${m.permissions
              .filter((p) => p.statement === sid)
              .map((p) => p.why)
              .join('; ')})`
        )
        .join(', '),
      POLICY_STATEMENTS[sid].without
    ])
  )
}

/** docs/preflight-policy.json: per statement, the union of the actions the checks declare. */
export function preflightPolicy(): string {
  const statements = (Object.keys(POLICY_STATEMENTS) as StatementId[]).map((sid) => {
    const actions = [
      ...new Set(
        metas().flatMap((m) =>
          m.permissions.filter((p) => p.statement === sid).map((p) => p.action)
        )
      )
    ].sort()
    const resources = [...POLICY_STATEMENTS[sid].resources]
    return {
      Sid: sid,
      Effect: 'Allow',
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: resources.length === 1 ? resources[0] : resources
    }
  })
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`
}

const STATUS_WORD: Record<MessageSpec['status'], string> = {
  pass: 'pass',
  warn: 'warning',
  fail: 'fail',
  unverified: 'could not verify',
  skipped: 'skipped',
  catalog: 'as the AWS error decides'
}

/** Placeholders read as ‹name› in the docs: they are filled with the run's own values. */
const shown = (text: string): string => text.replace(/\{\{(\w+)\}\}/g, '‹$1›')

function templateText(t: Template | undefined): { ci?: string; laptop?: string } {
  if (t === undefined) return {}
  if (typeof t === 'string') return { ci: shown(t), laptop: shown(t) }
  return { ci: shown(t['github-actions']), laptop: shown(t.cli) }
}

/** A state's cause: its own, or that of the AWS error it is. */
function causeOf(spec: MessageSpec): string | undefined {
  const entry = spec.catalog ? entryById(spec.catalog) : undefined
  return spec.cause ? templateText(spec.cause).ci : entry?.cause
}

/** The table of a check's states, one row each; what is not a pass links to its cause and fix. */
function statesTable(m: CheckMeta): string {
  return table(
    ['State (`messageId`)', 'Reports', 'Title'],
    Object.entries(m.messages).map(([id, spec]) => [
      spec.status === 'pass' ? code(id) : `[${code(id)}](#${anchor(code(id))})`,
      STATUS_WORD[spec.status],
      shown(spec.title)
    ])
  )
}

/** A state that is not a pass: its whole cause, its fix (per surface when they differ), its sources. */
function stateFix(id: string, spec: MessageSpec): string[] {
  const entry = spec.catalog ? entryById(spec.catalog) : undefined
  const out = [`### ${code(id)}`, '']
  const cause = causeOf(spec)
  if (cause) out.push(cause, '')
  const fix = templateText(spec.fix)
  if (fix.ci && fix.ci === fix.laptop) out.push(fix.ci, '')
  else if (fix.ci) {
    out.push('In GitHub Actions:', '', fix.ci, '', 'On a laptop:', '', fix.laptop ?? '', '')
  }
  const error = entry
    ? `[${code(entry.id)}](../troubleshooting.md#${entry.id})`
    : 'its [catalog entry](../troubleshooting.md)'
  const doc = spec.doc ?? entry?.doc
  const refs = [
    entry || spec.status === 'catalog'
      ? `${fix.ci ? 'The AWS error' : cause ? 'Its fix is that of the AWS error' : 'Its cause and fix are those of the AWS error met'}: ${error}`
      : '',
    doc ? `[documentation](${doc})` : ''
  ].filter(Boolean)
  if (refs.length) out.push(refs.join(' · '), '')
  return out
}

/** A check's README, its first line (the title) left out, its links made relative to docs/checks/. */
function readmeProse(id: string): string {
  const readme = readFileSync(join('src', 'checks', id, 'README.md'), 'utf8')
  return readme
    .split('\n')
    .slice(1)
    .join('\n')
    .trim()
    .replace(/\]\((?!https?:|#)([^)]+)\)/g, (_m, link: string) => {
      const [path, anchor] = link.split('#')
      const moved = relative(CHECK_PAGES_DIR, join('src', 'checks', id, path ?? ''))
      return `](${moved}${anchor ? `#${anchor}` : ''})`
    })
}

const pageLink = (id: string): string => `[${code(id)}](${id}.md)`

/** docs/checks/<id>.md: the check's README, what it needs, and every state it reports. */
export function checkPage(m: CheckMeta): string {
  const deps = m.dependsOn.length ? m.dependsOn.map(pageLink).join(', ') : 'nothing'
  const out = [
    `# ${m.title}`,
    '',
    `<!-- Generated by \`npm run docs\` from src/checks/${m.id}/ (meta.ts, README.md). Edit those, not this file. -->`,
    '',
    `Check ${code(m.id)}: ${m.description}`,
    '',
    readmeProse(m.id),
    '',
    '## What it needs',
    '',
    `- Runs once per ${m.scope === 'run' ? 'run' : m.scope.replace('-', ' × ')}.`,
    `- Needs ${deps} to pass first${m.speculative?.length ? ` (starts alongside ${m.speculative.map(pageLink).join(', ')})` : ''}.`,
    `- AWS permissions: ${m.permissions.length ? m.permissions.map((p) => `${code(p.action)} (${p.why}; statement ${code(p.statement)})`).join(', ') : 'none'}.`,
    `- Source: [src/checks/${m.id}/](../../src/checks/${m.id}/)`,
    '',
    '## States',
    '',
    'The JSON report names the state of each finding (`findings[].messageId`). ‹name› stands for a',
    'value of your run (a region, an ARN, a profile).',
    '',
    statesTable(m),
    ''
  ]
  const fixes = Object.entries(m.messages).filter(([, spec]) => spec.status !== 'pass')
  if (fixes.length) {
    out.push('## Causes and fixes', '')
    for (const [id, spec] of fixes) out.push(...stateFix(id, spec))
  }
  return out.join('\n')
}

/** docs/checks/README.md: one line per check, in the order the job summary lists them. */
export function checksIndex(): string {
  return [
    '# The checks',
    '',
    '<!-- Generated by `npm run docs` from each src/checks/<id>/. Edit those, not this file. -->',
    '',
    'Every check in the order the job summary lists them. Each finding to fix links to its check’s page:',
    'how it decides, what it needs, and each state it can report with its cause and fix.',
    '',
    ...metas().map((m) => `- ${pageLink(m.id)} **${m.title}**: ${m.description}`),
    ''
  ].join('\n')
}

/** Every check page, path → content (before formatting). */
export function checkPages(): Map<string, string> {
  return new Map([
    [CHECKS_INDEX, checksIndex()],
    ...metas().map((m): [string, string] => [checkDocPath(m.id), checkPage(m)])
  ])
}
