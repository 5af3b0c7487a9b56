/**
 * The layers of src/, checked by test/layout.test.ts (`npx depcruise src` shows the same).
 *
 * Imports run downwards only, type-only imports included (a type import is a dependency a reader
 * follows too):
 *
 *   shells     src/cli.ts and src/local/ (the CLI), src/github/ (the action, its entry src/github/index.ts)
 *     -> app   src/app/: one execute(command, deps) per command
 *     -> engine and registry   src/engine/, src/registry/
 *     -> foundation:
 *          spec      src/spec/: may use metrics and trainers (to check `compute:` and `uses:` options)
 *          metrics   src/metrics/: a leaf; may read the spec's shapes (src/spec/types.ts, types only)
 *          trainers  src/trainers/: a leaf
 *          ports     src/ports.ts: the engine's view of the world, declarations only
 *          shared leaves: the other modules directly in src/ (errors.ts, version.ts, suggest.ts,
 *            contract-names.ts, ...) and src/csv/ (the CSV reader trainers and metrics share); they
 *            import only each other.
 *
 * The two shells never import each other: what both use lives below them.
 */

/** Modules directly in src/ that are no entry and no port, and the shared CSV reader. */
const SHARED = '^src/(csv/|(?!(main|index|cli|ports)\\.ts$)[^/]+\\.ts$)'
const ACTION_SHELL = '^src/(github/|(main|index)\\.ts$)'
const CLI_SHELL = '^src/(local/|cli\\.ts$)'
const SHELLS = '^src/(github/|local/|(main|index|cli)\\.ts$)'
const APP = '^src/app/'
const ENGINE = '^src/(engine|registry)/'
const FOUNDATION = '^src/(spec/|metrics/|trainers/|ports\\.ts$)'

/** A rule that `from` may import nothing in src/ but what `allowed` matches. */
function onlyImports(name, comment, from, allowed) {
  return { name, comment, severity: 'error', from: { path: from }, to: { path: '^src/', pathNot: allowed } }
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one unit that cannot be read, tested or moved apart.',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'nothing-imports-a-shell',
      comment: 'Shells are the top: only a shell entry composes the modules of its own shell.',
      severity: 'error',
      from: { pathNot: SHELLS },
      to: { path: SHELLS }
    },
    {
      name: 'only-shells-import-app',
      comment: 'The app layer is called by shells; the engine and the foundation never reach up to it.',
      severity: 'error',
      from: { pathNot: `${SHELLS}|${APP}` },
      to: { path: APP }
    },
    {
      name: 'foundation-does-not-import-engine',
      comment: 'spec, metrics, trainers and ports are below the engine and the registry.',
      severity: 'error',
      from: { path: `${FOUNDATION}|${SHARED}` },
      to: { path: ENGINE }
    },
    {
      name: 'action-shell-does-not-import-cli-shell',
      comment: 'What both shells use lives below them (src/registry/, src/app/), so either can be dropped or copied.',
      severity: 'error',
      from: { path: ACTION_SHELL },
      to: { path: CLI_SHELL }
    },
    {
      name: 'cli-shell-does-not-import-action-shell',
      comment: 'What both shells use lives below them (src/registry/, src/app/), so either can be dropped or copied.',
      severity: 'error',
      from: { path: CLI_SHELL },
      to: { path: ACTION_SHELL }
    },
    onlyImports(
      'metrics-is-a-leaf',
      'metrics imports only itself, the shared leaves and the spec\'s shapes; the engine and the app use metrics, never the reverse.',
      '^src/metrics/',
      `^src/(metrics/|spec/types\\.ts$)|${SHARED}`
    ),
    {
      name: 'metrics-reads-only-types-of-the-spec',
      comment: 'The spec\'s shapes are declarations; code of the spec (loading, checking) is above metrics.',
      severity: 'error',
      from: { path: '^src/metrics/' },
      to: { path: '^src/spec/types\\.ts$', dependencyTypesNot: ['type-only'] }
    },
    onlyImports(
      'trainers-is-a-leaf',
      'trainers import only themselves and the shared leaves: a built-in trainer reads the contract like any user\'s command.',
      '^src/trainers/',
      `^src/trainers/|${SHARED}`
    ),
    onlyImports(
      'spec-types-are-declarations',
      'The spec\'s shapes, read by every layer: they may name only the types generated from the spec\'s schema and the computed metrics, leaves without imports.',
      '^src/spec/types\\.ts$',
      `^src/spec/generated/raw-spec\\.ts$|^src/metrics/computed-metrics\\.ts$|${SHARED}`
    ),
    onlyImports('ports-are-declarations', 'The ports name only the spec\'s shapes and shared leaves.', '^src/ports\\.ts$', `^src/spec/types\\.ts$|${SHARED}`),
    onlyImports('shared-leaves-import-only-shared-leaves', 'Shared leaves sit under every layer.', SHARED, SHARED)
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' }
  }
}
