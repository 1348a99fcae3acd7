/**
 * Runs in every Jest worker before the tests: refuses and records any connection to an address
 * other than loopback, so a test that would reach AWS (or instance metadata) fails instead. A name
 * under `.invalid` fails as an unresolvable name, as in the processes the tests spawn
 * (net-guard.cjs), so in-process runs meet the same DNS failure without a DNS query.
 */
import net from 'node:net'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/
/** RFC 2606 reserves `.invalid`: never resolvable, so never a connection anywhere. */
const UNRESOLVABLE = /\.invalid\.?$/i
const state = globalThis as unknown as { __bpGuard?: { blocked: string[] } }

if (!state.__bpGuard) {
  state.__bpGuard = { blocked: [] }
  const blocked = state.__bpGuard.blocked
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket
  const hostOf = (args: unknown[]): string | null => {
    const first = args[0]
    if (Array.isArray(first)) return hostOf(first)
    if (first && typeof first === 'object') {
      const o = first as { host?: string; path?: string }
      return o.path ? null : String(o.host ?? 'localhost')
    }
    if (typeof first === 'string' && !/^\d+$/.test(first)) return null
    return typeof args[1] === 'string' ? args[1] : 'localhost'
  }
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const host = hostOf(args)
    if (host !== null && UNRESOLVABLE.test(host)) {
      // The error Node's resolver gives for a name that does not exist.
      const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
        errno: -3008,
        code: 'ENOTFOUND',
        syscall: 'getaddrinfo',
        hostname: host
      })
      process.nextTick(() => this.destroy(err))
      return this
    }
    if (host !== null && !LOOPBACK.test(host)) {
      blocked.push(host)
      const err = Object.assign(new Error(`net-guard: connection to ${host} blocked in tests`), {
        code: 'ECONNREFUSED'
      })
      process.nextTick(() => this.destroy(err))
      return this
    }
    return connect.apply(this, args)
  } as typeof net.Socket.prototype.connect
}

/** Hosts a test tried to reach outside loopback (the guard refused them). */
export function blockedConnections(): string[] {
  return state.__bpGuard?.blocked ?? []
}
