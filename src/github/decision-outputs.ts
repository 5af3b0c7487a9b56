/**
 * The outputs of a decision that has landed (a promotion, a registered candidate, an approval). A
 * later job keys its deploy on them, so one that cannot be written (GITHUB_OUTPUT unwritable) fails
 * the step, but only once the rest of the step is done (the report, its links, the summary), and in
 * words that say the decision stands and how to get the outputs.
 */
import * as core from '@actions/core'
import { ExitCode, RetrainError } from '../errors.js'

export class DecisionOutputs {
  private failure: unknown = null

  /** Sets an output; after one that could not be written, none is tried again. */
  set(name: string, value: string): void {
    if (this.failure !== null) return
    try {
      core.setOutput(name, value)
    } catch (err) {
      this.failure = err
    }
  }

  /** Throws when an output could not be written; `decided` says what stands all the same ("toy version 3 is promoted"). */
  check(decided: string): void {
    if (this.failure === null) return
    const cause = this.failure instanceof Error ? this.failure.message : String(this.failure)
    throw new RetrainError(
      `${decided} all the same, but the step's outputs could not be written (${cause}): no later step or job sees them. ` +
        'Re-run the job to set them: a re-run makes no change an earlier attempt of the run made, and sets the outputs from the registry.',
      ExitCode.internal,
      'outputs-not-written',
      { cause: this.failure }
    )
  }
}
