// The Bedrock control-plane client and the commands the checks send, loaded on demand by
// AwsAccess.bedrock while GetCallerIdentity travels; its reads still leave in the first round trip
// (see SDK_LOADERS in ../access.ts). Only what is named here is bundled.
export {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetProvisionedModelThroughputCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand
} from '@aws-sdk/client-bedrock'
