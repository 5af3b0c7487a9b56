import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-RCDERKZ5.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-35K5AYVF.js";
import "./chunk-UP2PB5FM.js";
import "./chunk-H5YE22EY.js";
import "./chunk-RIP345U6.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
