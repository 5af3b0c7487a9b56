import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift
} from "./chunk-E7PLOKBF.js";
import "./chunk-H7NMENT6.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-TNHIZC3N.js";
import "./chunk-3U4I5LGL.js";
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
