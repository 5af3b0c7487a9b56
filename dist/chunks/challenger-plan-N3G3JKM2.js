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
} from "./chunk-3RU6HUPL.js";
import "./chunk-2YVEXWOO.js";
import "./chunk-R7ESUAPN.js";
import "./chunk-WZQS6WRI.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-S5PBS5EG.js";
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
