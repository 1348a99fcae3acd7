// The Bedrock control-plane client and the commands the checks send. AwsAccess imports this
// module on demand, so its code is a separate chunk of dist/ that loads while the first STS
// request is in flight (docs/performance.md). Only what is named here is bundled.
export {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetProvisionedModelThroughputCommand,
  GetUseCaseForModelAccessCommand,
  ListInferenceProfilesCommand
} from '@aws-sdk/client-bedrock'
