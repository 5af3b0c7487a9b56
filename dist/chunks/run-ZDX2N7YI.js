import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-DZ4DQKQI.js";
import "./chunk-2IYMMTCB.js";
import "./chunk-33U3TKJT.js";
import "./chunk-CNJHO2SV.js";
import "./chunk-BRGYGJTH.js";
import "./chunk-S6MJGZZK.js";
import "./chunk-D2FXYRJH.js";
import "./chunk-2L7B62V5.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-COFWKKFI.js";
import "./chunk-CV6BHLF4.js";
import "./chunk-VEOX65IL.js";
import "./chunk-LMEYIVUI.js";
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
