import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-WSLY2ZJG.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-H7NMENT6.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-TNHIZC3N.js";
import "./chunk-RIP345U6.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
