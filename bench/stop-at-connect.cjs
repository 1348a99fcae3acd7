// Preloaded by `npm run bench:instructions` (NODE_OPTIONS=--require): ends the process the moment
// it opens its first connection, so an instruction count covers start-up to the first request and
// nothing after it.
'use strict'
const net = require('node:net')

net.Socket.prototype.connect = function stopHere() {
  process.reallyExit(0)
}
