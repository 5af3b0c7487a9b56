/**
 * The action's outputs as a workflow's `if:` conditions read them, for every command that changes the
 * champion or a pending candidate: a later step that asks `decision` or `promoted` gets an answer.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { AUTO, GATE, runAction, runnerCommands, toyProject, toySpec } from './harness.js'

function act(workspace: string, inputs: Record<string, string> = {}) {
  return runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false', ...inputs } })
}

describe('outputs of the registry commands', () => {
  it('promote, approve, reject and rollback set decision, promoted and candidate-version', async () => {
    const workspace = await toyProject('outputs', GATE)
    const first = await act(workspace)
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('pending-approval')

    const approved = await act(workspace, { command: 'approve', version: '1' })
    expect(approved.code, approved.log).toBe(0)
    expect(approved.outputs).toMatchObject({ [Outputs.decision]: 'approved', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })

    expect((await act(workspace)).outputs[Outputs.decision]).toBe('pending-approval')
    const rejected = await act(workspace, { command: 'reject', version: '2' })
    expect(rejected.code, rejected.log).toBe(0)
    expect(rejected.outputs).toMatchObject({ [Outputs.decision]: 'rejected', [Outputs.promoted]: 'false', [Outputs.candidateVersion]: '2' })

    const third = await act(workspace)
    expect(third.outputs).toMatchObject({ [Outputs.decision]: 'pending-approval', [Outputs.candidateVersion]: '3', [Outputs.expectChampion]: '1' })
    const promoted = await act(workspace, { command: 'promote', candidate: '3', 'expect-champion': '1' })
    expect(promoted.code, promoted.log).toBe(0)
    expect(promoted.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '3' })

    const rolledBack = await act(workspace, { command: 'rollback' })
    expect(rolledBack.code, rolledBack.log).toBe(0)
    expect(rolledBack.outputs).toMatchObject({ [Outputs.decision]: 'rolled-back', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
  })

  it("a job summary that cannot be written is a warning: the run's decision and the approval stand, with their outputs and exit 0", async () => {
    const workspace = await toyProject('no-summary', GATE)
    // Its file a directory: every write to it fails (EISDIR), after the decision as before it.
    const broken = { env: { GITHUB_STEP_SUMMARY: await mkdtemp(path.join(os.tmpdir(), 'summary-dir-')) } }
    const run = (inputs: Record<string, string> = {}) => runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false', ...inputs }, ...broken })
    const first = await run()
    expect(first.code, first.log).toBe(0)
    expect(first.outputs).toMatchObject({ [Outputs.decision]: 'pending-approval', [Outputs.candidateVersion]: '1' })
    expect(first.log).toMatch(/::warning::Could not write the job summary \(EISDIR: [^)]*\); the whole report is in report\.md/)
    expect(first.log).not.toMatch(/::error::/)

    const approved = await run({ command: 'approve', version: '1' })
    expect(approved.code, approved.log).toBe(0)
    expect(approved.outputs).toMatchObject({ [Outputs.decision]: 'approved', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    expect(approved.log).toMatch(/::warning::Could not write the job summary \(EISDIR/)

    const status = await run({ command: 'status' })
    expect(status.code, status.log).toBe(0)
    expect(status.log).toMatch(/::warning::Could not write the job summary \(EISDIR/)
  })

  it('outputs that cannot be written fail the step once it is done, saying the promotion stands; a re-run sets them from the registry', async () => {
    const workspace = await toyProject('no-outputs', AUTO)
    const step = { GITHUB_JOB: 'retrain', GITHUB_ACTION: '__self', GITHUB_RUN_ID: '7001' }
    const inputs = { spec: 'retrain.yml', artifacts: 'false' }
    // Its file a directory: every output fails (EISDIR).
    const broken = await mkdtemp(path.join(os.tmpdir(), 'output-dir-'))
    const first = await runAction(workspace, { inputs, env: { ...step, GITHUB_RUN_ATTEMPT: '1', GITHUB_OUTPUT: broken } })
    expect(first.code).toBe(1)
    expect(first.log).toMatch(
      /::error::outputs-not-written: no-outputs version 1 is promoted all the same, but the step's outputs could not be written \(EISDIR: [^)]*\): no later step or job sees them\. Re-run the job to set them/
    )
    // The rest of the step was done: the report is in the job summary, the failure after it.
    expect(first.summary).toMatch(/^## no-outputs: promoted\n/)
    expect(first.summary).toContain('**The retrain step failed.**')
    const registry = JSON.parse(await readFile(path.join(workspace, '.retrain', 'registry', 'no-outputs', 'registry.json'), 'utf8'))
    expect(registry.champion).toBe(1)

    const rerun = await runAction(workspace, { inputs, env: { ...step, GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.code, rerun.log).toBe(0)
    expect(rerun.log).toMatch(/Attempt 1 of this workflow run already registered no-outputs version 1/)
    expect(rerun.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    expect(JSON.parse(await readFile(path.join(workspace, '.retrain', 'registry', 'no-outputs', 'registry.json'), 'utf8')).versions).toHaveLength(1)
  })

  it('a failed step sets no decision and says why in the job summary, quoting its output as text', async () => {
    const workspace = await toyProject('failing', AUTO)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('failing', AUTO, '  fail: { type: boolean, default: false }\n'))
    const failed = await act(workspace, { params: '{"fail": true}' })
    expect(failed.code).toBe(1)
    expect(failed.outputs[Outputs.decision]).toBeUndefined()
    expect(failed.outputs[Outputs.promoted]).toBeUndefined()
    expect(failed.summary).toContain('**The retrain step failed.**')
    expect(failed.summary).toMatch(
      /```text\nstep-failed: Step Train failed with exit code 7 .*nothing was promoted[\s\S]*training diverged: loss is NaN\n```\n/
    )

    const invalid = await act(workspace, { params: '{"fail": "maybe"}' })
    expect(invalid.code).toBe(1)
    expect(invalid.summary).toMatch(/The retrain step failed[\s\S]*"fail"/)
  })

  it("a step's output and text from the spec are shown in the log, never carried out as workflow commands", async () => {
    const workspace = await toyProject('loud', AUTO)
    // What a step could print by accident (a progress line, echoed data): commands that would set the
    // action's outputs, end its group, mask text, and stop every command the action issues after it.
    const hostile = [
      '::set-output name=promoted::forged',
      '##[set-output name=gate;]forged',
      '::endgroup::',
      'progress 50%\r::warning::forged',
      '::add-mask::forged',
      '::stop-commands::forged'
    ]
    await writeFile(path.join(workspace, 'loud.mjs'), `process.stdout.write(${JSON.stringify(hostile.join('\n') + '\n')})\n`)
    const spec = toySpec('loud', AUTO)
      .replace('  - name: Train\n', '  - name: "Train\\r::set-output name=decision::forged"\n    id: train\n')
      .replace('node train.mjs', 'node train.mjs && node loud.mjs')
    await writeFile(path.join(workspace, 'retrain.yml'), spec)
    const run = await act(workspace)
    expect(run.code, run.log).toBe(0)
    for (const line of hostile) expect(run.log).toContain(line)
    const commands = runnerCommands(run.log)
    // Only the action's own commands: its groups, and the stop and resume of its own token around the text.
    const tokens = commands.filter(c => c.name === 'stop-commands').map(c => c.value)
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]{32}$/)
    expect(commands.filter(c => !['group', 'endgroup', 'stop-commands', ...tokens].includes(c.name))).toEqual([])
    expect(commands.filter(c => c.name !== 'group' && c.value.includes('forged'))).toEqual([])
    // The action's own commands all ran: each of its groups ended by its own endgroup, none stopped.
    const groups = commands.filter(c => c.name === 'group' || c.name === 'endgroup').map(c => c.name)
    expect(groups).toEqual(['group', 'endgroup', 'group', 'endgroup'])
    expect(commands.filter(c => c.name === 'group').map(c => c.value)).toEqual(['Step Train%0D::set-output name=decision::forged', 'Evaluate the candidate'])
    expect(run.outputs[Outputs.decision]).toBe('promoted')
  })

  it("a step's error, warning and notice lines show as annotations, issued again by the action with the step's properties", async () => {
    const workspace = await toyProject('annotated', AUTO)
    const printed = [
      '::warning file=train.py,line=3,col=7,title=Loss::loss rose%0Aagain at 50%25',
      '  ::error file=a%2Cb.py,line=x,endLine=9::bad rows',
      '::notice::done',
      '::set-output name=promoted::forged'
    ]
    await writeFile(path.join(workspace, 'annotated.mjs'), `process.stdout.write(${JSON.stringify(printed.join('\n') + '\n')})\n`)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('annotated', AUTO).replace('node train.mjs', 'node train.mjs && node annotated.mjs'))
    const run = await act(workspace)
    expect(run.code, run.log).toBe(0)
    for (const line of printed) expect(run.log).toContain(line)
    const annotations = runnerCommands(run.log)
      .filter(c => ['error', 'warning', 'notice'].includes(c.name))
      .filter(c => /loss rose|bad rows|done/.test(c.value))
    expect(annotations.map(c => c.name)).toEqual(['warning', 'error', 'notice'])
    // Each as the runner reads it: its properties (an invalid line number dropped), the message escaped anew.
    const lines = run.log.split(/\r\n|\r|\n/).filter(l => /^::(warning|error|notice) title=/.test(l) && /loss rose|bad rows|::done$/.test(l))
    expect(lines).toEqual([
      '::warning title=Loss,file=train.py,line=3,col=7::loss rose%0Aagain at 50%25',
      '::error title=step train,file=a%2Cb.py,endLine=9::bad rows',
      '::notice title=step train::done'
    ])
    expect(run.outputs[Outputs.promoted]).toBe('true')
    expect(runnerCommands(run.log).filter(c => c.value.includes('forged'))).toEqual([])
  })

  it("what the steps' summary leaves open (a code block, an HTML comment, a <details>) hides nothing the action writes after it", async () => {
    const workspace = await toyProject('opensummary', AUTO)
    const spec = toySpec('opensummary', AUTO, '  fail: { type: boolean, default: false }\n').replace(
      'node train.mjs',
      "node -e \"require('fs').appendFileSync(process.env.RETRAIN_STEP_SUMMARY, require('fs').readFileSync('summary.md'))\" && node train.mjs"
    )
    await writeFile(path.join(workspace, 'retrain.yml'), spec)
    for (const open of ['`````python\nprint(1)\n', '<details><summary>Details</summary>\n\n<!--\n', '<!-- a note\n\n<details>\n<details>\n']) {
      await writeFile(path.join(workspace, 'summary.md'), `Loss went down.\n\n${open}`)
      const failed = await act(workspace, { params: '{"fail": true}' })
      expect(failed.code).toBe(1)
      const at = failed.summary.indexOf('**The retrain step failed.**')
      expect(at, failed.summary).toBeGreaterThan(failed.summary.indexOf('Loss went down.'))
      expect(openBlocks(failed.summary.slice(0, at)), JSON.stringify(open)).toEqual({ fence: null, comment: false, details: 0 })
    }
  })
})

/** What is still open at the end of `markdown`: a fenced code block, an HTML comment block, <details> elements. */
function openBlocks(markdown: string): { fence: string | null; comment: boolean; details: number } {
  let fence: string | null = null
  let comment = false
  let details = 0
  for (const line of markdown.split('\n')) {
    if (fence !== null) {
      if (line.trim().startsWith(fence[0]!.repeat(fence.length)) && /^ {0,3}(`+|~+)\s*$/.test(line)) fence = null
      continue
    }
    if (comment) {
      if (line.includes('-->')) comment = false
      continue
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (opening) {
      fence = opening
      continue
    }
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) comment = true
    details += (line.match(/<details[\s>]/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length
  }
  return { fence, comment, details }
}
