/**
 * The action's challenger commands: `plan` sets the job matrix as an output, `select` promotes or
 * gates the best challenger of a plan and writes every challenger side by side to the job summary.
 */
import * as core from '@actions/core'
import { logText } from './log.js'
import { ExitCode } from '../errors.js'
import type { AppDeps, AppOutcome } from '../app/execute.js'
import { execute, unfinished } from '../app/execute.js'
import { planMatrix, renderPlan } from '../engine/challenger-plan.js'
import type { ParamValue, Spec } from '../spec/types.js'
import { Outputs } from './constants.js'
import { SummaryRoom, addToSummary } from './job-summary.js'
import { isDry, type ActionSettings } from './inputs.js'
import { DecisionOutputs } from './decision-outputs.js'

export async function planCommand(spec: Spec, params: Record<string, ParamValue>, deps: AppDeps, github: Record<string, unknown>): Promise<number> {
  const outcome = await execute({ kind: 'plan', spec, params, github }, deps)
  if (outcome.kind !== 'planned') throw new Error(`unexpected outcome ${outcome.kind}`)
  const matrix = planMatrix(outcome.plan)
  core.setOutput(Outputs.matrix, JSON.stringify(matrix))
  core.setOutput(Outputs.plan, outcome.plan.id)
  core.setOutput(Outputs.expectChampion, outcome.plan.champion ? String(outcome.plan.champion.version) : 'none')
  logText(renderPlan(outcome.plan))
  await addToSummary(`\`\`\`\n${renderPlan(outcome.plan)}\n\`\`\`\n`, SummaryRoom.beforeFailure, 'the output "matrix" has every challenger')
  return ExitCode.ok
}

/** As for run: "dry-run: auto" is dry on pull-request and merge-queue events, where nothing may be promoted. */
export function selectIsDry(settings: ActionSettings): boolean {
  return isDry(settings, process.env.GITHUB_EVENT_NAME ?? '')
}

export async function selectCommand(
  spec: Spec,
  params: Record<string, ParamValue>,
  settings: ActionSettings,
  deps: AppDeps,
  github: Record<string, unknown>,
  reportFollowUps: (outcome: Extract<AppOutcome, { kind: 'selected' }>) => void
): Promise<number> {
  const who = { actor: process.env.GITHUB_ACTOR ?? 'github-actions', ...(settings.reason !== undefined && { reason: settings.reason }) }
  const outcome = await execute(
    {
      kind: 'select',
      spec,
      params,
      who,
      github,
      ...(settings.plan !== undefined && { plan: settings.plan }),
      ...(selectIsDry(settings) && { dryRun: true })
    },
    deps
  )
  if (outcome.kind !== 'selected') throw new Error(`unexpected outcome ${outcome.kind}`)
  const { selection, decision, gate } = outcome.selection
  const winner = selection.winner
  const outputs = new DecisionOutputs()
  outputs.set(Outputs.plan, selection.plan)
  outputs.set(Outputs.decision, decision)
  outputs.set(Outputs.promoted, String(decision === 'promoted'))
  outputs.set(Outputs.candidateVersion, winner && (decision === 'promoted' || decision === 'pending-approval') ? String(winner.version) : '')
  outputs.set(Outputs.gate, gate?.where ?? '')
  reportFollowUps(outcome)
  outputs.check(winner ? `${spec.model} version ${winner.version} is ${decision}` : `the selection of plan ${selection.plan} is ${decision}`)
  return unfinished(outcome.followUps).length ? ExitCode.conflict : ExitCode.ok
}
