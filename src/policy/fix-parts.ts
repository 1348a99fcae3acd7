import type { Surface } from '../config.js'
import { commandBlock, type CommandLine } from '../commands/shell.js'
import type { IamPolicy } from './document.js'

/**
 * A fix (or a detail of a finding) as data: its prose, and, in order, the IAM policies, trust
 * statements and commands in it. The Markdown a report carries (`fix`, a detail's `body`) is `markdownOf`
 * these parts; the summary merges the policies of many findings over this data
 * (src/policy/merge.ts), never by reading the Markdown back.
 */
export type FixPart =
  | { readonly text: string }
  /** An identity policy (or the statements of a permissions boundary) to add. */
  | { readonly policy: IamPolicy }
  /** A trust-policy statement (or statements) of a role, or a fragment of one, to add or edit. */
  | { readonly trust: unknown }
  /**
   * Lines of a shell block (or `.env` lines): each word a value, quoted when rendered, so a value
   * from outside never breaks out of its word (src/commands/shell.ts).
   */
  | { readonly commands: readonly CommandLine[] }

export const isPolicyPart = (p: FixPart): p is { readonly policy: IamPolicy } => 'policy' in p

/** A value as a fenced JSON block. */
export function jsonBlock(value: unknown): string {
  return `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``
}

/**
 * The Markdown of a fix: prose as written, each policy and trust statement as a JSON block, each
 * run of commands as an `sh` block (only the lines for `surface`, when given).
 */
export function markdownOf(parts: readonly FixPart[], surface?: Surface): string {
  return parts
    .map((p) =>
      'text' in p
        ? p.text
        : 'policy' in p
          ? jsonBlock(p.policy)
          : 'commands' in p
            ? commandBlock(p.commands, surface)
            : jsonBlock(p.trust)
    )
    .join('')
}

/** What must be equal for two fixes to be one: everything but their policies (those merge). */
export function shapeOf(parts: readonly FixPart[]): string {
  return JSON.stringify(parts.map((p) => (isPolicyPart(p) ? null : p)))
}

/** The policies of a fix, in order. */
export function policiesOf(parts: readonly FixPart[]): IamPolicy[] {
  return parts.filter(isPolicyPart).map((p) => p.policy)
}

/** A finding's detail that is a list: its Markdown, and its items (the summary unites lists). */
export function listDetail(
  title: string,
  items: string[]
): { title: string; body: string; items: string[] } {
  return { title, body: items.map((i) => `- ${i}`).join('\n'), items }
}

/** A finding's detail from parts: its Markdown, and the parts when they hold more than words. */
export function detailOf(
  title: string,
  parts: FixPart[]
): { title: string; body: string; parts?: FixPart[] } {
  return {
    title,
    body: markdownOf(parts),
    ...(parts.some((p) => !('text' in p)) ? { parts } : {})
  }
}
