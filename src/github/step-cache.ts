/**
 * The run-cache on GitHub: entries live in the Actions cache (@actions/cache, the CacheService v2 of
 * the results service and its blob storage), scoped by GitHub to the branch and its base. Where the
 * service is not available (a runner without it), the cache is a directory in the workspace, which a
 * self-hosted runner keeps between jobs. A cache that fails never fails the run: the engine warns and
 * runs the step.
 */
import * as core from '@actions/core'
import { logText } from './log.js'
import { restoreCache, saveCache, isFeatureAvailable } from '@actions/cache'
import path from 'node:path'
import { DirectoryStepCache } from '../engine/directory-cache.js'
import { ENTRY_DIR_NAME } from '../engine/step-cache.js'
import type { StepCacheStore } from '../ports.js'
import type { Spec } from '../spec/types.js'

/**
 * @actions/cache archives paths relative to the working directory and GITHUB_WORKSPACE, and its
 * entry "version" hashes the paths as given: the same relative name from a directory of our own on
 * every run keeps the version stable wherever the run's scratch is. The run does nothing else while
 * the cache works (steps run one after another), and both are put back at once.
 */
let queue: Promise<unknown> = Promise.resolve()
async function inDirectory<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const turn = queue.then(async () => {
    const cwd = process.cwd()
    const workspace = process.env.GITHUB_WORKSPACE
    process.chdir(dir)
    process.env.GITHUB_WORKSPACE = dir
    try {
      return await work()
    } finally {
      process.chdir(cwd)
      if (workspace === undefined) delete process.env.GITHUB_WORKSPACE
      else process.env.GITHUB_WORKSPACE = workspace
    }
  })
  queue = turn.catch(() => undefined)
  return await turn
}

export class ActionsStepCache implements StepCacheStore {
  readonly description = 'the GitHub Actions cache'

  async fetch(key: string, scratch: string): Promise<string | null> {
    const matched = await inDirectory(scratch, () => restoreCache([ENTRY_DIR_NAME], key))
    // Only the exact key: a prefix match would be another step's entry.
    return matched === key ? path.join(scratch, ENTRY_DIR_NAME) : null
  }

  async store(key: string, entryDir: string): Promise<boolean> {
    if (path.basename(entryDir) !== ENTRY_DIR_NAME) throw new Error(`internal: a cache entry directory must be named ${ENTRY_DIR_NAME}`)
    // -1: not saved (another job saved it first, or the service failed); @actions/cache has said why.
    return (await inDirectory(path.dirname(entryDir), () => saveCache([ENTRY_DIR_NAME], key))) !== -1
  }
}

/** The run-cache for a spec with cached steps: the Actions cache when the runner offers it, else a directory. */
export function actionStepCache(spec: Spec, workspace: string): StepCacheStore | undefined {
  if (!spec.steps.some(s => s.cache)) return undefined
  if (process.env.ACTIONS_RUNTIME_TOKEN && isFeatureAvailable()) return new ActionsStepCache()
  const dir = path.join(workspace, '.retrain', 'cache')
  logText(`The Actions cache service is not available on this runner: cached steps keep their outputs in ${dir}`)
  return new DirectoryStepCache(dir, { warn: message => core.warning(message) })
}
