import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
} from "./chunk-7YV2CQWL.js";
import "./chunk-UPYI3SD7.js";
import "./chunk-FNWYR2MN.js";
import "./chunk-EKP6HGDY.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-ZGM22IXP.js";
import "./chunk-3ATWPFMN.js";
import "./chunk-VR5AZ3HN.js";
import "./chunk-CP4GQA22.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-RIP345U6.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
