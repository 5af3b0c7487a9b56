import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-F7H5A7LS.js";
import {
  evaluationDigest
} from "./chunk-LDQ7R5OS.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-VN44VUPK.js";
import "./chunk-MQFF6UJO.js";
import "./chunk-Z6QQTPFL.js";
import "./chunk-ZASE7EGK.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-QDAMEIVJ.js";
import "./chunk-ZCDBN2YI.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-TQUXMOOA.js";
import "./chunk-4H4J6PYG.js";
import "./chunk-47SN2PI3.js";
import "./chunk-EHXPPCXV.js";
import "./chunk-MJDWC35A.js";
import "./chunk-62OQVJRF.js";
import "./chunk-T6JHF4TE.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-T7D4ORSR.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
