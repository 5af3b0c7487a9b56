import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-LJTJMU3B.js";
import "./chunk-4BCOLAD3.js";
import "./chunk-JW5QWXNM.js";
import "./chunk-PARZHPWY.js";
import "./chunk-BYKLDM33.js";
import "./chunk-L2ZH6Y4R.js";
import "./chunk-U43J3GJN.js";
import "./chunk-RCDERKZ5.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-UBEQQGHQ.js";
import "./chunk-35K5AYVF.js";
import "./chunk-UP2PB5FM.js";
import "./chunk-H5YE22EY.js";
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
