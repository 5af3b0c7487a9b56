import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  PSI_FLOOR,
  chiSquare,
  compareInput,
  driftTable,
  kolmogorovSf,
  ksFromCounts,
  logGamma,
  psi,
  upperGamma
} from "./chunk-H7NMENT6.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-TNHIZC3N.js";
import "./chunk-RIP345U6.js";
export {
  PSI_FLOOR,
  chiSquare,
  compareInput,
  driftTable,
  kolmogorovSf,
  ksFromCounts,
  logGamma,
  psi,
  upperGamma
};
