import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  VersionRegistry,
  emptyState,
  normalizeState,
  processAlive
} from "./chunk-NAFCNY5M.js";
import "./chunk-Y5FENO7Y.js";
import {
  hostIdentity
} from "./chunk-3ETRHALN.js";
import {
  BUNDLE_ARCHIVE,
  BUNDLE_MANIFEST
} from "./chunk-VU7QOYKY.js";
import {
  DiskFullError,
  ExitCode,
  InputError,
  RetrainError,
  isDiskFull
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/registry/directory-registry.ts
import { randomBytes } from "node:crypto";
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
var STATE_FILE = "registry.json";
var MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var STATE_SCHEMA_VERSION = 1;
var UNREADABLE_LOCK_MS = 5e3;
var LOCK_WAIT_MS = 12e4;
var LOCK_NOTICE_MS = 5e3;
async function diskSafe(file, work) {
  try {
    return await work();
  } catch (err) {
    if (isDiskFull(err)) throw new DiskFullError(file, { cause: err });
    throw err;
  }
}
var DirectoryStore = class {
  constructor(root, log = () => void 0) {
    this.root = root;
    this.log = log;
    this.description = `directory ${root}`;
  }
  root;
  log;
  description;
  modelDir(model) {
    if (!MODEL_NAME.test(model))
      throw new InputError(
        [{ message: `"${model}" is not a model name (letters, digits, ".", "_" and "-", starting with a letter or digit)` }],
        "bad-model-name"
      );
    return path.join(this.root, model);
  }
  stateFile(model) {
    return path.join(this.modelDir(model), STATE_FILE);
  }
  async models() {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    const models = [];
    for (const e of entries) {
      if (e.isDirectory() && await stat(path.join(this.root, e.name, STATE_FILE)).catch(() => null)) models.push(e.name);
    }
    return models.sort();
  }
  async read(model) {
    const file = this.stateFile(model);
    let text;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      if (err.code === "ENOENT") return { state: emptyState(model), revision: null };
      throw err;
    }
    try {
      const raw = JSON.parse(text);
      if (raw.schemaVersion !== STATE_SCHEMA_VERSION) throw new Error(`unsupported schemaVersion ${raw.schemaVersion}`);
      return { state: normalizeState(model, raw), revision: String(raw.revision ?? 0) };
    } catch (err) {
      throw new RetrainError(`the registry state ${file} is unreadable: ${err.message}`, ExitCode.integrity, "registry-corrupt");
    }
  }
  async compareAndSwap(model, revision, next) {
    const file = this.stateFile(model);
    await diskSafe(file, () => mkdir(path.dirname(file), { recursive: true }));
    const release = await this.lock(model);
    try {
      const current = await this.read(model);
      if (current.revision !== revision) return false;
      const body = { schemaVersion: STATE_SCHEMA_VERSION, revision: Number(revision ?? 0) + 1, ...next };
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      await diskSafe(file, async () => {
        try {
          await writeFile(tmp, JSON.stringify(body, null, 2) + "\n");
          await rename(tmp, file);
        } catch (err) {
          await rm(tmp, { force: true });
          throw err;
        }
      });
      return true;
    } finally {
      await release();
    }
  }
  /**
   * Takes the model's lock: a file created exclusively with its owner inside. A lock whose owner is
   * gone (same host, no such process) is taken over at once; while a live owner holds it, the wait
   * says who and since when.
   */
  async lock(model) {
    const file = `${this.stateFile(model)}.lock`;
    const mine = { pid: process.pid, host: hostIdentity(), since: (/* @__PURE__ */ new Date()).toISOString(), token: randomBytes(8).toString("hex") };
    const text = JSON.stringify(mine);
    const started = Date.now();
    let noticed = 0;
    for (let attempt = 0; Date.now() - started < LOCK_WAIT_MS; attempt++) {
      try {
        await writeFile(file, text, { flag: "wx" });
        return async () => {
          if (await readFile(file, "utf8").catch(() => "") === text) await unlink(file).catch(() => void 0);
        };
      } catch (err) {
        if (isDiskFull(err)) throw new DiskFullError(file, { cause: err });
        if (err.code !== "EEXIST") throw err;
      }
      const held = await readFile(file, "utf8").catch((e) => e.code === "ENOENT" ? null : e);
      if (held === null) continue;
      if (held instanceof Error) {
        throw new RetrainError(
          `the registry lock ${file} cannot be read (${held.code ?? held.message}): it is not a lock this tool wrote; move it away and run again. Nothing was changed.`,
          ExitCode.conflict,
          "registry-locked"
        );
      }
      const owner2 = parseOwner(held);
      const age = Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? Date.now());
      if (owner2 ? !processAlive(owner2.host, owner2.pid) : age > UNREADABLE_LOCK_MS) {
        await this.takeOver(file, held, owner2);
        continue;
      }
      if (owner2 && Date.now() - noticed >= LOCK_NOTICE_MS) {
        noticed = Date.now();
        if (attempt > 0) this.log(`waiting for the registry lock of ${model}, held by process ${owner2.pid} on ${owner2.host} since ${owner2.since}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
    const owner = parseOwner(await readFile(file, "utf8").catch(() => "") ?? "");
    throw new RetrainError(
      `the registry lock ${file} is held by ${owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : "another process"} and was not released for ${LOCK_WAIT_MS / 1e3} s; nothing was changed. If that process is gone, remove the file and run again.`,
      ExitCode.conflict,
      "registry-locked"
    );
  }
  /** Moves a dead owner's lock aside; if what was moved turns out to be a new owner's, puts it back. */
  async takeOver(file, held, owner) {
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await rename(file, aside);
    } catch {
      return;
    }
    const moved = await readFile(aside, "utf8").catch(() => "");
    if (moved !== held) await link(aside, file).catch(() => void 0);
    else this.log(`took over the registry lock ${file} from ${owner ? `process ${owner.pid}, which is gone` : "a crashed writer"}`);
    await unlink(aside).catch(() => void 0);
  }
  versionDir(model, version) {
    return path.join(this.modelDir(model), "versions", String(version));
  }
  async storeBundle(model, version, bundleDir) {
    const target = this.versionDir(model, version);
    const staging = path.join(path.dirname(target), `.staging-${version}-${process.pid}-${randomBytes(4).toString("hex")}`);
    await diskSafe(target, async () => {
      try {
        await mkdir(staging, { recursive: true });
        for (const name of [BUNDLE_ARCHIVE, BUNDLE_MANIFEST]) await copyFile(path.join(bundleDir, name), path.join(staging, name));
        await rm(target, { recursive: true, force: true });
        await rename(staging, target);
      } catch (err) {
        await rm(staging, { recursive: true, force: true });
        throw err;
      }
    });
    return null;
  }
  async fetchBundle(model, record) {
    const dir = this.versionDir(model, record.version);
    if (!existsSync(path.join(dir, BUNDLE_MANIFEST))) {
      throw new RetrainError(`${model} version ${record.version} is registered, but its bundle ${dir} is missing`, ExitCode.integrity, "bundle-missing");
    }
    return dir;
  }
  /** Never registered, or pruned: the version's folder goes (gone already is done). */
  async discardBundle(model, version) {
    await rm(this.versionDir(model, version), { recursive: true, force: true });
  }
  async bundleBytes(model, record) {
    const dir = this.versionDir(model, record.version);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
    if (!entries) return null;
    let bytes = 0;
    for (const e of entries) if (e.isFile()) bytes += (await stat(path.join(dir, e.name)).catch(() => null))?.size ?? 0;
    return bytes;
  }
};
function parseOwner(text) {
  try {
    const value = JSON.parse(text);
    return typeof value.pid === "number" && typeof value.host === "string" ? value : null;
  } catch {
    return null;
  }
}
var DirectoryRegistry = class extends VersionRegistry {
  constructor(root, now = () => /* @__PURE__ */ new Date(), log = () => void 0, owner) {
    super(new DirectoryStore(root, log), { now, log, owner });
    this.root = root;
  }
  root;
};
export {
  DirectoryRegistry,
  DirectoryStore
};
