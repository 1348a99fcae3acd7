// The second floor under the cold-start figure: the AWS SDK's STS client sending one
// GetCallerIdentity, and nothing of ours. `npm run bench` bundles it into a temporary directory with
// the same settings as dist/ (scripts/bundle.mjs) and runs it exactly like dist/index.js,
// so the gap between this floor and the action is what our own code costs before its first request.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'

const client = new STSClient({ region: process.env.AWS_REGION ?? 'us-east-1', maxAttempts: 1 })
client.send(new GetCallerIdentityCommand({})).then(
  () => process.exit(0),
  () => process.exit(1)
)
