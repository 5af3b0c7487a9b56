import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-ENNRK4K6.js";
import "./chunk-ROW3ON6C.js";
import {
  evaluationDigest
} from "./chunk-SZNWGNIS.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-44XWDFIC.js";
import "./chunk-EUUEZANL.js";
import "./chunk-PMM7OUFV.js";
import "./chunk-KELJDN5R.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-U2BUU3L2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-ACIPJ5VG.js";
import "./chunk-CIOBHC56.js";
import "./chunk-4CNMOKAR.js";
import "./chunk-3IDA7LU7.js";
import "./chunk-EU3M232E.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
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
