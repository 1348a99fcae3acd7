import type { ModelId } from '../../parse/model-id.js'

/** How a configured model reaches the model, learned from the control plane of the region. */
export interface ResolveFacts extends Record<string, unknown> {
  region: string
  partition: string
  /** What the application sends as `modelId` (the configured value). */
  invokeId: string
  kind: ModelId['kind']
  baseModelId: string
  provider: string
  /** System or application inference-profile ARN (IAM resource and `bedrock:InferenceProfileArn`). */
  profileArn?: string
  profileId?: string
  profileKind?: 'geo' | 'global' | 'application'
  provisionedArn?: string
  /** Foundation-model ARNs the call reaches, the region-less global one included. */
  modelArns: string[]
  /** Destination regions; `unspecified` stands for the global hop (`arn:aws:bedrock:::…`). */
  destinations: string[]
}
