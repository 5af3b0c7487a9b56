import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-U2BUU3L2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-QYXVISDA.js";
import "./chunk-VBFUGAVM.js";
import "./chunk-TS26V25V.js";
import "./chunk-SR7XTCTO.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
