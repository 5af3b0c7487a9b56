import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-Q4OUV3K3.js";
import "./chunk-UGK4GXWN.js";
import "./chunk-KQTYUGRS.js";
import {
  evaluationDigest
} from "./chunk-2RLV27TV.js";
import "./chunk-QTAMZU4I.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-4CNMOKAR.js";
import "./chunk-44XWDFIC.js";
import "./chunk-EUUEZANL.js";
import "./chunk-BF4A3GHD.js";
import "./chunk-NQEXSZDD.js";
import "./chunk-I4B236GI.js";
import "./chunk-MJDWC35A.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-EU3M232E.js";
import "./chunk-33QA5TAT.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-U2BUU3L2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-QYXVISDA.js";
import "./chunk-VBFUGAVM.js";
import "./chunk-TS26V25V.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
