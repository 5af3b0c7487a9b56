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
} from "./chunk-35K5AYVF.js";
import "./chunk-UP2PB5FM.js";
import "./chunk-H5YE22EY.js";
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
