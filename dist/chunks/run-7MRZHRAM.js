import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-IMZFF72Q.js";
import "./chunk-LAYFHSMH.js";
import {
  evaluationDigest
} from "./chunk-HTKVEQEJ.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-44XWDFIC.js";
import "./chunk-EUUEZANL.js";
import "./chunk-AF4NLD5O.js";
import "./chunk-MUXXVCV3.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-U2BUU3L2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-L3DPFJRF.js";
import "./chunk-65S3RX7X.js";
import "./chunk-4CNMOKAR.js";
import "./chunk-TUGC6BFJ.js";
import "./chunk-UNUVU2LX.js";
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
