import { explainText, isGeneric, type LogHit } from '../catalog/match.js'
import type { CatalogEntry, FixContext } from '../catalog/types.js'
import { markdownToText, paletteFor, useColor } from '../render/terminal.js'
import { UsageError } from './args.js'
import type { CliIo } from './io.js'
import { hidePastedSecrets } from './redact.js'
import { stripControls } from '../render/escape.js'

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
  const shown = hidePastedSecrets(stripControls(text, true))
  return shown.length > 200 ? `${shown.slice(0, 199)}…` : shown
}

/**
 * `bedrock-preflight explain`: the catalog entry for an error text. A pasted log is scanned
 * line by line (a message wrapped over lines read as one), and the first failure is the one
 * explained: not a retry or loop-detector line, not a throttled attempt that was retried and then
 * failed otherwise, not a warning. The checks read AWS errors with the same matcher.
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
  const { entry, hit, hits } = explainText(text)
  const out: string[] = []
  if (entry && hit) {
    out.push(
      hit.span > 1
        ? `The first real error starts on line ${hit.line}:`
        : `The first real error is on line ${hit.line}:`,
      `  ${cutLine(hit.text)}`,
      ''
    )
    const others = hits.filter((h) => h !== hit)
    const retries = others.filter((h) => h.entry.id === 'retries-hide-error')
    const earlier = others.filter(
      (h) => h.entry.id !== 'retries-hide-error' && h.line < hit.line && h.entry.id !== entry.id
    )
    const later = others.filter((h) => h.entry.id !== 'retries-hide-error' && !earlier.includes(h))
    const lineList = (hs: LogHit[]): string => hs.map((h) => h.line).join(', ')
    if (retries.length) {
      out.push(
        `Retry or loop-detector lines (${lineList(retries)}) only repeat the symptom: act on line ${hit.line}.`
      )
    }
    if (earlier.length) {
      out.push(
        `Lines ${lineList(earlier)} come first but are not the failure (a retried attempt, a warning or a bare error code): act on line ${hit.line}.`
      )
    }
    if (later.length) {
      const sameKind = later.every((h) => h.entry.id === entry.id)
      out.push(
        sameKind
          ? `Lines ${lineList(later)} repeat the same error.`
          : `Other known errors follow on lines ${lineList(later)}; fix the first one, then run again.`
      )
    }
    if (retries.length || earlier.length || later.length) out.push('')
  }

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
  if (isGeneric(entry)) {
    out.push(
      'This names the kind of error, not its exact cause: `bedrock-preflight` on the machine that failed finds the cause without the error text.',
      ''
    )
  }
  io.stdout.write(out.join('\n'))
  return 0
}
