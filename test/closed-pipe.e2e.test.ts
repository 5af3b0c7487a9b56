// Output to a reader that stops early (`retrain --help | head -1`, `retrain status | head -1`) ends
// quietly: the exit code the command would have had, and no stack trace of an unhandled EPIPE.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/cli.js')

/** Runs the built CLI with stdout into a reader that closes after the first line (or at once). */
function firstLineThenClose(args: string[], closeAtOnce: boolean): Promise<{ code: number | null; line: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let stderr = ''
    if (closeAtOnce) child.stdout.destroy()
    else
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) child.stdout.destroy()
      })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', code => resolve({ code, line: out.split('\n')[0]!, stderr }))
  })
}

describe('a closed output pipe', () => {
  it.each([
    ['--help', false],
    ['--help', true],
    ['--version', true]
  ])('ends `retrain %s` quietly when the reader closes (at once: %s)', async (arg, atOnce) => {
    const { code, line, stderr } = await firstLineThenClose([arg], atOnce)
    expect(code).toBe(0)
    expect(stderr).toBe('')
    if (!atOnce) expect(line).toMatch(/^retrain/)
  })

  it('ends quietly under a shell pipeline into head -1', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" --help | head -1`], { encoding: 'utf8' })
    expect(r.stdout).toMatch(/^retrain .*\n$/)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
