import type { Surface } from '../config.js'

/**
 * Commands a fix prints, as data: each word a value, rendered shell-quoted where it needs to be,
 * so a value from outside (a profile name, a model ID read from a file, a role ARN) is one word
 * of the command and can never end the quoting, start another command or close the Markdown
 * fence around it.
 */

/** A word the user fills in (`<your-profile>`): printed as it is, never quoted. */
export interface Placeholder {
  readonly placeholder: string
}

export type Word = string | Placeholder

/** One line of a fix's `sh` block. */
export interface CommandLine {
  /** The command's words; with `env` and no words, the line is only the assignments. */
  readonly argv?: readonly Word[]
  /** `KEY=value` assignments before the words (or, alone, a `.env` line / shell assignment). */
  readonly env?: readonly (readonly [string, Word])[]
  /** Prefix the assignments with `export ` (a shell session rather than a `.env` file). */
  readonly export?: true
  /** Printed commented out: a line of the user's to disable, shown as it reads. */
  readonly commentedOut?: true
  /** A `# …` line of our words said before it. */
  readonly note?: string
  /** The face it is for (absent: both). */
  readonly surface?: Surface
}

/** Characters a word may hold unquoted in any POSIX shell (and zsh, fish). */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/
/** A variable name a shell and a `.env` reader accept. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * One word for sh, bash and zsh: as it is when it holds only safe characters, else in single
 * quotes (a `'` inside closed, escaped and reopened). A control character (a line break) would
 * split the line of a fenced block, so such a word is written with ANSI-C `$'…'` quoting (bash,
 * zsh, ksh; POSIX.1-2024) and escapes.
 */
export function shellQuote(word: Word): string {
  if (typeof word !== 'string') return `<${word.placeholder.replace(/[^A-Za-z0-9_.-]/g, '-')}>`
  if (word !== '' && PLAIN.test(word)) return word
  // eslint-disable-next-line no-control-regex -- the C0 controls and DEL are what must be escaped
  if (/[\u0000-\u001f\u007f]/.test(word)) {
    const escaped = word.replace(
      // eslint-disable-next-line no-control-regex -- the same controls, plus `\` and `'`
      /[\u0000-\u001f\u007f\\']/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
    )
    return `$'${escaped}'`
  }
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** `KEY=value`, the value quoted; a key that is no variable name is quoted whole (a harmless error). */
function assignment([key, value]: readonly [string, Word]): string {
  return NAME.test(key) ? `${key}=${shellQuote(value)}` : shellQuote(`${key}=${String(value)}`)
}

/** One command line as the shell reads it. */
export function commandText(line: CommandLine): string {
  const env = (line.env ?? []).map(assignment)
  const words = (line.argv ?? []).map(shellQuote)
  const text = [...(line.export && env.length ? ['export'] : []), ...env, ...words].join(' ')
  return line.commentedOut ? `# ${text}` : text
}

/** Our note as a comment: one line, whatever it holds. */
const noteText = (note: string): string =>
  // eslint-disable-next-line no-control-regex -- a note is one comment line
  `# ${note.replace(/[\u0000-\u001f\u007f]+/g, ' ')}`

/** The lines of a block of commands for one face (a line for the other face is left out). */
export function commandLines(lines: readonly CommandLine[], surface?: Surface): string[] {
  return lines
    .filter((l) => !surface || !l.surface || l.surface === surface)
    .flatMap((l) => [...(l.note ? [noteText(l.note)] : []), commandText(l)])
}

/** Commands as a fenced `sh` block no quoted value can close (a fence longer than any run of backticks). */
export function commandBlock(lines: readonly CommandLine[], surface?: Surface): string {
  const text = commandLines(lines, surface)
  const longest = Math.max(0, ...text.flatMap((l) => (l.match(/`+/g) ?? []).map((r) => r.length)))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}sh`, ...text, fence].join('\n')
}

/** A one-line command as inline code (a code span no backtick inside can close). */
export function commandInline(line: CommandLine): string {
  return inlineCode(commandText(line))
}

/** Text as a Markdown code span no backtick inside can close (CommonMark: a longer fence, padded). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}
