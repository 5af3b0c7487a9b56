import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/engine/format.ts
function formatNumber(n) {
  if (n === null || n === void 0) return "\u2014";
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e6) ? n.toExponential(3) : String(Number(n.toPrecision(5)));
}
function markdownText(text) {
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return oneLine.replace(/[\u202a-\u202e\u2066-\u2069]/g, "\uFFFD").replace(/[\\`|<[\]]/g, (ch) => `\\${ch}`).replace(/@(?=[A-Za-z0-9])/g, "@\u200B").replace(/#(?=\d)/g, "#\u200B");
}

export {
  formatNumber,
  markdownText
};
