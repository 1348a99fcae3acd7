import type { AwsAccess } from '../../aws/access.js'
import { MantleTransport } from '../../aws/mantle.js'

/** The run's one bedrock-mantle transport (imported here, so it loads with the mantle checks). */
export function mantleOf(aws: AwsAccess): MantleTransport {
  return aws.once('bedrock-mantle', () => new MantleTransport(aws.mantleOptions()))
}
