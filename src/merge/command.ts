import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import MERGED_SCHEMA from '../../schema/merged-report.schema.json' with { type: 'json' }
import { stripControls } from '../render/escape.js'
import type { CliIo } from '../cli/io.js'
import { UsageError } from '../cli/args.js'
import { MergeInputError } from './errors.js'
import { DEFAULT_EOL_DAYS, MAX_MERGED_BYTES } from './limits.js'
import { loadReports } from './load.js'
import { mergeReports } from './merge.js'
import { readJsonFile } from './read-json.js'
import { renderMergedMarkdown } from './render-markdown.js'
import { renderMergedTerminal } from './render-terminal.js'
import type { JsonSchema } from './schema-check.js'
import type { MergedReport } from './types.js'

export const MERGE_USAGE = `Usage: bedrock-preflight merge [--previous merged.json] [--json] [--eol-days N] REPORT...

Merges the JSON reports of many jobs (files, or directories holding report.json files, as
actions/download-artifact lays them out) into one org summary, and says what changed since the
previous merged report: rows newly failing or fixed, targets that did not report, models whose
lifecycle moved, quotas lowered, destinations changed.

  --previous <file>   the merged report of the last run (what --json wrote then)
  --expect <plan>     the targets that should report: the fleet plan (fleet matrix output,
                      a file or inline) or ids separated by commas; one without a report fails
  --json              print the merged report (schema/merged-report.schema.json) on stdout;
                      the summary then goes to stderr
  --eol-days <n>      report a model whose end of life is within n days (default ${DEFAULT_EOL_DAYS})

In GitHub Actions the summary is also appended, as Markdown, to GITHUB_STEP_SUMMARY.
Exit codes: 0 nothing failed, 1 a target failed, or one of the previous run or of --expect
(the fleet plan's JSON, a file or inline, or ids separated by commas) did not report,
2 bad command line or a report that cannot be used (the file is named).
`

interface MergeArgs {
  previous?: string
  expect?: string
  json: boolean
  eolDays: number
  paths: string[]
}

function parseMergeArgs(argv: readonly string[]): MergeArgs | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        previous: { type: 'string' },
        expect: { type: 'string' },
        json: { type: 'boolean' },
        'eol-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (err) {
    const flag = /'(-{1,2}[^' ]+)/.exec((err as Error).message)?.[1]
    throw new UsageError(
      `merge: ${flag ? `option ${flag} is unknown or needs a value` : (err as Error).message}`
    )
  }
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (positionals.length === 0)
    throw new UsageError('merge needs at least one report file or directory')
  const eol = values['eol-days']?.trim()
  const eolDays = eol === undefined ? DEFAULT_EOL_DAYS : Number(eol)
  if (!Number.isInteger(eolDays) || eolDays < 0 || eolDays > 3650) {
    throw new UsageError(`--eol-days must be a whole number of days from 0 to 3650, got "${eol}"`)
  }
  if (values.previous !== undefined && values.previous.trim() === '') {
    throw new UsageError('--previous needs a file')
  }
  return {
    ...(values.previous ? { previous: values.previous } : {}),
    ...(values.expect?.trim() ? { expect: values.expect.trim() } : {}),
    json: values.json ?? false,
    eolDays,
    paths: positionals
  }
}

/** The longest directory prefix the inputs share, so a report's place reads `artifact/…`. */
function commonBase(paths: readonly string[]): string {
  return paths.length === 1 ? (paths[0] ?? '') : ''
}

/**
 * The targets `--expect` names: the fleet plan's JSON (`fleet matrix`: `{"matrix": {"include":
 * [{"id": …}]}}`), as a file or inline, or target ids separated by commas.
 */
function expectedTargets(value: string): string[] {
  let text = value
  if (!value.startsWith('{') && existsSync(value)) text = readFileSync(value, 'utf8')
  if (text.trimStart().startsWith('{')) {
    try {
      const plan = JSON.parse(text) as { matrix?: { include?: { id?: unknown }[] } }
      const ids = (plan.matrix?.include ?? []).map((t) => t.id)
      if (ids.length > 0 && ids.every((id): id is string => typeof id === 'string')) return ids
    } catch {
      // Said below, as every unreadable plan is.
    }
    throw new UsageError('--expect: the plan is not `fleet matrix` output (matrix.include[].id)')
  }
  return text
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
}

/** `bedrock-preflight merge`: reports → one org summary (terminal, Markdown, JSON). Exit code. */
export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseMergeArgs(argv)
  if (args === 'help') {
    io.stdout.write(MERGE_USAGE)
    return 0
  }
  let merged: MergedReport
  try {
    const previous = args.previous
      ? readJsonFile<MergedReport>(
          args.previous,
          MAX_MERGED_BYTES,
          MERGED_SCHEMA as JsonSchema,
          'merged report'
        )
      : undefined
    const expect = args.expect ? expectedTargets(args.expect) : undefined
    const loaded = loadReports(args.paths)
    merged = mergeReports(loaded, {
      ...(previous ? { previous } : {}),
      now: Date.now(),
      eolDays: args.eolDays,
      base: commonBase(args.paths),
      ...(expect ? { expect } : {})
    })
  } catch (err) {
    if (err instanceof MergeInputError) {
      // A parse error quotes the file: outside text, said on one line without its controls.
      io.stderr.write(`bedrock-preflight merge: ${stripControls(err.message, true)}\n`)
      return 2
    }
    throw err
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY
  if (summaryFile) appendFileSync(summaryFile, renderMergedMarkdown(merged))
  if (args.json) {
    await writeAll(io.stdout, `${JSON.stringify(merged)}\n`)
    await writeAll(io.stderr, renderMergedTerminal(merged))
  } else {
    await writeAll(io.stdout, renderMergedTerminal(merged))
  }
  return merged.result === 'fail' ? 1 : 0
}

/**
 * Resolves once the stream has taken the text: the CLI exits right after, and a pipe (`merge
 * --json | jq`) takes a merged report of megabytes in 64 KB pieces; exiting sooner cut it.
 */
function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve())
  })
}
