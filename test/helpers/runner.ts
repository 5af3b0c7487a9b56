/**
 * Helpers for the runner's end-to-end tests: the toy spec with a chosen training script, bounded
 * waits, process checks that treat a zombie as gone, and small tmpfs mounts that fill up.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CLI, toySpec as baseToySpec, type ToySpecOptions } from './project.js'

/** The toy spec whose rule accepts any candidate: these tests are about the steps, not the verdict. */
export function toySpec(options: Omit<ToySpecOptions, 'margin'> = {}): string {
  return baseToySpec({ ...options, margin: -100 })
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/** Polls `check` every 50 ms until it holds; false when `limitMs` passed first. */
export async function waitFor(check: () => boolean | Promise<boolean>, limitMs = 15_000): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 50) {
    if (await check()) return true
    await sleep(50)
  }
  return await check()
}

/** True while the process exists and is not a zombie (a zombie has stopped running; only its entry is left). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return true
  }
}

export function readPid(file: string): number | null {
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').trim())
  return Number.isInteger(pid) && pid > 0 ? pid : null
}

/** SIGKILLs a process this test started (through a pid file it wrote), if it still runs. */
export function killPidFile(file: string): void {
  const pid = readPid(file)
  if (pid === null) return
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** The CLI as a child process, with its output collected, for tests that signal it mid-run. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  closed: Promise<number | null>
}

export function startCli(cwd: string, args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const closed = new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return { child, stdout: () => stdout, stderr: () => stderr, closed }
}

/** Waits at most `limitMs` for the CLI to exit; SIGKILLs it (and returns null) if it did not. */
export async function exitOf(cli: CliProcess, limitMs = 40_000): Promise<number | null | 'hung'> {
  const timer = sleep(limitMs).then(() => 'hung' as const)
  const result = await Promise.race([cli.closed, timer])
  if (result === 'hung') cli.child.kill('SIGKILL')
  return result
}

export interface Tmpfs {
  dir: string
  unmount(): Promise<void>
}

/**
 * Mounts a tmpfs of `sizeKiB` on a new directory, or returns the reason it cannot (not root, no
 * mount permission in this container), for the test to skip with it.
 */
export async function mountTmpfs(sizeKiB: number): Promise<Tmpfs | string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-tmpfs-test-'))
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { encoding: 'utf8' })
  if (res.status !== 0) {
    await rm(dir, { recursive: true, force: true })
    return `mount -t tmpfs was refused (${(res.stderr || res.error?.message || `exit ${res.status}`).trim()}); the full-disk tests need root and mount permission`
  }
  return {
    dir,
    async unmount() {
      // A lazy unmount still detaches it when a process the test could not stop keeps a file open.
      if (spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir])
      await rm(dir, { recursive: true, force: true })
    }
  }
}
