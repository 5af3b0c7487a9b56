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

export {
  formatNumber
};
