import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-6WGQPCH2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-AATOWQHK.js";
import "./chunk-SZN266LI.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
