import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift,
  uncompared
} from "./chunk-2ZO2TMUH.js";
import "./chunk-HY75VF2P.js";
import "./chunk-EXJF7ZSL.js";
import "./chunk-UNSU6IJ5.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-K4KD3TBO.js";
import "./chunk-67YTMMAY.js";
import "./chunk-5M42D7ZX.js";
import "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";
export {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift,
  uncompared
};
