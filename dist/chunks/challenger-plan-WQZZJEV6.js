import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  challengerEvidence,
  challengerRecord,
  evaluationDigest,
  findChallenger,
  holdForSelection,
  makePlan,
  planId,
  planMatrix,
  planOf,
  renderPlan,
  requireChallengers
} from "./chunk-SZNWGNIS.js";
import "./chunk-CIOBHC56.js";
import "./chunk-4CNMOKAR.js";
import "./chunk-3IDA7LU7.js";
import "./chunk-EU3M232E.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-TS26V25V.js";
import "./chunk-SR7XTCTO.js";
export {
  challengerEvidence,
  challengerRecord,
  evaluationDigest,
  findChallenger,
  holdForSelection,
  makePlan,
  planId,
  planMatrix,
  planOf,
  renderPlan,
  requireChallengers
};
