import { humanDuration } from '../engine/duration.js'
import { stripControls } from '../render/escape.js'

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/**
 * One line on stderr while the checks run, on a terminal only: elapsed time and the AWS call in
 * flight (taken from the engine's debug messages), erased before the report is printed. The line
 * is cut to the terminal's width: a longer one wraps, and `\r` then returns only to its last
 * row, leaving a row behind at every redraw.
 */
export class Progress {
  private timer: NodeJS.Timeout | undefined
  private frame = 0
  private started = 0
  private current = 'resolving credentials'
  private calls = 0

  constructor(
    private readonly stream: NodeJS.WritableStream & { columns?: number },
    private readonly enabled: boolean
  ) {}

  /** Learns what is happening from a debug message (`aws: bedrock:GetInferenceProfile (…)`). */
  note(message: string): void {
    const m = /^aws: (\S+) \(([^)]*)\)/.exec(message)
    if (m) {
      this.calls += 1
      this.current = stripControls(`last: ${m[1]} (${m[2]})`, true)
    }
  }

  start(): void {
    if (!this.enabled) return
    this.started = Date.now()
    this.draw()
    this.timer = setInterval(() => this.draw(), 100)
    this.timer.unref()
  }

  stop(): void {
    if (!this.timer) return
    clearInterval(this.timer)
    this.timer = undefined
    this.stream.write('\r\u001b[K')
  }

  private draw(): void {
    const elapsed = humanDuration(Date.now() - this.started)
    const frame = FRAMES[this.frame++ % FRAMES.length] ?? ''
    const calls = this.calls ? ` · ${this.calls} AWS call${this.calls === 1 ? '' : 's'}` : ''
    const line = `${frame} Checking Bedrock access… ${elapsed}${calls} · ${this.current}`
    this.stream.write(`\r\u001b[K${fit(line, (this.stream.columns ?? 80) - 1)}`)
  }
}

/** The line cut to `width` characters (the last column stays free: writing it wraps in some terminals). */
export function fit(line: string, width: number): string {
  const chars = [...line]
  return chars.length > width ? `${chars.slice(0, Math.max(1, width - 1)).join('')}…` : line
}
