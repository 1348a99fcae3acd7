import { DocUrl } from './doc-url.js'
import { fact } from './fact.js'

/**
 * Commercial, GovCloud, China and European Sovereign Cloud region codes known when this version
 * was built. Only a hint: a well-formed region missing here is reported as unknown (warn), never
 * rejected.
 */
export const KNOWN_REGIONS_FACT = fact<readonly string[]>(
  'Region codes',
  [
    'af-south-1',
    'ap-east-1',
    'ap-east-2',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ca-central-1',
    'ca-west-1',
    'cn-north-1',
    'cn-northwest-1',
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'eu-south-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eusc-de-east-1',
    'il-central-1',
    'me-central-1',
    'me-south-1',
    'mx-central-1',
    'sa-east-1',
    'us-east-1',
    'us-east-2',
    'us-gov-east-1',
    'us-gov-west-1',
    'us-west-1',
    'us-west-2'
  ],
  DocUrl.awsEndpoints
)
export const KNOWN_REGIONS = KNOWN_REGIONS_FACT.value

export interface Partition {
  id: string
  /** How its region codes start (`''`: every region no other partition claims). */
  regionPrefix: string
  /** Where IAM, global per partition, signs its requests. */
  iamRegion: string
  /** The DNS suffix of its service endpoints. */
  dnsSuffix: string
}

/**
 * AWS partitions: ARNs and IAM's signing region depend on them. The European Sovereign Cloud is
 * its own partition, `aws-eusc`, with endpoints under `amazonaws.eu` (reference bedrock.md §00).
 */
export const PARTITIONS_FACT = fact<readonly Partition[]>(
  'Partitions',
  [
    {
      id: 'aws-us-gov',
      regionPrefix: 'us-gov-',
      iamRegion: 'us-gov-west-1',
      dnsSuffix: 'amazonaws.com'
    },
    { id: 'aws-cn', regionPrefix: 'cn-', iamRegion: 'cn-north-1', dnsSuffix: 'amazonaws.com.cn' },
    {
      id: 'aws-eusc',
      regionPrefix: 'eusc-',
      iamRegion: 'eusc-de-east-1',
      dnsSuffix: 'amazonaws.eu'
    },
    { id: 'aws', regionPrefix: '', iamRegion: 'us-east-1', dnsSuffix: 'amazonaws.com' }
  ],
  DocUrl.sovereignCloud
)
