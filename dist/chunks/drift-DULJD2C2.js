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
} from "./chunk-K4KD3TBO.js";
import "./chunk-67YTMMAY.js";
import "./chunk-5M42D7ZX.js";
import "./chunk-OLTTSRKB.js";
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
