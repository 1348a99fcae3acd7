// The Bedrock Runtime client and InvokeModelWithResponseStream, for the opt-in invoke probe (the
// call Claude Code makes). Loaded on demand by AwsAccess (a separate chunk of dist/); a run without
// `invoke-probe` never loads it.
export {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand
} from '@aws-sdk/client-bedrock-runtime'
