/**
 * The flags of Claude Code's command line this preflight resolves, from claude-code-action's
 * `claude_args` (passed to the CLI as written: github.com/anthropics/claude-code-action,
 * docs/usage.md, 2026-12-07): `--model`, `--fallback-model`, `--settings`.
 */

/** Splits a command line the way a POSIX shell splits words: quotes kept together, no expansion. */
export function shellWords(text: string): string[] {
  const words: string[] = []
  let word = ''
  let quote: '"' | "'" | undefined
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i]
      else word += c
    } else if (c === '"' || c === "'") {
      quote = c
      inWord = true
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i]
      inWord = true
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += c
      inWord = true
    }
  }
  if (inWord) words.push(word)
  return words
}

export interface ClaudeFlags {
  model?: string
  fallbackModel?: string
  settings?: string
}

const FLAGS: Record<string, keyof ClaudeFlags> = {
  '--model': 'model',
  '--fallback-model': 'fallbackModel',
  '--settings': 'settings'
}

/** The flags of `args` this preflight reads; the last of each wins, as with Commander. */
export function claudeFlags(args: string): ClaudeFlags {
  const words = shellWords(args)
  const flags: ClaudeFlags = {}
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    const eq = word.indexOf('=')
    const name = eq > 0 ? word.slice(0, eq) : word
    const key = FLAGS[name]
    if (!key) continue
    const value = eq > 0 ? word.slice(eq + 1) : words[++i]
    if (value !== undefined) flags[key] = value
  }
  return flags
}
