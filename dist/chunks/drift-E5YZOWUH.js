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
} from "./chunk-VTW27EEE.js";
import "./chunk-VBFUGAVM.js";
import "./chunk-YQGAH4LF.js";
import "./chunk-EFL3PQKT.js";
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
