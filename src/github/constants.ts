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
  force: 'force',
  registryDir: 'registry-dir',
  dryRun: 'dry-run',
  outputDir: 'output-dir',
  token: 'token',
  registry: 'registry',
  registryBranch: 'registry-branch',
  gate: 'gate',
  gateEnvironment: 'gate-environment',
  artifacts: 'artifacts',
  retentionDays: 'retention-days',
  excludeTriggeringActor: 'exclude-triggering-actor',
  dispatchWorkflow: 'dispatch-workflow',
  dispatchRef: 'dispatch-ref',
  challenger: 'challenger',
  plan: 'plan',
  keepRejected: 'keep-rejected',
  keepRetired: 'keep-retired'
} as const

export const Outputs = {
  decision: 'decision',
  promoted: 'promoted',
  candidateVersion: 'candidate-version',
  baselineVersion: 'baseline-version',
  metrics: 'metrics',
  resultPath: 'result-path',
  reportPath: 'report-path',
  gate: 'gate',
  expectChampion: 'expect-champion',
  artifactIds: 'artifact-ids',
  artifacts: 'artifacts',
  releaseUrl: 'release-url',
  drifted: 'drifted',
  drift: 'drift',
  matrix: 'matrix',
  plan: 'plan',
  modelDir: 'model-dir'
} as const

export const COMMANDS = [
  'run',
  'validate',
  'status',
  'promote',
  'approve',
  'reject',
  'rollback',
  'settle',
  'redeploy',
  'drift',
  'plan',
  'select',
  'fetch',
  'prune'
] as const
export type Command = (typeof COMMANDS)[number]

export const REGISTRIES = ['github', 'directory'] as const
export type RegistryKind = (typeof REGISTRIES)[number]

export const GATES = ['environment', 'issue'] as const
export type GateKind = (typeof GATES)[number]
