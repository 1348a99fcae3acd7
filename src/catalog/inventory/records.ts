/**
 * The records of the error inventories (this folder's JSON files): what each holds and where it
 * was read. Written by scripts/refresh-inventories.ts, read by __tests__/catalog/inventory.test.ts.
 */

export interface ApiErrorRecord {
  sdk: 'aws-api-model'
  repo: string
  path: string
  commit: string
  service: string
  /** The operations that declare it; `<Operation> stream` for an event-stream exception. */
  operations: string[]
  /** The code on the wire (the model's `error.code`, else the shape's name). */
  code: string
  /** The shape's name: the exception class the SDKs generate (`IDPCommunicationErrorException`). */
  shape: string
  httpStatus?: number
  fault: 'client' | 'server'
  /** The catalog entry it must explain to; null until a person names it. */
  expected: string | null
}

export interface EndpointRuleRecord {
  sdk: 'endpoint-rules'
  repo: string
  /** One rule set that holds it (every service of OPERATIONS has the same errors). */
  path: string
  commit: string
  services: string[]
  message: string
  expected: string | null
}

export interface SdkMessageRecord {
  sdk: string
  /** The repository it was read in, at `commit`; or, for an agent published only as a package, … */
  repo?: string
  commit?: string
  /** … the npm package (`@anthropic-ai/claude-code-linux-x64`), its version and tarball SHA-1. */
  package?: string
  version?: string
  shasum?: string
  /** The file in the repository or the package (a bundled binary: the strings in it). */
  path: string
  /** The message as the source writes it; `%s`/`{}`/`${…}` placeholders kept as written. */
  message: string
  /** The exception class or error code it is raised with, when the source gives one. */
  code?: string
  /** The text a user sees, with placeholders filled as a real run would fill them. */
  sample?: string
  expected: string | null
}

/** A record read in a page (AWS's documentation, a public issue) rather than a repository. */
export interface SourcedRecord {
  sdk: string
  /**
   * What the page is: AWS's documentation (the Bedrock guides and API reference, AWS's own
   * re:Post Knowledge Center articles), Anthropic's, or a public issue where a user pasted the
   * text as the service returned it (copied verbatim, never paraphrased).
   */
  kind?: 'aws-docs' | 'anthropic-docs' | 'public-issue'
  source: string
  /** When the page was read (YYYY-MM). */
  version: string
  message?: string
  code?: string
  httpStatus?: number
  expected: string | null
}
