import { defineConfig } from 'vitest/config'
import type { Reporter, TestModule } from 'vitest/node'

/** One plain closing line, `N passed, N failed, N skipped`, that any CI log reader understands. */
const plainSummary: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A temporary folder of the run's own (TMPDIR), removed at its end.
    globalSetup: ['test/setup/temp-root.ts'],
    testTimeout: 60_000,
    // At most three tests of a describe.concurrent block at once: each starts processes, and more at once
    // only starve each other past their timeouts on a small or shared machine.
    maxConcurrency: 3,
    // Two files at once: most tests wait on the processes they start, so two workers keep both cores
    // busy; the tests hold under load (no wall-clock assertions, only their own processes and ports).
    maxWorkers: 2,
    hookTimeout: 60_000,
    reporters: ['default', plainSummary]
  }
})
