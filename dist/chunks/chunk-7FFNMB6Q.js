import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-OLTTSRKB.js";

// src/thread-knobs.ts
function bootstrapThreadsSetting(raw) {
  if (raw === void 0 || raw === "") return void 0;
  const value = /^\d{1,2}$/.test(raw) ? Number(raw) : 0;
  if (value < 1 || value > 64) throw new InputError([{ message: `RETRAIN_BOOTSTRAP_THREADS must be a whole number from 1 to 64, got "${raw}"` }]);
  return value;
}
function trainerThreadsSetting(raw) {
  if (raw === void 0 || raw === "") return void 0;
  if (raw !== "1" && raw !== "2") throw new InputError([{ message: `RETRAIN_TRAINER_THREADS must be 1 or 2, got "${raw}"` }]);
  return raw === "1" ? 1 : 2;
}
function checkThreadKnobs(env) {
  bootstrapThreadsSetting(env.RETRAIN_BOOTSTRAP_THREADS);
  trainerThreadsSetting(env.RETRAIN_TRAINER_THREADS);
}

export {
  bootstrapThreadsSetting,
  trainerThreadsSetting,
  checkThreadKnobs
};
