import { main } from './cli/run.js'

// `bedrock-preflight` on a laptop. Exit once the report is printed, even if an endpoint that
// never answered left a socket or a retry timer behind. (No top-level await: dist/ is CommonJS.)
void main(process.argv.slice(2)).then((code) => process.exit(code))
