/** A position in a user's file, for annotations that point at a line (`.env` findings). */
export interface SourceLocation {
  file: string
  line?: number
}
