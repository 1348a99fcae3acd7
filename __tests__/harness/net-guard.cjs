// Preloaded into every process the tests spawn (NODE_OPTIONS=--require): any connection to an
// address other than loopback is refused and written to BP_NET_GUARD_LOG, which the test checks.
'use strict'
const net = require('node:net')
const fs = require('node:fs')

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/

function target(args) {
  const first = args[0]
  if (Array.isArray(first)) return target(first)
  if (first && typeof first === 'object')
    return first.path ? null : String(first.host ?? 'localhost')
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null // a Unix socket path
  return typeof args[1] === 'string' ? args[1] : 'localhost'
}

// RFC 2606 reserves .invalid: tests use it to simulate a name that does not resolve. The error is
// the one Node's resolver gives, synthesized here so no DNS query ever leaves the machine.
const UNRESOLVABLE = /\.invalid\.?$/i

function dnsFailure(host) {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
    errno: -3008,
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: host
  })
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(...args) {
  const host = target(args)
  if (host !== null && UNRESOLVABLE.test(host)) {
    process.nextTick(() => this.destroy(dnsFailure(host)))
    return this
  }
  if (host !== null && !LOOPBACK.test(host)) {
    const line = `${new Date().toISOString()} blocked connection to ${host}\n`
    if (process.env.BP_NET_GUARD_LOG) fs.appendFileSync(process.env.BP_NET_GUARD_LOG, line)
    const err = Object.assign(new Error(`net-guard: connection to ${host} blocked in tests`), {
      code: 'ECONNREFUSED'
    })
    process.nextTick(() => this.destroy(err))
    return this
  }
  return connect.apply(this, args)
}
