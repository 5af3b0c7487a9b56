import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift
} from "./chunk-K7YSQMIQ.js";
import "./chunk-J3YWKB3X.js";
import "./chunk-VEOX65IL.js";
import "./chunk-H5YE22EY.js";
import "./chunk-P3MWALUV.js";
import "./chunk-U5Y4DA5J.js";
import "./chunk-62OQVJRF.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-RIP345U6.js";
export {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift
};
