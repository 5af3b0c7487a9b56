// The steps' logs as the run keeps them: secret-looking values of the environment masked, whatever
// chunks the log is read in; and through the built CLI, the kept log of a step that prints a secret.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { Redactor, copyRedacted, secretValues } from '../src/engine/redact.js'
import { makeProject, retrain, toySpec } from './helpers/project.js'

/** The reference: left to right, at each place the longest secret that starts there, else the byte. */
function reference(text: string, secrets: string[]): string {
  const sorted = [...secrets].sort((a, b) => b.length - a.length)
  let out = ''
  for (let i = 0; i < text.length;) {
    const hit = sorted.find(s => text.startsWith(s, i))
    if (hit) {
      out += '***'
      i += hit.length
    } else out += text[i++]
  }
  return out
}

async function redacted(chunks: Buffer[], secrets: string[]): Promise<string> {
  const out: Buffer[] = []
  const redactor = new Redactor(secrets.map(s => Buffer.from(s)).sort((a, b) => b.length - a.length))
  redactor.on('data', (b: Buffer) => out.push(b))
  await new Promise<void>((resolve, reject) => {
    Readable.from(chunks).pipe(redactor).on('end', resolve).on('error', reject)
  })
  return Buffer.concat(out).toString()
}

describe('the redactor', () => {
  it('masks every secret however the log is cut into chunks (random logs, secrets, overlaps and cuts)', async () => {
    let s = 99
    const rand = (n: number) => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n
    const alphabet = 'ab\nxyz'
    for (let round = 0; round < 400; round++) {
      const secrets = Array.from({ length: 1 + rand(3) }, () => Array.from({ length: 8 + rand(6) }, () => alphabet[rand(3)]).join(''))
      let text = ''
      for (let k = 0; k < 20; k++)
        text += rand(3) === 0 ? secrets[rand(secrets.length)] : Array.from({ length: rand(12) }, () => alphabet[rand(alphabet.length)]).join('')
      const bytes = Buffer.from(text)
      const chunks: Buffer[] = []
      for (let at = 0; at < bytes.length;) {
        const size = 1 + rand(16)
        chunks.push(bytes.subarray(at, at + size))
        at += size
      }
      expect(await redacted(chunks, secrets), JSON.stringify({ text, secrets })).toBe(reference(text, secrets))
    }
  })

  it('takes the values of secret-looking names, each line of a multi-line one, and nothing short', () => {
    const values = secretValues({
      HF_TOKEN: 'hf_abcdefghijk',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
      DEPLOY_PRIVATE_KEY: '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END KEY-----',
      DB_PASSWORD: 'short',
      WANDB_API_KEY: '0123456789abcdef',
      HOME: '/home/runner/workspace',
      GIT_AUTHOR_EMAIL: 'someone@example.com'
    }).map(b => b.toString())
    expect(values).toEqual(
      expect.arrayContaining(['hf_abcdefghijk', 'wJalrXUtnFEMI/K7MDENG', 'MIIEvQIBADANBgkqhkiG9w0B', '-----BEGIN KEY-----', '0123456789abcdef'])
    )
    expect(values).not.toContain('short')
    expect(values).not.toContain('/home/runner/workspace')
    expect(values).not.toContain('someone@example.com')
    // Longest first, so a secret that holds another is masked whole.
    expect(values.map(v => v.length)).toEqual([...values.map(v => v.length)].sort((a, b) => b - a))
  })
})

describe('copying a log', () => {
  it('copies a regular file (masked), and refuses a symlink or a pipe put in its place without following or waiting', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'retrain-redact-'))
    try {
      const secret = Buffer.from('s3cret-value-123')
      await writeFile(path.join(dir, 'a.log'), `one ${secret} two\n`)
      await writeFile(path.join(dir, 'empty.log'), '')
      await writeFile(path.join(dir, 'elsewhere.txt'), 'not a log')
      await symlink(path.join(dir, 'elsewhere.txt'), path.join(dir, 'link.log'))
      execFileSync('mkfifo', [path.join(dir, 'pipe.log')])
      expect(await copyRedacted(path.join(dir, 'a.log'), path.join(dir, 'a.out'), [secret])).toBe(true)
      expect(await readFile(path.join(dir, 'a.out'), 'utf8')).toBe('one *** two\n')
      expect(await copyRedacted(path.join(dir, 'a.log'), path.join(dir, 'plain.out'), [])).toBe(true)
      expect(await readFile(path.join(dir, 'plain.out'), 'utf8')).toBe(`one ${secret} two\n`)
      expect(await copyRedacted(path.join(dir, 'empty.log'), path.join(dir, 'empty.out'), [secret])).toBe(true)
      expect(await readFile(path.join(dir, 'empty.out'), 'utf8')).toBe('')
      expect(await copyRedacted(path.join(dir, 'link.log'), path.join(dir, 'link.out'), [secret])).toBe(false)
      expect(await copyRedacted(path.join(dir, 'pipe.log'), path.join(dir, 'pipe.out'), [secret])).toBe(false)
      expect((await readdir(dir)).sort()).toEqual(['a.log', 'a.out', 'elsewhere.txt', 'empty.log', 'empty.out', 'link.log', 'pipe.log', 'plain.out'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('the kept logs of a run', () => {
  it("mask a secret a step prints, in logs/ of the outputs (the logs artifact's files)", async () => {
    const project = await makeProject(
      'test/fixtures/toy',
      toySpec({ train: 'node train.mjs && node -e "console.log(\'key: \' + process.env.TRAINING_API_KEY)"' })
    )
    const secret = 'tk-3f9a1c77e0b2d4'
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out'], { TRAINING_API_KEY: secret })
    expect(res.code, res.stderr).toBe(0)
    const logs = path.join(project, 'out', 'logs')
    const names = (await readdir(logs)).filter(n => n.endsWith('.log'))
    expect(names.length).toBeGreaterThan(0)
    const texts = await Promise.all(names.map(n => readFile(path.join(logs, n), 'utf8')))
    const all = texts.join('\n')
    expect(all).toContain('key: ***')
    expect(all).not.toContain(secret)
  })

  it("mask it in the failed step's last lines that the error quotes (the job summary's too), and in the logs kept", async () => {
    const project = await makeProject(
      'test/fixtures/toy',
      toySpec({ train: 'node -e "console.log(\'key: \' + process.env.TRAINING_API_KEY); process.exit(3)"' })
    )
    const secret = 'tk-77aa0c19e5f3b8'
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out'], { TRAINING_API_KEY: secret })
    expect(res.code).not.toBe(0)
    // The live output is the terminal's (on GitHub the runner masks it); the error that quotes it is kept.
    const quoted = res.stderr.slice(res.stderr.indexOf('error: Step Train failed'))
    expect(quoted).toMatch(/last lines of the step's output ---\nkey: \*\*\*/)
    expect(quoted).not.toContain(secret)
    const logs = path.join(project, 'out', 'logs')
    const kept = (await Promise.all((await readdir(logs)).map(n => readFile(path.join(logs, n), 'utf8')))).join('\n')
    expect(kept).toContain('key: ***')
    expect(kept).not.toContain(secret)
  })
})
