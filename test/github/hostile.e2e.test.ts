/**
 * The built action against a REST fake as hostile as GitHub: answers lost after the work was done,
 * 5xx answers after success, repository rulesets on the registry branch, uploads on their own host,
 * asset downloads redirected to storage that refuses the token, and a registry state above the
 * contents API's 1 MB. Every create is done once, whatever the network does.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { parseGateMarker } from '../../src/github/gates.js'
import { dryRunMarker } from '../../src/github/pull-request-comment.js'
import { CONTENTS_LIMIT, RELEASE_BODY_LIMIT, startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, GATE, registryState, runAction, toyProject, toySpec, type RunOptions } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
  // The registry branch exists, so the faults below hit the writes themselves.
  github.putFile('retrain-registry', 'README.md', '# Model registry\n')
})

afterAll(async () => {
  // Every request and response matched GitHub's OpenAPI description.
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, {
    github,
    ...options,
    inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs },
    env: { RETRAIN_HTTP_TIMEOUT_MS: '2000', ...options.env }
  })
}

// Octokit sends the path with its slash encoded.
const STATE_PATH = (model: string) => new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)

const releasesOf = (model: string) => [...github.releases.values()].filter(r => r.tag_name.startsWith(`retrain-${model}-`))
const assetNames = (releaseId: number) => github.releases.get(releaseId)!.assets.map(id => github.assets.get(id)!.name)
const dropped = () => github.requests.filter(r => r.status === -1).length
const failedAfter = (status: number) => github.requests.filter(r => r.status === status).length

// Sequential: faults are injected per route, so a test's faults must not hit another test's requests.
/** The pipes of a table row that end a cell: those not escaped by a backslash (itself not escaped). */
function cellBreaks(row: string): number {
  let breaks = 0
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++
    else if (row[i] === '|') breaks++
  }
  return breaks
}

describe('the action against a hostile GitHub', () => {
  it('answers lost after the work (state writes, the draft release, an asset upload) leave exactly one of each', async () => {
    const workspace = await toyProject('lost', AUTO)
    const before = dropped()
    github.faults.push(
      // Reserving the number, storing the version and moving the pointer: each written, each answer lost.
      { method: 'PUT', path: STATE_PATH('lost'), kind: 'drop-after', times: 3 },
      { method: 'POST', path: /\/releases$/, kind: 'drop-after', times: 1 },
      { host: 'uploads', method: 'POST', path: /\/assets$/, kind: 'drop-after', times: 1 }
    )
    const run = await act(workspace)
    expect(github.faults.map(f => f.times)).toEqual([0, 0, 0])
    github.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(dropped() - before).toBe(5)
    expect(run.log).toMatch(/creating the draft release retrain-lost-v1: the earlier attempt had succeeded \(its answer was lost\); using what it made/)
    expect(run.log).toMatch(/release asset model\.tar was already uploaded whole \(its answer was lost\); using it/)
    expect(run.log.match(/the registry state of lost had been written \(its answer was lost\)/g)).toHaveLength(3)

    const state = registryState(github, 'lost')!
    // One number reserved, one version, one promotion: no write was applied twice.
    expect(state).toMatchObject({ champion: 1, lastReserved: 1 })
    expect(state.versions.map(v => [v.version, v.status])).toEqual([[1, 'promoted']])
    expect(state.history.map(e => [e.action, e.version])).toEqual([
      ['registered', 1],
      ['promoted', 1]
    ])
    const releases = releasesOf('lost')
    expect(releases).toHaveLength(1)
    expect(releases[0]).toMatchObject({ id: state.releases['1']!.id, draft: false })
    expect(assetNames(releases[0]!.id).sort()).toEqual(['manifest.json', 'model.tar'])

    // The second run downloads the champion it stored and warm-starts from it.
    const second = await act(workspace)
    expect(second.code, second.log).toBe(0)
    expect(JSON.parse(second.outputs[Outputs.metrics]!)).toMatchObject({ score: 2 })
  })

  it('5xx answers after success (state write, draft release, an asset part) leave exactly one of each', async () => {
    const workspace = await toyProject('after5xx', AUTO)
    const before = failedAfter(502)
    github.faults.push(
      { method: 'PUT', path: STATE_PATH('after5xx'), kind: { statusAfter: 502 }, times: 1 },
      { method: 'POST', path: /\/releases$/, kind: { statusAfter: 502 }, times: 1 },
      // The second of four parts: stored, then a 502.
      { host: 'uploads', method: 'POST', path: /\/assets$/, kind: { statusAfter: 502 }, times: 1, skip: 1 }
    )
    const run = await act(workspace, { env: { RETRAIN_ASSET_PART_BYTES: '1000' } })
    expect(github.faults.map(f => f.times)).toEqual([0, 0, 0])
    github.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect(failedAfter(502) - before).toBe(3)
    const state = registryState(github, 'after5xx')!
    expect(state).toMatchObject({ champion: 1, lastReserved: 1 })
    expect(state.versions).toHaveLength(1)
    const releases = releasesOf('after5xx')
    expect(releases).toHaveLength(1)
    expect(assetNames(releases[0]!.id)).toEqual(['model.tar.part-000', 'model.tar.part-001', 'model.tar.part-002', 'model.tar.part-003', 'manifest.json'])
    const second = await act(workspace, { env: { RETRAIN_ASSET_PART_BYTES: '1000' } })
    expect(second.code, second.log).toBe(0)
  })

  it('an asset upload cut short (part of the bytes kept, the answer lost) is replaced, not reused', async () => {
    const workspace = await toyProject('partial', AUTO)
    github.faults.push({ host: 'uploads', method: 'POST', path: /\/assets$/, kind: 'cut-short', times: 1 })
    const run = await act(workspace)
    expect(github.faults.map(f => f.times)).toEqual([0])
    github.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect(run.log).toMatch(/release asset model\.tar exists with other content \(\d+ bytes, open\); replacing it/)
    const releases = releasesOf('partial')
    expect(releases).toHaveLength(1)
    expect(assetNames(releases[0]!.id).sort()).toEqual(['manifest.json', 'model.tar'])
    // The champion's bundle verifies: the replaced archive is whole.
    const second = await act(workspace)
    expect(second.code, second.log).toBe(0)
  })

  it('issue gate: a lost answer to opening the issue, a 5xx after the reply and a lost answer to closing it leave one issue and one reply', async () => {
    const workspace = await toyProject('lostgate', GATE)
    github.faults.push({ method: 'POST', path: /\/issues$/, kind: 'drop-after', times: 1 })
    const run = await act(workspace, { inputs: { gate: 'issue' } })
    expect(github.faults.map(f => f.times)).toEqual([0])
    github.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('pending-approval')
    const gates = [...github.issues.values()].filter(i => parseGateMarker(i.body)?.model === 'lostgate')
    expect(gates).toHaveLength(1)
    const issue = gates[0]!
    expect(run.outputs[Outputs.gate]).toBe(`https://github.com/${github.owner}/${github.repo}/issues/${issue.number}`)

    github.permissions.set('gatekeeper', 'admin')
    const c = github.addIssueComment(issue.number, 'gatekeeper', '/approve')
    github.faults.push(
      { method: 'POST', path: new RegExp(`/issues/${issue.number}/comments$`), kind: { statusAfter: 502 }, times: 1 },
      { method: 'PATCH', path: new RegExp(`/issues/${issue.number}$`), kind: 'drop-after', times: 1 }
    )
    const approved = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expect(github.faults.map(f => f.times)).toEqual([0, 0])
    github.faults.length = 0
    expect(approved.code, approved.log).toBe(0)
    expect(approved.outputs[Outputs.decision]).toBe('approved')
    const replies = [...github.comments.values()].filter(x => x.issue_number === issue.number && x.user === github.botLogin)
    expect(replies).toHaveLength(1)
    expect(replies[0]!.body).toMatch(/Approved by @gatekeeper: lostgate version 1 is now the champion\./)
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(registryState(github, 'lostgate')!.champion).toBe(1)
  })

  it('a pull request comment whose answer was lost is not posted twice', async () => {
    const workspace = await toyProject('lostpr', AUTO)
    github.issues.set(901, {
      number: 901,
      id: 90100,
      title: 'Tune',
      body: null,
      labels: [],
      state: 'open',
      state_reason: null,
      user: 'contributor',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      closed_at: null
    })
    github.faults.push({ method: 'POST', path: /\/issues\/901\/comments$/, kind: 'drop-after', times: 1 })
    const run = await act(workspace, { event: { name: 'pull_request', payload: { action: 'synchronize', number: 901, pull_request: { number: 901 } } } })
    expect(github.faults.map(f => f.times)).toEqual([0])
    github.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect([...github.comments.values()].filter(x => x.issue_number === 901)).toHaveLength(1)
  })

  it('a ruleset that restricts creating the registry branch is a distinct, final error, not a busy registry', async () => {
    const workspace = await toyProject('ruled', AUTO)
    github.rulesets.push({ branches: /^ruled-/, restrictCreations: true, restrictUpdates: true })
    const before = github.requests.length
    const run = await act(workspace, { inputs: { 'registry-branch': 'ruled-registry' } })
    github.rulesets.length = 0
    expect(run.code).toBe(1)
    expect(run.log).toMatch(
      /::error::registry-branch-protected: GitHub refused to create the registry branch `ruled-registry` of octo-org\/models: a repository ruleset or branch protection covers it \(422: Repository rule violations found/
    )
    expect(run.log).toMatch(
      /Exclude branch `ruled-registry` from the ruleset \/ branch protection .* or set the input registry-branch to an unprotected branch/
    )
    expect(run.log).not.toMatch(/registry-busy|Run the command again/)
    // Asked once, not in a loop.
    const sent = github.requests.slice(before)
    expect(sent.filter(r => r.method === 'POST' && r.path.endsWith('/git/refs'))).toHaveLength(1)
    expect(sent.filter(r => r.method === 'PUT')).toHaveLength(1)
    expect(github.refs.has('heads/ruled-registry')).toBe(false)
    expect(releasesOf('ruled')).toEqual([])
  })

  it('a ruleset that restricts updates of the registry branch is a distinct, final error; a genuine conflict is still retried', async () => {
    const workspace = await toyProject('ruledupdate', AUTO)
    github.putFile('ruled-existing', 'README.md', '# registry\n')
    github.rulesets.push({ branches: /^ruled-existing$/, restrictUpdates: true })
    const before = github.requests.length
    const run = await act(workspace, { inputs: { 'registry-branch': 'ruled-existing' } })
    github.rulesets.length = 0
    expect(run.code).toBe(1)
    expect(run.log).toMatch(
      /::error::registry-branch-protected: GitHub refused to write to the registry branch `ruled-existing` .*\(409: Repository rule violations found/
    )
    expect(run.log).not.toMatch(/registry-busy|changed while it was being written/)
    expect(github.requests.slice(before).filter(r => r.method === 'PUT')).toHaveLength(1)
    expect(github.file('ruled-existing', 'ruledupdate/registry.json')).toBeUndefined()

    // Without the ruleset, a 409 that is a lost compare-and-swap re-reads and succeeds.
    github.faults.push({ method: 'PUT', path: STATE_PATH('ruledupdate'), kind: { status: 409 }, times: 1 })
    const ok = await act(workspace, { inputs: { 'registry-branch': 'ruled-existing' } })
    github.faults.length = 0
    expect(ok.code, ok.log).toBe(0)
    expect(ok.log).toMatch(/changed while it was being written; reading it again/)
  })

  it('uploads go to the uploads host; downloads follow the redirect to storage without the token', async () => {
    const workspace = await toyProject('hosts', AUTO)
    const before = github.requests.length
    expect((await act(workspace)).code).toBe(0)
    const second = await act(workspace)
    expect(second.code, second.log).toBe(0)
    expect(JSON.parse(second.outputs[Outputs.metrics]!)).toMatchObject({ score: 2 })
    const sent = github.requests.slice(before)
    expect(sent.filter(r => r.host === 'uploads' && r.method === 'POST').length).toBe(4)
    expect(sent.filter(r => r.host === 'api' && r.path.endsWith('/assets') && r.method === 'POST')).toEqual([])
    const storage = sent.filter(r => r.host === 'storage')
    expect(storage.map(r => [r.status, r.authorized])).toEqual([
      [200, false],
      [200, false]
    ])

    // The storage host is as strict as object storage: the token on top of the signature is refused.
    const asset = github.assets.get(github.releases.get(registryState(github, 'hosts')!.releases['1']!.id)!.assets[0]!)!
    const redirect = await fetch(`${github.url}/repos/${github.owner}/${github.repo}/releases/assets/${asset.id}`, {
      headers: { authorization: `token ${github.token}`, accept: 'application/octet-stream' },
      redirect: 'manual'
    })
    expect(redirect.status).toBe(302)
    const location = redirect.headers.get('location')!
    expect(location.startsWith(github.storageUrl)).toBe(true)
    const withToken = await fetch(location, { headers: { authorization: `token ${github.token}` } })
    expect(withToken.status).toBe(400)
    expect(await withToken.text()).toContain('Only one auth mechanism allowed')
    expect(Buffer.from(await (await fetch(location)).arrayBuffer()).equals(asset.data)).toBe(true)
  })

  it("a registry state of 10,000 versions (above the contents API's 1 MB) is read and written", async () => {
    const workspace = await toyProject('big', AUTO)
    const versions = Array.from({ length: 10_000 }, (_, i) => ({
      version: i + 1,
      status: 'rejected',
      baselineVersion: null,
      digest: `sha256:${(i + 1).toString(16).padStart(64, '0')}`,
      metrics: { score: i / 10_000, loss: 1 - i / 10_000 },
      decision: 'rejected',
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString()
    }))
    const history = versions.map(v => ({
      action: 'rejected',
      version: v.version,
      from: null,
      actor: 'scheduler',
      at: v.createdAt,
      reason: 'score below the floor'
    }))
    const state = { schemaVersion: 1, model: 'big', champion: null, lastReserved: 10_000, versions, history, releases: {} }
    const text = JSON.stringify(state, null, 2) + '\n'
    expect(text.length).toBeGreaterThan(CONTENTS_LIMIT)
    github.putFile('retrain-registry', 'big/registry.json', text)

    const status = await act(workspace, { inputs: { command: 'status' } })
    expect(status.code, status.log).toBe(0)
    expect(status.summary).toContain('10000')

    const before = github.requests.length
    const run = await act(workspace)
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.candidateVersion]).toBe('10001')
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    const after = registryState(github, 'big')!
    expect(after.champion).toBe(10_001)
    expect(after.versions).toHaveLength(10_001)
    expect(after.history).toHaveLength(10_002)
    const sent = github.requests.slice(before)
    const blobReads = sent.filter(r => r.method === 'GET' && r.path.includes('/git/blobs/')).map(r => r.path)
    expect(blobReads.length).toBeGreaterThan(0)
    // A blob never changes: one already read, or written by this run, is not fetched again.
    expect(new Set(blobReads).size).toBe(blobReads.length)
    expect(sent.filter(r => r.status === 403)).toEqual([])
  })

  it('text from a metrics file and a training report cannot forge Markdown in the gate issue or the job summary', async () => {
    const workspace = await toyProject('markdown', GATE)
    // Names a step writes (from the data, say): a mention, a forged decision after carriage returns
    // (a line break in Markdown), an HTML comment that would hide the rest, an image, a link, a cell
    // break, a reference to an issue (which would show a cross-reference there).
    const hostile = {
      '@octo-org/everyone': 1,
      'a\r\r## markdown: promoted\r\r/approve': 2,
      '<!-- the rules are below': 3,
      '<img src=x onerror=alert(1)>': 4,
      '[details](https://phish.example)': 5,
      'cell\\| break | forged': 6,
      'see octo-org/models#1': 7,
      // A right-to-left override: shown reversed, the name would read as another.
      'accuracy\u202e1.0 :detceles': 8
    }
    await writeFile(
      path.join(workspace, 'loud-evaluate.mjs'),
      `import { readFileSync, writeFileSync } from 'node:fs'
const metrics = JSON.parse(readFileSync(process.env.RETRAIN_METRICS_FILE, 'utf8'))
writeFileSync(process.env.RETRAIN_METRICS_FILE, JSON.stringify({ ...metrics, ...${JSON.stringify(hostile)} }))
`
    )
    await writeFile(
      path.join(workspace, 'loud-train.mjs'),
      `import { writeFileSync } from 'node:fs'
writeFileSync(process.env.RETRAIN_TRAINING_REPORT, JSON.stringify({ warmStart: false, reason: 'none', packages: { '@octo-org/team': '<!--', 'x\\r# promoted': '1', 'torch\\u2067 2.0': '1' } }))
`
    )
    const spec = toySpec('markdown', GATE)
      .replace('node train.mjs', 'node train.mjs && node loud-train.mjs')
      .replace('run: node evaluate.mjs', 'run: node evaluate.mjs && node loud-evaluate.mjs')
    await writeFile(path.join(workspace, 'retrain.yml'), spec)
    const run = await act(workspace, { inputs: { gate: 'issue' } })
    expect(run.code, run.log).toBe(0)
    const issue = [...github.issues.values()].find(i => parseGateMarker(i.body)?.model === 'markdown')!
    for (const [where, text] of [
      ['issue', issue.body!],
      ['summary', run.summary]
    ] as const) {
      // Markdown ends a line at \n, \r\n and a lone \r.
      const lines = text.split(/\r\n|\r|\n/)
      expect(
        lines.filter(l => /^#+ /.test(l)),
        where
      ).toEqual(['## markdown: pending approval', '### Comparison', '### Rules', '### Lineage', ...(where === 'issue' ? [] : ['### Artifacts'])])
      expect(
        lines.filter(l => l.startsWith('/approve')),
        where
      ).toEqual([])
      // No HTML but the gate's own marker, no link or image, no mention.
      expect(text.match(/(?<!\\)<[!a-z]/gi) ?? [], where).toEqual(where === 'issue' ? ['<!'] : [])
      expect(text, where).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/)
      expect(text, where).not.toMatch(/(^|[^\w])@[A-Za-z0-9]/)
      expect(text, where).not.toContain('models#1')
      // No control of the text's direction (overrides, embeddings, isolates).
      expect(text, where).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
      // Every row of the comparison has its three cells.
      const comparison = lines.slice(lines.indexOf('### Comparison') + 2, lines.indexOf('### Rules') - 1)
      expect(comparison.length, where).toBe(2 + 2 + Object.keys(hostile).length)
      for (const row of comparison) expect(cellBreaks(row), `${where}: ${row}`).toBe(4)
      // The names are still there to read.
      expect(text, where).toContain('octo-org/everyone')
      expect(text, where).toContain('phish.example')
    }
  })

  it("a metrics file of 20,000 metrics with hostile names: the release's notes stay within GitHub's limit and hold no Markdown from it", async () => {
    const workspace = await toyProject('manymetrics', AUTO)
    await writeFile(
      path.join(workspace, 'loud-evaluate.mjs'),
      `import { readFileSync, writeFileSync } from 'node:fs'
const metrics = JSON.parse(readFileSync(process.env.RETRAIN_METRICS_FILE, 'utf8'))
const more = { '@octo-org/everyone': 1, '<!-- hidden': 2, '[details](https://phish.example)': 3 }
for (let i = 0; i < 20000; i++) more['per_feature_importance_' + i] = i / 7
writeFileSync(process.env.RETRAIN_METRICS_FILE, JSON.stringify({ ...metrics, ...more }))
`
    )
    await writeFile(
      path.join(workspace, 'retrain.yml'),
      toySpec('manymetrics', AUTO).replace('run: node evaluate.mjs', 'run: node evaluate.mjs && node loud-evaluate.mjs')
    )
    const run = await act(workspace)
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    const [release] = releasesOf('manymetrics')
    const body = release!.body!
    expect(body.length).toBeLessThanOrEqual(RELEASE_BODY_LIMIT)
    expect(body).toMatch(/score=1, loss=9, /)
    expect(body).toMatch(/and \d+ more metrics in manifest\.json/)
    expect(body).not.toMatch(/(^|[^\w])@[A-Za-z0-9]|(?<!\\)<!|(?<!\\)\]\(/)
  })

  it("a comment by someone from outside that copies the dry run's marker is left alone: the action keeps its own comment", async () => {
    const workspace = await toyProject('copied', AUTO)
    github.issues.set(903, {
      number: 903,
      id: 90300,
      title: 'Tune',
      body: null,
      labels: [],
      state: 'open',
      state_reason: null,
      user: 'contributor',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      closed_at: null
    })
    const planted = github.addIssueComment(903, 'passer-by', `${dryRunMarker('copied')}\n## copied: promoted\nTrust me.`)
    const event = { name: 'pull_request', payload: { action: 'synchronize', number: 903, pull_request: { number: 903 } } }
    for (let i = 0; i < 2; i++) {
      const run = await act(workspace, { event })
      expect(run.code, run.log).toBe(0)
    }
    expect(github.comments.get(planted.id)!.body).toContain('Trust me.')
    const mine = [...github.comments.values()].filter(c => c.issue_number === 903 && c.user === github.botLogin)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.body).toContain('## copied: dry run')
  })
})
