import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-NIVJ5JNB.js";
import "./chunk-NGGNCUAG.js";
import {
  evaluationDigest
} from "./chunk-BXFO5XHQ.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-44XWDFIC.js";
import "./chunk-EUUEZANL.js";
import "./chunk-PMM7OUFV.js";
import "./chunk-EGAVZA62.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-U2BUU3L2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-ONXTSEDL.js";
import "./chunk-E2EREYUV.js";
import "./chunk-4CNMOKAR.js";
import "./chunk-6ORUTT3F.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-QYXVISDA.js";
import "./chunk-VBFUGAVM.js";
import "./chunk-TS26V25V.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
