/**
 * Secrets the CLI must never print: the environment's keys and whatever the engine masks. The
 * CLI's stand-in for the runner's `::add-mask::`, applied to everything it writes.
 */
export class Redactor {
  private readonly secrets = new Set<string>()

  add(secret: string | undefined): void {
    // Very short values would redact ordinary words; real keys and tokens are long.
    if (secret && secret.trim().length >= 8) this.secrets.add(secret.trim())
  }

  apply(text: string): string {
    let out = text
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join('***')
    }
    return out
  }
}

/** Access key IDs in pasted text keep their kind (AKIA/ASIA) and lose the rest. */
export function hideKeyIds(text: string): string {
  return text.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '$1…')
}
