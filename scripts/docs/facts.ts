import { FACTS } from '../../src/data/facts.js'

export const FACTS_DOC = 'docs/facts.md'

function shown(value: unknown): string {
  return ['```json', JSON.stringify(value, null, 2), '```'].join('\n')
}

/** docs/facts.md: every bundled fact about AWS or Anthropic, with its source and date. */
export function factsDoc(): string {
  const rows = Object.entries(FACTS).map(
    ([id, f]) =>
      `| \`${id}\` | ${f.title.replace(/\|/g, '\\|')} | <${f.source.url}> | ${f.source.checked} |`
  )
  const sections = Object.entries(FACTS).map(([id, f]) =>
    [
      `## ${id}`,
      '',
      `${f.title}. Source: <${f.source.url}>, checked ${f.source.checked}.`,
      '',
      shown(f.value)
    ].join('\n')
  )
  return [
    '# Bundled facts about AWS and Anthropic',
    '',
    '<!-- Generated from src/data/ by `npm run docs`; edit the data, not this file. -->',
    '',
    'bedrock-preflight bundles these facts as **hints**. Wherever AWS answers at run time',
    '(ListInferenceProfiles, GetFoundationModel and its lifecycle, GetServiceQuota and',
    'ListServiceQuotas), the live answer wins; a bundled fact only makes a run faster or a message',
    'clearer. Each lives in `src/data/` with the page it was read from and the day it was checked.',
    '',
    '| Fact | What | Source | Checked |',
    '| ---- | ---- | ------ | ------- |',
    ...rows,
    '',
    '## Watching for drift',
    '',
    '`bedrock-preflight facts --check [--region R ...] [--json]` reads `ListFoundationModels`,',
    '`ListInferenceProfiles` and `ListServiceQuotas` in each region and reports what moved on: a new',
    'Claude model or family, a model gone Legacy, a new profile prefix, a bundled quota code AWS no',
    'longer lists (retired) or a Claude quota it lists that is not bundled (new), a region this',
    'version does not know. It exits 1 when something drifted, 0 when nothing did, 2 on a bad',
    'command line. It needs `bedrock:ListFoundationModels`, `bedrock:ListInferenceProfiles` and',
    '`servicequotas:ListServiceQuotas`.',
    '',
    'The workflow `.github/workflows/facts-drift.yml` runs it every Monday (and on demand). To enable',
    'it, create a sandbox role with those three read permissions that trusts this repository through',
    'GitHub OIDC, then set the repository variables `FACTS_DRIFT_ROLE_ARN` (the role) and, optionally,',
    '`FACTS_DRIFT_REGIONS` (space-separated; default `us-east-1 us-west-2 eu-west-1`). Without the',
    'role variable the job skips with a notice. When it finds drift, update the fact in `src/data/`,',
    'its `checked` date, then `npm run docs`.',
    '',
    ...sections,
    ''
  ].join('\n')
}
