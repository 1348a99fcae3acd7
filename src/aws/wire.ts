import { Agent as HttpAgent, type AgentOptions, type ClientRequestArgs } from 'node:http'
import { Agent as HttpsAgent, type RequestOptions } from 'node:https'
import type { Duplex } from 'node:stream'

type Callback = (err: Error | null, stream: Duplex) => void

/** Calls `onReady` once `event` (or an error, or close) happens on a new connection. */
function watch(socket: Duplex | null | undefined, event: string, onReady: () => void): void {
  if (!socket) return
  socket.once(event, onReady)
  socket.once('error', onReady)
  socket.once('close', onReady)
}

/**
 * Keep-alive agents (one per scheme, shared by every client) that say when the first connection
 * can carry a request: TCP connected for http, TLS established for https. Node writes a request
 * that waited for its socket at that moment, so from then on the main thread can do heavy work
 * (loading the Bedrock and IAM code) without holding the request back.
 */
export class WireAgents {
  // No destroy() of its own: NodeHttpHandler.destroy() (AwsAccess.destroy) closes both agents.
  readonly http: HttpAgent
  readonly https: HttpsAgent
  /** Settles when the first connection is ready or has failed. */
  readonly firstConnection: Promise<void>

  constructor(options: AgentOptions) {
    let announce = () => {}
    this.firstConnection = new Promise<void>((resolve) => (announce = resolve))
    const onReady = () => announce()
    this.http = new (class extends HttpAgent {
      override createConnection(args: ClientRequestArgs, callback?: Callback) {
        const socket = super.createConnection(args, callback)
        watch(socket, 'connect', onReady)
        return socket
      }
    })(options)
    this.https = new (class extends HttpsAgent {
      override createConnection(args: RequestOptions, callback?: Callback) {
        const socket = super.createConnection(args, callback)
        watch(socket, 'secureConnect', onReady)
        return socket
      }
    })(options)
  }
}
