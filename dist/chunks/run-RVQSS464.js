import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  runRetraining
} from "./chunk-VP4QWTY2.js";
import "./chunk-NGGNCUAG.js";
import {
  evaluationDigest
} from "./chunk-DGGUA5AE.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-YWQ4QP3N.js";
import "./chunk-VCFX5NB5.js";
import "./chunk-I5PC46AS.js";
import "./chunk-PMM7OUFV.js";
import "./chunk-EGAVZA62.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-KRZMGLNC.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-2UI5VBKW.js";
import "./chunk-ZLIIO7V5.js";
import "./chunk-RBHIQAUQ.js";
import "./chunk-6ORUTT3F.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-QR5XYIET.js";
import "./chunk-SZN266LI.js";
import "./chunk-TS26V25V.js";
import "./chunk-SR7XTCTO.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
