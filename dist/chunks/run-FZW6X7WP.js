import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-4MAXYTGB.js";
import "./chunk-ZASE7EGK.js";
import {
  evaluationDigest
} from "./chunk-QI3W6G7F.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-MIOYW5TZ.js";
import "./chunk-MQFF6UJO.js";
import "./chunk-TBEDQHTY.js";
import "./chunk-BTUO7ZH4.js";
import "./chunk-QDAMEIVJ.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-B6P4TWBJ.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-XLO4VLOV.js";
import "./chunk-S4CPTWC4.js";
import "./chunk-BCWVM3BS.js";
import "./chunk-WVOSXEVL.js";
import "./chunk-62OQVJRF.js";
import "./chunk-T6JHF4TE.js";
import "./chunk-MJDWC35A.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-SQVTLMID.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
