// Answers of the fake AWS that AWS's published API models do not allow, collected while a test
// runs (fake-aws.ts validates each one) and turned into that test's failure by
// guard-after-each.ts. A module of its own so the guard does not load the fake.
const found: string[] = []

/** Records the problems of one answer; `where` names the operation and the request. */
export function recordOffModel(where: string, problems: readonly string[]): void {
  for (const p of problems) found.push(`${where}: ${p}`)
}

/** Takes (and clears) what was recorded since the last call. */
export function takeOffModel(): string[] {
  return found.splice(0)
}
