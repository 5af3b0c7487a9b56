/**
 * The action's `command: drift`: the data against the champion's profile (the CLI's `retrain drift`),
 * with the output `drifted` ('true' or 'false') for a later job's `if:`, and the drift table in the
 * job summary. It changes nothing and succeeds whether or not anything drifted.
 */
import * as core from '@actions/core'
import { logText } from './log.js'
import { execute, type AppDeps } from '../app/execute.js'
import { driftTable } from '../engine/drift.js'
import { table } from '../engine/report.js'
import { ExitCode } from '../errors.js'
import type { ParamValue, Spec } from '../spec/types.js'
import { Outputs } from './constants.js'
import { SummaryRoom, addToSummary } from './job-summary.js'
import { driftOutput } from './output-limits.js'

export async function driftCommand(spec: Spec, params: Record<string, ParamValue>, github: Record<string, unknown>, deps: AppDeps): Promise<number> {
  const outcome = await execute({ kind: 'drift', spec, params, github }, deps)
  if (outcome.kind !== 'drift') throw new Error(`unexpected outcome ${outcome.kind}`)
  const report = outcome.report
  const text = driftTable(report, table)
  logText(text)
  core.setOutput(Outputs.drifted, String(report.drifted))
  core.setOutput(Outputs.drift, driftOutput(report))
  await addToSummary(
    `## ${spec.model}: ${report.drifted ? 'drifted' : 'no drift'}\n\n${text}\n`,
    SummaryRoom.beforeFailure,
    "the step's log has the whole table"
  )
  return ExitCode.ok
}
