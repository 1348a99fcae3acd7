import { existsSync, readFileSync } from 'node:fs'
import prettier from 'prettier'
import { CATALOG } from '../../src/catalog/entries.js'
import { checkPages, checksTable, permissionsTable, preflightPolicy } from './checks.js'
import { readActionMetadata } from './action-metadata.js'
import { actionYml } from './action-inputs.js'
import { factsDoc, FACTS_DOC } from './facts.js'
import { replaceSection, sectionNames } from './markdown.js'
import {
  cliOptionsTable,
  inputsTable,
  outputsTable,
  policyBlock,
  sampleBlock,
  troubleshootingDoc,
  troubleshootingTable,
  TROUBLESHOOTING_DOC,
  usageBlock
} from './sections.js'

export const README = 'README.md'
/** The user guide: what moved out of the README, with its own generated sections. */
export const GUIDE = 'docs/guide.md'
/** The CLI's guide: its options table is the CLI's usage (src/cli/args.ts). */
export const CLI_DOC = 'docs/cli.md'
/** Its `inputs:` are written from INPUTS (src/inputs.ts). */
export const ACTION_YML = 'action.yml'
export const POLICY = 'docs/preflight-policy.json'

/** Committed job summaries, produced by __tests__/docs/sample-summary.test.ts. */
export const SAMPLES: Record<string, string> = {
  'sample-summary': 'docs/sample-summary.md',
  'sample-summary-model': 'docs/sample-summary-model.md'
}
const SAMPLE_TEST = '__tests__/docs/sample-summary.test.ts'

/** Every AWS error the preflight explains, in catalog order. */
export const ALL_ENTRIES = CATALOG

/** Formats markdown exactly as `npm run format` would, so docs:check and format:check agree. */
async function formatMarkdown(text: string, filepath: string): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {}
  return prettier.format(text, { ...options, filepath })
}

/** JSON and YAML: as `npm run format` leaves them. */
async function formatData(text: string, filepath: string): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {}
  return prettier.format(text, { ...options, filepath })
}

/** action.yml as `npm run docs` writes it: its inputs from INPUTS (src/inputs.ts). */
const actionYmlText = (): string => actionYml(readFileSync(ACTION_YML, 'utf8'))

function sectionContent(name: string, doc: string): string {
  // The sections describe the action.yml this run writes, not the one it replaces.
  const meta = readActionMetadata(ACTION_YML, actionYmlText())
  switch (name) {
    case 'usage':
      return usageBlock(meta)
    case 'inputs':
      return inputsTable(meta)
    case 'outputs':
      return outputsTable(meta)
    case 'cli-options':
      return cliOptionsTable()
    case 'troubleshooting':
      return troubleshootingTable(
        ALL_ENTRIES,
        doc === README ? TROUBLESHOOTING_DOC : TROUBLESHOOTING_DOC.slice('docs/'.length)
      )
    case 'preflight-policy':
      return policyBlock(preflightPolicy())
    case 'checks':
      return checksTable()
    case 'permissions':
      return permissionsTable()
    default: {
      if (name.startsWith('example-')) {
        const file = `examples/${name.slice('example-'.length)}.yml`
        return ['```yaml', readFileSync(file, 'utf8').trim(), '```'].join('\n')
      }
      const sample = SAMPLES[name]
      if (!sample) throw new Error(`README marks an unknown generated section "${name}"`)
      if (!existsSync(sample)) return `_No sample yet: run \`npm run docs:samples\`._`
      return sampleBlock(readFileSync(sample, 'utf8'), SAMPLE_TEST)
    }
  }
}

/** A document with its marked sections filled in, formatted. */
async function withSections(path: string): Promise<string> {
  let text = readFileSync(path, 'utf8')
  for (const name of sectionNames(text)) {
    text = replaceSection(text, name, sectionContent(name, path))
  }
  return formatMarkdown(text, path)
}

/** The documents `npm run docs` owns, as they should be now: path → expected content. */
export async function expectedDocuments(): Promise<Map<string, string>> {
  const pages: Array<[string, string]> = []
  for (const [path, text] of checkPages()) pages.push([path, await formatMarkdown(text, path)])
  return new Map([
    [README, await withSections(README)],
    [GUIDE, await withSections(GUIDE)],
    [CLI_DOC, await withSections(CLI_DOC)],
    [ACTION_YML, await formatData(actionYmlText(), ACTION_YML)],
    [
      TROUBLESHOOTING_DOC,
      await formatMarkdown(troubleshootingDoc(ALL_ENTRIES), TROUBLESHOOTING_DOC)
    ],
    ...pages,
    [FACTS_DOC, await formatMarkdown(factsDoc(), FACTS_DOC)],
    [POLICY, await formatData(preflightPolicy(), POLICY)]
  ])
}
