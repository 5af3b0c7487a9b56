import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-KRZMGLNC.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-QR5XYIET.js";
import "./chunk-SZN266LI.js";
import "./chunk-TS26V25V.js";
import "./chunk-SR7XTCTO.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
