import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift
} from "./chunk-2UI5VBKW.js";
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
  NO_PROFILE,
  championManifest,
  championProfile,
  driftReport,
  measureDrift
};
