import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES
} from "./chunk-2BDLT2OJ.js";
import "./chunk-YMGW6RGE.js";
import "./chunk-2IGJHWXI.js";
import "./chunk-MQFF6UJO.js";
import "./chunk-BYKLDM33.js";
import "./chunk-CAIDF5Q2.js";
import "./chunk-U43J3GJN.js";
import "./chunk-WSLY2ZJG.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-E7PLOKBF.js";
import "./chunk-H7NMENT6.js";
import "./chunk-A4K7MTTN.js";
import "./chunk-TNHIZC3N.js";
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
