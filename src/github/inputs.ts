/**
 * Turns the action's raw inputs into one typed settings object; all validation lives here.
 */
import * as core from '@actions/core'
import { parse as parseYaml } from 'yaml'
import { InputError } from '../errors.js'
import { COMMANDS, Inputs, type Command } from './constants.js'

export interface ActionSettings {
  /** Path of the retraining spec, relative to the workspace. */
  spec: string
  command: Command
  /** Param overrides: a JSON or YAML object, typically `${{ toJSON(inputs) }}`. */
  params: Record<string, unknown>
  /** Ignore params the spec does not declare (workflow inputs that are not spec params). */
  ignoreUnknownParams: boolean
  /** For promote: the candidate version and the champion it must replace (null: no champion). */
  candidate?: number
  expectChampion?: number | null
  /** For approve, reject and rollback. */
  version?: number
  reason?: string
  /** The directory registry, relative to the workspace. */
  registryDir: string
  dryRun: boolean
  /** Where result.json, report.md, the bundle and logs go (default: under RUNNER_TEMP). */
  outputDir?: string
}

function versionInput(name: string, allowNone = false): number | null | undefined {
  const raw = core.getInput(name)
  if (raw === '') return undefined
  if (allowNone && raw === 'none') return null
  if (!/^[1-9][0-9]*$/.test(raw)) {
    throw new InputError([{ message: `input "${name}" must be a version number${allowNone ? ' or "none"' : ''}, got "${raw}"` }])
  }
  return Number(raw)
}

function booleanInput(name: string): boolean {
  const raw = core.getInput(name).trim().toLowerCase()
  if (raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  throw new InputError([{ message: `input "${name}" must be true or false, got "${raw}"` }])
}

export function getSettings(): ActionSettings {
  const command = (core.getInput(Inputs.command) || 'run') as Command
  if (!COMMANDS.includes(command)) {
    throw new InputError([{ message: `input "command" must be one of ${COMMANDS.join(', ')}, got "${command}"` }])
  }
  const rawParams = core.getInput(Inputs.params)
  let params: unknown = {}
  if (rawParams.trim() !== '') {
    try {
      params = parseYaml(rawParams)
    } catch (err) {
      throw new InputError([{ message: `input "params" is not valid JSON or YAML: ${(err as Error).message}` }])
    }
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new InputError([{ message: 'input "params" must be an object of param name to value, such as ${{ toJSON(inputs) }}' }])
  }
  return {
    spec: core.getInput(Inputs.spec) || '.github/retrain.yml',
    command,
    params: params as Record<string, unknown>,
    ignoreUnknownParams: booleanInput(Inputs.ignoreUnknownParams),
    candidate: versionInput(Inputs.candidate) ?? undefined,
    expectChampion: versionInput(Inputs.expectChampion, true),
    version: versionInput(Inputs.version) ?? undefined,
    reason: core.getInput(Inputs.reason) || undefined,
    registryDir: core.getInput(Inputs.registryDir) || '.retrain/registry',
    dryRun: booleanInput(Inputs.dryRun),
    outputDir: core.getInput(Inputs.outputDir) || undefined
  }
}
