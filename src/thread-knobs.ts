/**
 * The environment variables that set how many threads the bootstrap and the built-in trainers use.
 * Each is read where its threads start, which many commands never reach (a comparison of fewer than
 * 65,536 examples, an SGD trainer); so both shells check them as a command starts, and a bad value
 * is an input error whatever the path, never one met only after a long training.
 */
import { InputError } from './errors.js'

/** RETRAIN_BOOTSTRAP_THREADS as a number of threads; undefined when unset (one per processor, up to 4). */
export function bootstrapThreadsSetting(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined
  const value = /^\d{1,2}$/.test(raw) ? Number(raw) : 0
  if (value < 1 || value > 64) throw new InputError([{ message: `RETRAIN_BOOTSTRAP_THREADS must be a whole number from 1 to 64, got "${raw}"` }])
  return value
}

/** RETRAIN_TRAINER_THREADS as a number of threads; undefined when unset (2 where there are two processors). */
export function trainerThreadsSetting(raw: string | undefined): 1 | 2 | undefined {
  if (raw === undefined || raw === '') return undefined
  if (raw !== '1' && raw !== '2') throw new InputError([{ message: `RETRAIN_TRAINER_THREADS must be 1 or 2, got "${raw}"` }])
  return raw === '1' ? 1 : 2
}

/** Refuses a bad value of either variable in `env`, naming it. */
export function checkThreadKnobs(env: NodeJS.ProcessEnv): void {
  bootstrapThreadsSetting(env.RETRAIN_BOOTSTRAP_THREADS)
  trainerThreadsSetting(env.RETRAIN_TRAINER_THREADS)
}
