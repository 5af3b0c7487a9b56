#!/usr/bin/env node
import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  TOOL_VERSION,
  dropOutputOnClosedPipe
} from "./chunks/chunk-KWPGHS7S.js";
import "./chunks/chunk-BO7MP4MN.js";
import "./chunks/chunk-SR7XTCTO.js";

// src/cli.ts
import module from "node:module";
import path2 from "node:path";

// src/local/code-cache.ts
import { createHash, randomBytes } from "node:crypto";
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
var CLI_SCRIPT = "cli-script.cjs";
var HEAD = "(function (exports, require, module, __filename, __dirname, __retrainCliUrl) {";
var TAIL = "\n})";
var MAGIC = Buffer.from("retrain code cache 1\n");
var HASH_BYTES = 32;
var COMMANDS = /* @__PURE__ */ new Set([
  "run",
  "validate",
  "plan",
  "select",
  "status",
  "promote",
  "approve",
  "reject",
  "rollback",
  "fetch",
  "prune",
  "compare",
  "drift",
  "train",
  "evaluate"
]);
var STALE_MS = 30 * 24 * 3600 * 1e3;
var STALE_TEMP_MS = 3600 * 1e3;
var OTHER_BUILDS = 2;
function codeCacheDir(env) {
  const off = env.RETRAIN_NO_COMPILE_CACHE;
  if (off !== void 0 && off !== "" && off !== "0") return null;
  if (env.RETRAIN_COMPILE_CACHE) return path.resolve(env.RETRAIN_COMPILE_CACHE);
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "retrain", "code-cache");
  let home;
  try {
    home = os.homedir();
  } catch {
    return null;
  }
  return home && path.isAbsolute(home) ? path.join(home, ".cache", "retrain", "code-cache") : null;
}
function readCache(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return "missing";
  }
  const start = MAGIC.length + 1 + HASH_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return "damaged";
  const data = bytes.subarray(start);
  const hash = createHash("sha256").update(data).digest();
  if (!hash.equals(bytes.subarray(MAGIC.length + 1, start))) return "damaged";
  return { data, succeeded: bytes[MAGIC.length] === 1 };
}
function writeCache(file, key, produce, succeeded) {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 448 });
  accessSync(dir, constants.W_OK);
  const data = produce();
  const temp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([MAGIC, Buffer.from([succeeded ? 1 : 0]), createHash("sha256").update(data).digest(), data]), { mode: 384 });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  pruneStale(dir, key);
}
function pruneStale(dir, key) {
  const now = Date.now();
  const builds = /* @__PURE__ */ new Map();
  for (const name of readdirSync(dir)) {
    const temp = name.endsWith(".tmp");
    if (name.startsWith(`${key}-`) && !temp) continue;
    const file = path.join(dir, name);
    try {
      const age = now - statSync(file).mtimeMs;
      if (age > (temp ? STALE_TEMP_MS : STALE_MS)) rmSync(file, { force: true });
      else if (!temp) {
        const build = name.slice(0, Math.max(0, name.indexOf("-")));
        const entry = builds.get(build) ?? { newest: -Infinity, files: [] };
        entry.newest = Math.max(entry.newest, now - age);
        entry.files.push(file);
        builds.set(build, entry);
      }
    } catch {
    }
  }
  const older = [...builds.values()].sort((a, b) => b.newest - a.newest).slice(OTHER_BUILDS);
  for (const { files } of older) for (const file of files) rmSync(file, { force: true });
}
function cacheKey(source, stamp) {
  const tail = source.subarray(Math.max(0, source.length - 100)).toString("latin1");
  const built = /\n\/\/ retrain-script-sha256=([0-9a-f]{64})\n?$/.exec(tail)?.[1];
  const content = built ?? createHash("sha256").update(source).digest("hex");
  return createHash("sha256").update(`${content}\0${stamp}\0${process.version}\0${process.arch}`).digest("hex").slice(0, 32);
}
function readScript(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    return { source: readFileSync(fd), stamp: `${stat.size}:${stat.mtimeMs}` };
  } finally {
    closeSync(fd);
  }
}
function loadScriptCli(entryUrl, argv2, env = process.env) {
  const scriptFile = fileURLToPath(new URL(CLI_SCRIPT, entryUrl));
  const read = readScript(scriptFile);
  if (read === null) return null;
  const { source, stamp } = read;
  const debug = env.RETRAIN_DEBUG_COMPILE_CACHE !== void 0 && env.RETRAIN_DEBUG_COMPILE_CACHE !== "" && env.RETRAIN_DEBUG_COMPILE_CACHE !== "0";
  const say = (message) => {
    if (debug) process.stderr.write(`code cache: ${message}
`);
  };
  const dir = codeCacheDir(env);
  const command = argv2[0] !== void 0 && COMMANDS.has(argv2[0]) ? argv2[0] : "other";
  const key = dir === null ? "" : cacheKey(source, stamp);
  const file = dir === null ? null : path.join(dir, `${key}-${command}.bin`);
  const found = file === null ? "missing" : readCache(file);
  const cachedData = typeof found === "object" ? found.data : void 0;
  const script = new vm.Script(HEAD + source.toString("utf8") + TAIL, { filename: scriptFile, ...cachedData && { cachedData } });
  const state = file === null ? "off" : found === "missing" ? "miss" : found === "damaged" ? "damaged" : script.cachedDataRejected ? "rejected" : "hit";
  say(file === null ? "off" : `${state} ${file}`);
  const wrapper = script.runInThisContext();
  const module2 = { exports: {} };
  wrapper.call(module2.exports, module2.exports, createRequire(scriptFile), module2, scriptFile, path.dirname(scriptFile), entryUrl);
  const runCli = module2.exports.runCli;
  if (typeof runCli !== "function") throw new Error(`${scriptFile} does not define the CLI: rebuild it (npm run build)`);
  return {
    runCli,
    done(exitCode) {
      if (file === null) return;
      const succeeded = exitCode === 0;
      const stale = state !== "hit" || typeof found === "object" && !found.succeeded && succeeded;
      if (!stale) return;
      try {
        writeCache(file, key, () => script.createCachedData(), succeeded);
        say(`written ${file}`);
      } catch (err) {
        say(`not written: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
}

// src/cli.ts
var argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  dropOutputOnClosedPipe(process.stdout);
  process.stdout.write(`${TOOL_VERSION}
`);
} else {
  const script = argv.some((a) => a === "--github" || a.startsWith("--github=")) ? null : loadScriptCli(import.meta.url, argv);
  if (script) {
    const code = await script.runCli(argv);
    process.exitCode = code;
    script.done(code);
  } else {
    const withCompileCache = module;
    const dir = codeCacheDir(process.env);
    if (dir !== null) withCompileCache.enableCompileCache?.(path2.join(dir, "modules"));
    const { runCli } = await import("./chunks/cli-QD3WQ3D3.js");
    process.exitCode = await runCli(argv);
  }
}
