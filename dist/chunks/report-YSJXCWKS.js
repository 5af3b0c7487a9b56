import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-2L7B62V5.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-CV6BHLF4.js";
import "./chunk-VEOX65IL.js";
import "./chunk-LMEYIVUI.js";
import "./chunk-RIP345U6.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
