import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-2BDLT2OJ.js";
import "./chunk-YMGW6RGE.js";
import "./chunk-2IGJHWXI.js";
import "./chunk-MQFF6UJO.js";
import "./chunk-BYKLDM33.js";
import "./chunk-CAIDF5Q2.js";
import "./chunk-U43J3GJN.js";
import "./chunk-WSLY2ZJG.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-E7PLOKBF.js";
import "./chunk-H7NMENT6.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-TNHIZC3N.js";
import {
  evaluationDigest
} from "./chunk-A4UAN25Y.js";
import "./chunk-3U4I5LGL.js";
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
