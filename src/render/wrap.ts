/** Visible length, without ANSI sequences. */
export function visible(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length
}

/**
 * Wraps text at spaces so each line, with its prefix, fits `width`; `first` prefixes the first
 * line and `rest` the others (a hanging indent). A word longer than a line (an ARN, a URL) is
 * kept whole on a line of its own: split, it could no longer be clicked or pasted. Without a
 * width (output to a pipe or a file) the text stays one line.
 */
export function wrap(
  text: string,
  width: number | undefined,
  first = '',
  rest: string = ' '.repeat(visible(first))
): string[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (width === undefined) return [`${first}${flat}`.replace(/\s+$/, '')]
  const lines: string[] = []
  let prefix = first
  let line = ''
  const flush = (): void => {
    const text = `${prefix}${line}`.replace(/\s+$/, '')
    if (text) lines.push(text)
    prefix = rest
    line = ''
  }
  for (const word of flat.split(' ')) {
    if (!word) continue
    // A word too long for its column (an ARN, a URL) gets a line of its own, as far right as it
    // fits: whole, it can still be clicked and pasted.
    if (visible(prefix) + visible(word) > width && !line) {
      if (visible(prefix.trim())) flush()
      const margin = Math.max(0, Math.min(visible(rest), width - visible(word)))
      lines.push(`${' '.repeat(margin)}${word}`)
      prefix = rest
      continue
    }
    if (line && visible(prefix) + visible(line) + 1 + visible(word) > width) {
      flush()
      if (visible(prefix) + visible(word) > width) {
        const margin = Math.max(0, Math.min(visible(rest), width - visible(word)))
        lines.push(`${' '.repeat(margin)}${word}`)
        continue
      }
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line || lines.length === 0) flush()
  return lines
}
