import { DocUrl } from './doc-url.js'
import { fact } from './fact.js'

/**
 * The regions AWS lists for bedrock-mantle (AWS UG `endpoints-region-availability`, read 2026).
 * Only a hint: the host of a region missing here that does not resolve is explained with it; a
 * region that answers is used whatever this list says. Elsewhere `bedrock-mantle.<region>.api.aws`
 * does not exist (us-west-1 is NXDOMAIN, obra/lace#355).
 */
export const MANTLE_REGIONS_FACT = fact<readonly string[]>(
  'bedrock-mantle regions',
  [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-central-1',
    'eu-north-1',
    'eu-south-1',
    'eu-west-1',
    'eu-west-2',
    'ap-northeast-1',
    'ap-south-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'sa-east-1',
    'us-gov-west-1'
  ],
  DocUrl.mantleRegions
)
export const MANTLE_REGIONS = MANTLE_REGIONS_FACT.value
