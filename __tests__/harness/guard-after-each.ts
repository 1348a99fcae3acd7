import { blockedConnections } from './net-guard-setup.js'

// Fails the test during which any non-loopback connection was attempted.
afterEach(() => {
  const blocked = blockedConnections().splice(0)
  if (blocked.length)
    throw new Error(`test tried to reach ${blocked.join(', ')}: only 127.0.0.1 is allowed`)
})
