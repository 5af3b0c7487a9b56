import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/engine/directory-cache.ts
import { randomBytes } from "node:crypto";
import { cp, lstat, mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
var DEFAULT_CACHE_MAX_BYTES = 2 * 1024 ** 3;
var STALE_TEMP_MS = 60 * 6e4;
var KEY = /^[A-Za-z0-9_-]{1,200}$/;
var DirectoryStepCache = class {
  constructor(dir, options = {}) {
    this.dir = dir;
    this.options = options;
    this.description = dir;
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  }
  dir;
  options;
  description;
  maxBytes;
  entry(key) {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key.slice(0, 80)}`);
    return path.join(this.dir, key);
  }
  async fetch(key) {
    const dir = this.entry(key);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) return null;
    const now = this.now();
    await utimes(dir, now, now).catch(() => void 0);
    return dir;
  }
  async store(key, entryDir) {
    const final = this.entry(key);
    if ((await stat(final).catch(() => null))?.isDirectory()) return true;
    await mkdir(this.dir, { recursive: true });
    const temp = path.join(this.dir, `.tmp-${key.slice(0, 80)}-${randomBytes(6).toString("hex")}`);
    try {
      await rename(entryDir, temp).catch(async (err) => {
        if (err.code !== "EXDEV") throw err;
        await cp(entryDir, temp, { recursive: true, errorOnExist: true, force: false });
      });
      await rename(temp, final);
    } catch (err) {
      const code = err.code;
      if (code !== "EEXIST" && code !== "ENOTEMPTY") throw err;
    } finally {
      await rm(temp, { recursive: true, force: true }).catch(() => void 0);
    }
    await this.evict(key).catch((err) => this.options.warn?.(`could not trim the run-cache ${this.dir}: ${err.message}`));
    return true;
  }
  async discard(key) {
    const dir = this.entry(key);
    const trash = path.join(this.dir, `.trash-${randomBytes(6).toString("hex")}`);
    await rename(dir, trash).catch(() => void 0);
    await rm(trash, { recursive: true, force: true });
  }
  /** Removes the least recently used entries until the cache fits its bound; never the one just stored. */
  async evict(keep) {
    const now = this.now().getTime();
    const entries = [];
    for (const name of await readdir(this.dir)) {
      const dir = path.join(this.dir, name);
      const info = await stat(dir).catch(() => null);
      if (!info?.isDirectory()) continue;
      if (name.startsWith(".")) {
        if (now - info.mtimeMs > STALE_TEMP_MS) await rm(dir, { recursive: true, force: true }).catch(() => void 0);
        continue;
      }
      entries.push({ key: name, size: await entrySize(dir), used: info.mtimeMs });
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    for (const e of entries.sort((a, b) => a.used - b.used)) {
      if (total <= this.maxBytes) break;
      if (e.key === keep) continue;
      await this.discard(e.key);
      total -= e.size;
    }
  }
  now() {
    return this.options.now?.() ?? /* @__PURE__ */ new Date();
  }
};
async function entrySize(dir, depth = 0) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < 300) total += await entrySize(at, depth + 1);
    else total += (await lstat(at).catch(() => null))?.size ?? 0;
  }
  return total;
}
function cacheMaxBytes(raw) {
  if (raw === void 0 || raw === "") return void 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new InputError([{ message: `RETRAIN_CACHE_MAX_MB must be a number of MiB >= 0, got "${raw}"` }]);
  return Math.floor(value * 1024 * 1024);
}
export {
  DEFAULT_CACHE_MAX_BYTES,
  DirectoryStepCache,
  cacheMaxBytes
};
