import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES
} from "./chunk-LJTJMU3B.js";
import "./chunk-4BCOLAD3.js";
import "./chunk-JW5QWXNM.js";
import "./chunk-PARZHPWY.js";
import "./chunk-BYKLDM33.js";
import "./chunk-L2ZH6Y4R.js";
import "./chunk-U43J3GJN.js";
import "./chunk-RCDERKZ5.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-UBEQQGHQ.js";
import "./chunk-35K5AYVF.js";
import "./chunk-UP2PB5FM.js";
import "./chunk-H5YE22EY.js";
import "./chunk-A4UAN25Y.js";
import "./chunk-3U4I5LGL.js";
import "./chunk-U5Y4DA5J.js";
import "./chunk-62OQVJRF.js";
import "./chunk-2UFRDBLY.js";
import "./chunk-VU7QOYKY.js";
import {
  InputError
} from "./chunk-RIP345U6.js";

// src/app/knobs.ts
var SIGNALS = ["SIGTERM", "SIGINT", "SIGKILL"];
function stageHook(raw, aborted) {
  if (!raw) return void 0;
  const [at, signal] = raw.split(":");
  if (!RUN_STAGES.includes(at) || !SIGNALS.includes(signal)) {
    throw new InputError([{ message: `RETRAIN_TEST_FAILPOINT must be <stage>:${SIGNALS.join("|")} with a stage among ${RUN_STAGES.join(", ")}; got "${raw}"` }]);
  }
  return async (stage) => {
    if (stage !== at) return;
    process.kill(process.pid, signal);
    for (let i = 0; i < 200 && !aborted.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  };
}
function heartbeatMs(raw) {
  if (raw === void 0 || raw === "") return void 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new InputError([{ message: `RETRAIN_HEARTBEAT_SECONDS must be a number of seconds above 0, got "${raw}"` }]);
  return value * 1e3;
}
export {
  heartbeatMs,
  stageHook
};
