/**
 * Knobs read from the environment by both shells. Test-only failpoints: RETRAIN_TEST_FAILPOINT=<stage>:<signal> makes a run send itself the signal
 * when it reaches the stage (SIGTERM or SIGINT: a cancellation exactly there; SIGKILL: a crash
 * there), so the tests can stop a run at every stage of its commit protocol.
 */
import { InputError } from '../errors.js'
import { RUN_STAGES, type RunStage } from '../engine/run.js'

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGKILL'] as const

export function stageHook(raw: string | undefined, aborted: AbortSignal): ((stage: RunStage) => Promise<void>) | undefined {
  if (!raw) return undefined
  const [at, signal] = raw.split(':') as [string, NodeJS.Signals]
  if (!(RUN_STAGES as readonly string[]).includes(at) || !(SIGNALS as readonly string[]).includes(signal)) {
    throw new InputError([{ message: `RETRAIN_TEST_FAILPOINT must be <stage>:${SIGNALS.join('|')} with a stage among ${RUN_STAGES.join(', ')}; got "${raw}"` }])
  }
  return async stage => {
    if (stage !== at) return
    process.kill(process.pid, signal)
    // The signal's handler runs on a later turn of the event loop: wait for it, boundedly.
    for (let i = 0; i < 200 && !aborted.aborted; i++) await new Promise(resolve => setTimeout(resolve, 5))
  }
}

/** RETRAIN_HEARTBEAT_SECONDS: how long a step may be silent before the run says it is still running. */
export function heartbeatMs(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new InputError([{ message: `RETRAIN_HEARTBEAT_SECONDS must be a number of seconds above 0, got "${raw}"` }])
  return value * 1000
}
