import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
} from "./chunk-ATK5QVLY.js";
import "./chunk-KK3ADD6H.js";
import "./chunk-LBVL5IYR.js";
import "./chunk-JFVN4EEB.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-TT4ZBGGW.js";
import "./chunk-6B3KJFVF.js";
import "./chunk-VR5AZ3HN.js";
import "./chunk-CP4GQA22.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-RIP345U6.js";
export {
  RUN_STAGES,
  evaluationDigest,
  runRetraining
};
