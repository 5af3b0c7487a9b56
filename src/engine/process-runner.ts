/**
 * Runs one step as a child process in its own process group: the script goes to a file (never into
 * a command line), output streams live line by line, and a timeout or a cancellation kills the whole
 * group, grandchildren included.
 */
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import type { ShellName } from '../spec/types.js'

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
const TAIL_LINES = 40

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

export async function runProcess(req: ProcessRequest): Promise<ProcessResult> {
  await mkdir(req.scratchDir, { recursive: true })
  const extension = typeof req.shell === 'string' ? SCRIPT_EXTENSIONS[req.shell] : ''
  const scriptFile = path.join(req.scratchDir, `${req.id}${extension}`)
  const logFile = path.join(req.scratchDir, `${req.id}.log`)
  let command: string
  let args: string[]
  if (req.argv) [command, ...args] = req.argv as [string, ...string[]]
  else {
    await writeFile(scriptFile, req.script, { mode: 0o700 })
    ;[command, args] = commandFor(req.shell, scriptFile)
  }
  const log = createWriteStream(logFile)
  const tail: string[] = []
  const started = Date.now()

  return await new Promise<ProcessResult>((resolve, reject) => {
    let timedOut = false
    let cancelled = false
    let killTimer: NodeJS.Timeout | undefined
    const child = spawn(command, args, {
      cwd: req.cwd,
      env: req.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const stop = () => {
      if (child.pid === undefined || killTimer) return
      killGroup(child.pid, 'SIGTERM')
      killTimer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), KILL_GRACE_MS)
      killTimer.unref()
    }
    const timeout = req.timeoutMs
      ? setTimeout(() => {
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

    const pump = (stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr') => {
      const decoder = new StringDecoder('utf8')
      let pending = ''
      const emit = (line: string) => {
        tail.push(line)
        if (tail.length > TAIL_LINES) tail.shift()
        req.onLine(name, line)
      }
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk)
        pending += decoder.write(chunk)
        const lines = pending.split(/\r?\n/)
        pending = lines.pop() ?? ''
        for (const line of lines) emit(line)
      })
      stream.on('end', () => {
        pending += decoder.end()
        if (pending) emit(pending)
      })
    }
    pump(child.stdout!, 'stdout')
    pump(child.stderr!, 'stderr')

    child.on('error', err => {
      clearTimeout(timeout)
      log.end()
      reject(new Error(`cannot start ${command} for step ${req.id}: ${err.message}`))
    })
    // A step may leave background children holding its output open: never let them outlive the step.
    child.on('exit', () => {
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL')
    })
    child.on('close', (code, signal) => {
      clearTimeout(timeout)
      req.signal?.removeEventListener('abort', onAbort)
      if (killTimer) clearTimeout(killTimer)
      log.end(() =>
        resolve({
          exitCode: code,
          signal,
          timedOut,
          cancelled,
          durationMs: Date.now() - started,
          logFile,
          tail: tail.join('\n')
        })
      )
    })
  })
}
