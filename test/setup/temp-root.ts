/**
 * One temporary folder per test run: every test file, and every process the tests start (the CLI, the
 * action, the steps), makes its temporary files under it through TMPDIR, and it is removed when the
 * run ends. Without it each run left thousands of project folders in the machine's temporary folder,
 * which every later run's search for leftover workspaces then had to list. The CLI's code cache goes
 * there as well, unless RETRAIN_COMPILE_CACHE names another folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'retrain-tests-'))
  process.env.TMPDIR = root
  // The CLIs the tests start keep their compiled code there too, not in the user's cache folder
  // (each build of a checkout would otherwise leave its files there).
  process.env.RETRAIN_COMPILE_CACHE ??= path.join(root, 'code-cache')
  return () => {
    if (process.env.RETRAIN_KEEP_TEST_FILES) {
      process.stdout.write(`test files kept in ${root}\n`)
      return
    }
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 })
    } catch (err) {
      process.stdout.write(`could not remove the tests' temporary folder ${root}: ${(err as Error).message}\n`)
    }
  }
}
