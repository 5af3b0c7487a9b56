import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-5YFV5O3M.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-VTW27EEE.js";
import "./chunk-VBFUGAVM.js";
import "./chunk-YQGAH4LF.js";
import "./chunk-EFL3PQKT.js";
import "./chunk-SR7XTCTO.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
