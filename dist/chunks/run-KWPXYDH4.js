import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-HGDO7N5R.js";
import "./chunk-ICIWMIVM.js";
import "./chunk-5EGLU3ND.js";
import "./chunk-CNJHO2SV.js";
import "./chunk-BRGYGJTH.js";
import "./chunk-L2ZH6Y4R.js";
import "./chunk-D2FXYRJH.js";
import "./chunk-X3GF7MBX.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-RNWITCQ6.js";
import "./chunk-J3YWKB3X.js";
import "./chunk-VEOX65IL.js";
import "./chunk-H5YE22EY.js";
import {
  evaluationDigest
} from "./chunk-ZKCPUYHV.js";
import "./chunk-WCTDBZ5W.js";
import "./chunk-BAPTS4MO.js";
import "./chunk-5YXBDUZ5.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-RIP345U6.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
