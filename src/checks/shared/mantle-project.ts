import type { IamPolicy } from '../../policy/document.js'

/**
 * The mantle project an agent's requests are attributed to, and the actions inference on it
 * needs. AWS's API reference gives a project ID the pattern `proj_[a-zA-Z0-9]+|default` and says
 * a request that names none uses the default project; the resource type is
 * `arn:${Partition}:bedrock-mantle:${Region}:${Account}:project/${ProjectId}` (Service
 * Authorization Reference, `list_bedrock-mantle`).
 */
export const DEFAULT_PROJECT = 'default'

/** The request itself; the reads beside it are in AWS's documented inference policy for mantle. */
export const MANTLE_INFERENCE = 'bedrock-mantle:CreateInference'
export const MANTLE_ACTIONS = [
  MANTLE_INFERENCE,
  'bedrock-mantle:GetProject',
  'bedrock-mantle:ListProjects'
] as const

export function projectArn(partition: string, region: string, account: string, id: string): string {
  return `arn:${partition}:bedrock-mantle:${region}:${account}:project/${id}`
}

/** A statement to paste, for the actions denied (the resource as AmazonBedrockMantleInferenceAccess has it). */
export function grant(partition: string, actions: readonly string[]): IamPolicy {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'BedrockMantleInference',
        Effect: 'Allow',
        Action: actions.length === 1 ? (actions[0] as string) : [...actions],
        Resource: `arn:${partition}:bedrock-mantle:*:*:project/*`
      }
    ]
  }
}
