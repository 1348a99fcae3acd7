const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/**
 * One line on stderr while the checks run, on a terminal only: elapsed time and the AWS call in
 * flight (taken from the engine's debug messages), erased before the report is printed.
 */
export class Progress {
  private timer: NodeJS.Timeout | undefined
  private frame = 0
  private started = 0
  private current = 'resolving credentials'
  private calls = 0

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly enabled: boolean
  ) {}

  /** Learns what is happening from a debug message (`aws: bedrock:GetInferenceProfile (…)`). */
  note(message: string): void {
    const m = /^aws: (\S+) \(([^)]*)\)/.exec(message)
    if (m) {
      this.calls += 1
      this.current = `last: ${m[1]} (${m[2]})`
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
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1)
    const frame = FRAMES[this.frame++ % FRAMES.length] ?? ''
    const calls = this.calls ? ` · ${this.calls} AWS call${this.calls === 1 ? '' : 's'}` : ''
    this.stream.write(
      `\r\u001b[K${frame} Checking Bedrock access… ${seconds} s${calls} · ${this.current}`
    )
  }
}
