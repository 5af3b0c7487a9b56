/**
 * Runs one step as a child process in its own process group: the script goes to a file (never into
 * a command line), output streams live line by line, and a timeout or a cancellation kills the whole
 * group, grandchildren included.
 *
 * A step ends when its process group ends. A descendant that left the group (`setsid`, a daemon) may
 * keep the output pipes open for as long as it lives; the runner does not wait for it: once the step's
 * own process has exited and the group is gone, the pipes get a short drain period and are then
 * closed on our side, and the step's log says so.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, readlinkSync, type WriteStream } from 'node:fs'
import { mkdir, readdir, readlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { StringDecoder } from 'node:string_decoder'
import { DiskFullError, isDiskFull } from '../errors.js'
import { checkOptionValues } from '../spec/option-values.js'
import type { ShellName } from '../spec/types.js'
import { redactLine, secretValues } from './redact.js'

export type ShellSpec = ShellName | { template: string; posix: boolean }

export interface ProcessRequest {
  /** Step identifier, used for the script and log file names and as the output prefix. */
  id: string
  script: string
  shell: ShellSpec
  /** A command to run as is, without a shell or script file (a built-in trainer); `script` is then unused. */
  argv?: string[]
  cwd: string
  env: Record<string, string>
  timeoutMs?: number
  /** Where the script file and the full log are written. */
  scratchDir: string
  signal?: AbortSignal
  onLine: (stream: 'stdout' | 'stderr', line: string) => void
}

export interface ProcessResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  cancelled: boolean
  durationMs: number
  logFile: string
  /** The last lines of combined output, for error messages. */
  tail: string
}

/** Time between SIGTERM and SIGKILL: the runner allows 7.5 s in all for cleanup after its SIGINT. */
export const KILL_GRACE_MS = 3000
/**
 * Once the group is gone, output already in the pipes arrives within milliseconds; a pipe still open
 * after this long is held by a descendant that left the group, and is no longer waited for.
 */
export const PIPE_DRAIN_MS = 1000
/**
 * How long to wait for a killed group to disappear. Its members die at once from SIGKILL, but a
 * member whose parent does not reap it stays a zombie (and keeps the group alive) indefinitely.
 */
const GROUP_GONE_MAX_MS = 2000
const GROUP_POLL_MS = 25
/** The longest the drain period stretches while the log's disk is too slow to take the output. */
const SLOW_LOG_MAX_MS = 30_000
const TAIL_LINES = 40
/**
 * Characters kept of each tail line: the tail goes into the error (a CLI's stderr, an annotation and
 * the job summary on GitHub), where one line of megabytes (a progress bar without line breaks, a
 * printed array) would bury the rest. The whole line is in the step's log.
 */
const TAIL_LINE_CHARS = 2000

function tailLine(line: string): string {
  if (line.length <= TAIL_LINE_CHARS) return line
  // Not inside a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(line[TAIL_LINE_CHARS - 1]!) ? TAIL_LINE_CHARS - 1 : TAIL_LINE_CHARS
  return `${line.slice(0, end)}… (${line.length - end} more characters of this line in the step's log)`
}

const SCRIPT_EXTENSIONS: Record<ShellName, string> = { bash: '.sh', sh: '.sh', python: '.py', node: '.mjs', pwsh: '.ps1' }

function commandFor(shell: ShellSpec, file: string): [string, string[]] {
  if (typeof shell === 'object') {
    const words = shell.template.trim().split(/\s+/)
    return [words[0]!, words.slice(1).map(w => w.replaceAll('{0}', file))]
  }
  switch (shell) {
    case 'bash':
      return ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', file]]
    case 'sh':
      return ['sh', ['-e', file]]
    case 'python':
      return ['python3', [file]]
    case 'node':
      return ['node', [file]]
    case 'pwsh':
      return ['pwsh', ['-command', `. '${file.replaceAll("'", "''")}'`]]
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is already gone.
  }
}

/** True while any process (a zombie included) is in the group; EPERM means one exists but is not ours. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const delay = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * The process groups of the steps running now. A process that exits before its steps ended (a
 * second Ctrl-C exits at once, without the SIGTERM grace period) kills them on its way out: a
 * step that ignores SIGTERM must never go on training, orphaned, after `retrain` has returned.
 */
const runningGroups = new Set<number>()
process.on('exit', () => {
  for (const pgid of runningGroups) killGroup(pgid, 'SIGKILL')
})

/**
 * The identities (`socket:[inode]` on Linux) of the child's ends of its stdout and stderr, read right
 * after the start, to find later which processes still hold them. Empty where /proc does not exist.
 */
function childOutputEnds(pid: number | undefined): string[] {
  if (pid === undefined) return []
  const ends: string[] = []
  for (const fd of [1, 2]) {
    try {
      ends.push(readlinkSync(`/proc/${pid}/fd/${fd}`))
    } catch {
      // The child already exited, or this system has no /proc: the count is then unknown.
    }
  }
  return ends
}

/** How many processes hold one of `ends` open, or null when it cannot be known (no /proc). */
async function countHolders(ends: readonly string[]): Promise<number | null> {
  if (ends.length === 0) return null
  let pids: string[]
  try {
    pids = (await readdir('/proc')).filter(name => /^\d+$/.test(name) && Number(name) !== process.pid)
  } catch {
    return null
  }
  let holders = 0
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
      if (ends.includes(target)) {
        holders++
        break
      }
    }
  }
  return holders
}

function escapedMessage(holders: number | null): string {
  const who = holders === null || holders === 0 ? 'descendants' : holders === 1 ? '1 descendant' : `${holders} descendants`
  return (
    `[retrain] the step's process group ended; ${who} that left it (setsid, a daemon) still held its output and ` +
    (holders === 1 ? 'was no longer waited for; it keeps running' : 'were no longer waited for; they keep running')
  )
}

/** Writes the step's script file, a full disk there being a DiskFullError that names it. */
async function prepare(dir: string, file: string | null, script: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true })
    if (file !== null) await writeFile(file, script, { mode: 0o700 })
  } catch (err) {
    if (isDiskFull(err)) throw new DiskFullError(file ?? dir, { cause: err })
    throw err
  }
}

export async function runProcess(req: ProcessRequest): Promise<ProcessResult> {
  // A value a program would read as an option stops the step before it starts (spec/option-values.ts).
  const env = checkOptionValues(req.env)
  const extension = typeof req.shell === 'string' ? SCRIPT_EXTENSIONS[req.shell] : ''
  const scriptFile = path.join(req.scratchDir, `${req.id}${extension}`)
  const logFile = path.join(req.scratchDir, `${req.id}.log`)
  let command: string
  let args: string[]
  if (req.argv) [command, ...args] = req.argv as [string, ...string[]]
  else [command, args] = commandFor(req.shell, scriptFile)
  await prepare(req.scratchDir, req.argv ? null : scriptFile, req.script)

  const tail: string[] = []
  // The tail is quoted in the failure's message, the report and the job summary: secrets masked (redact.ts).
  const secrets = secretValues(req.env).map(b => b.toString())
  const started = Date.now()

  return await new Promise<ProcessResult>((resolve, reject) => {
    let timedOut = false
    let cancelled = false
    let killTimer: NodeJS.Timeout | undefined
    /** A failure of the runner itself (the log cannot be written): reported once the step is stopped. */
    let failure: Error | undefined
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined
    let settled = false

    const child = spawn(command, args, {
      cwd: req.cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    if (child.pid !== undefined) runningGroups.add(child.pid)
    const log: WriteStream = createWriteStream(logFile)
    const outputEnds = childOutputEnds(child.pid)
    const streams: Readable[] = [child.stdout!, child.stderr!]
    let openStreams = streams.length

    const stop = () => {
      if (child.pid === undefined || killTimer) return
      killGroup(child.pid, 'SIGTERM')
      killTimer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), KILL_GRACE_MS)
      killTimer.unref()
    }
    const timeout = req.timeoutMs
      ? setTimeout(() => {
          // A step that exited in time has not timed out, even if its output is still draining.
          if (exit) return
          timedOut = true
          stop()
        }, req.timeoutMs)
      : undefined
    const onAbort = () => {
      cancelled = true
      stop()
    }
    if (req.signal?.aborted) onAbort()
    req.signal?.addEventListener('abort', onAbort, { once: true })

    const emit = (name: 'stdout' | 'stderr', line: string) => {
      tail.push(tailLine(secrets.length ? redactLine(line, secrets) : line))
      if (tail.length > TAIL_LINES) tail.shift()
      req.onLine(name, line)
    }

    // Without a listener, a failed write (ENOSPC on the scratch disk) would crash the whole process
    // with the step still running. Instead the step is stopped and the run fails with the reason.
    log.on('error', err => {
      if (failure) return
      failure = isDiskFull(err)
        ? new DiskFullError(logFile, { cause: err })
        : new Error(`cannot write the log of step ${req.id} to ${logFile}: ${err.message}`, { cause: err })
      // Output keeps flowing (and is still shown) so the step never blocks on a full pipe while it stops.
      for (const stream of streams) stream.resume()
      emit('stderr', `[retrain] the step's log cannot be written (${(err as NodeJS.ErrnoException).code ?? err.message}): stopping the step`)
      stop()
    })
    const writeLog = (chunk: Buffer | string, stream?: Readable) => {
      if (failure || log.destroyed) return
      // Backpressure from a slow disk reaches the step, as a terminal's would, instead of piling up in memory.
      if (!log.write(chunk) && stream && !stream.isPaused()) {
        stream.pause()
        log.once('drain', () => stream.resume())
      }
    }

    const pump = (stream: Readable, name: 'stdout' | 'stderr') => {
      const decoder = new StringDecoder('utf8')
      let pending = ''
      stream.on('data', (chunk: Buffer) => {
        writeLog(chunk, stream)
        pending += decoder.write(chunk)
        const lines = pending.split(/\r?\n/)
        pending = lines.pop() ?? ''
        for (const line of lines) emit(name, line)
      })
      // 'close' comes after 'end', and also when the stream is destroyed because an escaped
      // descendant still holds the other end: either way, what was read is complete.
      stream.on('close', () => {
        pending += decoder.end()
        if (pending) emit(name, pending)
        pending = ''
        openStreams--
        settle()
      })
      // A read error on a pipe only ends the output; the step's own exit decides its result.
      stream.on('error', () => {})
    }
    pump(child.stdout!, 'stdout')
    pump(child.stderr!, 'stderr')

    child.on('error', err => {
      if (child.pid !== undefined) return
      // The step never started (no such shell): there is no group to wait for.
      failure ??= new Error(`cannot start ${command} for step ${req.id}: ${err.message}`)
      exit = { code: null, signal: null }
      for (const stream of streams) stream.destroy()
      settle()
    })
    child.on('exit', (code, signal) => {
      exit = { code, signal }
      // A step may leave background children in its group: never let them outlive the step.
      if (child.pid !== undefined) {
        killGroup(child.pid, 'SIGKILL')
        runningGroups.delete(child.pid)
      }
      // The pipes usually closed already (then the step is over now); otherwise they get a drain period.
      settle()
      if (openStreams > 0) void stopWaitingForEscapedOutput(child.pid!)
    })

    /** Once the group is gone, gives the pipes a short drain period, then closes what escaped descendants hold. */
    async function stopWaitingForEscapedOutput(pgid: number): Promise<void> {
      // Each loop stops as soon as the step is over, so no timer outlives it (a CLI would wait for it before exiting).
      for (let waited = 0; !settled && waited < GROUP_GONE_MAX_MS && groupAlive(pgid); waited += GROUP_POLL_MS) await delay(GROUP_POLL_MS)
      // Time spent waiting for a slow disk to take the log (the pipes are paused meanwhile) does not count.
      const draining = (waited: number) => waited < PIPE_DRAIN_MS || (log.writableNeedDrain && !failure && waited < SLOW_LOG_MAX_MS)
      for (let waited = 0; !settled && openStreams > 0 && draining(waited); waited += GROUP_POLL_MS) await delay(GROUP_POLL_MS)
      if (settled || openStreams === 0) return
      const holders = await countHolders(outputEnds)
      const message = escapedMessage(holders)
      emit('stderr', message)
      writeLog(message + '\n')
      for (const stream of streams) stream.destroy()
    }

    function settle(): void {
      if (settled || exit === undefined || openStreams > 0) return
      settled = true
      clearTimeout(timeout)
      if (killTimer) clearTimeout(killTimer)
      req.signal?.removeEventListener('abort', onAbort)
      const { code, signal } = exit
      void closeLog().then(() => {
        if (failure) reject(failure)
        else resolve({ exitCode: code, signal, timedOut, cancelled, durationMs: Date.now() - started, logFile, tail: tail.join('\n') })
      })
    }

    /** Ends the log; a failure to flush it (the disk filled up at the end) fails the step too. */
    async function closeLog(): Promise<void> {
      if (failure || log.destroyed) {
        log.destroy()
        return
      }
      log.end()
      try {
        await finished(log)
      } catch {
        // The 'error' listener above has recorded the failure.
      }
    }
  })
}
