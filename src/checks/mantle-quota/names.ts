import { modelKeyOfName } from '../shared/quota-names.js'

/** Which way a bedrock-mantle quota counts tokens: mantle counts input and output apart. */
export type MantleDirection = 'input' | 'output'

/**
 * Reads a bedrock-mantle quota name, "Bedrock Mantle input tokens per minute for ${model}" or
 * "… output tokens per minute for …" (AWS UG `quotas-mantle`: "Per model, per Region"), into its
 * direction and model key (checks/shared/quota-names.ts). Undefined for every other quota.
 */
export function mantleQuotaMeaning(
  name: string
): { direction: MantleDirection; model: string } | undefined {
  const m = /^bedrock mantle (input|output) tokens per minute for (.+)$/i.exec(name.trim())
  if (!m) return undefined
  const model = modelKeyOfName(m[2]!)
  return model ? { direction: m[1]!.toLowerCase() as MantleDirection, model } : undefined
}
