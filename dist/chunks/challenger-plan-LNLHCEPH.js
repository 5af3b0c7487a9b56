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
} from "./chunk-ULGBP37D.js";
import "./chunk-IUPK2UN6.js";
import "./chunk-G533XBJP.js";
import "./chunk-W4PG54AT.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-EFL3PQKT.js";
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
