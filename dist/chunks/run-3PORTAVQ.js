import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-PUTTCOTY.js";
import "./chunk-ONPPNADS.js";
import {
  evaluationDigest
} from "./chunk-3RU6HUPL.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-CEXSDJ2Z.js";
import "./chunk-VCFX5NB5.js";
import "./chunk-DL55DUK7.js";
import "./chunk-BTUO7ZH4.js";
import "./chunk-4V5YYWPE.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-6WGQPCH2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-OX2B5AAL.js";
import "./chunk-2YVEXWOO.js";
import "./chunk-R7ESUAPN.js";
import "./chunk-WZQS6WRI.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
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
