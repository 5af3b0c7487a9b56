import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-4WN2A7VC.js";
import "./chunk-57UFI6KS.js";
import "./chunk-JDHTZRPN.js";
import "./chunk-SJGXCXYI.js";
import {
  evaluationDigest
} from "./chunk-ULGBP37D.js";
import "./chunk-IUPK2UN6.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-G533XBJP.js";
import "./chunk-IBZZJCFF.js";
import "./chunk-UUU4LAZ5.js";
import "./chunk-3IOBGVBT.js";
import "./chunk-GDHDK6BJ.js";
import "./chunk-4MHIIOXF.js";
import "./chunk-LC23QWMB.js";
import "./chunk-W4PG54AT.js";
import "./chunk-MJDWC35A.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-Y4PFLWKZ.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-25PYJO7Y.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-MKGHRSV5.js";
import "./chunk-67YTMMAY.js";
import "./chunk-5M42D7ZX.js";
import "./chunk-EFL3PQKT.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
