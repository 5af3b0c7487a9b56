/** What the built-in commands need from their process: the contract's environment and a log line sink. */
import { dataEnvName } from '../contract-names.js'
import { TrainerError } from './errors.js'

export interface CommandIO {
  env: NodeJS.ProcessEnv
  log: (line: string) => void
}

export function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]
  if (!value) throw new TrainerError(`${name} is not set; run this through a retrain spec, or set it by hand (see the README's contract table)`)
  return value
}

/**
 * The files of data input `name`: RETRAIN_DATA_<NAME>, newline-separated absolute paths. `chosenBy`
 * says where the name came from, for the message when the spec has no such input.
 */
export function dataFiles(env: NodeJS.ProcessEnv, name: string, chosenBy: string): string[] {
  const variable = dataEnvName(name)
  const value = env[variable]
  if (value === undefined) {
    throw new TrainerError(`${variable} is not set: the spec declares no data input "${name}" (${chosenBy})`)
  }
  const files = value
    .split('\n')
    .map(f => f.trim())
    .filter(f => f !== '')
  if (files.length === 0) throw new TrainerError(`${variable} lists no files: data input "${name}" matched nothing`)
  return files
}
