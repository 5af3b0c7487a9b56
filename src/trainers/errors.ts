/**
 * A problem a built-in trainer meets in its input (options, data, the champion's model): the
 * command prints the message and exits non-zero, which fails the step like any user script.
 */
export class TrainerError extends Error {
  override readonly name = 'TrainerError'
}
