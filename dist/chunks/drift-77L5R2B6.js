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
} from "./chunk-AATOWQHK.js";
import "./chunk-SZN266LI.js";
import "./chunk-S5PBS5EG.js";
import "./chunk-SR7XTCTO.js";
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
