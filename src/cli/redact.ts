/** Access key IDs in pasted text keep their kind (AKIA/ASIA) and lose the rest. */
export function hideKeyIds(text: string): string {
  return text.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '$1…')
}
