import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
} from "./chunk-LWSZRSNT.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-J3YWKB3X.js";
import "./chunk-VEOX65IL.js";
import "./chunk-H5YE22EY.js";
import "./chunk-RIP345U6.js";
export {
  MAX_UNJUDGED_ROWS,
  renderReport,
  table,
  warmStartLine
};
