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
} from "./chunk-2RLV27TV.js";
import "./chunk-QTAMZU4I.js";
import "./chunk-4CNMOKAR.js";
import "./chunk-I4B236GI.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-33QA5TAT.js";
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
