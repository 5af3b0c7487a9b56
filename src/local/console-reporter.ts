/**
 * The local shell's Reporter: progress and step output on stderr (prefixed, with elapsed time), the
 * final report on stdout, so `retrain run --json > result.json` stays clean.
 */
import { randomBytes } from 'node:crypto'
import type { Reporter } from '../ports.js'

/**
 * Inside a workflow step the runner reads the CLI's output for workflow commands: a line that starts
 * with `::` (it also ends lines at a lone carriage return, as progress bars print) or holds `##[`.
 * A step's output line that could hold one is written between `::stop-commands::` and the resume
 * line of a token only this process knows, so the runner shows it and carries none of it out.
 */
const COMMAND_LIKE = /::|##\[/
const STOP_TOKEN = randomBytes(16).toString('hex')

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

  info(message: string): void {
    this.err.write(`${this.elapsed()} ${message}\n`)
  }

  warn(message: string, where?: { file?: string; line?: number; col?: number }): void {
    this.err.write(`${this.elapsed()} ${this.paint('33', 'warning:')} ${locate(where)}${message}\n`)
  }

  error(message: string, where?: { file?: string; line?: number; col?: number }): void {
    this.err.write(`${this.paint('31', 'error:')} ${locate(where)}${message}\n`)
  }

  startGroup(title: string): void {
    this.err.write(`${this.elapsed()} ${this.paint('1', `▶ ${title}`)}\n`)
  }

  endGroup(): void {}

  stepOutput(step: string, stream: 'stdout' | 'stderr', line: string): void {
    const prefix = this.paint(stream === 'stderr' ? '35' : '36', `  ${step} │`)
    if (process.env.GITHUB_ACTIONS === 'true' && COMMAND_LIKE.test(line))
      this.err.write(`::stop-commands::${STOP_TOKEN}\n${prefix} ${line}\n::${STOP_TOKEN}::\n`)
    else this.err.write(`${prefix} ${line}\n`)
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
