import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  RUN_STAGES
} from "./chunk-VP4QWTY2.js";
import "./chunk-NGGNCUAG.js";
import "./chunk-DGGUA5AE.js";
import "./chunk-YKBKFHJZ.js";
import "./chunk-YWQ4QP3N.js";
import "./chunk-VCFX5NB5.js";
import "./chunk-I5PC46AS.js";
import "./chunk-PMM7OUFV.js";
import "./chunk-EGAVZA62.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-KRZMGLNC.js";
import "./chunk-PI3VQ6VB.js";
import "./chunk-2UI5VBKW.js";
import "./chunk-ZLIIO7V5.js";
import "./chunk-RBHIQAUQ.js";
import "./chunk-6ORUTT3F.js";
import "./chunk-62OQVJRF.js";
import "./chunk-MJDWC35A.js";
import "./chunk-EU3M232E.js";
import "./chunk-VU7QOYKY.js";
import "./chunk-QR5XYIET.js";
import "./chunk-SZN266LI.js";
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
