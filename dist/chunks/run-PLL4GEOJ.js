import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-7GMGSLZM.js";
import {
  evaluationDigest
} from "./chunk-UBDJ2CIV.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-CSWOGKJV.js";
import "./chunk-MQFF6UJO.js";
import "./chunk-SZ5YSPXC.js";
import "./chunk-ZASE7EGK.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-QDAMEIVJ.js";
import "./chunk-MV5SAZ3Z.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-FSBEJIMS.js";
import "./chunk-SOUTT65D.js";
import "./chunk-OSWNY5TB.js";
import "./chunk-EHXPPCXV.js";
import "./chunk-MJDWC35A.js";
import "./chunk-62OQVJRF.js";
import "./chunk-T6JHF4TE.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-WFGXYSD6.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
