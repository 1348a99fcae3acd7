import { DocUrl } from './doc-url.js'
import { fact } from './fact.js'

/**
 * Bedrock API keys (AWS UG `api-keys-how`). A long-term key is an IAM service-specific credential
 * of any IAM user (`CreateServiceSpecificCredential`, service `bedrock.amazonaws.com`): its decoded
 * alias is `<user-name>-at-<account>`; `BedrockAPIKey-<id>` is only the name the console gives the
 * user it creates, so keys made with the CLI, Terraform or Pulumi carry the user's own name.
 */
export const API_KEY_FORMATS_FACT = fact(
  'Bedrock API key formats',
  {
    shortTermPrefix: 'bedrock-api-key-',
    longTermPrefix: 'ABSK',
    longTermAlias: '<user-name>-at-<account>:<secret>',
    consoleUserName: 'BedrockAPIKey-<id>',
    maxShortTermHours: 12
  },
  DocUrl.apiKeysHow
)

/**
 * The condition key of the bearer-token action of each endpoint: `bedrock:bearerTokenType` for
 * `bedrock:CallWithBearerToken`, `bedrock-mantle:BearerTokenType` for
 * `bedrock-mantle:CallWithBearerToken` (Service Authorization Reference of each service).
 */
export const BEARER_CONDITION_KEYS_FACT = fact<Readonly<Record<string, string>>>(
  'Bearer-token condition key per action',
  {
    'bedrock:CallWithBearerToken': 'bedrock:bearerTokenType',
    'bedrock-mantle:CallWithBearerToken': 'bedrock-mantle:BearerTokenType'
  },
  DocUrl.mantleAuthorization
)
export const BEARER_CONDITION_KEYS = BEARER_CONDITION_KEYS_FACT.value

/** The bearer-token condition key of an action (`bedrock:bearerTokenType` unless listed). */
export function bearerConditionKey(action: string): string {
  return BEARER_CONDITION_KEYS[action] ?? 'bedrock:bearerTokenType'
}
