/**
 * A new user's first hour, through the built CLI: the mistakes and accidents of a first session
 * (output piped into `head`, two runs racing, approving the wrong version, a metrics file that is
 * not what the spec says) each end with a clear message and the exit code the README documents, and
 * the registry as `retrain status` then shows it.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, makeProject, REPO, retrain, toySpec } from './helpers/project.js'

const SPEC = toySpec()

async function status(project: string): Promise<{ champion: number | null; versions: { version: number; status: string }[] }> {
  const res = await retrain(project, ['status', '--spec', 'retrain.yml', '--json'])
  expect(res.code, res.stderr).toBe(0)
  return JSON.parse(res.stdout)
}

describe('progress into a reader that stops early', () => {
  it('`retrain run 2>&1 | head -1`: the run goes on to its decision and exits as it would have', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    // stderr (the progress) is closed after its first chunk, as `head -1` does.
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(resolve => {
      const child = spawn(process.execPath, [CLI, 'run', '--spec', 'retrain.yml'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] })
      let text = ''
      child.stderr.once('data', (chunk: Buffer) => {
        text += chunk.toString()
        child.stderr.destroy()
      })
      child.on('close', c => resolve({ code: c, stderr: text }))
    })
    expect(stderr).toMatch(/Retraining toy/)
    expect(code).toBe(0)
    expect(await status(project)).toMatchObject({ champion: 1, versions: [{ version: 1, status: 'promoted' }] })
  })
})

describe('two runs of the same model at once', () => {
  it('the one that loses the race exits 5 saying stale-baseline, and its report does not claim a wrong champion', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    // The second run starts and finishes inside the first one's training step: the champion moves meanwhile.
    await writeFile(
      path.join(project, 'racing.yml'),
      toySpec({ train: 'node "$RETRAIN_CLI" run --spec retrain.yml --out inner-out > inner.log 2>&1\nnode train.mjs' })
    )
    const res = await retrain(project, ['run', '--spec', 'racing.yml', '--out', 'outer-out'])
    expect(res.code, res.stderr).toBe(5)
    expect(res.stderr).toMatch(/Result: rejected \(stale-baseline\)/)
    expect(res.stderr).toMatch(/^error: stale-baseline: the candidate of toy was compared with no champion, but the champion is now version 1/m)
    expect(res.stdout).not.toMatch(/champion stays no champion/)
    expect(res.stdout).toMatch(/version 2 was not promoted: the champion moved while it was trained \(stale-baseline\)/)
    expect(res.stdout).not.toMatch(/\.\./)
    expect(await status(project)).toMatchObject({
      champion: 1,
      versions: [
        { version: 1, status: 'promoted' },
        { version: 2, status: 'rejected' }
      ]
    })
  })
})

describe('approving the wrong version', () => {
  it('approving the champion says it is already the champion (exit 0), a retired earlier champion is refused (exit 2), neither stale-baseline; nothing changes', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    for (const out of ['g1', 'g2']) expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', out])).code).toBe(0)
    const before = await status(project)
    expect(before.champion).toBe(2)

    const champion = await retrain(project, ['approve', '2', '--spec', 'retrain.yml'])
    expect(champion.code, champion.stderr).toBe(0)
    expect(champion.stdout).toMatch(/^toy version 2 is already the champion: nothing changed, nothing needed doing$/m)
    expect(champion.stderr).not.toMatch(/error/)
    const retired = await retrain(project, ['approve', '1', '--spec', 'retrain.yml'])
    expect(retired.code).toBe(2)
    expect(retired.stderr).toMatch(/version 1 was already promoted; roll back to make it the champion again/)
    for (const res of [champion, retired]) expect(res.stderr).not.toMatch(/stale-baseline/)
    expect(await status(project)).toEqual(before)
  })
})

describe('a metrics file that is not what the spec says', () => {
  const withEvaluate = (evaluate: string) => SPEC.replace('run: node evaluate.mjs', `run: |\n    ${evaluate}`)

  it('invalid JSON: exit 4, naming the role and $RETRAIN_METRICS_FILE, not a scratch path that is gone after the run', async () => {
    const project = await makeProject('test/fixtures/toy', withEvaluate(`echo nope > "$RETRAIN_METRICS_FILE"`))
    const res = await retrain(project, ['run', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(4)
    expect(res.stderr).toMatch(/error: the metrics file the evaluate command wrote for the candidate \(\$RETRAIN_METRICS_FILE\) is not valid JSON/)
    expect(res.stderr).not.toMatch(/retrain-[A-Za-z0-9]{6}\//)
    expect((await status(project)).versions).toEqual([])
  })

  it('a metric the rules judge but the file lacks: the warning lists what the file has and the name probably meant', async () => {
    const project = await makeProject('test/fixtures/toy', withEvaluate(`echo '{"scor": 1, "loss": 2}' > "$RETRAIN_METRICS_FILE"`))
    const res = await retrain(project, ['run', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(/the candidate's metrics file has no "score" \(it has "scor", "loss"; did you mean "scor"\?\); rules on it fail closed/)
  })
})

describe('help', () => {
  it("each command's --help names an option's value as the overview does (FILE, DIR, NAME=VALUE), in that command's words", async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const run = await retrain(project, ['run', '--help'])
    expect(run.stdout).toMatch(/--spec FILE/)
    expect(run.stdout).toMatch(/--registry DIR/)
    expect(run.stdout).toMatch(/--param NAME=VALUE/)
    expect(run.stdout).not.toMatch(/--[a-z-]+ VALUE/)
    const promote = await retrain(project, ['promote', '--help'])
    expect(promote.stdout).toMatch(/--candidate N +the version to promote/)
    expect(promote.stdout).toMatch(/--expect-champion M\|none/)
    expect(promote.stdout).not.toMatch(/predictions/)
    const compare = await retrain(project, ['compare', '--help'])
    expect(compare.stdout).toMatch(/--candidate FILE +the candidate's predictions/)
  })

  it('validate counts in words: 1 step, 1 rule', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, ['validate', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/valid \(model toy, 1 step, 2 metrics, 1 rule, mode auto\)/)
  })
})

describe('a dry run', () => {
  it('says on its result line that it was a dry run and what the decision would be, not only "skipped"', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--dry-run'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(/Result: skipped \(dry run: nothing changed; would be promoted\)\. Outputs in/)
    expect((await status(project)).versions).toEqual([])
  })
})

describe("a champion's bundle damaged on disk", () => {
  it('exit 6 naming the file, with how to repair it; the registry is unchanged, and the copy from the run folder repairs it', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g1'])).code).toBe(0)
    const stored = path.join(project, '.retrain/registry/toy/versions/1/model.tar')
    await rm(stored)
    const before = await status(project)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g2'])
    expect(res.code, res.stderr).toBe(6)
    expect(res.stderr).toContain(`${stored} does not exist`)
    expect(res.stderr).toMatch(/copy model\.tar and manifest\.json back from the bundle\/ folder of the run that stored that version/)
    expect(await status(project)).toEqual(before)

    await copyFile(path.join(project, 'g1/bundle/model.tar'), stored)
    const repaired = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g3'])
    expect(repaired.code, repaired.stderr).toBe(0)
    expect((await status(project)).champion).toBe(2)
  })
})

describe('approving a version a person rejected at its gate', () => {
  it('says who rejected it and why, not the run\'s old decision "pending-approval"; a forced approval with a reason promotes it', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec({ mode: 'gate' }))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g1'])).code).toBe(0)
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g2'])).code).toBe(0)
    const rejected = await retrain(project, ['reject', '2', '--spec', 'retrain.yml', '--reason', 'looks overfit', '--actor', 'reviewer'])
    expect(rejected.code, rejected.stderr).toBe(0)
    const before = await status(project)

    const plain = await retrain(project, ['approve', '2', '--spec', 'retrain.yml'])
    expect(plain.code).toBe(2)
    expect(plain.stderr).toMatch(/version 2 was rejected by reviewer \(looks overfit\); only a forced approval with a reason can promote it/)
    expect(plain.stderr).not.toMatch(/pending-approval/)
    expect(await status(project)).toEqual(before)

    const forced = await retrain(project, ['approve', '2', '--spec', 'retrain.yml', '--force', '--reason', 'holdout was mislabeled'])
    expect(forced.code, forced.stderr).toBe(0)
    expect((await status(project)).champion).toBe(2)
  })
})

describe('--out naming a file', () => {
  it.each([['retrain.yml'], ['retrain.yml/out']])('--out %s is refused with exit 2 before any step runs; nothing changes', async out => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', out])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toMatch(new RegExp(`error: --out ${out}: .*is a file, not a directory for the run's outputs`))
    expect(res.stderr).not.toMatch(/Step Train/)
    expect((await status(project)).versions).toEqual([])
  })
})

describe("an example's 'by hand' commands, as its README writes them", () => {
  it('examples/cars-builtin: training and evaluating by hand gives generation 1 of its table', async () => {
    const readme = await readFile(path.join(REPO, 'examples/cars-builtin/README.md'), 'utf8')
    const block = /## Running a step by hand[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'retrain-by-hand-'))
    // The README's commands, from the repository's root, with its /tmp folder moved into this test's own.
    const script = block.replaceAll('/tmp/cars-builtin', scratch)
    const res = spawnSync('bash', ['-e', '-c', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect(res.status, res.stderr).toBe(0)
    const metrics = JSON.parse(await readFile(path.join(scratch, 'g1-metrics.json'), 'utf8'))
    const row = /\| generation 1 \(1970-1975\) \| ([\d.-]+) \| ([\d.-]+) \| ([\d.-]+) \|/.exec(readme)!
    expect([metrics.rmse.toFixed(2), metrics.mae.toFixed(2), metrics.r2.toFixed(2)]).toEqual([row[1], row[2], row[3]])
  })
})

describe('Ctrl-C twice', () => {
  it('a second SIGINT exits 130 at once and kills the step, even one that ignores SIGTERM; the next run starts clean', async () => {
    // The step ignores SIGTERM and SIGINT (as a trainer saving a checkpoint would, for a while) and writes its pid.
    const train = `trap '' TERM INT\necho $$ > step.pid\nfor i in $(seq 1 400); do sleep 0.05 || true; done\nnode train.mjs`
    const project = await makeProject('test/fixtures/toy', toySpec({ train }))
    const child = spawn(process.execPath, [CLI, 'run', '--spec', 'retrain.yml'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    const waitFor = async (what: RegExp) => {
      for (let i = 0; i < 400 && !what.test(stderr); i++) await new Promise(r => setTimeout(r, 25))
      expect(stderr).toMatch(what)
    }
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const closed = new Promise<number | null>(resolve => child.on('close', resolve))
    await waitFor(/▶ Step Train/)
    let pid = 0
    for (let i = 0; i < 400 && !pid; i++) {
      pid = Number(await readFile(path.join(project, 'step.pid'), 'utf8').catch(() => '0'))
      if (!pid) await new Promise(r => setTimeout(r, 25))
    }
    expect(pid).toBeGreaterThan(0)
    child.kill('SIGINT')
    await waitFor(/SIGINT received: stopping the running step/)
    child.kill('SIGINT')
    expect(await closed).toBe(130)
    expect(stderr).toMatch(/SIGINT received again: killing the running step and exiting/)
    // The step's shell is gone (SIGKILL is at once; the poll only waits for it to be reaped), not left training.
    const alive = () => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    for (let i = 0; i < 80 && alive(); i++) await new Promise(r => setTimeout(r, 25))
    expect(alive()).toBe(false)
    expect((await status(project)).versions).toEqual([])
    await writeFile(path.join(project, 'retrain.yml'), SPEC)
    const again = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'again'])
    expect(again.code, again.stderr).toBe(0)
    expect((await status(project)).champion).toBe(1)
  })
})

describe('status after two runs on the same evaluation data', () => {
  it('shows no "evaluated on" column of one unexplained letter; it appears with its explanation once the data changes', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    for (const out of ['g1', 'g2']) expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', out])).code).toBe(0)
    const same = await retrain(project, ['status', '--spec', 'retrain.yml'])
    expect(same.code, same.stderr).toBe(0)
    expect(same.stdout).toMatch(/\| version \| status +\| baseline \| score +\| loss +\| created +\|/)
    expect(same.stdout).not.toMatch(/evaluated on/)
    await writeFile(path.join(project, 'data/eval.csv'), 'x,y\n9,9\n')
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g3'])).code).toBe(0)
    const changed = await retrain(project, ['status', '--spec', 'retrain.yml'])
    expect(changed.stdout).toMatch(/\| evaluated on \|/)
    expect(changed.stdout).toMatch(/The evaluation data changed at version 3/)
  })
})

describe('retrain plan with a grid', () => {
  it('lines up the params of long grid names with the others', async () => {
    const project = await makeProject('test/fixtures/toy', `${SPEC}challengers:\n  small: { delta: 0.5 }\n  grid: { delta: [1, 2], note: [first-try] }\n`)
    const res = await retrain(project, ['plan', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(0)
    const lines = res.stdout.split('\n').filter(l => l.startsWith('  '))
    expect(lines.length).toBe(3)
    expect(lines.some(l => l.includes('grid-delta-1-note-first-try'))).toBe(true)
    const columns = new Set(lines.map(l => l.indexOf('delta=')))
    expect(columns.size).toBe(1)
  })
})

describe('no spec where the default says', () => {
  it('says it looked for the default spec and how to name another, exit 2', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, ['run'])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/^error: \.github\/retrain\.yml: cannot read the spec: no such file \(the default spec; name another with --spec FILE\)$/m)
  })
})

describe('status of a model the registry does not hold', () => {
  it('exit 0 with an empty status, and a note on stderr naming the registry folder and the model probably meant', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    expect((await retrain(project, ['run', '--spec', 'retrain.yml'])).code).toBe(0)
    const typo = await retrain(project, ['status', '--model', 'toys'])
    expect(typo.code, typo.stderr).toBe(0)
    expect(typo.stdout).toMatch(/Champion: no champion/)
    expect(typo.stderr).toContain(`note: No version of toys in the registry ${path.join(project, '.retrain/registry')} (it holds "toy"; did you mean "toy"?)`)
    const elsewhere = await retrain(project, ['status', '--spec', 'retrain.yml', '--registry', 'other'])
    expect(elsewhere.stderr).toContain(`No version of toy in the registry ${path.join(project, 'other')} (no model there yet)`)
    const json = await retrain(project, ['status', '--model', 'toys', '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ model: 'toys', versions: [] })
  })
})

describe('Ctrl-C while the champion is evaluated', () => {
  it('exits 130 (cancelled), not 4 (the champion could not be evaluated); nothing changes', async () => {
    const evaluate = [
      'run: |',
      '    if [ "$RETRAIN_EVAL_ROLE" = baseline ]; then',
      '      touch baseline-started',
      '      for i in $(seq 1 400); do sleep 0.05; done',
      '    fi',
      '    node evaluate.mjs'
    ].join('\n')
    const project = await makeProject('test/fixtures/toy', SPEC.replace('run: node evaluate.mjs', evaluate))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g1'])).code).toBe(0)
    const before = await status(project)
    const child = spawn(process.execPath, [CLI, 'run', '--spec', 'retrain.yml', '--out', 'g2'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const closed = new Promise<number | null>(resolve => child.on('close', resolve))
    const started = path.join(project, 'baseline-started')
    for (let i = 0; i < 400 && !existsSync(started); i++) await new Promise(r => setTimeout(r, 25))
    expect(existsSync(started)).toBe(true)
    child.kill('SIGINT')
    expect(await closed).toBe(130)
    expect(stderr).toMatch(/error: cancelled by a signal/)
    expect(stderr).not.toMatch(/could not be evaluated/)
    expect(await status(project)).toEqual(before)
  })
})

describe('a cached step restored on the second run', () => {
  it('counts its one restored file as "1 file"', async () => {
    const steps = [
      'steps:',
      '  - name: Features',
      '    run: mkdir -p features && cp data/train.csv features/',
      '    cache:',
      '      outputs: [features]',
      '      data: [train]',
      '  - name: Train'
    ].join('\n')
    const project = await makeProject('test/fixtures/toy', SPEC.replace('steps:\n  - name: Train', steps))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g1'])).code).toBe(0)
    const hit = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'g2'])
    expect(hit.code, hit.stderr).toBe(0)
    expect(hit.stderr).toMatch(/Step Features: restored from cache retrain-features-[0-9a-f]+ \(1 file, \d+ bytes\)/)
  })
})

describe('a first model the spec rejects', () => {
  it('says there is still no champion, not "champion stays no champion"', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec({ firstModel: 'reject' }))
    const res = await retrain(project, ['run', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/\*\*version 1 was not promoted \(there is still no champion\)\.\*\*/)
    expect(res.stdout).not.toMatch(/champion stays no champion/)
  })
})

describe('--param mistakes', () => {
  it.each([
    [['--param', 'delta=5', '--param', 'delta=6'], /error: --param "delta" is given twice, as "5" and "6"; give it once/],
    [['--param', '__proto__=1'], /error: unknown param "__proto__" from --param/],
    [['--param', 'delta=abc'], /error: param "delta" from --param must be a number \(got "abc"\)/]
  ])('retrain run %j is refused with exit 2 before anything runs', async (args, message) => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', ...args])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toMatch(message)
    expect(res.stderr).not.toMatch(/Step Train/)
    expect((await status(project)).versions).toEqual([])
  })
})

describe('a built-in trainer run by hand from a terminal', () => {
  it('without RETRAIN_BUILTIN_OPTIONS says that is what is missing, exit 2', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, ['train', 'online-gradient-descent'], { RETRAIN_BUILTIN_OPTIONS: '' })
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/needs with\.label/)
    expect(res.stderr).toMatch(/RETRAIN_BUILTIN_OPTIONS is not set: run this through a spec's uses: step, or set it to the with: options as a JSON object/)
  })
})

describe('--keep-work-dir', () => {
  it('says where the kept scratch directory is, and it is there after the run', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--keep-work-dir'])
    expect(res.code, res.stderr).toBe(0)
    const kept = /Kept the run's scratch directory \(--keep-work-dir\): (\S+)/.exec(res.stderr)
    expect(kept).not.toBeNull()
    expect(existsSync(path.join(kept![1]!, 'model'))).toBe(true)
    await rm(kept![1]!, { recursive: true, force: true })
  })
})

describe('retrain compare on predictions files, with a metric read from the metrics file', () => {
  it('names the metric that predictions cannot judge, instead of a bare "no metric" failure', async () => {
    const spec = SPEC.replace('  data: eval\nmetrics:', '  data: eval\n  predictions: { task: regression }\nmetrics:').replace(
      '  loss:\n    goal: minimize',
      '  rmse:\n    goal: minimize\n    compute: rmse\n    change:\n      - margin: -1'
    )
    const project = await makeProject('test/fixtures/toy', spec)
    const rows = (offset: number) => ['id,label,prediction', ...[1, 2, 3, 4, 5, 6].map(i => `${i},${i},${i + offset}`)].join('\n') + '\n'
    await writeFile(path.join(project, 'c.csv'), rows(0.1))
    await writeFile(path.join(project, 'b.csv'), rows(0.5))
    const res = await retrain(project, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.csv', '--baseline', 'b.csv'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/Not judged from predictions: score is read from the evaluate command's metrics file/)
    const json = await retrain(project, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.csv', '--baseline', 'b.csv', '--json'])
    expect(JSON.parse(json.stdout).notInPredictions).toEqual(['score'])
  })
})

describe('an output folder used again', () => {
  it("a run that fails leaves no earlier run's result.json (saying promoted) beside its own logs", async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out'])).code).toBe(0)
    expect(existsSync(path.join(project, 'out/result.json'))).toBe(true)
    const failed = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'fail=true'])
    expect(failed.code, failed.stderr).toBe(3)
    expect(existsSync(path.join(project, 'out/logs/train.log'))).toBe(true)
    expect(existsSync(path.join(project, 'out/result.json'))).toBe(false)
    expect(existsSync(path.join(project, 'out/report.md'))).toBe(false)
    expect(existsSync(path.join(project, 'out/bundle'))).toBe(false)
    expect(existsSync(path.join(project, 'out/metrics'))).toBe(false)
  })

  it('a result.json that is not a run result is left alone', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    await mkdir(path.join(project, 'out'))
    await writeFile(path.join(project, 'out/result.json'), '{"mine": true}\n')
    await writeFile(path.join(project, 'out/report.md'), '# my notes\n')
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'fail=true'])).code).toBe(3)
    expect(await readFile(path.join(project, 'out/result.json'), 'utf8')).toBe('{"mine": true}\n')
    expect(await readFile(path.join(project, 'out/report.md'), 'utf8')).toBe('# my notes\n')
  })
})

describe('rolling back twice', () => {
  it('goes back twice (3, then 2, then 1), never forward to the version just rolled away from', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    for (const out of ['g1', 'g2', 'g3']) expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', out])).code).toBe(0)
    expect((await status(project)).champion).toBe(3)
    const first = await retrain(project, ['rollback', '--spec', 'retrain.yml'])
    expect(first.code, first.stderr).toBe(0)
    expect((await status(project)).champion).toBe(2)
    const second = await retrain(project, ['rollback', '--spec', 'retrain.yml'])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toMatch(/version 1 is the champion/)
    expect((await status(project)).champion).toBe(1)
    const third = await retrain(project, ['rollback', '--spec', 'retrain.yml'])
    expect(third.code).toBe(2)
    expect(third.stderr).toMatch(/toy had no champion before version 1; name the version to roll back to/)
    expect((await status(project)).champion).toBe(1)
  })
})

describe('a semicolon-separated CSV given to a built-in trainer', () => {
  it('says the file is not comma-separated, exit 3, nothing changes', async () => {
    const spec = [
      'model: semi',
      'data:',
      '  train: train.csv',
      '  eval: eval.csv',
      'steps:',
      '  - name: Train',
      '    uses: builtin/online-gradient-descent',
      '    with: { label: y }',
      'evaluate:',
      '  run: node "$RETRAIN_CLI" evaluate --data eval',
      '  data: eval',
      'metrics:',
      '  rmse: { goal: minimize, max: 100 }',
      'promotion: { mode: auto, first-model: promote }',
      ''
    ].join('\n')
    const project = await makeProject('test/fixtures/toy', spec)
    await writeFile(path.join(project, 'train.csv'), 'x;y\n1;2\n2;4\n3;6\n')
    await writeFile(path.join(project, 'eval.csv'), 'x;y\n4;8\n')
    const res = await retrain(project, ['run', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(3)
    expect(res.stderr).toMatch(/its columns: x;y \(its header is one column holding ";": built-in trainers read comma-separated files\)/)
    expect((await retrain(project, ['status', '--spec', 'retrain.yml', '--json'])).stdout).toMatch(/"versions": \[\]/)
  })
})
