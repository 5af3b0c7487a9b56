import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-DMHZRNCE.js";
import {
  evaluationDigest
} from "./chunk-LDQ7R5OS.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-EJF3M5C3.js";
import "./chunk-MQFF6UJO.js";
import "./chunk-4NJ66DPC.js";
import "./chunk-ZASE7EGK.js";
import "./chunk-CAIDF5Q2.js";
import "./chunk-QDAMEIVJ.js";
import "./chunk-MXG7JJN7.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-4ZY5OUTV.js";
import "./chunk-4H4J6PYG.js";
import "./chunk-47SN2PI3.js";
import "./chunk-EHXPPCXV.js";
import "./chunk-MJDWC35A.js";
import "./chunk-62OQVJRF.js";
import "./chunk-T6JHF4TE.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-KI5JNCUE.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-TNHIZC3N.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
