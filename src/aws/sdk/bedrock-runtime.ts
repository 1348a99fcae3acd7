// The Bedrock Runtime client and Converse, for the opt-in invoke probe. Loaded on demand by
// AwsAccess (a separate chunk of dist/); a run without `invoke-probe` never loads it.
export { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime'
