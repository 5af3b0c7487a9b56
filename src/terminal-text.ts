/**
 * Messages for a terminal (the CLI's errors on stderr), which may quote data: a column name, a cell,
 * a step's last lines. A control character in them could move the cursor, clear the screen, retitle
 * the window or hide a link (OSC 8) behind plain-looking text. Each is shown as an escape (`\x1b`,
 * `\r`) instead; colours (SGR sequences, as a step's own output uses) and tabs and line feeds stay.
 */
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
