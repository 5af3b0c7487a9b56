/**
 * Messages for a terminal (the CLI's errors on stderr), which may quote data: a column name, a cell,
 * a step's last lines. A control character in them could move the cursor, clear the screen, retitle
 * the window or hide a link (OSC 8) behind plain-looking text. Each is shown as an escape (`\x1b`,
 * `\r`) instead; colours (SGR sequences, as a step's own output uses) and tabs and line feeds stay.
 */
import { randomBytes } from 'node:crypto'

// eslint-disable-next-line no-control-regex -- control characters are what this module looks for
const COLOUR = /^\x1b\[[0-9;]*m/
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/

export function terminalText(text: string): string {
  if (!CONTROL.test(text)) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\x1b') {
      const colour = COLOUR.exec(text.slice(i, i + 32))
      if (colour) {
        out += colour[0]
        i += colour[0].length - 1
        continue
      }
    }
    const code = c.charCodeAt(0)
    if (code === 0x0d) out += '\\r'
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, '0')}`
    else out += c
  }
  return out
}

/**
 * Inside a workflow step (GITHUB_ACTIONS=true), the runner reads what a program writes for workflow
 * commands: a line starting with `::`, or holding `##[` anywhere. Text the CLI did not choose (a
 * step's output, names from the spec, messages quoting the data) could set outputs, add masks or
 * annotations, or stop the commands after it (`::stop-commands::`). Such text is written between
 * `::stop-commands::` and the resume line of a token only this process knows: the runner shows it and
 * carries none of it out. Elsewhere, and for text with neither, it is left as it is.
 */
const COMMAND_LIKE = /::|##\[/
let stopToken: string | null = null

/** `text` (one line or more, without the last line feed), wrapped as above when it could hold a workflow command. */
export function commandsStopped(text: string): string {
  if (!COMMAND_LIKE.test(text)) return text
  stopToken ??= randomBytes(16).toString('hex')
  return `::stop-commands::${stopToken}\n${text}\n::${stopToken}::`
}

/** The same inside a workflow step only: elsewhere nothing reads commands, and the text is left as it is. */
export function notACommand(text: string): string {
  return process.env.GITHUB_ACTIONS === 'true' ? commandsStopped(text) : text
}

/** A line for stderr that quotes text from outside: control characters escaped, never a workflow command. */
export function errorLine(text: string): string {
  return `${notACommand(terminalText(text))}\n`
}
