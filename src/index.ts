import { run } from './main.js'

// The runner executes this file. Exit once the report is published, even if an endpoint that
// never answered left a socket or a retry timer behind. (No top-level await: dist/ is CommonJS.)
void run().then(() => process.exit())
