import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES
} from "./chunk-Q4OUV3K3.js";
import "./chunk-UGK4GXWN.js";
import "./chunk-KQTYUGRS.js";
import "./chunk-2RLV27TV.js";
import "./chunk-QTAMZU4I.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-4CNMOKAR.js";
import "./chunk-44XWDFIC.js";
import "./chunk-EUUEZANL.js";
import "./chunk-BF4A3GHD.js";
import "./chunk-NQEXSZDD.js";
import "./chunk-I4B236GI.js";
import "./chunk-MJDWC35A.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-EU3M232E.js";
import "./chunk-33QA5TAT.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-U2BUU3L2.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-QYXVISDA.js";
import "./chunk-VBFUGAVM.js";
import {
  InputError
} from "./chunk-TS26V25V.js";
import "./chunk-SR7XTCTO.js";

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
