/** The action's input and output names, used by the code and by the tests. */
export const Inputs = {
  spec: 'spec',
  command: 'command',
  params: 'params',
  ignoreUnknownParams: 'ignore-unknown-params',
  candidate: 'candidate',
  expectChampion: 'expect-champion',
  version: 'version',
  reason: 'reason',
  registryDir: 'registry-dir',
  dryRun: 'dry-run',
  outputDir: 'output-dir'
} as const

export const Outputs = {
  decision: 'decision',
  promoted: 'promoted',
  candidateVersion: 'candidate-version',
  baselineVersion: 'baseline-version',
  metrics: 'metrics',
  resultPath: 'result-path',
  reportPath: 'report-path',
  gate: 'gate'
} as const

export const COMMANDS = ['run', 'validate', 'status', 'promote', 'approve', 'reject', 'rollback'] as const
export type Command = (typeof COMMANDS)[number]
