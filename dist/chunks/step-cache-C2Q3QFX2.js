import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  stepCacheLineage
} from "./chunk-YKBKFHJZ.js";
import {
  sha256File
} from "./chunk-EXJF7ZSL.js";
import "./chunk-MJDWC35A.js";
import {
  hashingTap
} from "./chunk-YCWRHEL7.js";
import "./chunk-VU7QOYKY.js";
import {
  glob,
  isDynamicPattern
} from "./chunk-LQDQ22CS.js";
import {
  ContractEnv
} from "./chunk-2RZSXHJU.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/engine/step-cache.ts
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
var CACHE_FORMAT = 1;
var ENTRY_DIR_NAME = "retrain-step-cache";
var ENTRY_FILE = "entry.json";
var KEY_PATTERN = /^retrain-[A-Za-z0-9_-]{1,64}-[0-9a-f]{64}$/;
async function stepCacheKey(input) {
  const { step, roots } = input;
  const { cache } = step;
  const normalize = (value) => value.split(roots.runRoot).join("<run>").split(roots.project).join("<root>");
  const envNames = [.../* @__PURE__ */ new Set([...input.definedEnv, ...cache.env])].sort();
  const env = Object.fromEntries(envNames.map((name) => [name, Object.hasOwn(input.env, name) ? normalize(input.env[name]) : null]));
  const paramNames = (cache.params ?? Object.keys(input.params)).slice().sort();
  const params = Object.fromEntries(paramNames.map((name) => [name, input.params[name] ?? null]));
  const dataNames = step.uses !== void 0 ? [.../* @__PURE__ */ new Set([...cache.data, builtinData(input.env)])] : cache.data;
  const data = Object.fromEntries(
    dataNames.slice().sort().map((name) => [name, input.data.find((d) => d.name === name)?.fingerprint ?? null])
  );
  const canonical = {
    format: CACHE_FORMAT,
    tool: input.toolVersion,
    platform: `${process.platform}-${process.arch}`,
    command: {
      run: step.run ?? null,
      uses: step.uses ?? null,
      shell: step.shell,
      workingDirectory: step.workingDirectory ?? null
    },
    env,
    params,
    data,
    files: await fileDigests(roots.project, cache.files, step),
    outputs: cache.outputs.map((o) => `${o.root}/${o.path}`)
  };
  const hash = createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
  return `retrain-${step.id.slice(0, 64)}-${hash}`;
}
function builtinData(env) {
  try {
    const options = JSON.parse(env[ContractEnv.builtinOptions] ?? "{}");
    return typeof options?.data === "string" ? options.data.trim() : "train";
  } catch {
    return "train";
  }
}
async function fileDigests(root, patterns, step) {
  const found = /* @__PURE__ */ new Set();
  const missing = [];
  for (const pattern of patterns) {
    const matches = isDynamicPattern(pattern) ? await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: false }) : (
      // Whatever is there: one that is not a file (a folder, a pipe) is refused below with its own reason.
      await lstat(path.resolve(root, pattern)).then(
        () => [path.resolve(root, pattern)],
        () => []
      )
    );
    if (matches.length === 0) missing.push(pattern);
    for (const m of matches) found.add(m);
  }
  if (missing.length > 0) {
    throw new InputError(
      missing.map((p) => ({
        ...step.cache.location,
        message: `step "${step.id}": cache.files ${JSON.stringify(p)} matches no file under ${root}; the key covers the files the step depends on, so each must exist`
      })),
      "missing-cache-file"
    );
  }
  const out = {};
  const unfit = [];
  for (const file of [...found].sort()) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) unfit.push(relative);
    else out[relative] = `${await sha256File(file)}${info.mode & 73 ? " executable" : ""}`;
  }
  if (unfit.length > 0) {
    throw new InputError(
      unfit.map((p) => ({
        ...step.cache.location,
        message: `step "${step.id}": cache.files matches ${JSON.stringify(p)}, which is not a regular file (a folder, a pipe, or a link to one or to nothing); name files, or a folder's files with a glob such as "${p}/**"`
      })),
      "missing-cache-file"
    );
  }
  return out;
}
function rootDir(roots, root) {
  return roots[root];
}
function absoluteOf(roots, output) {
  return output.path === "" ? rootDir(roots, output.root) : path.join(rootDir(roots, output.root), ...output.path.split("/"));
}
function inside(parent, child) {
  const relative = path.relative(parent, child);
  return relative === "" || !relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative);
}
async function escapesRoot(root, target) {
  const realRoot = await realpath(root);
  let probe = target;
  for (let i = 0; i < 4096; i++) {
    const real = await realpath(probe).catch(() => null);
    if (real !== null) return inside(realRoot, real) ? null : `it leads to ${real} through a symbolic link`;
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  return null;
}
async function copyHashed(from, to, mode, limit) {
  const { tap, result } = hashingTap();
  const source = createReadStream(from, limit === void 0 ? {} : { start: 0, end: limit });
  let readFailure = null;
  source.once("error", (err) => readFailure = err);
  try {
    await pipeline(source, tap, createWriteStream(to, { flags: "wx", mode }));
  } catch (err) {
    throw err === readFailure ? new SourceReadError(err.message) : err;
  }
  await chmod(to, mode);
  return result();
}
var SourceReadError = class extends Error {
};
async function notAnEntryFile(realEntry, file) {
  const info = await lstat(file).catch(() => null);
  if (!info) return "it is missing";
  if (!info.isFile()) return `it is ${info.isSymbolicLink() ? "a symbolic link" : "not a regular file"}`;
  const real = await realpath(file).catch(() => null);
  if (real === null || !inside(realEntry, real)) return "it is reached through a symbolic link leading outside the entry";
  return null;
}
function modeOf(statMode) {
  return statMode & 73 ? 493 : 420;
}
async function buildEntry(entryDir, key, step, roots, toolVersion, extra = [], champion = "") {
  const manifest = {
    format: CACHE_FORMAT,
    key,
    step: step.id,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    toolVersion,
    champion,
    outputs: [],
    files: [],
    directories: []
  };
  const filesDir = path.join(entryDir, "files");
  await mkdir(filesDir, { recursive: true });
  const add = async (logical, absolute, depth) => {
    if (depth > 256) return `${logical} nests deeper than 256 folders`;
    const info = await lstat(absolute);
    const into = path.join(filesDir, ...logical.split("/"));
    if (info.isSymbolicLink()) return `${logical} is a symbolic link; the cache keeps files and folders only`;
    if (info.isFile()) {
      await mkdir(path.dirname(into), { recursive: true });
      const mode = modeOf(info.mode);
      manifest.files.push({ path: logical, mode, ...await copyHashed(absolute, into, mode) });
      return null;
    }
    if (!info.isDirectory()) return `${logical} is neither a file nor a folder`;
    await mkdir(into, { recursive: true });
    manifest.directories.push(logical);
    for (const name of (await readdir(absolute)).sort()) {
      const problem = await add(`${logical}/${name}`, path.join(absolute, name), depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  const outputs = [...step.cache.outputs.map((o) => ({ ...o, declared: true })), ...extra.map((o) => ({ ...o, written: "", declared: false }))];
  for (const output of outputs) {
    const absolute = absoluteOf(roots, output);
    const logical = output.path === "" ? output.root : `${output.root}/${output.path}`;
    const info = await lstat(absolute).catch(() => null);
    if (!info) {
      if (!output.declared) continue;
      return `the output ${JSON.stringify(output.written)} was not written by the step`;
    }
    const escape = await escapesRoot(rootDir(roots, output.root), absolute);
    if (escape) return `the output ${JSON.stringify(output.written || logical)} is outside where it belongs: ${escape}`;
    if (output.declared) manifest.outputs.push({ path: logical, kind: info.isDirectory() ? "directory" : "file" });
    const problem = await add(logical, absolute, 0);
    if (problem) return problem;
  }
  await writeFile(path.join(entryDir, ENTRY_FILE), JSON.stringify(manifest, null, 1) + "\n");
  return null;
}
async function outputSignatures(step, roots) {
  const signatures = /* @__PURE__ */ new Map();
  for (const output of step.cache.outputs) {
    const hash = createHash("sha256");
    const visit = async (absolute, rel, depth) => {
      const info = await lstat(absolute, { bigint: true }).catch(() => null);
      if (!info || depth === 0 && info.isSymbolicLink()) return false;
      hash.update(`${rel}\0${info.ino}\0${info.ctimeNs}\0${info.size}\0${info.mode}
`);
      if (info.isDirectory() && depth < 256) {
        for (const name of (await readdir(absolute).catch(() => [])).sort()) await visit(path.join(absolute, name), `${rel}/${name}`, depth + 1);
      }
      return true;
    };
    if (await visit(absoluteOf(roots, output), "", 0)) signatures.set(`${output.root}/${output.path}`, hash.digest("hex"));
  }
  return signatures;
}
async function unwrittenOutput(step, roots, before) {
  const after = await outputSignatures(step, roots);
  for (const output of step.cache.outputs) {
    const id = `${output.root}/${output.path}`;
    if (before.has(id) && before.get(id) === after.get(id)) {
      return `the output ${JSON.stringify(output.written)} was not written by this run of the step (it is as it was before the step ran), so it may not come from this key's inputs`;
    }
  }
  return null;
}
var LOGICAL_PATH = /^(project|work|model)(\/[^/\0]+)*$/;
async function readEntryManifest(entryDir, key) {
  let data;
  try {
    const problem = await notAnEntryFile(await realpath(entryDir), path.join(entryDir, ENTRY_FILE));
    if (problem) return `its ${ENTRY_FILE} cannot be read: ${problem}`;
    data = JSON.parse(await readFile(path.join(entryDir, ENTRY_FILE), "utf8"));
  } catch (err) {
    return `its ${ENTRY_FILE} cannot be read: ${err.message}`;
  }
  const pathOk = (p) => typeof p === "string" && LOGICAL_PATH.test(p) && !p.split("/").some((s) => s === ".." || s === ".");
  if (!data || data.format !== CACHE_FORMAT || !Array.isArray(data.files) || !Array.isArray(data.directories) || !Array.isArray(data.outputs) || !data.files.every(
    (f) => pathOk(f?.path) && Number.isSafeInteger(f.size) && /^[0-9a-f]{64}$/.test(String(f.sha256)) && (f.mode === 493 || f.mode === 420)
  ) || !data.directories.every(pathOk) || !data.outputs.every((o) => pathOk(o?.path) && (o.kind === "file" || o.kind === "directory"))) {
    return `its ${ENTRY_FILE} is not an entry of this tool's format ${CACHE_FORMAT}`;
  }
  if (data.key !== key) return `it holds the entry of key ${String(data.key).slice(0, 80)}, not ${key}`;
  const files = /* @__PURE__ */ new Set();
  for (const f of data.files) {
    if (files.has(f.path)) return `its ${ENTRY_FILE} lists the file ${f.path} twice`;
    files.add(f.path);
  }
  for (const p of [...data.files.map((f) => f.path), ...data.directories]) {
    const segments = p.split("/");
    for (let i = 1; i < segments.length; i++) {
      const above = segments.slice(0, i).join("/");
      if (files.has(above)) return `its ${ENTRY_FILE} lists ${above} both as a file and as a folder`;
    }
  }
  const clash = data.directories.find((d) => files.has(d));
  if (clash !== void 0) return `its ${ENTRY_FILE} lists ${clash} both as a file and as a folder`;
  return data;
}
async function restoreEntry(entryDir, key, step, roots, champion = "") {
  const manifest = await readEntryManifest(entryDir, key);
  if (typeof manifest === "string") return manifest;
  const declared = step.cache.outputs.map((o) => o.path === "" ? o.root : `${o.root}/${o.path}`);
  const recorded = manifest.outputs.map((o) => o.path);
  if (declared.length !== recorded.length || declared.some((d) => !recorded.includes(d))) {
    return `it holds the outputs ${recorded.join(", ") || "none"}, not ${declared.join(", ")}`;
  }
  const extras = manifest.files.map((f) => f.path).filter((p) => !declared.some((d) => p === d || p.startsWith(`${d}/`)));
  if (extras.some((p) => p !== TRAINING_REPORT_LOGICAL)) return `it holds files outside the declared outputs`;
  const targets = [...manifest.outputs, ...extras.map((p) => ({ path: p, kind: "file" }))].map((o) => {
    const [root, ...rest] = o.path.split("/");
    return { ...o, root, rel: rest.join("/"), absolute: absoluteOf(roots, { root, path: rest.join("/") }) };
  });
  const realEntry = await realpath(entryDir);
  const staged = [];
  const tag = randomBytes(6).toString("hex");
  let bytes = 0;
  let holdsReport = false;
  try {
    for (const target of targets) {
      const escape = await escapesRoot(rootDir(roots, target.root), target.absolute);
      if (escape) return { blocked: `its output ${target.path} would be restored outside where it belongs: ${escape}` };
      const staging = `${target.absolute}.restore-${tag}`;
      await mkdir(path.dirname(staging), { recursive: true });
      await removeLeftStagings(target.absolute);
      staged.push({ staging, absolute: target.absolute });
      const under = (p) => p === target.path || p.startsWith(`${target.path}/`);
      if (target.kind === "directory") {
        await mkdir(staging);
        for (const dir of manifest.directories.filter(under).sort())
          await mkdir(path.join(staging, ...dir.slice(target.path.length).split("/")), { recursive: true });
      }
      for (const file of manifest.files.filter((f) => under(f.path))) {
        const to = target.kind === "file" ? staging : path.join(staging, ...file.path.slice(target.path.length + 1).split("/"));
        if (target.kind === "file" && file.path !== target.path) return `its output ${target.path} is recorded both as a file and as a folder`;
        await mkdir(path.dirname(to), { recursive: true });
        const source = path.join(entryDir, "files", ...file.path.split("/"));
        const unfit = await notAnEntryFile(realEntry, source);
        if (unfit) return `its file ${file.path} cannot be used: ${unfit}`;
        const copied = await copyHashed(source, to, file.mode, file.size).catch((err) => err);
        if (copied instanceof SourceReadError) return `its file ${file.path} cannot be read: ${copied.message}`;
        if (copied instanceof Error) return { blocked: `its file ${file.path} could not be restored: ${copied.message}` };
        if (copied.size !== file.size || copied.sha256 !== file.sha256) {
          return `its file ${file.path} is damaged: ${copied.size} bytes with sha256 ${copied.sha256.slice(0, 12)}, but the entry recorded ${file.size} bytes with sha256 ${file.sha256.slice(0, 12)}`;
        }
        bytes += copied.size;
        if (file.path === TRAINING_REPORT_LOGICAL) holdsReport = true;
      }
      if (target.kind === "file" && !manifest.files.some((f) => f.path === target.path)) return `its output ${target.path} has no file`;
    }
    if (holdsReport && manifest.champion !== champion) {
      const then = typeof manifest.champion !== "string" ? "an unrecorded champion" : manifest.champion === "" ? "no champion" : `bundle ${manifest.champion.slice(0, 12)}`;
      const now = champion === "" ? "this run has none" : `this run's is bundle ${champion.slice(0, 12)}`;
      return `its outputs were trained when the champion was ${then}, but ${now}`;
    }
    for (const s of staged) {
      await rm(s.absolute, { recursive: true, force: true });
      await rename(s.staging, s.absolute);
    }
    staged.length = 0;
    return { files: manifest.files.length, bytes };
  } finally {
    for (const s of staged) await rm(s.staging, { recursive: true, force: true }).catch(() => void 0);
  }
}
async function removeLeftStagings(output) {
  const name = path.basename(output);
  const left = (await readdir(path.dirname(output)).catch(() => [])).filter(
    (n) => n.startsWith(`${name}.restore-`) && /^[0-9a-f]{12}$/.test(n.slice(name.length + ".restore-".length))
  );
  for (const n of left) await rm(path.join(path.dirname(output), n), { recursive: true, force: true });
}
var TRAINING_REPORT_LOGICAL = "work/.retrain-training-report.json";
async function runCachedStep(options) {
  const { store, key, step, roots, info, warn } = options;
  if (!KEY_PATTERN.test(key)) throw new Error(`internal: malformed cache key ${key}`);
  const started = Date.now();
  const fetchDir = path.join(options.scratch, `fetch-${step.id}`);
  await mkdir(fetchDir, { recursive: true });
  try {
    let entry = null;
    try {
      entry = await store.fetch(key, fetchDir);
    } catch (err) {
      warn(`step "${step.name}": the run-cache (${store.description}) could not be read (${err.message}); running the step`);
    }
    if (entry !== null) {
      const restored = await restoreEntry(entry, key, step, roots, options.champion).catch((err) => ({
        blocked: `restoring it failed: ${err.message}`
      }));
      if (typeof restored !== "string" && !("blocked" in restored)) {
        info(
          `Step ${step.name}: restored from cache ${key} (${restored.files} file${restored.files === 1 ? "" : "s"}, ${restored.bytes} bytes); the step did not run`
        );
        return { durationMs: Date.now() - started, cache: { key, restored: true } };
      }
      if (typeof restored === "string") {
        warn(`step "${step.name}": the cache entry ${key} was not used: ${restored}; running the step`);
        await store.discard?.(key).catch(() => void 0);
      } else {
        warn(`step "${step.name}": the cache entry ${key} was not used: ${restored.blocked}; running the step`);
      }
    } else {
      info(`Step ${step.name}: no cache entry ${key}; running the step`);
    }
  } finally {
    await rm(fetchDir, { recursive: true, force: true }).catch(() => void 0);
  }
  const reportBefore = await sha256File(path.join(roots.work, ".retrain-training-report.json")).catch(() => null);
  const before = await outputSignatures(step, roots);
  const durationMs = await options.run();
  const reportAfter = await sha256File(path.join(roots.work, ".retrain-training-report.json")).catch(() => null);
  const extra = reportAfter !== null && reportAfter !== reportBefore ? [{ root: "work", path: ".retrain-training-report.json" }] : [];
  const entryDir = path.join(options.scratch, `store-${step.id}`, ENTRY_DIR_NAME);
  try {
    await rm(path.dirname(entryDir), { recursive: true, force: true });
    await mkdir(entryDir, { recursive: true });
    const problem = await unwrittenOutput(step, roots, before) ?? await buildEntry(entryDir, key, step, roots, options.toolVersion, extra, options.champion);
    if (problem) warn(`step "${step.name}": its outputs were not cached: ${problem}`);
    else {
      if (await store.store(key, entryDir)) info(`Step ${step.name}: outputs stored in the cache as ${key}`);
      else warn(`step "${step.name}": its outputs were not saved in the run-cache (${store.description}); the next run runs the step again`);
    }
  } catch (err) {
    warn(`step "${step.name}": its outputs could not be stored in the run-cache (${store.description}): ${err.message}`);
  } finally {
    await rm(path.dirname(entryDir), { recursive: true, force: true }).catch(() => void 0);
  }
  return { durationMs, cache: { key, restored: false } };
}
function definedEnvNames(specEnv, step) {
  const names = [...Object.keys(specEnv), ...Object.keys(step.env), ...step.expressionEnv.map((e) => e.name)];
  if (step.uses !== void 0) names.push(ContractEnv.builtinOptions, ContractEnv.baselineDigest);
  if (step.cache?.outputs.some((o) => o.root === "model")) names.push(ContractEnv.baselineDigest);
  return names;
}
async function cachedStep(ctx, step, store, env, run) {
  const { options, ws } = ctx;
  const roots = { project: ctx.spec.root, work: ws.workDir, model: ws.modelDir, runRoot: ws.root };
  const key = await stepCacheKey({
    step,
    toolVersion: options.toolVersion,
    params: options.params,
    env,
    definedEnv: definedEnvNames(ctx.spec.env, step),
    data: ctx.data,
    roots
  });
  const { durationMs, cache } = await runCachedStep({
    store,
    key,
    step,
    roots,
    toolVersion: options.toolVersion,
    scratch: path.join(ws.scratchDir, "cache"),
    champion: env[ContractEnv.baselineDigest] ?? "",
    info: (m) => options.reporter.info(m),
    warn: (m) => options.reporter.warn(m),
    run
  });
  return { id: step.id, name: step.name, durationMs, outcome: "success", cache };
}
export {
  CACHE_FORMAT,
  ENTRY_DIR_NAME,
  buildEntry,
  cachedStep,
  definedEnvNames,
  restoreEntry,
  runCachedStep,
  stepCacheKey,
  stepCacheLineage
};
