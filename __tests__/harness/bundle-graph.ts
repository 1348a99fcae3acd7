import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The files of a bundle that Node.js loads before `entry` runs: the entry and every chunk it
 * imports statically, transitively. Chunks reached only through import() load later, on demand.
 * Shared by the bundle-layout tests and `npm run bench` (bytes loaded before the entry runs).
 */
export function staticGraph(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [...seen]
  seen.add(entry)
  const text = readFileSync(entry, 'utf8')
  for (const m of text.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["'](\.[^"']+)["']/g
  )) {
    staticGraph(join(dirname(entry), m[1]!), seen)
  }
  return [...seen]
}
