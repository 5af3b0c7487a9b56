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
} from "./chunk-ANAXVAOG.js";
import "./chunk-HY75VF2P.js";
import "./chunk-EXJF7ZSL.js";
import "./chunk-UNSU6IJ5.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-OLTTSRKB.js";
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
