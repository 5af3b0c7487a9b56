import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-TT7YDHRU.js";
import "./chunk-ZASE7EGK.js";
import {
  evaluationDigest
} from "./chunk-RK46MJ34.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-YFOGFIBG.js";
import "./chunk-MQFF6UJO.js";
import "./chunk-5G7YFO4B.js";
import "./chunk-QDAMEIVJ.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-ZN5PPTJH.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-NCU6IU4R.js";
import "./chunk-6H3DQN2Q.js";
import "./chunk-OSWNY5TB.js";
import "./chunk-WVOSXEVL.js";
import "./chunk-62OQVJRF.js";
import "./chunk-T6JHF4TE.js";
import "./chunk-MJDWC35A.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-IDLHGXEO.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
