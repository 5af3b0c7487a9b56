import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-3VDYLDWK.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-K4KD3TBO.js";
import "./chunk-67YTMMAY.js";
import "./chunk-5M42D7ZX.js";
import "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
