import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-QVAE6KMU.js";
import "./chunk-ICIWMIVM.js";
import "./chunk-5EGLU3ND.js";
import "./chunk-CNJHO2SV.js";
import "./chunk-BYKLDM33.js";
import "./chunk-L2ZH6Y4R.js";
import "./chunk-U43J3GJN.js";
import "./chunk-LWSZRSNT.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-K7YSQMIQ.js";
import "./chunk-J3YWKB3X.js";
import "./chunk-VEOX65IL.js";
import "./chunk-H5YE22EY.js";
import {
  evaluationDigest
} from "./chunk-WCKQ7DM3.js";
import "./chunk-P3MWALUV.js";
import "./chunk-U5Y4DA5J.js";
import "./chunk-62OQVJRF.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-RIP345U6.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
