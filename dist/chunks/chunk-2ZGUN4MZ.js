import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  hostIdentity,
  processGone
} from "./chunk-3ETRHALN.js";
import {
  DiskFullError,
  isDiskFull
} from "./chunk-OLTTSRKB.js";

// src/engine/workspace.ts
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
var OWNER_MARKER = ".retrain-owner.json";
var PREFIX = "retrain-";
var WORKSPACE_NAME = /^retrain-[A-Za-z0-9]{6}$/;
var CLEAN_CONCURRENCY = 8;
var LEFTOVER_MIN_AGE_MS = 6e4;
async function makeWorkspace(tempRoot, options = {}) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const leftoversCleaned = cleanLeftovers(tempRoot, now(), options.onCleaned).catch(() => void 0);
  let root;
  let current = tempRoot;
  try {
    root = await mkdtemp(path.join(tempRoot, PREFIX));
    current = path.join(root, OWNER_MARKER);
    const marker = { pid: process.pid, hostname: hostIdentity(), startedAt: now().toISOString(), ...options.keep && { keep: true } };
    await writeFile(current, JSON.stringify(marker) + "\n");
    const ws = {
      root,
      baselineDir: path.join(root, "baseline"),
      modelDir: path.join(root, "model"),
      workDir: path.join(root, "work"),
      scratchDir: path.join(root, "scratch"),
      bundleDir: path.join(root, "bundle"),
      evalDir: path.join(root, "eval"),
      leftoversCleaned
    };
    for (const dir of [ws.modelDir, ws.workDir, ws.scratchDir, ws.bundleDir, ws.evalDir]) {
      current = dir;
      await mkdir(dir, { recursive: true });
    }
    return ws;
  } catch (err) {
    await leftoversCleaned;
    if (root !== void 0) await rm(root, { recursive: true, force: true }).catch(() => void 0);
    if (isDiskFull(err)) throw new DiskFullError(current, { cause: err });
    throw err;
  }
}
async function cleanLeftovers(tempRoot, now, onCleaned) {
  let names;
  try {
    names = (await readdir(tempRoot)).filter((name) => WORKSPACE_NAME.test(name));
  } catch {
    return;
  }
  let next = 0;
  const worker = async () => {
    while (next < names.length) await cleanIfLeftover(path.join(tempRoot, names[next++]), now, onCleaned);
  };
  await Promise.all(Array.from({ length: Math.min(CLEAN_CONCURRENCY, names.length) }, worker));
}
async function cleanIfLeftover(dir, now, onCleaned) {
  const owner = await readMarker(path.join(dir, OWNER_MARKER));
  if (!owner || owner.keep || owner.pid === process.pid || !processGone(owner.hostname, owner.pid)) return;
  const started = Date.parse(owner.startedAt);
  const since = Number.isFinite(started) ? started : await stat(dir).then(
    (s) => s.mtimeMs,
    () => now.getTime()
  );
  if (now.getTime() - since < LEFTOVER_MIN_AGE_MS) return;
  try {
    await rm(dir, { recursive: true, force: true });
    onCleaned?.(dir, owner);
  } catch {
  }
}
async function readMarker(file) {
  try {
    const data = JSON.parse(await readFile(file, "utf8"));
    if (typeof data.pid !== "number" || !Number.isInteger(data.pid) || data.pid <= 0) return null;
    if (typeof data.hostname !== "string" || typeof data.startedAt !== "string") return null;
    return { pid: data.pid, hostname: data.hostname, startedAt: data.startedAt, keep: data.keep === true };
  } catch {
    return null;
  }
}
async function markOwner(dir, now = /* @__PURE__ */ new Date()) {
  const marker = { pid: process.pid, hostname: hostIdentity(), startedAt: now.toISOString() };
  await writeFile(path.join(dir, OWNER_MARKER), JSON.stringify(marker) + "\n");
}
async function ownerGone(dir) {
  const owner = await readMarker(path.join(dir, OWNER_MARKER));
  return owner !== null && !owner.keep && owner.pid !== process.pid && processGone(owner.hostname, owner.pid);
}

export {
  makeWorkspace,
  markOwner,
  ownerGone
};
