import { matchText, scanLog, type LogHit } from '../catalog/match.js'
import type { CatalogEntry, FixContext } from '../catalog/types.js'
import { markdownToText, paletteFor, useColor } from '../render/terminal.js'
import { UsageError } from './args.js'
import type { CliIo } from './run.js'
import { hideKeyIds } from './redact.js'

/** Pasted text is read up to this size: a whole CI log fits, a runaway pipe does not. */
const MAX_INPUT = 5 * 1024 * 1024

async function readStdin(stdin: CliIo['stdin']): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > MAX_INPUT) break
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function entryLines(entry: CatalogEntry, ctx: FixContext, color: boolean): string[] {
  const palette = paletteFor(color)
  const fix = markdownToText(entry.fix(ctx), palette)
  return [
    palette.bold(entry.title),
    '',
    `Cause: ${markdownToText(entry.cause, palette).join(' ')}`,
    '',
    'Fix:',
    ...fix.map((l) => (l.trim() ? `  ${l}` : '')),
    '',
    `Docs: ${entry.doc}`,
    `Catalog entry: ${entry.id}`
  ]
}

function cutLine(text: string): string {
  const shown = hideKeyIds(text)
  return shown.length > 200 ? `${shown.slice(0, 199)}…` : shown
}

/**
 * `bedrock-preflight explain`: the catalog entry for an error text. A pasted log is scanned
 * line by line, and the first real error (not a retry or loop-detector line) is the one
 * explained, as the InsightWorker page advises.
 */
export async function explain(args: { text?: string }, io: CliIo): Promise<number> {
  let text = args.text
  if (text === undefined) {
    if (io.stdin.isTTY) {
      throw new UsageError(
        'explain needs the error text: `bedrock-preflight explain "<error>"`, or pipe a log into it'
      )
    }
    text = await readStdin(io.stdin)
  }
  if (!text.trim()) throw new UsageError('explain was given an empty text')

  const color = useColor(io.stdout, io.env)
  const ctx: FixContext = {
    surface: 'cli',
    ...(io.env.AWS_PROFILE ? { profile: io.env.AWS_PROFILE } : {}),
    ...(io.env.AWS_REGION ? { region: io.env.AWS_REGION } : {})
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const out: string[] = []
  let entry: CatalogEntry | undefined
  if (lines.length > 1) {
    const { first, hits } = scanLog(text)
    if (first) {
      entry = first.entry
      // A generic match (a bare error code) may be one error wrapped over the next lines: read
      // them together, and keep the more specific explanation.
      let span = 1
      if (!first.entry.patterns?.length) {
        const all = text.split(/\r?\n/)
        for (const extra of [1, 2]) {
          const joined = matchText(all.slice(first.line - 1, first.line + extra).join(' '))
          if (joined?.patterns?.length) {
            entry = joined
            span = extra + 1
            break
          }
        }
      }
      out.push(
        span > 1
          ? `The first real error starts on line ${first.line}:`
          : `The first real error is on line ${first.line}:`,
        `  ${cutLine(first.text)}`,
        ''
      )
      const others = hits.filter(
        (h) => h !== first && (h.line < first.line || h.line >= first.line + span)
      )
      const retries = others.filter((h) => h.entry.id === 'retries-hide-error')
      const later = others.filter((h) => h.entry.id !== 'retries-hide-error')
      const lineList = (hs: LogHit[]): string => hs.map((h) => h.line).join(', ')
      if (retries.length) {
        out.push(
          `Retry or loop-detector lines (${lineList(retries)}) only repeat the symptom: act on line ${first.line}.`
        )
      }
      if (later.length) {
        const sameKind = later.every((h) => h.entry.id === entry?.id)
        out.push(
          sameKind
            ? `Lines ${lineList(later)} repeat the same error.`
            : `Other known errors follow on lines ${lineList(later)}; fix the first one, then run again.`
        )
      }
      if (retries.length || later.length) out.push('')
    }
  }
  // One error wrapped over several lines (a pasted JSON body, a terminal's line breaks).
  entry ??= matchText(text)

  if (!entry) {
    io.stdout.write(
      [
        'This error is not in the bedrock-preflight catalog, so there is no known cause and fix for it.',
        'Run `bedrock-preflight --debug` on the machine that failed: the checks find most problems',
        'without the error text. If you think it belongs in the catalog, open an issue with the text.',
        ''
      ].join('\n')
    )
    return 1
  }
  out.push(...entryLines(entry, ctx, color), '')
  io.stdout.write(out.join('\n'))
  return 0
}
