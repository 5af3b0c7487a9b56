import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-HTCK7UWM.js";
import "./chunk-6XGLDPR7.js";
import {
  evaluationDigest
} from "./chunk-TQ7VJMCI.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-ONIASOX2.js";
import "./chunk-VCFX5NB5.js";
import "./chunk-DL55DUK7.js";
import "./chunk-BTUO7ZH4.js";
import "./chunk-Y4G3N3QR.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-6WGQPCH2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-PME3HVX3.js";
import "./chunk-RAW32GOA.js";
import "./chunk-R7ESUAPN.js";
import "./chunk-WVOSXEVL.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
import "./chunk-T6JHF4TE.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-AATOWQHK.js";
import "./chunk-SZN266LI.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
