import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  inheritableEnv
} from "./chunk-LTRLOVXC.js";
import {
  checkThreadKnobs
} from "./chunk-7FFNMB6Q.js";
import {
  ConsoleReporter,
  TOOL_VERSION,
  dropOutputOnClosedPipe
} from "./chunk-KWPGHS7S.js";
import {
  errorLine
} from "./chunk-BO7MP4MN.js";
import {
  parseParamAssignments,
  resolveParams
} from "./chunk-XQSRBMA7.js";
import {
  closest
} from "./chunk-EU3M232E.js";
import {
  modelNameProblem,
  parseVersionText,
  pathProblem,
  preview
} from "./chunk-KVC4UYSJ.js";
import "./chunk-2RZSXHJU.js";
import {
  ExitCode,
  InputError,
  MODEL_NOT_PACKABLE,
  RetrainError,
  formatProblem
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/local/cli.ts
import path3 from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// src/local/file-gate.ts
var FileGate = class {
  constructor(specArg) {
    this.specArg = specArg;
  }
  specArg;
  async open(request) {
    const spec = this.specArg ? ` --spec ${this.specArg}` : "";
    return {
      kind: "local",
      where: `retrain approve ${request.candidate}${spec}   (or: retrain reject ${request.candidate}${spec})`
    };
  }
};

// src/local/git-head.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
var OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var SYMBOLIC_REF = /^ref: (refs\/[^\0\s]+)$/;
async function gitHead(dir) {
  if (["GIT_DIR", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES"].some((name) => process.env[name] !== void 0)) return await askGit(dir);
  const gitDir = await findGitDir(path.resolve(dir));
  if (gitDir === null) return null;
  return await readHead(gitDir) ?? await askGit(dir);
}
async function findGitDir(dir) {
  for (let current = dir, depth = 0; depth < 256; depth++) {
    const candidate = path.join(current, ".git");
    const info = await stat(candidate).catch(() => null);
    if (info?.isDirectory()) return candidate;
    if (info?.isFile()) {
      const match = /^gitdir: (.+)$/m.exec(await readFile(candidate, "utf8").catch(() => ""));
      return match ? path.resolve(current, match[1].trim()) : null;
    }
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}
async function readHead(gitDir) {
  const head = await readText(path.join(gitDir, "HEAD"));
  if (head === null) return void 0;
  if (OBJECT_ID.test(head)) return head;
  const ref = SYMBOLIC_REF.exec(head)?.[1];
  if (ref === void 0 || ref.split("/").includes("..")) return void 0;
  const common = await readText(path.join(gitDir, "commondir"));
  const commonDir = common === null ? gitDir : path.resolve(gitDir, common);
  const loose = await readText(path.join(commonDir, ref));
  if (loose !== null) return OBJECT_ID.test(loose) ? loose : void 0;
  const packed = await readText(path.join(commonDir, "packed-refs"));
  for (const line of packed?.split("\n") ?? []) {
    const [id, name] = line.split(" ");
    if (name === ref && id !== void 0 && OBJECT_ID.test(id)) return id;
  }
  return void 0;
}
async function readText(file) {
  return await readFile(file, "utf8").then(
    (text) => text.trim(),
    () => null
  );
}
async function askGit(cwd) {
  try {
    const { execFile } = await import("node:child_process");
    const { stdout } = await promisify(execFile)("git", ["rev-parse", "HEAD"], { cwd });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

// src/local/cli-hints.ts
import { existsSync, readdirSync, statSync } from "node:fs";
import path2 from "node:path";
function outError(message, command) {
  return new InputError([{ message: `${message}
Run "retrain ${command} --help" for usage.` }], "usage");
}
function checkOutDir(out) {
  for (let dir = path2.resolve(out); ; dir = path2.dirname(dir)) {
    let kind;
    try {
      kind = statSync(dir, { throwIfNoEntry: false });
    } catch {
      kind = void 0;
    }
    if (kind) {
      if (!kind.isDirectory())
        throw outError(`--out ${out}: ${dir === path2.resolve(out) ? "is a file" : `${dir} is a file`}, not a directory for the run's outputs`, "run");
      return;
    }
    if (path2.dirname(dir) === dir) return;
  }
}
function emptyRegistryNote(model, dir) {
  let models = [];
  try {
    models = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path2.join(dir, e.name, "registry.json"))).map((e) => e.name);
  } catch {
  }
  const others = models.filter((m) => m !== model);
  return `No version of ${model} in the registry ${dir}` + (others.length ? ` (it holds ${others.map((m) => `"${m}"`).join(", ")}${closest(model, others) ? `; did you mean "${closest(model, others)}"?` : ""})` : models.length ? "" : " (no model there yet)");
}
var count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
var INTEGRITY_HINT = `Nothing was changed. To repair a damaged bundle, copy model.tar and manifest.json back from the bundle/ folder of the run that stored that version (.retrain/runs/<model>/<time>/), or roll back to an earlier champion: see "A bundle failed verification (exit 6)" in the README's Troubleshooting.`;
var MODEL_NOT_PACKABLE_HINT = "Nothing was changed: no bundle is damaged, but the candidate cannot be stored as the training steps wrote it to $RETRAIN_MODEL_DIR; change what they write there (copy files instead of linking to $RETRAIN_BASELINE_DIR or elsewhere).";

// src/local/cli.ts
var DEFAULT_SPEC = ".github/retrain.yml";
var DEFAULT_REGISTRY = ".retrain/registry";
var DEFAULT_RUNS = ".retrain/runs";
var DEFAULT_CACHE = ".retrain/cache";
var USAGE = `retrain ${TOOL_VERSION}: retrain a model, compare it with the champion, promote by rules

Usage:
  retrain run       [--spec FILE] [--param NAME=VALUE]... [--dry-run] [--out DIR] [--json] [--no-cache]
  retrain validate  [--spec FILE]
  retrain plan      [--spec FILE] [--json]   the spec's challengers as a job matrix, with the champion
  retrain run       --challenger NAME [--plan ID] ...   train one challenger; select decides
  retrain select    [--spec FILE] [--plan ID] [--dry-run] [--json]   promote the best challenger of a plan
  retrain status    [--spec FILE | --model NAME] [--github OWNER/REPO [--registry-branch BRANCH]] [--json] [--all]
  retrain promote   --candidate N --expect-champion M|none [--force --reason TEXT]
  retrain approve   VERSION [--force --reason TEXT]
  retrain reject    VERSION [--reason TEXT]
  retrain rollback  [--to VERSION] [--reason TEXT]
  retrain fetch     [--spec FILE | --model NAME] [--github OWNER/REPO [--registry-branch BRANCH]] [--version N] [--out DIR] [--json]
                    a version's model files (default: the champion's), verified against the registry
  retrain prune     [--spec FILE | --model NAME] [--keep-rejected N] [--keep-retired N] [--dry-run] [--json]
                    retention: delete the bundles the policy no longer keeps (for good)
  retrain compare   --candidate FILE --baseline FILE [--spec FILE] [--json]
                    the spec's rules on two predictions (or metrics .json) files; trains nothing
  retrain drift     [--spec FILE] [--param NAME=VALUE]... [--json]
                    the data against the champion's profile: PSI, KS, chi-square per feature
  retrain train     TRAINER        a built-in trainer, as a step runs it (uses: builtin/TRAINER)
  retrain evaluate  [--data NAME]  score a built-in model: node "$RETRAIN_CLI" evaluate in a spec

Options (each command takes only its own; retrain COMMAND --help lists them):
  --spec FILE        the retraining spec (default ${DEFAULT_SPEC})
  --model NAME       the model, for registry commands without a spec
  --registry DIR     the registry directory (default ${DEFAULT_REGISTRY}, or $RETRAIN_REGISTRY)
  --github OWNER/REPO
                     status, fetch: read the GitHub registry of this repository, not a directory (a token in
                     GITHUB_TOKEN or GH_TOKEN; GITHUB_API_URL for GitHub Enterprise Server)
  --registry-branch BRANCH
                     with --github, the branch that holds the registry (default retrain-registry)
  --param NAME=VALUE override a spec param (repeatable); validated against the spec
  --out DIR          where result.json, report.md, the bundle and logs go (default ${DEFAULT_RUNS}/<model>/<time>);
                     fetch: a new or empty directory for the model's files (default ./<model>-v<N>)
  --dry-run          decide and report, change nothing
  --json             print result.json (run), the registry state (status), the comparison (compare), drift, or the outcome (other commands) on stdout
  --actor NAME       who acts, recorded in the history (default $USER)
  --keep-work-dir    keep the run's scratch directory for debugging
  --all              status: every version and history entry (default: the newest 30, the champion and pending ones)
  --no-cache         run every step, even one whose outputs are in the run-cache (${DEFAULT_CACHE}, or $RETRAIN_CACHE)
  --data NAME        evaluate: the data input to score (default eval)
  --keep-rejected N  prune: keep the bundles of the newest N rejected or not-selected versions (default: the spec's retention)
  --keep-retired N   prune: keep the bundles of the newest N former champions (default: the spec's retention)
  -h, --help         this help;  -v, --version  the version (alone, before any command)

Exit codes: 0 decision reached or command done (drift: drifted or not), 2 bad spec or input, 3 step failed,
4 evaluation failed, 5 stale-baseline or conflict, 6 bundle integrity, 7 disk full, 130 cancelled,
1 internal.`;
var OPTION = {
  spec: { type: "string", arg: "FILE", describe: `the retraining spec (default ${DEFAULT_SPEC})` },
  model: { type: "string", arg: "NAME", describe: "the model, when there is no spec" },
  registry: { type: "string", arg: "DIR", describe: `the registry directory (default ${DEFAULT_REGISTRY}, or $RETRAIN_REGISTRY)` },
  github: {
    type: "string",
    arg: "OWNER/REPO",
    describe: "read the GitHub registry of this repository, not a directory (a token in GITHUB_TOKEN or GH_TOKEN; GITHUB_API_URL for GitHub Enterprise Server)"
  },
  "registry-branch": { type: "string", arg: "BRANCH", describe: "with --github, the branch that holds the registry (default retrain-registry)" },
  param: { type: "string", multiple: true, arg: "NAME=VALUE", describe: "override a spec param (repeatable); validated against the spec" },
  out: {
    type: "string",
    arg: "DIR",
    describe: `where result.json, report.md, the bundle and logs go (default ${DEFAULT_RUNS}/<model>/<time>)`,
    describeIn: { fetch: { arg: "DIR", describe: "where the model's files go: a new or empty directory (default ./<model>-v<N>)" } }
  },
  version: { type: "string", arg: "N", describe: "the version to fetch (default: the champion)" },
  "dry-run": {
    type: "boolean",
    describe: "decide and report, change nothing",
    describeIn: { prune: { arg: "", describe: "say what would be pruned and freed, change nothing" } }
  },
  json: { type: "boolean", describe: "print the outcome as JSON on stdout" },
  actor: { type: "string", arg: "NAME", describe: "who acts, recorded in the history (default $USER)" },
  candidate: {
    type: "string",
    arg: "N|FILE",
    describe: "the candidate: a version (promote) or a predictions file (compare)",
    describeIn: {
      promote: { arg: "N", describe: "the version to promote" },
      compare: { arg: "FILE", describe: "the candidate's predictions (or metrics .json) file" }
    }
  },
  "expect-champion": { type: "string", arg: "M|none", describe: "the champion the candidate was compared with: a version or none" },
  force: { type: "boolean", describe: "promote a candidate the rules rejected (needs --reason)" },
  reason: { type: "string", arg: "TEXT", describe: "why, recorded in the history" },
  to: { type: "string", arg: "VERSION", describe: "the earlier champion to restore (default: the previous one)" },
  "keep-work-dir": { type: "boolean", describe: "keep the run's scratch directory for debugging" },
  all: { type: "boolean", describe: "every version and history entry" },
  "no-cache": { type: "boolean", describe: `run every step, even one whose outputs are in the run-cache (${DEFAULT_CACHE}, or $RETRAIN_CACHE)` },
  baseline: { type: "string", arg: "FILE", describe: "the baseline predictions (or metrics .json) file" },
  data: { type: "string", arg: "NAME", describe: "the data input to score (default eval)" },
  challenger: { type: "string", arg: "NAME", describe: "train the spec's challenger NAME and store it for select, undecided" },
  plan: { type: "string", arg: "ID", describe: "the plan id (from retrain plan): refuse when the champion or evaluation data moved since" },
  "keep-rejected": {
    type: "string",
    arg: "N",
    describe: "keep the bundles of the newest N rejected or not-selected versions (overrides the spec's retention)"
  },
  "keep-retired": {
    type: "string",
    arg: "N",
    describe: "keep the bundles of the newest N former champions, the rollback targets (overrides the spec's retention)"
  },
  help: { type: "boolean", short: "h", describe: "this help" }
};
var WHO = ["actor", "reason"];
var REGISTRY = ["spec", "model", "registry"];
var COMMANDS = {
  run: {
    options: ["spec", "registry", "param", "out", "dry-run", "json", "actor", "keep-work-dir", "challenger", "plan", "no-cache"],
    positionals: [],
    meant: { params: "param", output: "out" }
  },
  validate: { options: ["spec"], positionals: [] },
  plan: { options: ["spec", "registry", "param", "json"], positionals: [] },
  select: { options: ["spec", "registry", "param", "plan", "dry-run", "json", ...WHO], positionals: [] },
  status: { options: [...REGISTRY, "github", "registry-branch", "json", "all"], positionals: [] },
  promote: {
    options: [...REGISTRY, "candidate", "expect-champion", "force", ...WHO],
    positionals: [],
    meant: { version: "candidate", expect: "expect-champion", champion: "expect-champion" }
  },
  approve: { options: [...REGISTRY, "force", ...WHO], positionals: ["VERSION"], meant: { version: "VERSION" } },
  reject: { options: [...REGISTRY, ...WHO], positionals: ["VERSION"], meant: { version: "VERSION" } },
  rollback: { options: [...REGISTRY, "to", ...WHO], positionals: [], meant: { version: "to" } },
  fetch: {
    options: [...REGISTRY, "github", "registry-branch", "version", "out", "json"],
    positionals: [],
    meant: { to: "out", dir: "out", into: "out", champion: "version" }
  },
  prune: { options: [...REGISTRY, "keep-rejected", "keep-retired", "dry-run", "json", ...WHO], positionals: [] },
  compare: { options: ["spec", "candidate", "baseline", "json"], positionals: [] },
  drift: { options: ["spec", "registry", "param", "json"], positionals: [], meant: { params: "param" } },
  train: { options: [], positionals: ["TRAINER"] },
  evaluate: { options: ["data"], positionals: [] }
};
function usageError(message, command) {
  return new InputError([{ message: `${message}
Run "retrain ${command ? `${command} ` : ""}--help" for usage.` }], "usage");
}
function commandUsage(name) {
  const shape = COMMANDS[name];
  const lines = [`Usage: retrain ${name}${shape.positionals.map((p) => ` ${p}`).join("")}${shape.options.length ? " [options]" : ""}`, ""];
  for (const option of [...shape.options, "help"]) {
    const o = { ...OPTION[option], ...OPTION[option].describeIn?.[name] };
    lines.push(`  ${`${o.short ? `-${o.short}, ` : ""}--${option}${o.type === "string" ? ` ${o.arg ?? "VALUE"}` : ""}`.padEnd(28)}${o.describe}`);
  }
  return lines.join("\n");
}
function parseCommand(name, args) {
  const shape = COMMANDS[name];
  const own = [...shape.options, "help"];
  const options = Object.fromEntries(
    own.map((o) => [o, { type: OPTION[o].type, ...OPTION[o].multiple && { multiple: true }, ...OPTION[o].short && { short: OPTION[o].short } }])
  );
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const code = String(err.code ?? "");
    const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(err.message);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
      const word = unknown[2];
      const meant = shape.meant?.[word] ?? closest(word, own);
      const elsewhere = Object.entries(COMMANDS).filter(([, c]) => c.options.includes(word)).map(([n]) => n);
      const hint = meant ? /^[A-Z]+$/.test(meant) ? ` (the ${meant.toLowerCase()} is an argument: retrain ${name} ${meant})` : `; did you mean --${meant}?` : elsewhere.length ? ` (--${word} is an option of retrain ${elsewhere.join(", ")})` : "";
      throw usageError(`retrain ${name} has no option ${unknown[1]}${word}${hint}`, name);
    }
    if (code.startsWith("ERR_PARSE_ARGS")) throw usageError(`retrain ${name}: ${err.message}`, name);
    throw err;
  }
  if (parsed.positionals.length > shape.positionals.length) {
    const extra = parsed.positionals.slice(shape.positionals.length).map((p) => preview(p)).join(" ");
    throw usageError(`retrain ${name} takes ${shape.positionals.length ? shape.positionals.join(" ") : "no arguments"}; unexpected ${extra}`, name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
function parseVersion(value, flag, command, allowNone = false) {
  if (value === void 0) throw usageError(`retrain ${command} needs ${flag}`, command);
  if (allowNone && value === "none") return null;
  const version = parseVersionText(value);
  if (version === null) throw usageError(`${flag} must be a version number${allowNone ? ' or "none"' : ""}, got ${preview(value)}`, command);
  return version;
}
var PATH_FLAGS = ["spec", "registry", "out", "baseline"];
function checkArguments(values, command) {
  const problems = [];
  if (values.model !== void 0) {
    const problem = modelNameProblem(values.model);
    if (problem) problems.push(`--model ${preview(values.model)} is not a model name: ${problem}`);
  }
  for (const flag of PATH_FLAGS) {
    const value = values[flag];
    const problem = value === void 0 ? null : pathProblem(value);
    if (problem) problems.push(`--${flag} ${problem}`);
  }
  if (command === "compare" && values.candidate !== void 0) {
    const problem = pathProblem(values.candidate);
    if (problem) problems.push(`--candidate ${problem}`);
  }
  if (values.registry === void 0 && process.env.RETRAIN_REGISTRY !== void 0) {
    const problem = pathProblem(process.env.RETRAIN_REGISTRY);
    if (problem) problems.push(`the environment variable RETRAIN_REGISTRY ${problem}`);
  }
  if (values.plan !== void 0 && !/^[0-9a-f]{16}$/.test(values.plan)) {
    problems.push(`--plan ${preview(values.plan)} is not a plan id: retrain plan prints it (16 hexadecimal digits)`);
  }
  if (command === "run" && values.plan !== void 0 && values.challenger === void 0) {
    problems.push("--plan goes with --challenger NAME: it names the plan the challenger belongs to");
  }
  if (values.data !== void 0 && !DATA_NAME.test(values.data)) {
    problems.push(`--data ${preview(values.data)} is not a data input name: it starts with a letter or '_' and holds only letters, digits, '_' or '-'`);
  }
  if (problems.length)
    throw new InputError(
      problems.map((message) => ({ message })),
      "usage"
    );
}
var DATA_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
async function loadSpec(file) {
  try {
    return await (await import("./load-N2SMMSO2.js")).loadSpec(file);
  } catch (err) {
    if (file === DEFAULT_SPEC && err instanceof InputError && err.problems.length === 1 && /no such file$/.test(err.problems[0].message)) {
      throw new InputError([{ ...err.problems[0], message: `${err.problems[0].message} (the default spec; name another with --spec FILE)` }]);
    }
    throw err;
  }
}
async function registryOf(values) {
  if (values.github !== void 0) {
    if (values.registry !== void 0) throw usageError("--github and --registry name two registries: give one");
    const { githubRegistry } = await import("./github-registry-4IFI66ZU.js");
    return githubRegistry(values.github, values["registry-branch"], process.env, (message) => process.stderr.write(errorLine(message))).registry;
  }
  if (values["registry-branch"] !== void 0) throw usageError("--registry-branch goes with --github OWNER/REPO");
  const { DirectoryRegistry } = await import("./directory-registry-H42UMIOR.js");
  return new DirectoryRegistry(
    path3.resolve(values.registry ?? process.env.RETRAIN_REGISTRY ?? DEFAULT_REGISTRY),
    void 0,
    (message) => process.stderr.write(errorLine(message))
  );
}
async function modelOf(values) {
  if (values.model) return { model: values.model, spec: null };
  const spec = await loadSpec(values.spec ?? DEFAULT_SPEC);
  return { model: spec.model, spec };
}
async function stepCacheOf(spec, reporter) {
  const bound = process.env.RETRAIN_CACHE_MAX_MB;
  if (!spec.steps.some((s) => s.cache) && (bound === void 0 || bound === "")) return void 0;
  const { DirectoryStepCache, cacheMaxBytes } = await import("./directory-cache-UNLBDBMW.js");
  const maxBytes = cacheMaxBytes(bound);
  if (!spec.steps.some((s) => s.cache)) return void 0;
  return new DirectoryStepCache(path3.resolve(process.env.RETRAIN_CACHE || DEFAULT_CACHE), {
    ...maxBytes !== void 0 && { maxBytes },
    warn: (message) => reporter.warn(message)
  });
}
function timestamp(d) {
  return d.toISOString().replace(/[:.]/g, "-");
}
async function commandOf(name, values, positionals, signal) {
  const who = { actor: values.actor ?? process.env.USER ?? "local", reason: values.reason, force: values.force };
  switch (name) {
    case "run": {
      const spec2 = await loadSpec(values.spec ?? DEFAULT_SPEC);
      const params = resolveParams(spec2, parseParamAssignments(values.param ?? []), "--param");
      const { heartbeatMs, stageHook } = await import("./knobs-FA5XSPSN.js");
      if (values.out !== void 0) checkOutDir(values.out);
      const settings = {
        spec: spec2,
        params,
        outputDir: path3.resolve(values.out ?? path3.join(DEFAULT_RUNS, spec2.model, timestamp(/* @__PURE__ */ new Date()))),
        baseEnv: inheritableEnv(process.env),
        actor: who.actor,
        gitCommit: await gitHead(spec2.root),
        toolVersion: TOOL_VERSION,
        cli: { node: process.execPath, script: fileURLToPath(import.meta.url) },
        dryRun: values["dry-run"],
        ...values.challenger !== void 0 && { challenger: { name: values.challenger, ...values.plan !== void 0 && { expectPlan: values.plan } } },
        signal,
        atStage: stageHook(process.env.RETRAIN_TEST_FAILPOINT, signal),
        heartbeatMs: heartbeatMs(process.env.RETRAIN_HEARTBEAT_SECONDS),
        keepWorkDir: values["keep-work-dir"]
      };
      return { command: { kind: "run", settings }, spec: spec2 };
    }
    case "validate": {
      const spec2 = await loadSpec(values.spec ?? DEFAULT_SPEC);
      return { command: { kind: "validate", spec: spec2 }, spec: spec2 };
    }
    case "drift": {
      const spec2 = await loadSpec(values.spec ?? DEFAULT_SPEC);
      const params = resolveParams(spec2, parseParamAssignments(values.param ?? []), "--param");
      return { command: { kind: "drift", spec: spec2, params }, spec: spec2 };
    }
    case "plan":
    case "select": {
      const spec2 = await loadSpec(values.spec ?? DEFAULT_SPEC);
      const params = resolveParams(spec2, parseParamAssignments(values.param ?? []), "--param");
      if (name === "plan") return { command: { kind: "plan", spec: spec2, params }, spec: spec2 };
      return {
        command: { kind: "select", spec: spec2, params, ...values.plan !== void 0 && { plan: values.plan }, who, ...values["dry-run"] && { dryRun: true } },
        spec: spec2
      };
    }
    case "compare": {
      if (values.candidate === void 0 || values.baseline === void 0) throw usageError("retrain compare needs --candidate FILE and --baseline FILE", name);
      const spec2 = await loadSpec(values.spec ?? DEFAULT_SPEC);
      return { command: { kind: "compare", spec: spec2, candidateFile: values.candidate, baselineFile: values.baseline }, spec: spec2 };
    }
  }
  const { model, spec } = await modelOf(values);
  switch (name) {
    case "status":
      return { command: { kind: "status", model }, spec };
    case "promote": {
      const candidate = parseVersion(values.candidate, "--candidate", name);
      const expectChampion = parseVersion(values["expect-champion"], "--expect-champion", name, true);
      return { command: { kind: "promote", model, candidate, expectChampion, who }, spec };
    }
    case "approve":
      return { command: { kind: "approve", model, version: parseVersion(positionals[0], "VERSION", name), who }, spec };
    case "reject":
      return { command: { kind: "reject", model, version: parseVersion(positionals[0], "VERSION", name), who }, spec };
    case "rollback":
      return { command: { kind: "rollback", model, ...values.to !== void 0 && { to: parseVersion(values.to, "--to", name) }, who }, spec };
    case "fetch": {
      const version = values.version === void 0 ? void 0 : parseVersion(values.version, "--version", name);
      return { command: { kind: "fetch", model, ...version !== void 0 && { version }, dest: values.out ?? `${model}-v{version}` }, spec };
    }
    case "prune": {
      const { parseKeepCount, pruneHook } = await import("./prune-command-3QLL37KV.js");
      const keep = (flag) => values[flag] === void 0 ? void 0 : parseKeepCount(values[flag], `--${flag}`);
      const [keepRejected, keepRetired] = [keep("keep-rejected"), keep("keep-retired")];
      const atStage = pruneHook(process.env.RETRAIN_TEST_FAILPOINT);
      return {
        command: {
          kind: "prune",
          model,
          spec,
          overrides: { ...keepRejected !== void 0 && { keepRejected }, ...keepRetired !== void 0 && { keepRetired } },
          ...values["dry-run"] && { dryRun: true },
          who,
          noPolicy: `${spec ? `the spec ${path3.relative(process.cwd(), spec.file) || spec.file} has no retention: section` : "no spec was read (--model)"}; set retention: keep-rejected / keep-retired in the spec, or pass --keep-rejected N and/or --keep-retired N`,
          ...atStage && { atStage }
        },
        spec
      };
    }
  }
  throw usageError(`unknown command "${name}"`);
}
async function unfinishedFollowUps(decided, report) {
  const { unfinished } = await import("./execute-IOBNCD6J.js");
  const left = unfinished(report);
  if (left.length === 0) return ExitCode.ok;
  process.stderr.write(
    `error: ${decided}, but ${left.join(", ")} did not complete; it stays pending in the registry and the next command that changes it completes it
`
  );
  return ExitCode.conflict;
}
async function render(outcome, command, values, spec, reporter) {
  const out = (text) => process.stdout.write(`${text}
`);
  switch (outcome.kind) {
    case "run": {
      const { result } = outcome.run;
      if (values.json) out(JSON.stringify(result, null, 2));
      const outputDir = command.kind === "run" ? command.settings.outputDir : ".";
      reporter.info(
        `Result: ${result.decision}${result.error ? ` (${result.error.reason})` : ""}${result.wouldBe ? ` (dry run: nothing changed; would be ${result.wouldBe})` : ""}. Outputs in ${path3.relative(process.cwd(), outputDir) || outputDir}`
      );
      if (result.error) process.stderr.write(errorLine(`error: ${result.error.reason}: ${result.error.message}`));
      if (outcome.run.exitCode === ExitCode.ok && result.candidate.version !== null)
        return await unfinishedFollowUps(`${result.model} version ${result.candidate.version} is ${result.decision}`, outcome.run.followUps);
      return outcome.run.exitCode;
    }
    case "validated": {
      const s = outcome.spec;
      out(
        `${path3.relative(process.cwd(), s.file) || s.file}: valid (model ${s.model}, ${count(s.steps.length, "step")}, ${count(s.metrics.length, "metric")}, ${count(outcome.rules, "rule")}, mode ${s.promotion.mode})`
      );
      return ExitCode.ok;
    }
    case "status": {
      const { renderStatus } = await import("./registry-commands-3775VKL4.js");
      const limit = values.all ? Infinity : void 0;
      out(values.json ? JSON.stringify(outcome.snapshot, null, 2) : renderStatus(outcome.snapshot, spec?.metrics.map((m) => m.name) ?? [], { limit }));
      if (outcome.snapshot.versions.length === 0 && values.github !== void 0)
        process.stderr.write(
          `note: ${outcome.snapshot.model} has no versions on branch ${values["registry-branch"] ?? "retrain-registry"} of ${values.github}; check --github, --registry-branch and the spec's model
`
        );
      else if (outcome.snapshot.versions.length === 0)
        process.stderr.write(
          `note: ${emptyRegistryNote(outcome.snapshot.model, path3.resolve(values.registry ?? process.env.RETRAIN_REGISTRY ?? DEFAULT_REGISTRY))}
`
        );
      return ExitCode.ok;
    }
    case "compared": {
      const { renderComparison } = await import("./compare-command-CUJ557WF.js");
      out(values.json ? JSON.stringify(outcome.comparison, null, 2) : renderComparison(outcome.comparison));
      return ExitCode.ok;
    }
    case "drift": {
      const [{ driftTable }, { table }] = await Promise.all([import("./drift-DULJD2C2.js"), import("./report-UUT2RMWK.js")]);
      out(values.json ? JSON.stringify(outcome.report, null, 2) : driftTable(outcome.report, table));
      return ExitCode.ok;
    }
    case "promoted":
      out(
        outcome.already ? `${outcome.model} version ${outcome.version} is already the champion: nothing changed, nothing needed doing` : outcome.how === "rolled-back" ? `Rolled back ${outcome.model}: version ${outcome.version} is the champion` : `${outcome.how === "approved" ? "Approved and promoted" : "Promoted"} ${outcome.model} version ${outcome.version}`
      );
      return await unfinishedFollowUps(`${outcome.model} version ${outcome.version} is the champion`, outcome.followUps);
    case "rejected":
      out(`Rejected ${outcome.model} version ${outcome.version}`);
      return await unfinishedFollowUps(`${outcome.model} version ${outcome.version} is rejected`, outcome.followUps);
    case "planned": {
      const { planMatrix, renderPlan } = await import("./challenger-plan-GRXSZGJP.js");
      out(values.json ? JSON.stringify(planMatrix(outcome.plan)) : renderPlan(outcome.plan));
      return ExitCode.ok;
    }
    case "selected": {
      if (values.json) {
        const { selectionJson } = await import("./challenger-select-OF5OKWWG.js");
        out(JSON.stringify(selectionJson(outcome.selection), null, 2));
      }
      const w = outcome.selection.selection.winner;
      reporter.info(
        outcome.selection.decision === "skipped" ? `Dry run, nothing changed: ${w ? `would select ${w.name} (version ${w.version})` : "would select nothing"} from plan ${outcome.selection.selection.plan}` : outcome.selection.decision === "none" ? `Selected nothing from plan ${outcome.selection.selection.plan}` : `Selected ${w?.name} (version ${w?.version}): ${outcome.selection.decision}`
      );
      const decision = outcome.selection.decision;
      return await unfinishedFollowUps(
        w ? `${w.name} (version ${w.version}) is ${decision}` : `the selection of plan ${outcome.selection.selection.plan} is ${decision}`,
        outcome.followUps
      );
    }
    case "fetched": {
      const { renderFetch } = await import("./fetch-command-ZZXLALH3.js");
      out(values.json ? JSON.stringify(outcome.fetched, null, 2) : renderFetch(outcome.fetched, path3.relative(process.cwd(), outcome.fetched.dir) || "."));
      return ExitCode.ok;
    }
    case "pruned": {
      const { renderPrune } = await import("./prune-command-3QLL37KV.js");
      out(values.json ? JSON.stringify(outcome.report, null, 2) : renderPrune(outcome.report));
      return await unfinishedFollowUps(`the prune of ${outcome.report.model} is recorded`, outcome.followUps);
    }
    case "settled":
    case "redeployed": {
      const { unfinished } = await import("./execute-IOBNCD6J.js");
      return unfinished(outcome.followUps).length ? ExitCode.conflict : ExitCode.ok;
    }
  }
}
async function main(argv) {
  const [name, ...args] = argv;
  if (name === "--version" || name === "-v") {
    if (args.length) throw usageError(`--version takes nothing after it`);
    process.stdout.write(`${TOOL_VERSION}
`);
    return ExitCode.ok;
  }
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${USAGE}
`);
    return name === void 0 ? ExitCode.badInput : ExitCode.ok;
  }
  if (!(name in COMMANDS)) {
    const meant = closest(name, Object.keys(COMMANDS));
    throw usageError(`unknown command "${name}"${meant ? `; did you mean "${meant}"?` : ""}`);
  }
  const { values, positionals } = parseCommand(name, args);
  if (values.help) {
    process.stdout.write(`${commandUsage(name)}
`);
    return ExitCode.ok;
  }
  checkArguments(values, name);
  checkThreadKnobs(process.env);
  if (name === "train") {
    if (positionals[0] === void 0) throw usageError("retrain train needs the trainer, such as: retrain train online-gradient-descent", name);
    return await (await import("./commands-SXLMQRWE.js")).trainCommand(positionals[0]);
  }
  if (name === "evaluate") return await (await import("./commands-SXLMQRWE.js")).evaluateCommand(values.data ?? "eval");
  const reporter = new ConsoleReporter(process.stdout, process.stderr, !values.json);
  const controller = new AbortController();
  const onSignal = (signal) => {
    if (controller.signal.aborted) {
      process.stderr.write(`${signal} received again: killing the running step and exiting
`);
      process.exit(ExitCode.cancelled);
    }
    reporter.warn(
      name === "run" ? `${signal} received: stopping the running step` : `${signal} received: finishing what is under way; send it again to stop at once`
    );
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const { command, spec } = await commandOf(name, values, positionals, controller.signal);
    const registry = command.kind === "validate" || command.kind === "compare" ? null : await registryOf(values);
    const { execute } = await import("./execute-IOBNCD6J.js");
    const stepCache = command.kind === "run" && !values["no-cache"] ? await stepCacheOf(command.settings.spec, reporter) : void 0;
    const outcome = await execute(command, { registry, reporter, gate: new FileGate(values.spec ?? ""), ...stepCache && { stepCache } });
    return await render(outcome, command, values, spec, reporter);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
async function runCli(argv) {
  dropOutputOnClosedPipe(process.stdout);
  dropOutputOnClosedPipe(process.stderr);
  try {
    return await main(argv);
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(errorLine(`error: ${formatProblem(p)}`));
      if (err.reason === "rejected-candidate") process.stderr.write('To promote it anyway, pass --force and --reason "why"; the reason is recorded.\n');
      return err.exitCode;
    }
    if (err instanceof RetrainError) {
      process.stderr.write(errorLine(`error: ${err.exitCode === ExitCode.conflict ? `${err.reason}: ` : ""}${err.message}`));
      if (err.exitCode === ExitCode.integrity) process.stderr.write(`${err.reason === MODEL_NOT_PACKABLE ? MODEL_NOT_PACKABLE_HINT : INTEGRITY_HINT}
`);
      return err.exitCode;
    }
    if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${errorLine(`error: ${err.message}`)}Run "retrain --help" for usage.
`);
      return ExitCode.badInput;
    }
    process.stderr.write(errorLine(`error: ${err instanceof Error ? (process.env.RETRAIN_DEBUG ? err.stack : err.message) ?? "" : String(err)}`));
    return ExitCode.internal;
  }
}
export {
  DEFAULT_CACHE,
  DEFAULT_REGISTRY,
  DEFAULT_RUNS,
  DEFAULT_SPEC,
  main,
  runCli
};
