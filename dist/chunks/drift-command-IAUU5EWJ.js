import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift
} from "./chunk-OX2B5AAL.js";
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
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift
};
