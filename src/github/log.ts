/**
 * The action's plain log lines. The runner reads a line of the log as a workflow command when it
 * starts with `::` (after blanks) or holds `##[` anywhere, and it ends a line at a lone carriage return
 * as well as at a line feed. Much of what the action logs is text it did not choose: a step's output,
 * the report (metric names from the metrics file, slice values from the data), messages quoting the
 * spec, a comment or GitHub's answers. Such text could set the action's outputs (`::set-output`),
 * end its groups, mask or add annotations, or stop every command the action issues after it
 * (`::stop-commands::`). So a text that could hold a command is written between `::stop-commands::`
 * and the resume line of a token only this process knows: the runner shows it as it is and runs none
 * of it.
 */
import * as core from '@actions/core'
import { commandsStopped } from '../terminal-text.js'

/** Writes `text` to the log as text, never as a workflow command. */
export function logText(text: string): void {
  core.info(commandsStopped(text))
}
