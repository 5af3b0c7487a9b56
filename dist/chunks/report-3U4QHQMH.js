import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-XSIAYE5Z.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-EAVMHHZA.js";
import "./chunk-VBFUGAVM.js";
import "./chunk-EFL3PQKT.js";
import "./chunk-SR7XTCTO.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
