import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * What a CommonJS bundle file require()s when it loads: every `require("…")` that is not the body
 * of an arrow function or a return (Rollup writes a lazily loaded chunk as
 * `Promise.resolve().then(() => require("./chunks/…"))`).
 */
export function staticRequires(text: string): string[] {
  return [...text.matchAll(/(?<!=>\s*|\breturn\s+)\brequire\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1]!
  )
}

/**
 * The files of a bundle that Node.js loads before `entry` runs: the entry and every chunk it
 * requires at load, transitively. Chunks reached only lazily load later, on demand.
 * Shared by the bundle-layout tests and `npm run bench` (bytes loaded before the entry runs).
 */
export function staticGraph(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [...seen]
  seen.add(entry)
  for (const specifier of staticRequires(readFileSync(entry, 'utf8'))) {
    if (specifier.startsWith('.')) staticGraph(join(dirname(entry), specifier), seen)
  }
  return [...seen]
}
