import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift,
  uncompared
} from "./chunk-SJGXCXYI.js";
import "./chunk-IUPK2UN6.js";
import "./chunk-G533XBJP.js";
import "./chunk-W4PG54AT.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-MKGHRSV5.js";
import "./chunk-67YTMMAY.js";
import "./chunk-5M42D7ZX.js";
import "./chunk-EFL3PQKT.js";
import "./chunk-SR7XTCTO.js";
export {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift,
  uncompared
};
