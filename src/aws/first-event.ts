/**
 * Reads the first event of an event-stream answer (InvokeModelWithResponseStream) and stops: the
 * probe needs to know the model started answering, never what it said. Bounded in time (the run's
 * signal and `FIRST_EVENT_MS`) and in bytes (body-cap.ts, `EVENT_STREAM_LIMIT_BYTES`). An exception
 * event (`validationException`, `throttlingException`, `modelStreamErrorException`, … of the API
 * model's `ResponseStream`) arrives as the SDK's error, observed like any AWS error; a stream that
 * ends, times out or starts with something else is no complete answer (`IncompleteAnswer`).
 */
import type { ObservedError } from '../types/observed-error.js'
import { firstEventProblem, INCOMPLETE_ANSWER, incompleteAnswerMessage } from './complete.js'
import { observeError } from './errors.js'

/** How long the first event may take once the answer has begun (time to the model's first event). */
export const FIRST_EVENT_MS = 20_000

/** What the probe keeps of Anthropic's `message_start`: counts and the model, never content. */
export interface StreamStart {
  model?: string
  inputTokens?: number
  outputTokens?: number
}

export type FirstEvent = { ok: true; start: StreamStart } | { ok: false; error: ObservedError }

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

function startOf(event: unknown): StreamStart {
  const bytes = (event as { chunk: { bytes: Uint8Array } }).chunk.bytes
  const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
    message?: { model?: unknown; usage?: { input_tokens?: unknown; output_tokens?: unknown } }
  }
  const m = parsed.message
  const model = typeof m?.model === 'string' ? m.model.slice(0, 120) : undefined
  const inputTokens = num(m?.usage?.input_tokens)
  const outputTokens = num(m?.usage?.output_tokens)
  return {
    ...(model ? { model } : {}),
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {})
  }
}

export async function readFirstEvent(
  body: AsyncIterable<unknown> | undefined,
  operation: string,
  signal: AbortSignal,
  timeoutMs = FIRST_EVENT_MS
): Promise<FirstEvent> {
  const incomplete = (gap: string): FirstEvent => ({
    ok: false,
    error: {
      code: INCOMPLETE_ANSWER,
      message: incompleteAnswerMessage(operation, 200, gap),
      httpStatus: 200,
      operation
    }
  })
  if (!body) return incomplete('without an event stream')
  const events = body[Symbol.asyncIterator]()
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  const stop = new Promise<'timeout' | 'aborted'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
    onAbort = () => resolve('aborted')
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    const first = await Promise.race([events.next(), stop])
    if (first === 'timeout' || first === 'aborted') {
      return {
        ok: false,
        error: {
          code: 'TimeoutError',
          // The run's own deadline is not the stream's silence: said as access.ts says it.
          message:
            first === 'aborted'
              ? 'The run reached timeout-seconds before AWS answered'
              : `${operation} began answering but sent no event within ${Math.round(timeoutMs / 1000)} s`,
          operation
        }
      }
    }
    if (first.done) return incomplete('without a first event')
    const gap = firstEventProblem(first.value)
    return gap ? incomplete(gap) : { ok: true, start: startOf(first.value) }
  } catch (err) {
    // An exception event, or the connection dropped mid-stream.
    return { ok: false, error: observeError(err, operation) }
  } finally {
    clearTimeout(timer)
    if (onAbort) signal.removeEventListener('abort', onAbort)
    // Stop reading: the rest of the answer is the model's text, which the probe never reads.
    void events.return?.()?.catch(() => undefined)
  }
}
