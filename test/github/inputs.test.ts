/** Input parsing: one typed settings object, and messages that name the input and what it accepts. */
import { afterEach, describe, expect, it } from 'vitest'
import { getSettings } from '../../src/github/inputs.js'

const saved = { ...process.env }

function withInputs(inputs: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name]
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] = value
}

afterEach(() => {
  process.env = { ...saved }
})

describe('action inputs', () => {
  it('have defaults for everything: the GitHub registry, the environment gate, artifacts, dry run on pull requests', () => {
    withInputs({})
    expect(getSettings()).toMatchObject({
      spec: '.github/retrain.yml',
      command: 'run',
      params: null,
      registry: 'github',
      registryBranch: 'retrain-registry',
      gate: 'environment',
      artifacts: true,
      retentionDays: undefined,
      dryRun: 'auto',
      excludeTriggeringActor: false
    })
  })

  it('parse versions, booleans, retention and choices', () => {
    withInputs({
      command: 'promote',
      candidate: '7',
      'expect-champion': 'none',
      registry: 'directory',
      gate: 'issue',
      'retention-days': '14',
      'dry-run': 'true',
      params: 'epochs: 3'
    })
    expect(getSettings()).toMatchObject({
      candidate: 7,
      expectChampion: null,
      registry: 'directory',
      gate: 'issue',
      retentionDays: 14,
      dryRun: true,
      params: { epochs: 3 }
    })
  })

  it("take the environment gate's environment, by name", () => {
    withInputs({ 'gate-environment': ' model-release ' })
    expect(getSettings().gateEnvironment).toBe('model-release')
    withInputs({})
    expect(getSettings().gateEnvironment).toBeUndefined()
  })

  it.each([
    [{ registry: 'releases' }, 'input "registry" must be one of github, directory, got "releases"'],
    [{ gate: 'pr' }, 'input "gate" must be one of environment, issue, got "pr"'],
    [{ 'retention-days': '120' }, 'input "retention-days" must be a whole number of days from 1 to 90, got "120"'],
    [{ 'expect-champion': 'v2' }, 'input "expect-champion" must be a version number or "none", got "v2"'],
    [{ 'dry-run': 'maybe' }, 'input "dry-run" must be true, false or auto, got "maybe"'],
    [{ params: '[1, 2]' }, 'input "params" must be an object'],
    [{ 'gate-environment': 'model\nrelease' }, 'input "gate-environment" is invalid: an environment name has at most 255 characters'],
    [{ 'gate-environment': 'x'.repeat(256) }, 'input "gate-environment" is invalid: an environment name has at most 255 characters']
  ])('refuse %o', (inputs, message) => {
    withInputs(inputs)
    expect(() => getSettings()).toThrow(message)
  })
})
