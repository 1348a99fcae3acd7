// The Service Quotas client and the reads the quota check sends. Loaded on demand by AwsAccess (a
// separate chunk of dist/), once the first request is on the wire.
export {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  ListServiceQuotasCommand,
  ServiceQuotasClient
} from '@aws-sdk/client-service-quotas'
