import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { LIMITS } from '../limits.js'

export type EnvFileText =
  { ok: true; text: string } | { ok: false; missing: boolean; problem: string }

/** What a path is when it is not a regular file: a FIFO or a device never ends, a directory has no text. */
function notRegular(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file'
  if (stats.isDirectory()) return 'is a directory, not a file'
  if (stats.isSocket()) return 'is a socket, not a regular file'
  return 'is not a regular file'
}

const tooBig = `is larger than ${LIMITS.envFileBytes / 1024} KB, the most an env file may be`

/**
 * Reads an env file without ever blocking or reading without end: the type is checked before the
 * file is opened and again on the open descriptor (the path may change in between), the open does
 * not wait for a writer (O_NONBLOCK; a FIFO would otherwise hang the run), and at most one byte
 * more than the limit is read.
 */
export function readEnvFileText(path: string): EnvFileText {
  let fd: number | undefined
  try {
    const before = notRegular(statSync(path))
    if (before) return { ok: false, missing: false, problem: before }
    // Windows has no O_NONBLOCK (the constant is absent there); it has no FIFOs at a path either.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    const stats = fstatSync(fd)
    const after = notRegular(stats)
    if (after) return { ok: false, missing: false, problem: after }
    if (stats.size > LIMITS.envFileBytes) return { ok: false, missing: false, problem: tooBig }
    const buffer = Buffer.alloc(LIMITS.envFileBytes + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length > LIMITS.envFileBytes) return { ok: false, missing: false, problem: tooBig }
    }
    const text = buffer.toString('utf8', 0, length)
    const lines = countLines(text)
    if (lines > LIMITS.envFileLines) {
      return {
        ok: false,
        missing: false,
        problem: `has ${lines} lines, more than the ${LIMITS.envFileLines} an env file may have`
      }
    }
    return { ok: true, text }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return {
      ok: false,
      missing: code === 'ENOENT',
      problem: `cannot be read: ${code === 'ENOENT' ? 'it does not exist' : (err as Error).message}`
    }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function countLines(text: string): number {
  let lines = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
  return lines
}
