// The Bedrock control-plane client and the commands the checks send, behind the same interface
// as the on-demand SDKs (AwsAccess.bedrock). Bundled with the entry: these reads go out in the
// first round trip (see SDK_LOADERS in ../access.ts). Only what is named here is bundled.
export {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetProvisionedModelThroughputCommand,
  GetUseCaseForModelAccessCommand,
  ListInferenceProfilesCommand
} from '@aws-sdk/client-bedrock'
