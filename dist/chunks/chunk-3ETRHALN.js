import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/host-identity.ts
import { readFileSync, readlinkSync } from "node:fs";
import os from "node:os";
var identity = null;
function hostIdentity() {
  identity ??= computeIdentity();
  return identity;
}
function computeIdentity() {
  const host = os.hostname();
  let boot = "";
  let namespace = "";
  try {
    boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim().replaceAll("-", "").slice(0, 8);
  } catch {
  }
  try {
    namespace = /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))?.[1] ?? "";
  } catch {
  }
  return boot || namespace ? `${host}~${boot}.${namespace}` : host;
}
function sameProcessTable(host) {
  return host.includes("~") ? host === hostIdentity() : host === os.hostname();
}
function processGone(host, pid) {
  if (!sameProcessTable(host)) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === "ESRCH";
  }
}

export {
  hostIdentity,
  sameProcessTable,
  processGone
};
