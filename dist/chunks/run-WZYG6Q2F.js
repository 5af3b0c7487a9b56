import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-3737U6TY.js";
import "./chunk-TIZDWRPR.js";
import "./chunk-WKEN6B4Q.js";
import {
  evaluationDigest
} from "./chunk-I5XDWDUY.js";
import "./chunk-OQQDU5FA.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-G533XBJP.js";
import "./chunk-D6LU76U6.js";
import "./chunk-MMHPDHCT.js";
import "./chunk-4MHIIOXF.js";
import "./chunk-LC23QWMB.js";
import "./chunk-W4PG54AT.js";
import "./chunk-MJDWC35A.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-APXYHYXP.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-EAVMHHZA.js";
import "./chunk-VBFUGAVM.js";
import "./chunk-EFL3PQKT.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
