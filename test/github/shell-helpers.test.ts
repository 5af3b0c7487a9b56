/** The GitHub shell's small pure pieces: names, comment commands, markers, charts, event params. */
import { describe, expect, it } from 'vitest'
import { artifactName } from '../../src/github/artifact-store.js'
import { eventParams } from '../../src/github/events.js'
import { BODY_LIMIT, fitBody, gateMarker, parseGateMarker } from '../../src/github/gates.js'
import { historyChart } from '../../src/github/history-chart.js'
import { parseGateCommand } from '../../src/github/issue-approval.js'
import type { RegistrySnapshot } from '../../src/ports.js'

describe('artifact names', () => {
  it('replace every character the artifact service refuses and carry the run attempt', () => {
    expect(artifactName('churn/eu:v3 "a"<b>|c*?d\\e\r\nf-bundle', '2')).toBe('churn-eu-v3 -a-b-c-d-e-f-bundle-attempt2')
    expect(artifactName('toy-v1-bundle', '')).toBe('toy-v1-bundle-attempt1')
  })
})

describe('gate comments', () => {
  it('read /approve and /reject with a reason from the first non-empty line only', () => {
    expect(parseGateCommand('/approve')).toEqual({ verb: 'approve', reason: '' })
    expect(parseGateCommand('\n  /Reject  slices regressed \nmore text')).toEqual({ verb: 'reject', reason: 'slices regressed' })
    expect(parseGateCommand('please /approve')).toBeNull()
    expect(parseGateCommand('/approved')).toBeNull()
    expect(parseGateCommand('looks good\n/approve')).toBeNull()
    expect(parseGateCommand('/approve $(rm -rf /)')).toEqual({ verb: 'approve', reason: '$(rm -rf /)' })
  })

  it('markers round-trip and anything else is not a gate', () => {
    const marker = { model: 'churn', version: 4, baseline: null, actor: 'octo-bot' }
    expect(parseGateMarker(`intro\n${gateMarker(marker)}\nreport`)).toEqual(marker)
    expect(parseGateMarker('<!-- retrain-gate {"model": 3} -->')).toBeNull()
    expect(parseGateMarker('<!-- retrain-gate {not json} -->')).toBeNull()
    expect(parseGateMarker(null)).toBeNull()
  })

  it("bodies are cut to GitHub's limit with a note", () => {
    const body = fitBody('x'.repeat(BODY_LIMIT + 10), 'see the summary.')
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(body.length).toBeGreaterThan(BODY_LIMIT - 100)
    expect(body.endsWith('see the summary.\n')).toBe(true)
    expect(fitBody('short', 'unused')).toBe('short')
  })

  it('a cut inside a code block closes it, so the note is not swallowed by the block', () => {
    const chart = '## report\n\n```mermaid\nxychart-beta\n' + 'line [1, 2, 3]\n'.repeat(BODY_LIMIT / 10) + '```\n'
    const body = fitBody(chart, 'see the summary.')
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(body).toMatch(/\nline \[1, 2, 3\]\n```\n\n…cut to fit GitHub's limit; see the summary\.\n$/)
  })
})

describe('event params', () => {
  it('come from dispatch inputs, client_payload (or its params), and nothing else', () => {
    expect(eventParams('workflow_dispatch', { inputs: { epochs: '3' } })).toEqual({ params: { epochs: '3' }, source: 'workflow_dispatch inputs' })
    expect(eventParams('repository_dispatch', { client_payload: { params: { epochs: 3 }, note: 'x' } }).params).toEqual({ epochs: 3 })
    expect(eventParams('repository_dispatch', { client_payload: { epochs: 3 } }).params).toEqual({ epochs: 3 })
    expect(eventParams('schedule', { schedule: '0 3 * * 1' }).params).toEqual({})
    expect(eventParams('workflow_dispatch', { inputs: ['not', 'an', 'object'] }).params).toEqual({})
    // Params nested as text (JSON encoded twice) or a list: said, not taken for a top-level param named "params".
    expect(() => eventParams('repository_dispatch', { client_payload: { params: '{"epochs": 3}' } })).toThrow(
      'repository_dispatch client_payload.params must be an object of param values, got "{\\"epochs\\": 3}": it is text; send the object itself (JSON encoded once, not twice)'
    )
    expect(() => eventParams('repository_dispatch', { client_payload: { params: [3] } })).toThrow(
      /client_payload\.params must be an object of param values, got \[3\]$/
    )
    // A sender that fills every field sends "params": null for none: the spec's defaults, the payload's other fields left alone.
    expect(eventParams('repository_dispatch', { client_payload: { params: null, epochs: 3 } })).toEqual({
      params: {},
      source: 'repository_dispatch client_payload.params'
    })
  })
})

describe('the metric history chart', () => {
  const snapshot: RegistrySnapshot = {
    model: 'm',
    champion: 1,
    versions: [
      { version: 1, status: 'promoted', baselineVersion: 2, digest: 'd1', metrics: { acc: 0.8, auc: null }, decision: 'promoted', createdAt: '' },
      { version: 2, status: 'retired', baselineVersion: null, digest: 'd2', metrics: { acc: 0.85, auc: 0.9 }, decision: 'promoted', createdAt: '' }
    ],
    history: [
      { action: 'promoted', version: 1, from: null, actor: 'a', at: '', reason: '' },
      { action: 'promoted', version: 2, from: 1, actor: 'a', at: '', reason: '' },
      { action: 'rollback', version: 1, from: 2, actor: 'a', at: '', reason: '' }
    ]
  }

  it('plots each metric across champions, rollbacks included, and the candidate; skips metrics with gaps', () => {
    const chart = historyChart(snapshot, ['acc', 'auc'], { version: 3, metrics: { acc: 0.9, auc: 0.95 } })
    expect(chart).toContain('x-axis ["v1", "v2", "v1 (rollback)", "v3 (candidate)"]')
    expect(chart).toContain('line [0.8, 0.85, 0.8, 0.9]')
    expect(chart).not.toContain('"auc across')
  })

  it('never draws a line across a change of evaluation data, and says why the earlier points are missing', () => {
    const versions = [1, 2, 3, 4].map(v => ({
      ...snapshot.versions[0]!,
      version: v,
      metrics: { acc: v / 10 },
      evaluationData: v <= 2 ? 'old-data' : 'new-data'
    }))
    const history = versions.map(v => ({ action: 'promoted' as const, version: v.version, from: v.version - 1 || null, actor: 'a', at: '', reason: '' }))
    const chart = historyChart({ model: 'm', champion: 4, versions, history }, ['acc'], { version: 5, metrics: { acc: 0.5 }, evaluationData: 'new-data' })
    expect(chart).toContain('x-axis ["v3", "v4", "v5 (candidate)"]')
    expect(chart).toContain('line [0.3, 0.4, 0.5]')
    expect(chart).toMatch(/Earlier champions \(up to v2\) were evaluated on other data and are not drawn/)
  })

  it('is empty with fewer than two points', () => {
    expect(historyChart({ ...snapshot, history: [] }, ['acc'], { version: 1, metrics: { acc: 1 } })).toBe('')
  })
})
