import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-MXG7JJN7.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-KI5JNCUE.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-TNHIZC3N.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
