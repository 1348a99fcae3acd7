/**
 * Resolves on the event loop's next turn: after every promise continuation queued now, and every
 * one those queue, has run. An SDK call builds, signs and writes its request in such continuations
 * (its credentials and configuration are already resolved by then), so after `nextTurn()` the
 * requests that were ready to go have been handed to Node's HTTP client. Loading a chunk with
 * require() holds the main thread for milliseconds; waiting for this first keeps it from delaying
 * them.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
