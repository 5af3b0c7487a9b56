import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
} from "./chunk-IJINC3KW.js";
import "./chunk-7PQJXVIW.js";
import "./chunk-CNJHO2SV.js";
import "./chunk-7YVPDGMF.js";
import "./chunk-S6MJGZZK.js";
import "./chunk-U3DUGOUP.js";
import "./chunk-D4TUZ5G5.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-T5VQ64ZT.js";
import "./chunk-7LJRUOVL.js";
import "./chunk-O2HBKBM7.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-CV6BHLF4.js";
import "./chunk-VEOX65IL.js";
import "./chunk-LMEYIVUI.js";
import "./chunk-RIP345U6.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
