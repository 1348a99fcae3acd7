// The IAM client and the read-only commands the permission and trust checks send. Loaded on
// demand by AwsAccess (a separate chunk of dist/): IAM is only asked after STS has answered.
export {
  GetRoleCommand,
  IAMClient,
  ListServiceSpecificCredentialsCommand,
  SimulatePrincipalPolicyCommand
} from '@aws-sdk/client-iam'
