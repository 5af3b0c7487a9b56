import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/terminal-text.ts
import { randomBytes } from "node:crypto";
var COLOUR = /^\x1b\[[0-9;]*m/;
var CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
function terminalText(text) {
  if (!CONTROL.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\x1B") {
      const colour = COLOUR.exec(text.slice(i, i + 32));
      if (colour) {
        out += colour[0];
        i += colour[0].length - 1;
        continue;
      }
    }
    const code = c.charCodeAt(0);
    if (code === 13) out += "\\r";
    else if (code < 32 && code !== 9 && code !== 10 || code >= 127 && code <= 159) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return out;
}
var COMMAND_LIKE = /::|##\[/;
var stopToken = null;
function commandsStopped(text) {
  if (!COMMAND_LIKE.test(text)) return text;
  stopToken ??= randomBytes(16).toString("hex");
  return `::stop-commands::${stopToken}
${text}
::${stopToken}::`;
}
function notACommand(text) {
  return process.env.GITHUB_ACTIONS === "true" ? commandsStopped(text) : text;
}
function errorLine(text) {
  return `${notACommand(terminalText(text))}
`;
}

export {
  notACommand,
  errorLine
};
