/**
 * Model IDs on bedrock-mantle: bare `anthropic.<model>`, with no geography prefix (`us.`,
 * `global.`) and no version suffix (`-v1:0`, a date): "Mantle uses model IDs prefixed with
 * `anthropic.` and without a version suffix, for example `anthropic.claude-haiku-4-5`" (Claude
 * Code's Amazon Bedrock docs). Inference profile IDs "will not work" there.
 */
const PREFIX = /^[a-z-]{2,8}\.(?=anthropic\.)/
const DATE_AND_VERSION = /(?:-\d{8})?(?:-v\d+(?::\d+)?)?$/

/** The mantle form of a model ID: what mantle would list for the same model. */
export function mantleForm(id: string): string {
  return id.trim().replace(PREFIX, '').replace(DATE_AND_VERSION, '')
}

/** One model of `GET /v1/models` (OpenAI's list shape). */
export interface ServedModel {
  id: string
  created?: number
}

/** The newest Claude Sonnet mantle serves (by `created`), for a run that names no model. */
export function newestSonnet(served: readonly ServedModel[]): ServedModel | undefined {
  return served
    .filter((m) => /^anthropic\.claude-sonnet-/.test(m.id))
    .sort((a, b) => (b.created ?? 0) - (a.created ?? 0) || b.id.localeCompare(a.id))[0]
}
