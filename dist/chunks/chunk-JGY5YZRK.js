import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  makeWorkspace
} from "./chunk-2ZGUN4MZ.js";
import {
  contractEnv,
  paramsFileText,
  readStepSummary
} from "./chunk-LTRLOVXC.js";
import {
  NO_PROFILE,
  championManifest,
  driftReport,
  uncompared
} from "./chunk-2ZO2TMUH.js";
import {
  challengerEvidence,
  evaluationDigest,
  holdForSelection,
  planId
} from "./chunk-ANAXVAOG.js";
import {
  findLeaks,
  fingerprintData
} from "./chunk-HY75VF2P.js";
import {
  stepCacheLineage
} from "./chunk-YKBKFHJZ.js";
import {
  packBundle,
  sha256File,
  unpackBundle
} from "./chunk-EXJF7ZSL.js";
import {
  PredictionsError,
  compareComputed,
  missingMetricWarning,
  predictionColumns,
  readMetricsFile,
  readPredictions
} from "./chunk-CE336W6H.js";
import {
  evaluateRules,
  pinnedVersions,
  planDecision
} from "./chunk-GDHDK6BJ.js";
import {
  checkOptionValues,
  optionValueProblems
} from "./chunk-PF2U6X76.js";
import {
  evaluateTemplate
} from "./chunk-UNSU6IJ5.js";
import {
  BUNDLE_ARCHIVE,
  BUNDLE_MANIFEST
} from "./chunk-VU7QOYKY.js";
import {
  compareWeights,
  readWeights,
  renderReport,
  writeDriftCharts
} from "./chunk-3VDYLDWK.js";
import {
  ContractEnv
} from "./chunk-2RZSXHJU.js";
import {
  profileData
} from "./chunk-K4KD3TBO.js";
import {
  CsvError,
  DECIMAL,
  JSON_LINES,
  checkHeader,
  checkSeparator,
  forEachJsonLine,
  scanFile
} from "./chunk-67YTMMAY.js";
import {
  formatNumber
} from "./chunk-5M42D7ZX.js";
import {
  CancelledError,
  DiskFullError,
  EvaluationError,
  ExitCode,
  InputError,
  IntegrityError,
  RetrainError,
  StaleBaselineError,
  StepError,
  isDiskFull
} from "./chunk-OLTTSRKB.js";

// src/engine/run.ts
import { existsSync } from "node:fs";
import { mkdir as mkdir3, readFile, readdir as readdir2, rename, rm as rm2, stat, writeFile as writeFile3, copyFile } from "node:fs/promises";
import os from "node:os";
import path6 from "node:path";

// src/engine/baseline-guard.ts
import { lstatSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
async function snapshotTree(dir) {
  const out = /* @__PURE__ */ new Map();
  const root = Buffer.from(dir.endsWith(path.sep) ? dir : dir + path.sep);
  const walk = (rel) => {
    for (const entry of readdirSync(Buffer.concat([root, rel]), { withFileTypes: true, encoding: "buffer" })) {
      const child = rel.length === 0 ? entry.name : Buffer.concat([rel, SLASH, entry.name]);
      const info = lstatSync(Buffer.concat([root, child]), { bigint: true });
      out.set(entryName(child), `${info.mode}:${info.size}:${info.ino}:${info.ctimeNs}`);
      if (entry.isDirectory()) walk(child);
    }
  };
  walk(Buffer.alloc(0));
  return out;
}
var SLASH = Buffer.from("/");
var UTF8 = new TextDecoder("utf-8", { fatal: true });
function entryName(bytes) {
  try {
    return UTF8.decode(bytes);
  } catch {
    return `${bytes.toString("utf8")} (bytes ${bytes.toString("hex")})`;
  }
}
function treeChanges(before, after) {
  const changes = [];
  for (const [entry, was] of before) {
    const now = after.get(entry);
    if (now === void 0) changes.push(`${entry} (removed)`);
    else if (now !== was) changes.push(`${entry} (changed)`);
  }
  for (const entry of after.keys()) if (!before.has(entry)) changes.push(`${entry} (added)`);
  return changes.sort();
}
async function restoreChangedTree(dir, snapshot, bundleDir, digest) {
  const now = await snapshotTree(dir).catch(() => /* @__PURE__ */ new Map());
  const changes = treeChanges(snapshot, now);
  if (changes.length === 0) return { changes, snapshot };
  try {
    await rm(dir, { recursive: true, force: true });
    const manifest = await unpackBundle(bundleDir, dir);
    if (manifest.digest !== digest) throw new Error(`the bundle now has digest ${manifest.digest}, not ${digest}`);
  } catch (err) {
    throw new IntegrityError(
      `a step changed the champion's unpacked model in ${dir} (${preview(changes)}), and it could not be restored from the champion's bundle: ${err.message}; nothing was promoted`,
      "baseline-changed"
    );
  }
  return { changes, snapshot: await snapshotTree(dir) };
}
function preview(items, shown = 5) {
  return items.length <= shown ? items.join(", ") : `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;
}

// src/engine/data-checks.ts
import path2 from "node:path";
var DataCheckError = class extends RetrainError {
  constructor(failures) {
    super(
      `${failures.length} check${failures.length === 1 ? "" : "s"} on the new data failed; no step ran, nothing changed:
${checkTable(failures)}`,
      ExitCode.badInput,
      "data-checks-failed"
    );
    this.failures = failures;
  }
  failures;
};
function checkTable(failures) {
  const rows = [["input", "column", "check", "expected", "found"], ...failures.map((f) => [f.input, f.column, f.check, f.expected, f.found])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  return [line(rows[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
}
function examples(values) {
  const all = [...values];
  const shown = all.slice(0, 3).map((v) => JSON.stringify(v));
  const more = all.length > KEPT ? `at least ${KEPT - 3}` : String(all.length - 3);
  return `${shown.join(", ")}${all.length > 3 ? ` and ${more} more` : ""}`;
}
var MISSING = { text: "", number: null };
async function forEachRecord(file, shown, column, row) {
  if (!JSON_LINES.test(file)) {
    let width = -1;
    await scanFile(file, (scanner) => {
      if (width < 0) {
        width = scanner.count;
        const names2 = Array.from({ length: width }, (_, c) => scanner.text(c).trim());
        checkSeparator(names2, shown, scanner.recordLine);
        checkHeader(names2, shown, scanner.recordLine);
        names2.forEach((name, c) => column(name, c, 0));
        return;
      }
      if (scanner.count !== width) throw scanner.widthError(shown, width);
      row((c) => ({ text: scanner.text(c).trim(), number: scanner.number(c) }));
    });
    if (width < 0) throw new CsvError(`${shown}: the file is empty; a CSV file starts with a header row naming its columns`);
    return;
  }
  const names = /* @__PURE__ */ new Map();
  let records = 0;
  await forEachJsonLine(file, shown, (record) => {
    const cells = [];
    for (const [name, value] of Object.entries(record)) {
      let c = names.get(name);
      if (c === void 0) {
        names.set(name, c = names.size);
        column(name, c, records);
      }
      cells[c] = value === null || value === "" ? MISSING : typeof value === "number" ? (
        // A number beyond the doubles (1e999 reads as Infinity) is no number, as the same CSV cell.
        { text: String(value), number: Number.isFinite(value) ? value : void 0 }
      ) : { text: typeof value === "string" ? value.trim() : JSON.stringify(value), number: void 0 };
    }
    records++;
    row((c) => cells[c] ?? MISSING);
  });
}
var numbersOf = /* @__PURE__ */ new WeakMap();
function allowed(values, cell) {
  if (values.includes(cell.text)) return true;
  if (typeof cell.number !== "number") return false;
  let numbers = numbersOf.get(values);
  if (numbers === void 0) {
    numbers = new Set(values.filter((v) => DECIMAL.test(v)).map(Number));
    numbersOf.set(values, numbers);
  }
  return numbers.has(cell.number);
}
var KEPT = 1e3;
async function checkInput(root, input, check, warn) {
  const failures = [];
  const fail = (column, name, expected, found) => failures.push({ input: input.name, column, check: name, expected, found });
  const stats = new Map(
    Object.keys(check.columns).map((c) => [c, { cells: 0, missing: 0, notNumber: /* @__PURE__ */ new Set(), low: Infinity, high: -Infinity, unexpected: /* @__PURE__ */ new Set() }])
  );
  const absent = /* @__PURE__ */ new Set();
  const unexpected = /* @__PURE__ */ new Set();
  let rows = 0;
  for (const file of input.absolutePaths) {
    const shown = path2.relative(root, file) || file;
    const declared = [];
    const seen = /* @__PURE__ */ new Set();
    try {
      await forEachRecord(
        file,
        shown,
        (name, c, before) => {
          seen.add(name);
          const s = stats.get(name);
          if (!s) return void unexpected.add(name);
          declared.push([c, s, check.columns[name]]);
          s.cells += before;
          s.missing += before;
        },
        (cell) => {
          rows++;
          for (const [c, s, spec] of declared) {
            const value = cell(c);
            s.cells++;
            if (value.number === null) {
              s.missing++;
              continue;
            }
            if (spec.type === "number" || spec.min !== void 0 || spec.max !== void 0) {
              if (value.number === void 0) {
                if (s.notNumber.size <= KEPT) s.notNumber.add(value.text);
              } else {
                if (value.number < s.low) s.low = value.number;
                if (value.number > s.high) s.high = value.number;
              }
            }
            if (spec.values && !allowed(spec.values, value) && s.unexpected.size <= KEPT) s.unexpected.add(value.text);
          }
        }
      );
    } catch (err) {
      if (err instanceof CsvError) throw new InputError([{ message: `checks.${input.name}: ${err.message.replace(`${file}:`, `${shown}:`)}` }]);
      throw err;
    }
    for (const column of stats.keys()) if (!seen.has(column)) absent.add(column);
  }
  if (check.minRows !== void 0 && rows < check.minRows) fail("", "min-rows", `\u2265 ${check.minRows} rows`, `${rows} rows`);
  for (const column of absent) fail(column, "present", "the column", `no such column in ${input.absolutePaths.length === 1 ? "the file" : "some files"}`);
  if (unexpected.size > 0) {
    const message = `column${unexpected.size === 1 ? "" : "s"} ${examples(unexpected)} not listed under checks.${input.name}.columns`;
    if (check.unexpectedColumns === "error") fail([...unexpected].join(", "), "unexpected-columns", "only the listed columns", message);
    else if (check.unexpectedColumns === "warn") warn(`data input ${input.name}: ${message}`);
  }
  for (const [column, s] of stats) {
    if (absent.has(column)) continue;
    const spec = check.columns[column];
    if (spec.type === "number" && s.notNumber.size > 0) fail(column, "type", "number", `not numbers: ${examples(s.notNumber)}`);
    else if (s.notNumber.size > 0) {
      const bounds = [spec.min !== void 0 && "min", spec.max !== void 0 && "max"].filter(Boolean).join(" and ");
      fail(column, "type", `number (${bounds} compare${bounds.includes(" and ") ? "" : "s"} numbers)`, `not numbers: ${examples(s.notNumber)}`);
    }
    if (spec.maxMissing !== void 0 && s.cells > 0 && s.missing / s.cells > spec.maxMissing) {
      fail(column, "max-missing", `\u2264 ${formatNumber(spec.maxMissing * 100)}% missing`, `${formatNumber(s.missing / s.cells * 100)}% missing (${s.missing} of ${s.cells})`);
    }
    if (spec.min !== void 0 && s.low < spec.min) fail(column, "min", `\u2265 ${formatNumber(spec.min)}`, `${formatNumber(s.low)}`);
    if (spec.max !== void 0 && s.high > spec.max) fail(column, "max", `\u2264 ${formatNumber(spec.max)}`, `${formatNumber(s.high)}`);
    if (s.unexpected.size > 0) fail(column, "values", `one of ${spec.values.join(", ")}`, examples(s.unexpected));
  }
  return failures;
}
async function runDataChecks(spec, data, warn) {
  const failures = [];
  for (const input of data) {
    const check = spec.checks[input.name];
    if (check) failures.push(...await checkInput(spec.root, input, check, warn));
  }
  if (failures.length > 0) throw new DataCheckError(failures);
}
function championCheckFailures(spec, current, champion) {
  const failures = [];
  for (const [input, check] of Object.entries(spec.checks)) {
    for (const [column, c] of Object.entries(check.columns)) {
      if (c.maxMeanShift === void 0) continue;
      const fail = (expected, found) => failures.push({ input, column, check: "max-mean-shift", expected, found });
      const before = champion.inputs[input]?.columns[column];
      const now = current.inputs[input]?.columns[column];
      if (before?.kind !== "number") {
        fail(`a number column in the champion's data`, before ? "a category column" : "no such column in the champion's profile");
        continue;
      }
      if (now?.kind !== "number") {
        fail("a number column", now ? "a category column" : "no such column");
        continue;
      }
      const shift = Math.abs(now.mean - before.mean);
      const allowed2 = c.maxMeanShift * before.std;
      if (shift > allowed2) {
        fail(
          `mean within ${formatNumber(c.maxMeanShift)} sd (${formatNumber(before.std)}) of ${formatNumber(before.mean)}`,
          `mean ${formatNumber(now.mean)}: moved ${before.std > 0 ? `${formatNumber(shift / before.std)} sd` : formatNumber(shift)}`
        );
      }
    }
  }
  return failures;
}
function hasChampionChecks(spec) {
  return Object.values(spec.checks).some((check) => Object.values(check.columns).some((c) => c.maxMeanShift !== void 0));
}

// src/engine/process-runner.ts
import { spawn } from "node:child_process";
import { createWriteStream as createWriteStream2, readlinkSync } from "node:fs";
import { mkdir, readdir, readlink, writeFile } from "node:fs/promises";
import path3 from "node:path";
import { finished } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";

// src/engine/redact.ts
import { constants as fsConstants, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
var SECRET_NAME = /TOKEN|SECRET|PASSW(OR)?D|PASSPHRASE|PRIVATE_?KEY|CREDENTIAL|(API|ACCESS|AUTH|SESSION)_?KEY|COOKIE/i;
var MIN_LENGTH = 8;
var MASK = Buffer.from("***");
function secretValues(env) {
  const values = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(env)) {
    if (!value || !SECRET_NAME.test(name)) continue;
    for (const text of [value, ...value.split(/\r?\n/)]) if (text.trim().length >= MIN_LENGTH) values.add(text);
  }
  return [...values].sort((a, b) => b.length - a.length).map((v) => Buffer.from(v));
}
function redactLine(line, secrets) {
  let out = line;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join("***");
  return out;
}
async function copyRedacted(from, to, secrets) {
  const file = await open(from, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0)).catch((err) => {
    if (err.code === "ELOOP") return null;
    throw err;
  });
  if (file === null) return false;
  try {
    const info = await file.stat();
    if (!info.isFile()) return false;
    const out = createWriteStream(to);
    if (info.size === 0) await pipeline(Readable.from([]), out);
    else {
      const input = file.createReadStream({ autoClose: false, start: 0, end: info.size - 1 });
      if (secrets.length === 0) await pipeline(input, out);
      else await pipeline(input, new Redactor(secrets), out);
    }
    return true;
  } finally {
    await file.close();
  }
}
var Redactor = class extends Transform {
  constructor(secrets) {
    super();
    this.secrets = secrets;
    this.keep = Math.max(0, ...secrets.map((s) => s.length - 1));
  }
  secrets;
  held = Buffer.alloc(0);
  keep;
  _transform(chunk, _encoding, done) {
    const data = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const end = this.flushable(data, data.length - this.keep);
    this.held = Buffer.from(data.subarray(end));
    done();
  }
  _flush(done) {
    this.flushable(this.held, this.held.length);
    this.held = Buffer.alloc(0);
    done();
  }
  /** Pushes `data` up to `limit` (further where a match starting before it goes on), redacted; returns where it stopped. */
  flushable(data, limit) {
    let at = 0;
    while (at < limit) {
      let first = -1;
      let length = 0;
      for (const secret of this.secrets) {
        const i = data.indexOf(secret, at);
        if (i !== -1 && i < limit && (first === -1 || i < first)) {
          first = i;
          length = secret.length;
        }
      }
      if (first === -1) break;
      if (first > at) this.push(data.subarray(at, first));
      this.push(MASK);
      at = first + length;
    }
    if (at < limit) {
      this.push(data.subarray(at, limit));
      at = limit;
    }
    return Math.max(at, 0);
  }
};

// src/engine/process-runner.ts
var KILL_GRACE_MS = 3e3;
var PIPE_DRAIN_MS = 1e3;
var GROUP_GONE_MAX_MS = 2e3;
var GROUP_POLL_MS = 25;
var SLOW_LOG_MAX_MS = 3e4;
var TAIL_LINES = 40;
var TAIL_LINE_CHARS = 2e3;
function tailLine(line) {
  if (line.length <= TAIL_LINE_CHARS) return line;
  const end = /[\uD800-\uDBFF]/.test(line[TAIL_LINE_CHARS - 1]) ? TAIL_LINE_CHARS - 1 : TAIL_LINE_CHARS;
  return `${line.slice(0, end)}\u2026 (${line.length - end} more characters of this line in the step's log)`;
}
var SCRIPT_EXTENSIONS = { bash: ".sh", sh: ".sh", python: ".py", node: ".mjs", pwsh: ".ps1" };
function commandFor(shell, file) {
  if (typeof shell === "object") {
    const words = shell.template.trim().split(/\s+/);
    return [words[0], words.slice(1).map((w) => w.replaceAll("{0}", file))];
  }
  switch (shell) {
    case "bash":
      return ["bash", ["--noprofile", "--norc", "-eo", "pipefail", file]];
    case "sh":
      return ["sh", ["-e", file]];
    case "python":
      return ["python3", [file]];
    case "node":
      return ["node", [file]];
    case "pwsh":
      return ["pwsh", ["-command", `. '${file.replaceAll("'", "''")}'`]];
  }
}
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
  }
}
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
var delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var runningGroups = /* @__PURE__ */ new Set();
process.on("exit", () => {
  for (const pgid of runningGroups) killGroup(pgid, "SIGKILL");
});
function childOutputEnds(pid) {
  if (pid === void 0) return [];
  const ends = [];
  for (const fd of [1, 2]) {
    try {
      ends.push(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
    }
  }
  return ends;
}
async function countHolders(ends) {
  if (ends.length === 0) return null;
  let pids;
  try {
    pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return null;
  }
  let holders = 0;
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      if (ends.includes(target)) {
        holders++;
        break;
      }
    }
  }
  return holders;
}
function escapedMessage(holders) {
  const who = holders === null || holders === 0 ? "descendants" : holders === 1 ? "1 descendant" : `${holders} descendants`;
  return `[retrain] the step's process group ended; ${who} that left it (setsid, a daemon) still held its output and ` + (holders === 1 ? "was no longer waited for; it keeps running" : "were no longer waited for; they keep running");
}
async function prepare(dir, file, script) {
  try {
    await mkdir(dir, { recursive: true });
    if (file !== null) await writeFile(file, script, { mode: 448 });
  } catch (err) {
    if (isDiskFull(err)) throw new DiskFullError(file ?? dir, { cause: err });
    throw err;
  }
}
async function runProcess(req) {
  const env = checkOptionValues(req.env);
  const extension = typeof req.shell === "string" ? SCRIPT_EXTENSIONS[req.shell] : "";
  const scriptFile = path3.join(req.scratchDir, `${req.id}${extension}`);
  const logFile = path3.join(req.scratchDir, `${req.id}.log`);
  let command;
  let args;
  if (req.argv) [command, ...args] = req.argv;
  else [command, args] = commandFor(req.shell, scriptFile);
  await prepare(req.scratchDir, req.argv ? null : scriptFile, req.script);
  const tail = [];
  const secrets = secretValues(req.env).map((b) => b.toString());
  const started = Date.now();
  return await new Promise((resolve, reject) => {
    let timedOut = false;
    let cancelled = false;
    let killTimer;
    let failure;
    let exit;
    let settled = false;
    const child = spawn(command, args, {
      cwd: req.cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    if (child.pid !== void 0) runningGroups.add(child.pid);
    const log = createWriteStream2(logFile);
    const outputEnds = childOutputEnds(child.pid);
    const streams = [child.stdout, child.stderr];
    let openStreams = streams.length;
    const stop = () => {
      if (child.pid === void 0 || killTimer) return;
      killGroup(child.pid, "SIGTERM");
      killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), KILL_GRACE_MS);
      killTimer.unref();
    };
    const timeout = req.timeoutMs ? setTimeout(() => {
      if (exit) return;
      timedOut = true;
      stop();
    }, req.timeoutMs) : void 0;
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    if (req.signal?.aborted) onAbort();
    req.signal?.addEventListener("abort", onAbort, { once: true });
    const emit = (name, line) => {
      tail.push(tailLine(secrets.length ? redactLine(line, secrets) : line));
      if (tail.length > TAIL_LINES) tail.shift();
      req.onLine(name, line);
    };
    log.on("error", (err) => {
      if (failure) return;
      failure = isDiskFull(err) ? new DiskFullError(logFile, { cause: err }) : new Error(`cannot write the log of step ${req.id} to ${logFile}: ${err.message}`, { cause: err });
      for (const stream of streams) stream.resume();
      emit("stderr", `[retrain] the step's log cannot be written (${err.code ?? err.message}): stopping the step`);
      stop();
    });
    const writeLog = (chunk, stream) => {
      if (failure || log.destroyed) return;
      if (!log.write(chunk) && stream && !stream.isPaused()) {
        stream.pause();
        log.once("drain", () => stream.resume());
      }
    };
    const pump = (stream, name) => {
      const decoder = new StringDecoder("utf8");
      let pending = "";
      stream.on("data", (chunk) => {
        writeLog(chunk, stream);
        pending += decoder.write(chunk);
        const lines = pending.split(/\r?\n/);
        pending = lines.pop() ?? "";
        for (const line of lines) emit(name, line);
      });
      stream.on("close", () => {
        pending += decoder.end();
        if (pending) emit(name, pending);
        pending = "";
        openStreams--;
        settle();
      });
      stream.on("error", () => {
      });
    };
    pump(child.stdout, "stdout");
    pump(child.stderr, "stderr");
    child.on("error", (err) => {
      if (child.pid !== void 0) return;
      failure ??= new Error(`cannot start ${command} for step ${req.id}: ${err.message}`);
      exit = { code: null, signal: null };
      for (const stream of streams) stream.destroy();
      settle();
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      if (child.pid !== void 0) {
        killGroup(child.pid, "SIGKILL");
        runningGroups.delete(child.pid);
      }
      settle();
      if (openStreams > 0) void stopWaitingForEscapedOutput(child.pid);
    });
    async function stopWaitingForEscapedOutput(pgid) {
      for (let waited = 0; !settled && waited < GROUP_GONE_MAX_MS && groupAlive(pgid); waited += GROUP_POLL_MS) await delay(GROUP_POLL_MS);
      const draining = (waited) => waited < PIPE_DRAIN_MS || log.writableNeedDrain && !failure && waited < SLOW_LOG_MAX_MS;
      for (let waited = 0; !settled && openStreams > 0 && draining(waited); waited += GROUP_POLL_MS) await delay(GROUP_POLL_MS);
      if (settled || openStreams === 0) return;
      const holders = await countHolders(outputEnds);
      const message = escapedMessage(holders);
      emit("stderr", message);
      writeLog(message + "\n");
      for (const stream of streams) stream.destroy();
    }
    function settle() {
      if (settled || exit === void 0 || openStreams > 0) return;
      settled = true;
      clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
      req.signal?.removeEventListener("abort", onAbort);
      const { code, signal } = exit;
      void closeLog().then(() => {
        if (failure) reject(failure);
        else resolve({ exitCode: code, signal, timedOut, cancelled, durationMs: Date.now() - started, logFile, tail: tail.join("\n") });
      });
    }
    async function closeLog() {
      if (failure || log.destroyed) {
        log.destroy();
        return;
      }
      log.end();
      try {
        await finished(log);
      } catch {
      }
    }
  });
}

// src/engine/result.ts
var RESULT_SCHEMA_VERSION = 1;

// src/engine/chart.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import path4 from "node:path";
var INTERVALS_CHART = "intervals.svg";
var WIDTH = 720;
var LABEL = 260;
var ROW = 34;
var TOP = 44;
var RIGHT = 24;
function escapeXml(text) {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}
function chartedRules(outcomes) {
  return outcomes.filter((o) => o.confidence !== void 0 && o.improvement !== null && o.bound != null && o.interval?.upper != null);
}
function renderIntervalsSvg(model, outcomes) {
  const rules = chartedRules(outcomes);
  const scale = (o) => o.kind === "relative-change" ? 100 : 1;
  const values = rules.flatMap((o) => [o.bound, o.interval.upper, o.improvement, o.threshold, 0].map((v) => v * scale(o)));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  lo -= pad;
  hi += pad;
  const x = (v) => LABEL + (v - lo) / (hi - lo) * (WIDTH - LABEL - RIGHT);
  const height = TOP + rules.length * ROW + 30;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(`${model}: improvement of the candidate, with its interval at each rule's confidence`)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="18" font-weight="bold">${escapeXml(`${model}: improvement over the baseline (relative rules in %)`)}</text>`,
    `<text x="8" y="34" fill="#555">dot: point estimate; bar: interval; |: margin to clear; green: rule passes, red: fails</text>`,
    `<line x1="${x(0)}" y1="${TOP - 4}" x2="${x(0)}" y2="${TOP + rules.length * ROW}" stroke="#999"/>`,
    `<text x="${x(0)}" y="${height - 8}" text-anchor="middle" fill="#555">0</text>`,
    `<text x="${LABEL}" y="${height - 8}" fill="#555">${escapeXml(formatNumber(lo))}</text>`,
    `<text x="${WIDTH - RIGHT}" y="${height - 8}" text-anchor="end" fill="#555">${escapeXml(formatNumber(hi))}</text>`
  ];
  rules.forEach((o, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const s = scale(o);
    const color = o.status === "pass" ? "#1a7f37" : "#cf222e";
    const label = `${o.metric}${o.against !== void 0 ? ` vs v${o.against}` : ""} (${formatNumber(o.confidence * 100)}%)`;
    parts.push(
      `<text x="8" y="${y + 4}">${escapeXml(label)}</text>`,
      `<line x1="${x(o.bound * s)}" y1="${y}" x2="${x(o.interval.upper * s)}" y2="${y}" stroke="${color}" stroke-width="4" stroke-linecap="round"/>`,
      `<circle cx="${x(o.improvement * s)}" cy="${y}" r="5" fill="#ffffff" stroke="${color}" stroke-width="2"/>`,
      `<line x1="${x(o.threshold * s)}" y1="${y - 10}" x2="${x(o.threshold * s)}" y2="${y + 10}" stroke="#24292f" stroke-width="2"/>`,
      `<text x="${x(o.bound * s)}" y="${y - 8}" text-anchor="middle" fill="#555">${escapeXml(formatNumber(o.bound * s))}</text>`
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
async function writeIntervalsChart(dir, model, outcomes) {
  if (chartedRules(outcomes).length === 0) return null;
  await mkdir2(dir, { recursive: true });
  await writeFile2(path4.join(dir, INTERVALS_CHART), renderIntervalsSvg(model, outcomes));
  return INTERVALS_CHART;
}

// src/engine/evaluate-predictions.ts
import path5 from "node:path";
function roleName(role) {
  return typeof role === "string" ? role : `reference-v${role.reference}`;
}
function whose(role) {
  return role === "candidate" ? "candidate" : role === "baseline" ? "champion" : `version ${role.reference}`;
}
function predictionsFile(spec, dir, role) {
  return path5.join(dir, `${roleName(role)}-predictions.${predictionColumns(spec.evaluate.predictions).format}`);
}
function computesMetrics(spec) {
  return spec.metrics.some((m) => m.compute !== void 0);
}
function reportedMetrics(spec) {
  return spec.metrics.filter((m) => m.compute === void 0).map((m) => m.name);
}
async function computeFromPredictions(spec, dir, hasChampion, references, keptDir) {
  if (!computesMetrics(spec)) return null;
  const cols = predictionColumns(spec.evaluate.predictions);
  const read = (role) => readPredictions(predictionsFile(spec, dir, role), cols, whose(role));
  try {
    const candidate = await read("candidate");
    const baseline = hasChampion ? await read("baseline") : null;
    const tables = /* @__PURE__ */ new Map();
    for (const [version, problem] of references) tables.set(version, problem ?? await read({ reference: version }));
    return compareComputed(spec, candidate, baseline, tables);
  } catch (err) {
    if (!(err instanceof PredictionsError) || keptDir === void 0) throw err;
    const at = new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\${path5.sep}([\\w.-]+-predictions\\.\\w+:\\d)`, "g");
    throw new PredictionsError(err.message.replace(at, (_, file) => path5.join(keptDir, file)));
  }
}
function mergeMetrics(reported, computed, warn, role) {
  if (!computed) return reported;
  for (const name of Object.keys(computed)) {
    if (name in reported) warn(`the ${role}'s metrics file reports "${name}", which the action computes from predictions; the computed value is used`);
  }
  return { ...reported, ...computed };
}
async function judgeableMetrics(spec, dir, reported, warn, keptDir) {
  const problems = new Map([...reported.references].map(([v, r]) => [v, typeof r === "string" ? r : null]));
  const computed = await computeFromPredictions(spec, dir, reported.baseline !== null, problems, keptDir);
  const references = /* @__PURE__ */ new Map();
  for (const [version, values] of reported.references) {
    const own = computed?.references.get(version);
    references.set(version, typeof values === "string" ? values : typeof own === "string" ? own : mergeMetrics(values, own, warn, `version ${version}`));
  }
  return {
    candidate: mergeMetrics(reported.candidate, computed?.candidate, warn, "candidate"),
    baseline: reported.baseline && mergeMetrics(reported.baseline, computed?.baseline ?? void 0, warn, "baseline"),
    references,
    evidence: { references, ...computed && { confidence: computed.confidence, slices: computed.slices } },
    slices: computed?.slices ?? []
  };
}

// src/engine/run-profile.ts
async function profileRun(spec, data, champion, reporter) {
  const reference = champion?.manifest.lineage.dataProfile ?? null;
  const { profile, passes } = await profileData(spec.root, data, reference?.inputs ?? {});
  if (hasChampionChecks(spec)) {
    if (reference === null)
      reporter.info(`Checks against the champion's profile (max-mean-shift) are not made: ${champion ? NO_PROFILE : "there is no champion yet"}`);
    else {
      const failures = championCheckFailures(spec, profile, reference);
      if (failures.length > 0) throw new DataCheckError(failures);
    }
  }
  let drift = null;
  if (spec.retrainWhen) {
    if (!champion) reporter.info("retrain-when: drift: there is no champion yet, so the run goes ahead");
    else if (reference === null) reporter.warn(`retrain-when: drift: ${NO_PROFILE}; the run goes ahead`);
    else {
      drift = driftReport(reference, passes, spec.retrainWhen.drift, champion.version);
      const drifted = drift.inputs.flatMap((i) => i.features.filter((f) => f.drifted).map((f) => `${i.input}.${f.column}`));
      const notCompared = drift.inputs.filter(uncompared);
      if (drifted.length === 0 && notCompared.length > 0) {
        reporter.warn(`retrain-when: drift: ${notCompared.map((i) => `input ${i.input} is not compared (${i.skipped})`).join("; ")}; the run goes ahead`);
        drift = null;
      } else reporter.info(drifted.length ? `Drift since the champion: ${drifted.join(", ")}` : "No feature drifted since the champion was trained");
    }
  }
  return { profile, drift };
}
function skipReason(drift) {
  const features = drift.inputs.flatMap((i) => i.features.map((f) => ({ input: i.input, f })));
  const top = features.filter((x) => x.f.psi !== null).sort((a, b) => b.f.psi - a.f.psi)[0];
  const largest = top ? `; the largest PSI is ${formatNumber(top.f.psi)} (${top.input}.${top.f.column})` : "";
  return `retrain-when: drift: no feature of ${drift.inputs.map((i) => i.input).join(", ")} drifted since the champion (version ${drift.championVersion}) was trained (PSI \u2264 ${formatNumber(drift.thresholds.psi)}, KS p \u2265 ${formatNumber(drift.thresholds.ksP)}, chi-square p \u2265 ${formatNumber(drift.thresholds.chi2P)})${largest}; no step ran, nothing changed`;
}

// src/engine/run.ts
var RUN_STAGES = ["steps-done", "verdict", "packed", "stored", "outputs-written", "committed"];
function fingerprintsOf(inputs) {
  return Object.fromEntries(inputs.map((i) => [i.name, { fingerprint: i.fingerprint, files: i.files }]));
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)}s`;
}
async function runRetraining(options) {
  const { reporter } = options;
  const ws = await makeWorkspace(options.tempRoot ?? os.tmpdir(), {
    keep: options.keepWorkDir,
    onCleaned: (dir) => reporter.info(`Removed ${dir}, left by a run that was killed`)
  });
  const stepSecrets = /* @__PURE__ */ new Map();
  try {
    await removeEarlierResult(options.outputDir).catch(
      (err) => reporter.warn(`could not remove the earlier run's result from ${options.outputDir}: ${err.message}`)
    );
    const ctx = await prepare2(options, ws, stepSecrets);
    if (ctx.drift) await writeDriftCharts(options.outputDir, ctx.drift);
    if (ctx.drift && !ctx.drift.drifted) return await skipRun(ctx, ctx.drift);
    const warmStart = await train(ctx);
    const evaluation = await evaluateBoth(ctx);
    const decision = await decide(ctx, warmStart, evaluation);
    return await commit(ctx, evaluation, decision);
  } catch (err) {
    await copyLogs(ws.scratchDir, path6.join(options.outputDir, "logs"), stepSecrets.values()).catch(() => void 0);
    if (isDiskFull(err)) throw new DiskFullError(err.path ?? options.outputDir, { cause: err });
    throw err;
  } finally {
    const summary = await readStepSummary(ws.workDir).catch(() => null);
    if (summary !== null) await reporter.stepsSummary?.(summary).catch((err) => reporter.warn(`could not add the steps' summary: ${err.message}`));
    await ws.leftoversCleaned;
    if (!options.keepWorkDir) await rm2(ws.root, { recursive: true, force: true });
    else reporter.info(`Kept the run's scratch directory (--keep-work-dir): ${ws.root}`);
  }
}
async function prepare2(options, ws, stepSecrets) {
  const { spec, registry, reporter } = options;
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const startedAt = now();
  const mode = options.dryRun ? "dry-run" : spec.promotion.mode;
  reporter.info(`Retraining ${spec.model} (spec ${path6.relative(process.cwd(), spec.file) || spec.file}, registry ${registry.description}, mode ${mode})`);
  const known = { params: options.params, github: options.github ?? {} };
  refuseOptionValues(spec, known);
  const data = Object.values(await fingerprintData(spec.root, spec.data, known));
  const dataFiles = await describeDataFiles(data);
  await runDataChecks(spec, data, (message) => reporter.warn(message));
  const evaluationNames = new Set(spec.evaluate.data);
  const evaluationInputs = data.filter((d) => evaluationNames.has(d.name));
  const trainingInputs = data.filter((d) => !evaluationNames.has(d.name));
  const snapshot = await registry.snapshot(spec.model);
  let early = null;
  let skipping = null;
  if (spec.retrainWhen && snapshot.champion !== null) {
    const manifest = await championManifest(registry, snapshot, path6.join(ws.root, "champion-manifest"));
    early = await profileRun(spec, data, { version: snapshot.champion, manifest }, reporter);
    if (early.drift && !early.drift.drifted) skipping = { version: snapshot.champion, dir: "", manifest };
  }
  const champion = snapshot.champion === null ? null : skipping ?? await loadChampion(options, snapshot, ws);
  if (champion) reporter.info(`Champion: version ${champion.version} (bundle ${champion.manifest.digest.slice(0, 12)}, ${skipping ? "manifest " : ""}verified)`);
  else reporter.info("No champion yet: this is the first model, trained from scratch");
  checkLeakage(spec, evaluationInputs, trainingInputs, champion);
  const challenger = options.challenger && {
    name: options.challenger.name,
    plan: planId(spec, champion && { version: champion.version, digest: champion.manifest.digest }, evaluationDigest(evaluationInputs)),
    planSize: spec.challengers.length
  };
  if (challenger && options.challenger?.expectPlan !== void 0 && options.challenger.expectPlan !== challenger.plan) {
    throw new RetrainError(
      `challenger ${challenger.name} belongs to plan ${options.challenger.expectPlan}, but with the champion as it is now (${champion ? `version ${champion.version}` : "none"}) and the evaluation data as it is now, the plan is ${challenger.plan}: the champion, the spec or the evaluation data changed since the plan; nothing ran. Plan again.`,
      ExitCode.conflict,
      "plan-moved"
    );
  }
  const { profile, drift } = early ?? await profileRun(spec, data, champion, reporter);
  const contexts = {
    params: options.params,
    data: Object.fromEntries(data.map((d) => [d.name, { paths: d.absolutePaths, fingerprint: d.fingerprint }])),
    github: options.github ?? {},
    baseline: { version: champion?.version ?? null, dir: champion?.dir ?? "" },
    candidate: { dir: ws.modelDir },
    steps: {},
    env: {}
  };
  contexts.env = Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, evaluateTemplate(v, contexts)]));
  const trainingReport = path6.join(ws.workDir, ".retrain-training-report.json");
  const contract = contractEnv({
    model: spec.model,
    baselineDir: champion?.dir ?? null,
    baselineVersion: champion?.version ?? null,
    baselineDigest: champion?.manifest.digest ?? null,
    modelDir: ws.modelDir,
    workDir: ws.workDir,
    params: options.params,
    data: Object.fromEntries(data.map((d) => [d.name, d.absolutePaths])),
    warmStart: spec.warmStart,
    trainingReport
  });
  return {
    options,
    spec,
    reporter,
    ws,
    now,
    startedAt,
    mode,
    data,
    trainingInputs,
    evaluationInputs,
    stepSecrets,
    dataFiles,
    snapshot,
    champion,
    contexts,
    contract,
    trainingReport,
    records: [],
    profile,
    drift,
    ...challenger && { challenger }
  };
}
function refuseOptionValues(spec, contexts) {
  const evaluate = (expression) => {
    try {
      return evaluateTemplate(`\${{ ${expression} }}`, contexts);
    } catch {
      return "";
    }
  };
  const problems = [...spec.steps, spec.evaluate].flatMap((command) => optionValueProblems(command.expressionEnv ?? [], evaluate));
  if (problems.length > 0) throw new InputError(problems);
}
async function train(ctx) {
  for (const step of ctx.spec.steps) {
    await championAsStored(ctx, `step ${step.name}`);
    ctx.records.push(await runStep(ctx, step).catch(async (err) => Promise.reject(await refusedWarmStart(ctx, err) ?? err)));
    ctx.contexts.steps[step.id] = { outcome: "success" };
  }
  await ctx.options.atStage?.("steps-done");
  const warmStart = await resolveWarmStart(ctx.spec, ctx.champion, ctx.trainingReport);
  ctx.reportedParams = await readReportedParams(ctx.trainingReport, ctx.options.params);
  if ((await readdir2(ctx.ws.modelDir)).length === 0) {
    throw new StepError(`the steps wrote nothing to $${ContractEnv.modelDir}: there is no candidate model to evaluate`, "training", "");
  }
  return warmStart;
}
async function evaluateBoth(ctx) {
  const { champion, spec } = ctx;
  const declared = reportedMetrics(spec);
  await dataAsFingerprinted(ctx, "the steps ran", ExitCode.stepFailed);
  const trained = await snapshotTree(ctx.ws.modelDir);
  const candidate = await evaluateModel(ctx, { role: "candidate", dir: ctx.ws.modelDir, version: null }, declared);
  await unchangedAfterEvaluation(ctx, trained, "the candidate was evaluated");
  let baseline = null;
  if (champion) {
    await championAsStored(ctx, "the champion is evaluated");
    try {
      baseline = await evaluateModel(ctx, { role: "baseline", dir: champion.dir, version: champion.version }, declared);
    } catch (err) {
      if (!(err instanceof RetrainError) || notAnEvaluationFailure(err)) throw err;
      throw new EvaluationError(
        `the champion (version ${champion.version}) could not be evaluated with the current evaluate command, so the candidate cannot be compared with it; nothing was promoted. ${err.message}`,
        "baseline-evaluation-failed"
      );
    }
    await unchangedAfterEvaluation(ctx, trained, `the champion (version ${champion.version}) was evaluated`);
  }
  const references = champion ? await evaluateReferences(ctx, champion, declared) : /* @__PURE__ */ new Map();
  if (references.size > 0) {
    await unchangedAfterEvaluation(ctx, trained, "the versions a rule compares with were evaluated");
  }
  const judged = await judgeableMetrics(
    spec,
    ctx.ws.evalDir,
    { candidate, baseline, references },
    (m) => ctx.reporter.warn(m),
    path6.join(ctx.options.outputDir, "metrics")
  );
  return { candidate: judged.candidate, baseline: judged.baseline, judged };
}
async function decide(ctx, warmStart, evaluation) {
  const { spec, options, champion } = ctx;
  const verdict = evaluateRules(spec.metrics, evaluation.candidate, evaluation.baseline, evaluation.judged.evidence);
  const intervalsChart = await writeIntervalsChart(options.outputDir, spec.model, verdict.outcomes);
  const planned = planDecision(verdict, { ...spec.promotion, mode: ctx.mode, ...ctx.challenger && { borderline: "reject" } });
  const plan = ctx.challenger ? holdForSelection(planned, ctx.challenger.name, ctx.challenger.plan) : planned;
  ctx.reporter.info(`Verdict: ${plan.reason}`);
  await options.atStage?.("verdict");
  await championAsStored(ctx, "its weights are compared");
  const weights = await compareModelWeights(champion, ctx.ws.modelDir, (m) => ctx.reporter.warn(m));
  const lineage = {
    model: spec.model,
    version: null,
    parentVersion: warmStart.source === "champion" ? champion?.version ?? null : null,
    warmStart,
    specDigest: spec.digest,
    gitCommit: options.gitCommit,
    params: options.params,
    ...ctx.reportedParams && { reportedParams: ctx.reportedParams },
    trainingData: fingerprintsOf(ctx.trainingInputs),
    evaluationData: fingerprintsOf(ctx.evaluationInputs),
    metrics: evaluation.candidate,
    toolVersion: options.toolVersion,
    ...stepCacheLineage(ctx.records),
    createdAt: ctx.now().toISOString(),
    environment: await describeEnvironment(spec, options.baseEnv),
    dataProfile: ctx.profile
  };
  return { verdict, plan, intervalsChart, weights, warmStart, lineage };
}
async function commit(ctx, evaluation, decision) {
  const { options, spec, reporter, ws, champion } = ctx;
  const { plan, lineage } = decision;
  const registry = options.registry;
  throwIfCancelled(options.signal);
  const record = { version: null, digest: "", decision: plan.decision, reason: plan.reason, gate: null, error: null };
  record.version = plan.action === "none" ? null : await registry.reserveVersion(spec.model);
  let committed = false;
  let staged = null;
  const artifacts = [];
  const result = () => buildResult(ctx, evaluation, decision, record);
  try {
    const manifest = await precommit(() => packBundle(ws.modelDir, ws.bundleDir, { ...lineage, version: record.version }));
    record.digest = manifest.digest;
    reporter.info(
      `Candidate bundle: ${manifest.files.length} file${manifest.files.length === 1 ? "" : "s"}, ${manifest.archiveSize} bytes, digest ${manifest.digest.slice(0, 12)}`
    );
    await options.atStage?.("packed");
    const logsOut = path6.join(options.outputDir, "logs");
    const logs = await precommit(() => copyLogs(ws.scratchDir, logsOut, ctx.stepSecrets.values()));
    if (options.artifacts) artifacts.push(...await uploadArtifacts(options.artifacts, spec.model, record.version, ws, logs, logsOut, ctx.challenger?.name));
    const bundleOut = path6.join(options.outputDir, "bundle");
    const storage = await precommit(async () => {
      await mkdir3(bundleOut, { recursive: true });
      for (const name of [BUNDLE_ARCHIVE, BUNDLE_MANIFEST]) await copyFile(path6.join(ws.bundleDir, name), path6.join(bundleOut, name));
      return record.version === null ? null : await registry.storeBundle(spec.model, record.version, ws.bundleDir);
    });
    await options.atStage?.("stored");
    throwIfCancelled(options.signal);
    if (plan.action === "gate" && record.version !== null) {
      record.gate = await options.gate.open({
        model: spec.model,
        candidate: record.version,
        baseline: champion?.version ?? null,
        reportMarkdown: renderReport(result())
      });
      reporter.info(`Release gate opened: ${record.gate.where}`);
    }
    staged = await precommit(() => stageOutputs(options.outputDir, result()));
    await options.atStage?.("outputs-written");
    throwIfCancelled(options.signal);
    if (record.version !== null) {
      const version = record.version;
      const status = plan.action === "promote" ? "promoted" : plan.action === "gate" ? "pending" : plan.action === "hold" ? "candidate" : "rejected";
      const pins = pinnedVersions(spec);
      const register = (s, decided, why) => registry.apply(spec.model, {
        kind: "register",
        version,
        record: {
          baselineVersion: champion?.version ?? null,
          digest: manifest.digest,
          metrics: evaluation.candidate,
          evaluationData: evaluationDigest(ctx.evaluationInputs),
          ...pins.length > 0 && { comparedWith: pins },
          decision: decided,
          createdAt: lineage.createdAt,
          storage,
          ...ctx.challenger && {
            challenger: {
              ...ctx.challenger,
              params: options.params,
              evidence: challengerEvidence(spec, evaluation.judged.evidence, ctx.challenger.planSize)
            }
          }
        },
        status: s,
        expectChampion: champion?.version ?? null,
        who: { actor: options.actor, reason: why },
        effects: s === "promoted" ? options.promotionEffects?.(version) ?? [] : []
      });
      try {
        await register(status, plan.decision, plan.reason);
      } catch (err) {
        if (!(err instanceof StaleBaselineError)) throw err;
        Object.assign(record, { decision: "rejected", reason: err.message, error: { reason: err.reason, message: err.message } });
        await register("rejected", "stale-baseline", err.message);
        await withdrawGate(ctx, record, `version ${version} was rejected because ${err.message}`);
      }
      committed = true;
      await options.atStage?.("committed");
      reporter.info(
        record.decision === "promoted" ? `Promoted version ${version}: it is now the champion of ${spec.model}` : `Stored the candidate as version ${version} (${record.decision === "pending-approval" ? "pending approval" : record.decision})`
      );
    }
    const final = result();
    const report = renderReport(final);
    await publishOutputs(staged, final, report, (m) => reporter.warn(m));
    staged = null;
    if (options.signal?.aborted)
      reporter.warn(`Cancelled after the decision was committed (version ${record.version}, ${record.decision}); finishing its record`);
    const followUps = record.version !== null ? await settleEffects(options, spec.model) : null;
    if (record.version !== null && spec.retention) {
      const { pruneAfterRun } = await import("./prune-command-3QLL37KV.js");
      await pruneAfterRun(registry, spec, options.actor, reporter);
    }
    await reporter.report(report);
    return { result: final, report, exitCode: record.error ? ExitCode.conflict : ExitCode.ok, artifacts, followUps };
  } catch (err) {
    const perhapsCommitted = err instanceof RetrainError && err.reason === "outcome-unknown";
    if (perhapsCommitted && !committed)
      reporter.warn(`version ${record.version} may be registered: its release gate stays open, and the next command closes it if nothing waits on it`);
    if (staged && !committed) await discardOutputs(staged);
    if (!committed && !perhapsCommitted)
      await withdrawGate(ctx, record, `the run that opened it ended before recording version ${record.version} (${err.message})`);
    if (record.version !== null && !committed && !perhapsCommitted) {
      const version = record.version;
      await registry.abandonVersion(spec.model, version).catch((e) => reporter.warn(`could not give back version ${version}: ${e.message}`));
    }
    throw err;
  }
}
async function withdrawGate(ctx, record, why) {
  const { gate } = ctx.options;
  if (!record.gate || !gate.close) return;
  const ref = record.gate;
  await gate.close(ref, why).then(
    () => ctx.reporter.info(`Withdrew the release gate ${ref.where}`),
    (e) => ctx.reporter.warn(`could not withdraw the release gate ${ref.where}: ${e.message}`)
  );
}
function buildResult(ctx, evaluation, decision, record) {
  const { spec, champion } = ctx;
  const { verdict, plan, warmStart, lineage, intervalsChart, weights } = decision;
  const { judged } = evaluation;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    model: spec.model,
    decision: record.decision,
    wouldBe: plan.wouldBe ?? null,
    reason: record.reason,
    mode: ctx.mode,
    firstModel: verdict.firstModel,
    goals: Object.fromEntries(spec.metrics.map((m) => [m.name, m.goal])),
    passed: verdict.passed,
    candidate: {
      version: record.version,
      digest: record.digest,
      metrics: evaluation.candidate,
      warmStart: { ...warmStart, parentVersion: lineage.parentVersion }
    },
    baseline: champion && evaluation.baseline ? { version: champion.version, metrics: evaluation.baseline } : null,
    rules: verdict.outcomes,
    gate: record.gate,
    params: ctx.options.params,
    ...ctx.reportedParams && { reportedParams: ctx.reportedParams },
    data: Object.fromEntries(ctx.data.map((d) => [d.name, d.fingerprint])),
    steps: ctx.records,
    startedAt: ctx.startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    error: record.error,
    ...judged.references.size > 0 && {
      references: [...judged.references].map(
        ([v, m]) => typeof m === "string" ? { version: v, metrics: null, problem: m } : { version: v, metrics: m, problem: null }
      )
    },
    ...judged.slices.length > 0 && { slices: judged.slices },
    ...intervalsChart !== null && { charts: { intervals: intervalsChart } },
    ...weights && { weights },
    ...ctx.drift && { drift: ctx.drift },
    ...ctx.challenger && { challenger: ctx.challenger }
  };
}
async function skipRun(ctx, drift) {
  const { options, spec } = ctx;
  const result = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    model: spec.model,
    decision: "skipped",
    wouldBe: null,
    reason: skipReason(drift),
    mode: ctx.mode,
    firstModel: false,
    goals: Object.fromEntries(spec.metrics.map((m) => [m.name, m.goal])),
    passed: false,
    candidate: { version: null, digest: "", metrics: {}, warmStart: { source: "cold", reason: "not trained: nothing drifted", parentVersion: null } },
    baseline: null,
    rules: [],
    gate: null,
    params: options.params,
    data: Object.fromEntries(ctx.data.map((d) => [d.name, d.fingerprint])),
    steps: [],
    startedAt: ctx.startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    error: null,
    drift
  };
  const report = renderReport(result);
  const staged = await precommit(() => stageOutputs(options.outputDir, result));
  await publishOutputs(staged, result, report, (m) => ctx.reporter.warn(m));
  ctx.reporter.info(`Skipped: ${result.reason}`);
  await ctx.reporter.report(report);
  return { result, report, exitCode: ExitCode.ok, artifacts: [] };
}
async function loadChampion(options, snapshot, ws) {
  const version = snapshot.champion;
  const bundleDir = await options.registry.fetchBundle(options.spec.model, version, path6.join(ws.root, "baseline-bundle"));
  const manifest = await unpackBundle(bundleDir, ws.baselineDir);
  const expected = snapshot.versions.find((v) => v.version === version)?.digest;
  if (manifest.digest !== expected) {
    throw new IntegrityError(
      `the champion's bundle (version ${version}) has digest ${manifest.digest}, but the registry recorded ${expected ?? "none"}; it was replaced after it was stored, so it is not used`,
      "champion-digest-mismatch"
    );
  }
  return { version, dir: ws.baselineDir, manifest, stored: { bundleDir, snapshot: await snapshotTree(ws.baselineDir) } };
}
async function championAsStored(ctx, before) {
  const champion = ctx.champion;
  if (!champion?.stored) return;
  const { changes, snapshot } = await restoreChangedTree(champion.dir, champion.stored.snapshot, champion.stored.bundleDir, champion.manifest.digest);
  champion.stored.snapshot = snapshot;
  if (changes.length === 0) return;
  ctx.reporter.warn(
    `a step changed the champion's unpacked model in $${ContractEnv.baselineDir} (${preview(changes)}); it was unpacked again from the champion's bundle (version ${champion.version}) before ${before}, so every step and the comparison see the champion as it is stored. Write to $${ContractEnv.modelDir} or $${ContractEnv.workDir} instead`
  );
}
async function describeDataFiles(data) {
  const out = /* @__PURE__ */ new Map();
  for (const input of data) {
    for (const file of input.absolutePaths) {
      const info = await stat(file, { bigint: true }).catch(() => null);
      out.set(file, info ? `${info.ino}:${info.size}:${info.ctimeNs}` : "missing");
    }
  }
  return out;
}
async function dataAsFingerprinted(ctx, during, exitCode = ExitCode.evaluationFailed) {
  const now = await describeDataFiles(ctx.data);
  const changed = [...ctx.dataFiles].filter(([file, was]) => now.get(file) !== was).map(([file]) => path6.relative(ctx.spec.root, file) || file);
  if (changed.length === 0) return;
  const names = ctx.data.filter((d) => d.absolutePaths.some((f) => now.get(f) !== ctx.dataFiles.get(f))).map((d) => d.name);
  throw new RetrainError(
    `the data changed while ${during} (${names.join(", ")}: ${preview(changed)}): the data were fingerprinted, checked for leakage and recorded in the lineage before any step ran, and the models must be trained and scored on exactly that, so nothing was stored or promoted. Steps and evaluate commands read the data inputs and write elsewhere ($${ContractEnv.workDir}, $${ContractEnv.modelDir})`,
    exitCode,
    "data-changed"
  );
}
async function unchangedAfterEvaluation(ctx, trained, during) {
  await dataAsFingerprinted(ctx, during);
  await candidateAsEvaluated(ctx, trained, during);
}
async function candidateAsEvaluated(ctx, trained, during) {
  const changes = treeChanges(trained, await snapshotTree(ctx.ws.modelDir));
  if (changes.length === 0) return;
  throw new EvaluationError(
    `the candidate's model in $${ContractEnv.modelDir} changed while ${during} (${preview(changes)}): the bundle would not hold the model whose metrics the rules judge, so nothing was stored or promoted. An evaluate command reads the model in $${ContractEnv.evalModelDir} and writes only to $${ContractEnv.metricsFile}, $${ContractEnv.predictionsFile} or $${ContractEnv.workDir}`,
    "candidate-changed"
  );
}
async function evaluateReferences(ctx, champion, declared) {
  const { spec, options, ws, snapshot } = ctx;
  const pinned = pinnedVersions(spec);
  const out = /* @__PURE__ */ new Map();
  for (const version of pinned) {
    const record = snapshot.versions.find((v) => v.version === version);
    if (!record) {
      out.set(version, `version ${version} of ${spec.model} is not in the registry`);
      continue;
    }
    const dir = path6.join(ws.root, `reference-v${version}`);
    try {
      if (version === champion.version) {
        for (const [from, to] of [
          [path6.join(ws.evalDir, "baseline-metrics.json"), path6.join(ws.evalDir, `reference-v${version}-metrics.json`)],
          [predictionsFile(spec, ws.evalDir, "baseline"), predictionsFile(spec, ws.evalDir, { reference: version })]
        ]) {
          if (existsSync(from)) await copyFile(from, to);
        }
        const { metrics } = declared.length === 0 ? { metrics: {} } : await readMetricsFile(path6.join(ws.evalDir, `reference-v${version}-metrics.json`), declared, `version ${version}`);
        out.set(version, metrics);
        continue;
      }
      const bundleDir = await options.registry.fetchBundle(spec.model, version, path6.join(ws.root, `reference-v${version}-bundle`));
      const manifest = await unpackBundle(bundleDir, dir);
      if (manifest.digest !== record.digest) throw new IntegrityError(`its bundle has digest ${manifest.digest}, but the registry recorded ${record.digest}`);
      out.set(version, await evaluateModel(ctx, { role: "reference", dir, version }, declared));
    } catch (err) {
      if (!(err instanceof RetrainError) || notAnEvaluationFailure(err)) throw err;
      options.reporter.warn(`version ${version}, which a rule compares with, could not be evaluated: ${err.message}`);
      out.set(version, `version ${version} could not be evaluated (${err.message})`);
    }
  }
  return out;
}
function checkLeakage(spec, evaluation, training, champion) {
  const evaluationPrints = fingerprintsOf(evaluation);
  const sources = [["this run", fingerprintsOf(training)]];
  if (champion) sources.push([`the champion (version ${champion.version})`, champion.manifest.lineage.trainingData]);
  const problems = sources.flatMap(
    ([whose2, prints]) => findLeaks(evaluationPrints, prints).map((leak) => ({
      file: spec.file,
      line: spec.evaluate.location.line,
      col: spec.evaluate.location.col,
      message: `leakage: evaluation data "${leak.evaluationInput}" (${leak.file}) is among the training data ("${leak.trainingInput}") of ${whose2}; evaluate on data neither model was trained on`
    }))
  );
  if (problems.length > 0) throw new InputError(problems, "leakage");
}
function checkBuiltinEvaluationData(ctx, read, role) {
  const { spec } = ctx;
  const outside = [...new Set(read.split("\n").filter(Boolean))].filter((name) => !spec.evaluate.data.includes(name));
  if (outside.length === 0) return;
  throw new InputError(
    outside.map((name) => ({
      file: spec.file,
      line: spec.evaluate.location.line,
      col: spec.evaluate.location.col,
      message: `leakage: evaluate.run scored the ${role} on data input "${name}" (retrain evaluate --data ${name}), which evaluate.data does not list: every input it does not list is training data, so the metrics would reward memorizing it. Score on ${spec.evaluate.data.map((d) => `--data ${d}`).join(" or ")}, or list the input in evaluate.data (and train on another)`
    })),
    "leakage"
  );
}
async function resolveWarmStart(spec, champion, reportFile) {
  const text = await readFile(reportFile, "utf8").catch(() => null);
  let report = {};
  if (text !== null) {
    try {
      report = JSON.parse(text);
    } catch {
      throw new InputError([
        {
          message: `$${ContractEnv.trainingReport} (${reportFile}) is not valid JSON: write {"warmStart": true, "from": "<digest>"} or {"warmStart": false, "reason": "..."}`
        }
      ]);
    }
  }
  const packages = report.packages && typeof report.packages === "object" && !Array.isArray(report.packages) ? Object.fromEntries(
    Object.entries(report.packages).filter(([, v]) => typeof v === "string").slice(0, 50)
  ) : void 0;
  const extra = packages && Object.keys(packages).length ? { packages } : {};
  if (!champion) return { source: "cold", reason: "first-model", ...extra };
  if (report.warmStart === false) {
    const reason = typeof report.reason === "string" && report.reason ? report.reason : "the training step started from scratch";
    if (spec.warmStart === "required") {
      throw new RetrainError(
        `warm start is required (warm-start: required) but training did not start from the champion (version ${champion.version}): ${reason}`,
        ExitCode.stepFailed,
        "warm-start-required"
      );
    }
    return { source: "cold", reason, ...extra };
  }
  const digest = champion.manifest.digest;
  const confirmed = report.warmStart === true && report.from === digest;
  if (!confirmed && spec.warmStart === "required") {
    const why = text === null ? "no step wrote a training report" : report.warmStart === true ? `the training report names ${typeof report.from === "string" ? `bundle ${report.from.slice(0, 12)}` : "no bundle"}, not the champion's` : "the training report does not say warmStart: true";
    throw new RetrainError(
      `warm start is required (warm-start: required) but nothing confirmed that training started from the champion (version ${champion.version}, bundle ${digest.slice(0, 12)}): ${why}. After loading the champion from $${ContractEnv.baselineDir}, write {"warmStart": true, "from": "$${ContractEnv.baselineDigest}"} to $${ContractEnv.trainingReport} (the helpers in helpers/ do it in one call; built-in trainers do it themselves)`,
      ExitCode.stepFailed,
      "warm-start-unconfirmed"
    );
  }
  return { source: "champion", confirmed, ...extra };
}
async function refusedWarmStart(ctx, err) {
  if (!(err instanceof StepError) || err.reason !== "step-failed" || !ctx.champion || ctx.spec.warmStart !== "required") return null;
  const report = await readFile(ctx.trainingReport, "utf8").then((text) => JSON.parse(text)).catch(() => null);
  if (report?.warmStart !== false) return null;
  return resolveWarmStart(ctx.spec, ctx.champion, ctx.trainingReport).then(
    () => null,
    (refused) => refused
  );
}
var MAX_REPORTED_PARAMS = 100;
var MAX_REPORTED_TEXT = 1024;
async function readReportedParams(reportFile, declared) {
  const text = await readFile(reportFile, "utf8").catch(() => null);
  let report;
  try {
    report = text === null ? {} : JSON.parse(text);
  } catch {
    return void 0;
  }
  const raw = report?.params;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return void 0;
  const reported = {};
  for (const [name, value] of Object.entries(raw).slice(0, MAX_REPORTED_PARAMS)) {
    if (name.length > 200) continue;
    if (typeof value === "string" && value.length <= MAX_REPORTED_TEXT || typeof value === "boolean" || typeof value === "number" && Number.isFinite(value)) {
      reported[name] = value;
    }
  }
  const differs = Object.entries(reported).some(([name, value]) => !Object.hasOwn(declared, name) || String(declared[name]) !== String(value));
  return differs ? reported : void 0;
}
function stepEnv(ctx, raw, expressionEnv, extra) {
  const { options, contexts } = ctx;
  const own = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, evaluateTemplate(v, contexts)]));
  const expressions = Object.fromEntries(expressionEnv.map((e) => [e.name, evaluateTemplate(`\${{ ${e.expression} }}`, contexts)]));
  const cli = options.cli ? { [ContractEnv.cli]: options.cli.script, [ContractEnv.helpersDir]: helpersDir(options.cli.script) } : {};
  return { ...options.baseEnv, ...contexts.env, ...own, ...ctx.contract, ...cli, ...extra, ...expressions };
}
function helpersDir(cliScript) {
  const dir = path6.resolve(path6.dirname(cliScript), "..", "helpers");
  return existsSync(path6.join(dir, "python", "retrain_contract.py")) ? dir : "";
}
function evaluateWith(value, contexts, where) {
  if (typeof value === "string") return evaluateTemplate(value, contexts, where);
  if (Array.isArray(value)) return value.map((v) => evaluateWith(v, contexts, where));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateWith(v, contexts, where)]));
  return value;
}
var HEARTBEAT_MS = 6e4;
function timeoutOf(minutes) {
  return minutes === void 0 ? void 0 : Math.round(minutes * 6e4);
}
async function execute(ctx, label, id, target, env, argv) {
  const { reporter, options, spec } = ctx;
  const cwd = target.workingDirectory ? path6.resolve(spec.root, evaluateTemplate(target.workingDirectory, ctx.contexts)) : spec.root;
  const paramsFile = ctx.contract[ContractEnv.paramsFile];
  const params = paramsFileText(options.params);
  if (await readFile(paramsFile, "utf8").catch(() => null) !== params) await writeFile3(paramsFile, params);
  reporter.startGroup(label);
  const started = Date.now();
  let lastOutput = started;
  const every = options.heartbeatMs ?? HEARTBEAT_MS;
  const heartbeat = setInterval(
    () => {
      if (Date.now() - lastOutput < every) return;
      reporter.info(`${label}: still running, ${seconds(Date.now() - started)} elapsed, no output for ${seconds(Date.now() - lastOutput)}`);
      lastOutput = Date.now();
    },
    Math.max(50, Math.min(every, 1e4))
  );
  heartbeat.unref();
  for (const secret of secretValues(env)) ctx.stepSecrets.set(secret.toString("base64"), secret);
  const result = await runProcess({
    id,
    script: target.run ?? "",
    shell: target.shell,
    ...argv && { argv },
    cwd,
    env,
    timeoutMs: timeoutOf(target.timeoutMinutes),
    scratchDir: ctx.ws.scratchDir,
    signal: options.signal,
    onLine: (stream, line) => {
      lastOutput = Date.now();
      reporter.stepOutput(id, stream, line);
    }
  }).finally(() => {
    clearInterval(heartbeat);
    reporter.endGroup();
  });
  if (result.cancelled) throw new CancelledError("a signal");
  if (await readFile(paramsFile, "utf8").catch(() => null) !== params) {
    reporter.warn(
      `${label} changed RETRAIN_PARAMS_FILE; later steps get the run's params again (the ones recorded with the version): pass what a step computes to later steps in a file under RETRAIN_WORK_DIR`
    );
  }
  if (result.timedOut) {
    throw new StepError(`${label} timed out after ${target.timeoutMinutes} minutes and was stopped`, id, result.tail, "step-timeout");
  }
  if (result.exitCode !== 0) {
    const how = result.exitCode === null ? `was killed by ${result.signal}` : `failed with exit code ${result.exitCode}`;
    throw new StepError(`${label} ${how} after ${seconds(result.durationMs)}; nothing was promoted and the registry is unchanged`, id, result.tail);
  }
  reporter.info(`${label} finished in ${seconds(result.durationMs)}`);
  return result.durationMs;
}
async function runStep(ctx, step) {
  const { options } = ctx;
  const extra = { [ContractEnv.step]: step.id };
  let argv;
  if (step.uses !== void 0) {
    if (!options.cli) {
      throw new InputError(
        [{ ...step.location, message: `step "${step.id}": "uses: ${step.uses}" needs the retrain CLI, which this shell does not provide; use run:` }],
        "unsupported-step"
      );
    }
    argv = [options.cli.node, options.cli.script, "train", step.uses.slice("builtin/".length)];
    const withValues = evaluateWith(step.with ?? {}, ctx.contexts, step.location);
    const reads = typeof withValues.data === "string" ? withValues.data.trim() : "train";
    if (ctx.spec.evaluate.data.includes(reads)) {
      const message = `step "${step.id}": with.data is "${reads}", which evaluate.data reads: a model trained on its evaluation data would be judged on what it memorized`;
      throw new InputError([{ ...step.location, message }], "leakage");
    }
    extra[ContractEnv.builtinOptions] = JSON.stringify(withValues);
  }
  const env = stepEnv(ctx, step.env, step.expressionEnv, extra);
  const run = () => execute(ctx, `Step ${step.name}`, step.id, step, env, argv);
  if (step.cache && options.stepCache)
    return await (await import("./step-cache-C2Q3QFX2.js")).cachedStep(ctx, { ...step, cache: step.cache }, options.stepCache, env, run);
  return { id: step.id, name: step.name, durationMs: await run(), outcome: "success" };
}
async function evaluateModel(ctx, { role, dir: modelDir, version }, declared) {
  const { options, ws } = ctx;
  const evaluate = ctx.spec.evaluate;
  const name = role === "reference" ? `reference-v${version}` : role;
  const metricsFile = path6.join(ws.evalDir, `${name}-metrics.json`);
  const predictionsFile2 = predictionsFile(ctx.spec, ws.evalDir, role === "reference" ? { reference: version } : role);
  const dataRead = path6.join(ws.evalDir, `${name}-data-read.txt`);
  await rm2(dataRead, { force: true });
  const env = stepEnv(ctx, evaluate.env, evaluate.expressionEnv, {
    [ContractEnv.evalDataRead]: dataRead,
    [ContractEnv.step]: `evaluate-${name}`,
    [ContractEnv.evalModelDir]: modelDir,
    [ContractEnv.evalRole]: role,
    [ContractEnv.evalVersion]: version === null ? "" : String(version),
    [ContractEnv.metricsFile]: metricsFile,
    [ContractEnv.predictionsFile]: predictionsFile2
  });
  const label = `Evaluate the ${role}${version === null ? "" : ` (version ${version})`}`;
  try {
    const durationMs = await execute(ctx, label, `evaluate-${name}`, evaluate, env);
    ctx.records.push({ id: `evaluate-${name}`, name: label, durationMs, outcome: "success" });
  } catch (err) {
    if (err instanceof StepError) throw new EvaluationError(err.message);
    throw err;
  }
  checkBuiltinEvaluationData(ctx, await readFile(dataRead, "utf8").catch(() => ""), role);
  const onlyPredictions = declared.length === 0 && !existsSync(metricsFile);
  const { metrics, ignored } = onlyPredictions ? { metrics: {}, ignored: [] } : await readMetricsFile(metricsFile, declared, role);
  if (ignored.length > 0) options.reporter.warn(`the ${role}'s metrics file has non-numeric entries that were ignored: ${ignored.join(", ")}`);
  for (const name2 of declared) {
    if (!(name2 in metrics)) options.reporter.warn(missingMetricWarning(role, name2, metrics));
  }
  const out = path6.join(options.outputDir, "metrics");
  await mkdir3(out, { recursive: true });
  if (!onlyPredictions) await copyFile(metricsFile, path6.join(out, `${name}.json`));
  if (existsSync(predictionsFile2)) await copyFile(predictionsFile2, path6.join(out, path6.basename(predictionsFile2)));
  return metrics;
}
async function describeEnvironment(spec, baseEnv) {
  const lockfiles = {};
  for (const file of spec.lockfiles) {
    try {
      lockfiles[file] = await sha256File(path6.resolve(spec.root, file));
    } catch {
      throw new InputError([{ file: spec.file, message: `lockfiles: "${file}" does not exist under ${spec.root}` }], "missing-lockfile");
    }
  }
  return {
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    runtimes: { node: process.version },
    lockfiles,
    containerImage: baseEnv.RETRAIN_CONTAINER_IMAGE || null
  };
}
async function uploadArtifacts(store, model, version, ws, logs, logsDir, challenger) {
  const base = `${model}${challenger ? `-${challenger}` : ""}-${version === null ? "dry-run" : `v${version}`}`;
  const refs = [
    await store.upload(
      `${base}-bundle`,
      [BUNDLE_ARCHIVE, BUNDLE_MANIFEST].map((f) => path6.join(ws.bundleDir, f)),
      ws.bundleDir
    )
  ];
  if (logs.length > 0) refs.push(await store.upload(`${base}-logs`, logs, logsDir));
  return refs;
}
async function compareModelWeights(champion, candidateDir, warn) {
  if (!champion) return null;
  const before = await readWeights(champion.dir, warn);
  const after = before && await readWeights(candidateDir, warn);
  return before && after ? compareWeights(before, after) : null;
}
async function copyLogs(from, to, stepSecrets) {
  await mkdir3(to, { recursive: true });
  const all = new Map([...secretValues(process.env), ...stepSecrets].map((b) => [b.toString("base64"), b]));
  const secrets = [...all.values()].sort((a, b) => b.length - a.length);
  const copied = [];
  for (const entry of await readdir2(from, { withFileTypes: true })) {
    if (!entry.name.endsWith(".log") || !entry.isFile()) continue;
    if (await copyRedacted(path6.join(from, entry.name), path6.join(to, entry.name), secrets)) copied.push(path6.join(to, entry.name));
  }
  return copied;
}
function notAnEvaluationFailure(err) {
  return err instanceof CancelledError || err instanceof DiskFullError;
}
function throwIfCancelled(signal) {
  if (signal?.aborted) throw new CancelledError("a signal");
}
async function precommit(work) {
  try {
    return await work();
  } catch (err) {
    if (isDiskFull(err)) throw new DiskFullError(err.path ?? "the output directory", { cause: err });
    throw err;
  }
}
async function stageOutputs(outputDir, result) {
  await mkdir3(outputDir, { recursive: true });
  const files = [
    { staged: path6.join(outputDir, ".result.json.staged"), final: path6.join(outputDir, "result.json"), text: JSON.stringify(result, null, 2) + "\n" },
    { staged: path6.join(outputDir, ".report.md.staged"), final: path6.join(outputDir, "report.md"), text: renderReport(result) }
  ];
  try {
    for (const f of files) await writeFile3(f.staged, f.text);
  } catch (err) {
    await discardOutputs({ outputDir, files });
    throw err;
  }
  return { outputDir, files };
}
async function removeEarlierResult(outputDir) {
  const file = path6.join(outputDir, "result.json");
  const earlier = await readFile(file, "utf8").then(
    (text) => {
      try {
        const data = JSON.parse(text);
        return typeof data.schemaVersion === "number" && typeof data.decision === "string";
      } catch {
        return false;
      }
    },
    () => false
  );
  if (!earlier) return;
  await rm2(file, { force: true });
  for (const name of ["report.md", "bundle", "metrics"]) await rm2(path6.join(outputDir, name), { recursive: true, force: true });
}
async function discardOutputs(staged) {
  for (const f of staged.files) await rm2(f.staged, { force: true });
}
async function publishOutputs(staged, result, report, warn) {
  const texts = [JSON.stringify(result, null, 2) + "\n", report];
  for (const [i, f] of staged.files.entries()) {
    try {
      if (await readFile(f.staged, "utf8") !== texts[i]) await writeFile3(f.staged, texts[i]);
      await rename(f.staged, f.final);
    } catch (err) {
      warn(`could not write ${f.final}: ${err.message}; the decision above is recorded in the registry`);
    }
  }
}
async function settleEffects(options, model) {
  try {
    const report = await options.registry.settle(model, options.effectPerformers ?? {});
    for (const e of [...report.failed, ...report.unconfirmed]) {
      options.reporter.warn(
        `the decision is recorded, but its follow-up "${e.kind}" for version ${e.version} did not complete (${e.error ?? "unknown"}); it stays pending in the registry and is completed by the next command (a deploy dispatch whose answer was lost only when sent again on purpose)`
      );
    }
    return report;
  } catch (err) {
    options.reporter.warn(`the decision is recorded, but completing its follow-ups failed: ${err.message}; the next command completes them`);
    return { done: [], failed: [], unconfirmed: [], interrupted: err };
  }
}

export {
  RUN_STAGES,
  runRetraining
};
