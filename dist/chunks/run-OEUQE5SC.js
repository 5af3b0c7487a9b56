import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-JGY5YZRK.js";
import "./chunk-2ZGUN4MZ.js";
import "./chunk-LTRLOVXC.js";
import "./chunk-2ZO2TMUH.js";
import {
  evaluationDigest
} from "./chunk-ANAXVAOG.js";
import "./chunk-HY75VF2P.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-EXJF7ZSL.js";
import "./chunk-CE336W6H.js";
import "./chunk-UUU4LAZ5.js";
import "./chunk-7FFNMB6Q.js";
import "./chunk-GDHDK6BJ.js";
import "./chunk-PF2U6X76.js";
import "./chunk-XQSRBMA7.js";
import "./chunk-UNSU6IJ5.js";
import "./chunk-MJDWC35A.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-3ETRHALN.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-3VDYLDWK.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-K4KD3TBO.js";
import "./chunk-67YTMMAY.js";
import "./chunk-5M42D7ZX.js";
import "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
