/**
 * Data files as real tools write them, through the built CLI: predictions files for computed
 * metrics (`retrain compare`), metrics files, and checks on new data. Each either works as
 * documented or fails with a clear error naming the file and line; never a silently wrong metric.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, toySpec, treeDigest } from './helpers/project.js'

const COMPARE_SPEC = `model: m
root: .
data:
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
  predictions: { task: binary }
metrics:
  auc: { goal: maximize, compute: roc-auc, change: [{ margin: -1 }] }
  acc: { goal: maximize, compute: accuracy }
  logloss: { goal: minimize, compute: log-loss }
promotion: { mode: auto, first-model: promote }
`

/** Labels 1,0,1,0,1 with scores .9,.2,.4,.6,.7: ROC AUC 5/6, accuracy 3/5, log loss by hand. */
const CANDIDATE = 'id,label,prediction,score\n1,1,1,0.9\n2,0,0,0.2\n3,1,0,0.4\n4,0,1,0.6\n5,1,1,0.7\n'
const BASELINE = 'id,label,prediction,score\n1,1,1,0.8\n2,0,0,0.1\n3,1,1,0.6\n4,0,0,0.3\n5,1,1,0.9\n'
const LOG_LOSS = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4) + Math.log(0.7)) / 5

async function compareProject(spec = COMPARE_SPEC): Promise<string> {
  const cwd = await makeProject('test/fixtures/toy', spec)
  await writeFile(path.join(cwd, 'b.csv'), BASELINE)
  return cwd
}

async function compare(cwd: string, candidate: string | Buffer, baseline = 'b.csv') {
  await writeFile(path.join(cwd, 'c.csv'), candidate)
  const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.csv', '--baseline', baseline, '--json'])
  return { ...res, json: res.code === 0 ? JSON.parse(res.stdout) : null }
}

describe('numbers in data files', () => {
  it('reads decimals as writers print them (1e-5, +3, .5, 5.) and refuses hexadecimal, binary and octal forms', async () => {
    const cwd = await compareProject()
    const ok = await compare(cwd, CANDIDATE.replace('0.9', '9e-1').replace('0.2', '+.2').replace('0.6', '6.0E-1').replace('0.7', '.7'))
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.json.candidate.auc).toBeCloseTo(5 / 6, 12)
    expect(ok.json.candidate.acc).toBeCloseTo(0.6, 12)
    expect(ok.json.candidate.logloss).toBeCloseTo(LOG_LOSS, 12)
    // Number('0x1') is 1: a score written so must not silently count as a probability of 1.
    for (const odd of ['0x1', '0b1', '0o1']) {
      const res = await compare(cwd, CANDIDATE.replace('0.7', odd))
      expect(res.code, `${odd}: ${res.stdout}`).toBe(4)
      expect(res.stderr).toContain(`c.csv:6: "score" of id "5" must be a finite number, got "${odd}"`)
    }
    // A label so written is no class either.
    const label = await compare(cwd, CANDIDATE.replace('5,1,1,0.7', '5,0x1,1,0.7'))
    expect(label.code).toBe(4)
    expect(label.stderr).toContain('c.csv:6: "label" of id "5" is "0x1", not one of the classes 0, 1')
  })

  it('a check of a number column counts 0x10 as not a number', async () => {
    const checks = 'checks:\n  train:\n    columns:\n      x: { type: number, min: 0, max: 10 }\n'
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'echo ran > ran.txt\nnode train.mjs' }) + checks)
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y\n0x10,2\n3,4\n')
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/1'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toMatch(/\| train +\| x +\| type +\| number +\| not numbers: "0x10" +\|/)
  })
})

describe('headers of data files', () => {
  it('a file separated by semicolons or tabs (a spreadsheet export) is named so at its header, not as a row with too many fields', async () => {
    const cwd = await compareProject()
    const semicolons = await compare(cwd, CANDIDATE.replaceAll(',', ';').replace(/(\d)\.(\d)/g, '$1,$2'))
    expect(semicolons.code).toBe(4)
    expect(semicolons.stderr).toContain(
      'c.csv:1: the header is one column, "id;label;prediction;score": fields are separated by commas, and this file seems to separate them with ";"; write it with commas'
    )
    const tabs = await compare(cwd, CANDIDATE.replaceAll(',', '\t'))
    expect(tabs.code).toBe(4)
    expect(tabs.stderr).toContain('this file seems to separate them with "\\t"')

    const checks = 'checks:\n  train:\n    columns:\n      x: { type: number }\n'
    const project = await makeProject('test/fixtures/toy', toySpec() + checks)
    await writeFile(path.join(project, 'data/train.csv'), 'x;y\n1;2\n')
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/1'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('checks.train: data/train.csv:1: the header is one column, "x;y": fields are separated by commas')
    // Without checks, the file is the user's own step's to read: the run goes on.
    await writeFile(path.join(project, 'retrain.yml'), toySpec())
    const own = await retrain(project, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/2'])
    expect(own.code, own.stderr).toBe(0)
  })

  it('checks on new data refuse a header naming a column twice, as every other reader does, instead of checking both as one', async () => {
    const checks = 'checks:\n  train:\n    columns:\n      x: { type: number, min: 0 }\n'
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'echo ran > ran.txt\nnode train.mjs' }) + checks)
    // Both x columns are numbers >= 0 but one of them is the other's negative: which is x?
    await writeFile(path.join(cwd, 'data/train.csv'), '\uFEFFx, y ,x \r\n1,2,-1\r\n3,4,-3')
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/1'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain('checks.train: data/train.csv:1: column 3 repeats the header "x" of column 1; give every column its own name')
    expect(res.stderr).not.toMatch(/\| min +\|/)
    // A comma at the end of every line (a spreadsheet export): two columns without a name, said so.
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y,,\n1,2,,\n')
    const trailing = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/2'])
    expect(trailing.code).toBe(2)
    expect(trailing.stderr).toContain('checks.train: data/train.csv:1: columns 3 and 4 have no name in the header; give every column its own name')
  })
})

describe('text that is not UTF-8', () => {
  // café and cafè in Latin-1: one byte each, 0xE9 and 0xE8, which UTF-8 decoding turns into the same U+FFFD.
  const latin1 = (text: string) => Buffer.from(text, 'latin1')

  it('a predictions file with a Latin-1 slice value is refused with file:line and column, not read as one merged slice', async () => {
    const spec = COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, slices: [city] }').replace(
      'acc: { goal: maximize, compute: accuracy }',
      'acc: { goal: maximize, compute: accuracy, slices: { max-regression: 0.5, min-size: 1 } }'
    )
    const cwd = await compareProject(spec)
    const cities = ['café', 'cafè', 'café', 'cafè', 'x']
    const withCity = (csv: string) =>
      csv
        .trimEnd()
        .split('\n')
        .map((line, i) => `${line},${i === 0 ? 'city' : cities[i - 1]}`)
        .join('\n') + '\n'
    await writeFile(path.join(cwd, 'b.csv'), withCity(BASELINE))
    // In UTF-8 the slices are three.
    const utf8 = await compare(cwd, withCity(CANDIDATE))
    expect(utf8.code, utf8.stderr).toBe(0)
    expect(utf8.json.slices[0].slices.map((s: { value: string }) => s.value).sort()).toEqual(['cafè', 'café', 'x'])
    const res = await compare(cwd, latin1(withCity(CANDIDATE)))
    expect(res.code, res.stdout).toBe(4)
    expect(res.stderr).toContain('c.csv:2: column 5 holds the byte 0xE9, which is not UTF-8; save the file as UTF-8')
  })

  it('a JSON Lines predictions file with a Latin-1 byte is refused with file:line; a byte order mark and CRLF lines are read', async () => {
    const cwd = await compareProject(COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, format: jsonl }'))
    const jsonl = (csv: string, extra = '') =>
      csv
        .trimEnd()
        .split('\n')
        .slice(1)
        .map(line => {
          const [id, label, prediction, score] = line.split(',').map(Number)
          return JSON.stringify({ id, label, prediction, score }).replace(/}$/, `${extra}}`)
        })
    await writeFile(path.join(cwd, 'b.jsonl'), jsonl(BASELINE).join('\n'))
    await writeFile(path.join(cwd, 'c.jsonl'), `\uFEFF${jsonl(CANDIDATE).join('\r\n')}\r\n`)
    const ok = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.jsonl', '--baseline', 'b.jsonl', '--json'])
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout).candidate.logloss).toBeCloseTo(LOG_LOSS, 12)
    const lines = jsonl(CANDIDATE)
    lines[2] = lines[2]!.replace('}', ',"note":"café"}')
    await writeFile(path.join(cwd, 'c.jsonl'), latin1(lines.join('\n')))
    const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.jsonl', '--baseline', 'b.jsonl', '--json'])
    expect(res.code, res.stdout).toBe(4)
    expect(res.stderr).toContain('c.jsonl:3: the line holds a byte that is not UTF-8; save the file as UTF-8')
  })

  it('checks on new data refuse a Latin-1 category value with file:line and column, CSV and JSON Lines alike (a byte order mark is read)', async () => {
    const checks = 'checks:\n  train:\n    columns:\n      kind: { type: category, values: [café, cafè] }\n'
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'echo ran > ran.txt\nnode train.mjs' }) + checks)
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,kind\n1,café\n2,cafè\n')
    const ok = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/1'])
    expect(ok.code, ok.stderr).toBe(0)
    await writeFile(path.join(cwd, 'data/train.csv'), latin1('x,kind\n1,café\n2,cafè\n'))
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/2'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain('checks.train: data/train.csv:2: column 2 holds the byte 0xE9, which is not UTF-8')
    await writeFile(path.join(cwd, 'retrain.yml'), (toySpec() + checks).replace('data/train.csv', 'data/train.jsonl'))
    // A byte order mark and CRLF lines, as some writers leave them: read.
    await writeFile(path.join(cwd, 'data/train.jsonl'), '\uFEFF{"x": 1, "kind": "café"}\r\n{"x": 2, "kind": "cafè"}\r\n')
    const bom = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/3'])
    expect(bom.code, bom.stderr).toBe(0)
    await writeFile(path.join(cwd, 'data/train.jsonl'), latin1('{"x": 1, "kind": "café"}\n{"x": 2, "kind": "cafè"}\n'))
    const jsonl = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/4'])
    expect(jsonl.code, jsonl.stderr).toBe(2)
    expect(jsonl.stderr).toContain('checks.train: data/train.jsonl:1: the line holds a byte that is not UTF-8')
  })
})

describe('binary labels written as true/false', () => {
  it('a file with True/False labels pairs with one with 1/0 labels (both documented), and a real difference is still named', async () => {
    const cwd = await compareProject()
    const pandas = CANDIDATE.replace(/^(\d),1,/gm, '$1,True,').replace(/^(\d),0,/gm, '$1,False,')
    expect(pandas).toContain('1,True,1,0.9\n2,False,0,0.2')
    const res = await compare(cwd, pandas)
    expect(res.code, res.stderr).toBe(0)
    expect(res.json.candidate.auc).toBeCloseTo(5 / 6, 12)
    expect(res.json.candidate.acc).toBeCloseTo(0.6, 12)
    const differs = await compare(cwd, pandas.replace('2,False,', '2,True,'))
    expect(differs.code).toBe(4)
    expect(differs.stderr).toContain('"label" of id "2" differs: "True" at c.csv:3, 0 at b.csv:3; both models must be evaluated on the same data')
  })
})

describe('metrics files as writers leave them', () => {
  const METRICS_SPEC = `model: m
root: .
data:
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  auc: { goal: maximize, change: [{ margin: -1 }] }
  loss: { goal: minimize }
promotion: { mode: auto, first-model: promote }
`
  async function compareMetrics(cwd: string, candidate: string) {
    await writeFile(path.join(cwd, 'c.json'), candidate)
    const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.json', '--baseline', 'b.json', '--json'])
    return { ...res, json: res.code === 0 ? JSON.parse(res.stdout) : null }
  }

  it('reads a file with a byte order mark; an empty file and one written twice get errors saying so, with the line', async () => {
    const cwd = await makeProject('test/fixtures/toy', METRICS_SPEC)
    await writeFile(path.join(cwd, 'b.json'), '{"auc": 0.8, "loss": 0.3}')
    const bom = await compareMetrics(cwd, '\uFEFF{"auc": 0.9, "loss": 0.2, "nested": {"auc": 0}}\r\n')
    expect(bom.code, bom.stderr).toBe(0)
    expect(bom.json.candidate).toEqual({ auc: 0.9, loss: 0.2 })
    const empty = await compareMetrics(cwd, '\n')
    expect(empty.code).toBe(4)
    expect(empty.stderr).toContain('c.json: the metrics file is empty; write one JSON object of metric name to number')
    const twice = await compareMetrics(cwd, '{"auc": NaN, "loss": 0.2}\n{"auc": 0.9, "loss": 0.2}\n')
    expect(twice.code).toBe(4)
    expect(twice.stderr).toMatch(
      /c\.json: the metrics file is not valid JSON at line 2 \(.*\); write one object of metric name to number, once \(a file written twice/
    )
    // UTF-16 with its byte order mark, as some shells write a redirect.
    await writeFile(path.join(cwd, 'c.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"auc": 0.9, "loss": 0.2}', 'utf16le')]))
    const utf16 = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.json', '--baseline', 'b.json'])
    expect(utf16.code).toBe(4)
    expect(utf16.stderr).toContain('c.json: the metrics file is not UTF-8 text (it holds NUL bytes, as UTF-16 does); write it as UTF-8')
  })
})

describe('missing values in predictions', () => {
  it('an empty, NA or null score or label is named a missing value, with file:line and id', async () => {
    const cwd = await compareProject()
    for (const missing of ['', 'NA', 'null', 'NaN']) {
      const score = await compare(cwd, CANDIDATE.replace('0.7', missing))
      expect(score.code, missing).toBe(4)
      expect(score.stderr).toContain('c.csv:6: "score" of id "5" must be a finite number, got a missing value (empty, NA, NaN or null)')
      const label = await compare(cwd, CANDIDATE.replace('5,1,1', `5,${missing},1`))
      expect(label.code, missing).toBe(4)
      expect(label.stderr).toContain('c.csv:6: "label" of id "5" is a missing value (empty, NA, NaN or null), not one of the classes 0, 1')
    }
  })
})

describe('drift with a feed that broke', () => {
  it('a column whose every value is now missing, or a header-only file, drifted (kind missing); it is not left out of the report', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y,c\n1,2,a\n3,4,b\n1,2,a\n3,4,b\n')
    const first = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'])
    expect(first.code, first.stderr).toBe(0)
    const drift = async () => {
      const res = await retrain(cwd, ['drift', '--spec', 'retrain.yml', '--json'])
      expect(res.code, res.stderr).toBe(0)
      return JSON.parse(res.stdout) as { drifted: boolean; inputs: { features: { column: string; kind: string; drifted: boolean; reasons: string[] }[] }[] }
    }
    const same = await drift()
    expect(same.drifted).toBe(false)
    // x and c written empty (NA, empty): as good as gone.
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y,c\nNA,2,\n,4,NA\nNA,2,\n,4,\n')
    const empty = await drift()
    expect(empty.drifted).toBe(true)
    const byColumn = Object.fromEntries(empty.inputs[0]!.features.map(f => [f.column, f]))
    expect(byColumn.x).toMatchObject({ kind: 'missing', drifted: true, reasons: ['every value is missing in the new data'] })
    expect(byColumn.c).toMatchObject({ kind: 'missing', drifted: true, reasons: ['every value is missing in the new data'] })
    expect(byColumn.y).toMatchObject({ kind: 'number', drifted: false })
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y,c\r\n')
    const headerOnly = await drift()
    expect(headerOnly.drifted).toBe(true)
    expect(headerOnly.inputs[0]!.features.map(f => [f.column, f.kind, f.reasons[0]])).toEqual([
      ['x', 'missing', 'the new data has no rows'],
      ['y', 'missing', 'the new data has no rows'],
      ['c', 'missing', 'the new data has no rows']
    ])
    // A Latin-1 file (data a user's own step may read so): profiled as Latin-1, not refused, and
    // café and cafè stay two values.
    await writeFile(path.join(cwd, 'data/train.csv'), Buffer.from('x,y,c\n1,2,caf\u00e9\n3,4,caf\u00e8\n', 'latin1'))
    const latin1 = await drift()
    const c = latin1.inputs[0]!.features.find(f => f.column === 'c') as unknown as { drifted: boolean; bins: { label: string }[] }
    expect(c.drifted).toBe(true)
    expect(c.bins.map(b => b.label).sort()).toEqual(['a', 'b', 'caf\u00e8', 'caf\u00e9'])
    const run = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'])
    expect(run.code, run.stderr).toBe(0)
  })
})

describe('model directories as trainers write them', () => {
  // Written by a shell step: nested and empty folders, unicode and spaces, a link inside, a name
  // like a tar special, a 200-character name, an empty file, an executable script.
  const WRITE_MODEL = [
    'node train.mjs',
    'M="$RETRAIN_MODEL_DIR"',
    'mkdir -p "$M/a/b/c" "$M/empty/nested" "$M/sp ace/ünï 日本"',
    'printf deep > "$M/a/b/c/leaf.bin"',
    ': > "$M/zero.bin"',
    'printf u > "$M/sp ace/ünï 日本/fïlé ñame.txt"',
    'printf "#!/bin/sh\\necho hi\\n" > "$M/run.sh" && chmod +x "$M/run.sh"',
    'ln -s a/b/c/leaf.bin "$M/link-in" && ln -s a "$M/dirlink"',
    'mkdir -p "$M/@LongLink" && printf L > "$M/@LongLink/PaxHeader"',
    'printf long > "$M/$(printf "n%.0s" $(seq 1 200))"',
    // The second run lists the champion it starts from.
    'if [ -n "$RETRAIN_BASELINE_DIR" ]; then (cd "$RETRAIN_BASELINE_DIR" && find . | LC_ALL=C sort && ls -l run.sh zero.bin link-in && cat link-in) > baseline.txt; fi',
    'if [ -n "$BAD_NAME" ]; then printf x > "$M/$(printf "caf\\351.txt")"; fi'
  ].join('\n')

  it('warm start gets back every file, link, mode and name; empty folders are not kept; a name that is not UTF-8 is refused by name', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: WRITE_MODEL, margin: -100 }))
    const first = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'])
    expect(first.code, first.stderr).toBe(0)
    const second = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'])
    expect(second.code, second.stderr).toBe(0)
    const listing = await readFile(path.join(cwd, 'baseline.txt'), 'utf8')
    const long = 'n'.repeat(200)
    for (const entry of ['./a/b/c/leaf.bin', './sp ace/ünï 日本/fïlé ñame.txt', './@LongLink/PaxHeader', `./${long}`, './dirlink', './link-in', './zero.bin'])
      expect(listing).toContain(`${entry}\n`)
    expect(listing).not.toContain('./empty')
    expect(listing).toMatch(/^-rwxr-xr-x .* run\.sh$/m)
    expect(listing).toMatch(/^-rw-r--r-- .* 0 .* zero\.bin$/m)
    expect(listing).toMatch(/^l.* link-in -> a\/b\/c\/leaf\.bin$/m)
    expect(listing.endsWith('\ndeep')).toBe(true)

    // The versions and the champion; the state file also counts reserved version numbers.
    const stored = async () => {
      const registry = await readJson(path.join(cwd, '.retrain/registry/toy/registry.json'))
      return { files: await treeDigest(path.join(cwd, '.retrain/registry/toy/versions')), champion: registry.champion, versions: registry.versions }
    }
    const before = await stored()
    expect(before.champion).toBe(2)
    const bad = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/3'], { BAD_NAME: '1' })
    expect(bad.code, bad.stderr).toBe(6)
    expect(bad.stderr).toMatch(/refusing to pack \S*\/caf\uFFFD\.txt: its name is not UTF-8 \(shown here with U\+FFFD\), so it cannot be stored; rename it/)
    expect(bad.stderr).not.toContain('disappeared')
    expect(await stored()).toEqual(before)
  })
})

describe('a predictions file the evaluate command wrote during a run', () => {
  it('a problem at file:line names the copy kept in the run output, which exists after the run, not the scratch file removed with it', async () => {
    const evaluate = `printf 'id,label,prediction,score\\n1,1,1,0.9\\n2,0,0,0.2\\n3,1,0,0.4\\n4,0,1,0.6\\n5,1,1,%s\\n' "$SCORE" > "$RETRAIN_PREDICTIONS_FILE"`
    const spec = toySpec()
      .replace('run: node evaluate.mjs', `run: ${JSON.stringify(evaluate)}`)
      .replace('  data: eval\n', '  data: eval\n  predictions: { task: binary }\n')
      .replace(/metrics:\n[\s\S]*?promotion:/, 'metrics:\n  auc: { goal: maximize, compute: roc-auc, change: [{ margin: -1 }] }\npromotion:')
    const cwd = await makeProject('test/fixtures/toy', spec)
    const first = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'], { SCORE: '0.7' })
    expect(first.code, first.stderr).toBe(0)
    const bad = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'], { SCORE: 'abc' })
    expect(bad.code).toBe(4)
    const kept = path.join(cwd, 'out/2/metrics/candidate-predictions.csv')
    expect(bad.stderr).toContain(`${kept}:6: "score" of id "5" must be a finite number, got "abc"`)
    expect((await readFile(kept, 'utf8')).split('\n')[5]).toBe('5,1,1,abc')
  })
})

describe('predictions columns named in the spec', () => {
  it('a prediction or score column that is the label column is refused at its key, not judged perfect; a probability column of no class compared is named', async () => {
    const cwd = await compareProject(COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, prediction: label }'))
    // Read from the label column, every prediction would be right: accuracy 1.
    const res = await compare(cwd, CANDIDATE)
    expect(res.code, res.stdout).toBe(2)
    expect(res.stderr).toContain(
      'retrain.yml:11:44: evaluate.predictions: the prediction column and the label column are both "label"; the model\'s predictions must be a column of their own'
    )
    await writeFile(path.join(cwd, 'retrain.yml'), COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, label: score }'))
    const score = await compare(cwd, CANDIDATE)
    expect(score.code, score.stdout).toBe(2)
    expect(score.stderr).toContain('retrain.yml:11:39: evaluate.predictions: the score column and the label column are both "score"')
    // A baseline that knows a class the candidate does not: its row sums to 1 over its own columns only.
    await writeFile(path.join(cwd, 'retrain.yml'), COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: multiclass }'))
    const three = 'id,label,prediction,proba_a,proba_b,proba_c\n1,a,a,0.7,0.2,0.1\n2,b,b,0.1,0.8,0.1\n3,c,a,0.5,0.2,0.3\n'
    await writeFile(
      path.join(cwd, 'four.csv'),
      'id,label,prediction,proba_a,proba_b,proba_c,proba_d\n1,a,a,0.6,0.2,0.1,0.1\n2,b,b,0.1,0.8,0.1,0\n3,c,a,0.5,0.2,0.3,0\n'
    )
    const extra = await compare(cwd, three, 'four.csv')
    expect(extra.code, extra.stdout).toBe(4)
    expect(extra.stderr).toContain(
      'four.csv:2: the class probabilities of id "1" sum to 0.9, not 1 over the classes a, b, c; the file also has proba_d, of no class compared: declare every class in evaluate.predictions.classes'
    )
    // Slicing by the label is an analysis of its own, and allowed.
    await writeFile(path.join(cwd, 'retrain.yml'), COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, slices: [label] }'))
    const sliced = await compare(cwd, CANDIDATE)
    expect(sliced.code, sliced.stderr).toBe(0)
    expect(sliced.json.candidate.acc).toBeCloseTo(0.6, 12)
  })
})

describe('JSON Lines written by json.dumps', () => {
  it('a bare NaN (as Python writes a missing float) is refused at its line with what to write instead', async () => {
    const cwd = await compareProject(COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, format: jsonl }'))
    const lines = ['{"id": 1, "label": 1, "prediction": 1, "score": 0.9}', '{"id": 2, "label": 0, "prediction": 0, "score": NaN}']
    await writeFile(path.join(cwd, 'c.jsonl'), lines.join('\n'))
    await writeFile(path.join(cwd, 'b.jsonl'), lines[0]!)
    const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.jsonl', '--baseline', 'b.jsonl'])
    expect(res.code).toBe(4)
    expect(res.stderr).toMatch(
      /c\.jsonl:2: not valid JSON \(.*\); write one JSON object per line; NaN and Infinity are not JSON \(Python's json module writes them\): write null for a missing value/
    )
  })

  it('a number beyond the doubles (1e999, which JSON reads as Infinity) is named as such, not as null', async () => {
    const cwd = await compareProject(COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, format: jsonl }'))
    const lines = ['{"id": 1, "label": 1, "prediction": 1, "score": 0.9}', '{"id": 2, "label": 0, "prediction": 0, "score": 1e999}']
    await writeFile(path.join(cwd, 'c.jsonl'), lines.join('\n'))
    await writeFile(path.join(cwd, 'b.jsonl'), lines.join('\n'))
    const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.jsonl', '--baseline', 'b.jsonl'])
    expect(res.code).toBe(4)
    expect(res.stderr).toContain('c.jsonl:2: "score" of id "2" must be a finite number, got Infinity (a number beyond the doubles)')
  })
})

describe('a numeric training column with one text cell', () => {
  it('the built-in trainer says the column is read as categories, and which cell made it so', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const file = path.join(dir, 'data/train.csv')
    const lines = (await readFile(file, 'utf8')).split('\n')
    // The UCI file this data comes from writes a missing horsepower as "?".
    expect(lines[3]).toMatch(/^2,plymouth satellite,18,8,318,150,/)
    lines[3] = lines[3]!.replace(',318,150,', ',318,?,')
    await writeFile(file, lines.join('\n'))
    const res = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out1', '--param', 'epochs=1'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(
      /column Horsepower is read as categories, not numbers: data\/train\.csv:4 holds "\?" \(\d+ of \d+ rows hold numbers\); fix that cell \(a missing value is empty, NA, NaN or null\), or list the column under categorical/
    )
    // Origin is declared categorical: no such note.
    expect(res.stderr).not.toContain('column Origin is read as categories')
  })
})

describe('checks of category values written as numbers', () => {
  it('values: [1, 2.0] (which YAML reads as numbers) accept 1.0 and 2.0 in the data, and still refuse others', async () => {
    const checks = 'checks:\n  train:\n    columns:\n      grade: { type: category, values: [1, 2.0, A] }\n'
    const cwd = await makeProject('test/fixtures/toy', toySpec() + checks)
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,grade\n1,1\n2,2.0\n3,A\n4,1.0\n5,2\n')
    const ok = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/1'])
    expect(ok.code, ok.stderr).toBe(0)
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,grade\n1,1\n2,3\n3,a\n4,0x2\n')
    const bad = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', 'out/2'])
    expect(bad.code, bad.stderr).toBe(2)
    expect(bad.stderr).toMatch(/\| train +\| grade +\| values +\| one of 1, 2, A +\| "3", "a", "0x2" +\|/)
  })
})

describe('groups with missing values', () => {
  it('an example without a group (empty or NA) is refused at its line, not resampled with all the others as one group', async () => {
    const spec = COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, group: user }')
    const cwd = await compareProject(spec)
    const withUser = (csv: string, users: string[]) =>
      csv
        .trimEnd()
        .split('\n')
        .map((line, i) => `${line},${i === 0 ? 'user' : users[i - 1]}`)
        .join('\n') + '\n'
    await writeFile(path.join(cwd, 'b.csv'), withUser(BASELINE, ['u1', 'u1', 'u2', '', 'u3']))
    const empty = await compare(cwd, withUser(CANDIDATE, ['u1', 'u1', 'u2', '', 'u3']))
    expect(empty.code, empty.stdout).toBe(4)
    expect(empty.stderr).toContain('c.csv:5: the group ("user") of id "4" is missing; every example needs its group')
    await writeFile(path.join(cwd, 'b.csv'), withUser(BASELINE, ['u1', 'u1', 'u2', 'NA', 'u3']))
    const na = await compare(cwd, withUser(CANDIDATE, ['u1', 'u1', 'u2', 'NA', 'u3']))
    expect(na.code).toBe(4)
    expect(na.stderr).toContain('c.csv:5: the group ("user") of id "4" is missing')
    await writeFile(path.join(cwd, 'b.csv'), withUser(BASELINE, ['u1', 'u1', 'u2', 'u4', 'u3']))
    const ok = await compare(cwd, withUser(CANDIDATE, ['u1', 'u1', 'u2', 'u4', 'u3']))
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.json.units).toEqual({ count: 4, kind: 'groups' })
  })
})

describe('a predictions file in the other format', () => {
  it('JSON Lines read as CSV, or CSV read as JSON Lines, says which format the file looks like', async () => {
    const cwd = await compareProject()
    const asJsonLines = await compare(cwd, '{"id": 1, "label": 1, "prediction": 1, "score": 0.9}\n{"id": 2, "label": 0, "prediction": 0, "score": 0.2}\n')
    expect(asJsonLines.code).toBe(4)
    expect(asJsonLines.stderr).toContain('the file looks like JSON Lines: set evaluate.predictions.format: jsonl')
    const jsonl = await compareProject(COMPARE_SPEC.replace('predictions: { task: binary }', 'predictions: { task: binary, format: jsonl }'))
    await writeFile(path.join(jsonl, 'c.jsonl'), CANDIDATE)
    await writeFile(path.join(jsonl, 'b.jsonl'), CANDIDATE)
    const asCsv = await retrain(jsonl, ['compare', '--spec', 'retrain.yml', '--candidate', 'c.jsonl', '--baseline', 'b.jsonl'])
    expect(asCsv.code).toBe(4)
    expect(asCsv.stderr).toMatch(
      /c\.jsonl:1: not valid JSON \(.*\); write one JSON object per line; the file looks like CSV: set evaluate\.predictions\.format: csv/
    )
  })
})

describe('missing labels in training data', () => {
  it('a label written NA (as R writes a missing value) leaves its row out, as an empty one does, for regression and classification; JSON Lines data is named as such', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const file = path.join(dir, 'data/train.csv')
    const lines = (await readFile(file, 'utf8')).split('\n')
    expect(lines[3]).toMatch(/^2,plymouth satellite,18,/)
    lines[3] = lines[3]!.replace(',18,', ',NA,')
    lines[4] = lines[4]!.replace(/^(3,[^,]+),\d+,/, '$1,,')
    await writeFile(file, lines.join('\n'))
    const regression = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out1', '--param', 'epochs=1'])
    expect(regression.code, regression.stderr).toBe(0)
    expect(regression.stderr).toContain('2 row(s) without a Miles_per_Gallon are skipped')

    const spec = toySpec({ train: 'node "$RETRAIN_CLI" train sgd-logistic' })
      .replace('    run: |\n      node "$RETRAIN_CLI" train sgd-logistic', '    uses: builtin/sgd-logistic\n    with: { label: y, epochs: 2 }')
      .replace('run: node evaluate.mjs', 'run: node "$RETRAIN_CLI" evaluate')
      .replace(/metrics:\n[\s\S]*?promotion:/, 'metrics:\n  accuracy: { goal: maximize, change: [{ margin: -1 }] }\npromotion:')
    const cwd = await makeProject('test/fixtures/toy', spec)
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y\n1,yes\n2,NA\n3,no\n4,yes\n5,null\n6,no\n')
    await writeFile(path.join(cwd, 'data/eval.csv'), 'x,y\n1,yes\n3,no\n5,NA\n')
    const binary = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'])
    expect(binary.code, binary.stderr).toBe(0)
    expect(binary.stderr).toContain('2 row(s) without a y are skipped')
    expect(binary.stderr).not.toContain('found 3')

    // JSON Lines data for a built-in trainer, which reads CSV: said so, not "no column y".
    await writeFile(path.join(cwd, 'data/train.jsonl'), '{"x": 1, "y": "yes"}\n{"x": 3, "y": "no"}\n')
    await writeFile(path.join(cwd, 'retrain.yml'), spec.replace('data/train.csv', 'data/train.jsonl'))
    const jsonl = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'])
    expect(jsonl.code).toBe(3)
    expect(jsonl.stderr).toContain('train.jsonl is JSON Lines, but the built-in trainers read CSV files')
  })
})
