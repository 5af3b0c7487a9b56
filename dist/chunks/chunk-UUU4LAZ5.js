import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  DECIMAL
} from "./chunk-67YTMMAY.js";

// src/class-key.ts
function classKey(text) {
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase();
  if (!DECIMAL.test(trimmed)) return trimmed;
  const value = Number(trimmed);
  return Number.isFinite(value) ? String(value) : trimmed;
}
var BINARY_SPELLINGS = { true: "1", false: "0", "1": "true", "0": "false" };
function binarySpelling(classes, key) {
  if (classes.length !== 2) return void 0;
  const pair = [...classes].sort().join();
  if (pair !== "0,1" && pair !== "false,true") return void 0;
  return BINARY_SPELLINGS[key];
}

export {
  classKey,
  binarySpelling
};
