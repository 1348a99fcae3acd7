import { blockedConnections } from './net-guard-setup.js'
import { takeOffModel } from './off-model.js'

// Fails the test during which any non-loopback connection was attempted.
afterEach(() => {
  const blocked = blockedConnections().splice(0)
  if (blocked.length)
    throw new Error(`test tried to reach ${blocked.join(', ')}: only 127.0.0.1 is allowed`)
})

// Fails the test whose fake AWS gave an answer AWS's API models do not allow (the test's own
// inline answers included), unless the answer says why it is deliberately outside them.
afterEach(() => {
  const off = takeOffModel()
  if (off.length)
    throw new Error(
      `the fake AWS answered outside AWS's API models (schema/vendor/aws/):\n  ${off.join('\n  ')}`
    )
})
