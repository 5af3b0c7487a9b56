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
} from "./chunk-ZKCPUYHV.js";
import "./chunk-WCTDBZ5W.js";
import "./chunk-BAPTS4MO.js";
import "./chunk-5YXBDUZ5.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-RIP345U6.js";
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
