import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES
} from "./chunk-JGY5YZRK.js";
import "./chunk-2ZGUN4MZ.js";
import "./chunk-LTRLOVXC.js";
import "./chunk-2ZO2TMUH.js";
import "./chunk-ANAXVAOG.js";
import "./chunk-HY75VF2P.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-EXJF7ZSL.js";
import "./chunk-CE336W6H.js";
import "./chunk-UUU4LAZ5.js";
import "./chunk-7FFNMB6Q.js";
import "./chunk-GDHDK6BJ.js";
import "./chunk-PF2U6X76.js";
import "./chunk-XQSRBMA7.js";
import "./chunk-UNSU6IJ5.js";
import "./chunk-MJDWC35A.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-EU3M232E.js";
import "./chunk-KVC4UYSJ.js";
import "./chunk-3ETRHALN.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-3VDYLDWK.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-K4KD3TBO.js";
import "./chunk-67YTMMAY.js";
import "./chunk-5M42D7ZX.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";
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
