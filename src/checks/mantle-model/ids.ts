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
