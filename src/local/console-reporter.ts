/**
 * The local shell's Reporter: progress and step output on stderr (prefixed, with elapsed time), the
 * final report on stdout, so `retrain run --json > result.json` stays clean.
 */
import { notACommand } from '../terminal-text.js'
import type { Reporter } from '../ports.js'

export class ConsoleReporter implements Reporter {
  private readonly started = Date.now()
  private readonly color: boolean

  constructor(
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly err: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
    /** When false, the final report is not printed (for --json). */
    private readonly printReport = true
  ) {
    this.color = Boolean(this.err.isTTY) && !process.env.NO_COLOR
  }

  private paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text
  }

  private elapsed(): string {
    return this.paint('2', `[${((Date.now() - this.started) / 1000).toFixed(1).padStart(5)}s]`)
  }

  /**
   * Writes `text` (one or more lines) to stderr. Much of it is text the CLI did not choose (a step's
   * output, its name from the spec, messages quoting the data): inside a workflow step it is never
   * carried out as a workflow command (notACommand). The report on stdout is left as it is: it is
   * often redirected to a file, which the runner never reads.
   */
  private line(text: string): void {
    this.err.write(`${notACommand(text)}\n`)
  }

  info(message: string): void {
    this.line(`${this.elapsed()} ${message}`)
  }

  warn(message: string, where?: { file?: string; line?: number; col?: number }): void {
    this.line(`${this.elapsed()} ${this.paint('33', 'warning:')} ${locate(where)}${message}`)
  }

  error(message: string, where?: { file?: string; line?: number; col?: number }): void {
    this.line(`${this.paint('31', 'error:')} ${locate(where)}${message}`)
  }

  startGroup(title: string): void {
    this.line(`${this.elapsed()} ${this.paint('1', `▶ ${title}`)}`)
  }

  endGroup(): void {}

  stepOutput(step: string, stream: 'stdout' | 'stderr', line: string): void {
    this.line(`${this.paint(stream === 'stderr' ? '35' : '36', `  ${step} │`)} ${line}`)
  }

  async report(markdown: string): Promise<void> {
    if (this.printReport) this.out.write(`\n${markdown}\n`)
  }
}

function locate(where?: { file?: string; line?: number; col?: number }): string {
  if (!where?.file) return ''
  return `${where.file}${where.line ? `:${where.line}:${where.col ?? 1}` : ''}: `
}

/**
 * A reader that stops early (`retrain status | head -1`) closes the pipe: what is left of the output
 * is dropped quietly and the command ends as it would have, as command-line tools do.
 */
export function dropOutputOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err
  })
}
