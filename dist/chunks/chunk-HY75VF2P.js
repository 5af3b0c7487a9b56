import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  sha256File
} from "./chunk-EXJF7ZSL.js";
import {
  describeEscape,
  evaluateExpression,
  pathEscapeProblem,
  referencedParams,
  scanTemplate,
  skeletonOf
} from "./chunk-UNSU6IJ5.js";
import {
  dataEnvName
} from "./chunk-2RZSXHJU.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";

// src/engine/fingerprint.ts
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
var GLOB_CHARACTERS = /[*?[\]{}()!+@\\]/;
var globs;
function isDynamic(pattern) {
  if (!GLOB_CHARACTERS.test(pattern)) return false;
  if (globs === void 0) throw new Error(`internal error: the glob library is not loaded for ${JSON.stringify(pattern)}`);
  return globs.isDynamicPattern(pattern);
}
async function expand(root, pattern, literal = !isDynamic(pattern)) {
  if (literal) {
    const file = path.resolve(root, pattern);
    const info = await stat(file).catch(() => null);
    return info?.isFile() ? [file] : [];
  }
  const matches = await globs.glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: false });
  return matches.sort();
}
function sourceOf(expression) {
  const names = referencedParams(expression);
  const plain = /^params\s*\.\s*([A-Za-z_][\w-]*)$/.exec(expression)?.[1];
  if (plain !== void 0 && names.length === 1) return `params.${plain}`;
  return `\${{ ${expression} }}${names.length ? ` (from ${names.map((n) => `params.${n}`).join(", ")})` : ""}`;
}
function evaluateDataPath(text, contexts, refuse, where) {
  const { spans } = scanTemplate(text);
  if (spans.length === 0) return { pattern: text };
  const isGlob = isDynamic(skeletonOf(text, spans));
  let pattern = "";
  let refused = false;
  const sources = [];
  let from = 0;
  for (const span of spans) {
    const value = evaluateExpression(span.expression, contexts, where);
    const source = sourceOf(span.expression);
    sources.push(source);
    const problem2 = pathEscapeProblem(value);
    if (problem2) {
      refuse(source, value, problem2);
      refused = true;
    }
    pattern += text.slice(from, span.start) + (isGlob ? globs.escapePath(value) : value);
    from = span.end;
  }
  pattern += text.slice(from);
  if (refused) return null;
  const problem = pathEscapeProblem(pattern);
  if (problem) {
    refuse(`the path from ${sources.join(" and ")}`, pattern, problem);
    return null;
  }
  return { pattern, literal: !isGlob, written: text };
}
async function fingerprintData(root, inputs, contexts = {}) {
  if (Object.values(inputs).some((input) => input.paths.some((text) => GLOB_CHARACTERS.test(text)))) globs ??= await import("./dist-ER2JIHUR.js");
  const refused = [];
  const evaluated = Object.entries(inputs).map(([name, input]) => {
    const paths = input.paths.map((text, i) => {
      const where = input.locations?.[i];
      const refuse = (source, value, problem) => refused.push({ ...where, message: describeEscape(name, source, value, problem, root) });
      return evaluateDataPath(text, contexts, refuse, where);
    });
    return [name, paths.filter((p) => p !== null)];
  });
  if (refused.length > 0) throw new InputError(refused, "data-outside-root");
  const problems = [];
  const resolved = {};
  for (const [name, paths] of evaluated) {
    const found = /* @__PURE__ */ new Set();
    for (const { pattern, literal, written } of paths) {
      const matches = await expand(root, pattern, literal);
      if (matches.length === 0) {
        const from = written === void 0 ? "" : ` (from ${JSON.stringify(written)})`;
        problems.push({ message: `data input "${name}": "${pattern}"${from} matches no file under ${root}` });
      }
      for (const m of matches) found.add(m);
    }
    const absolutePaths = [...found].sort();
    const broken = absolutePaths.filter((file) => /[\r\n]/.test(file));
    if (broken.length > 0) {
      throw new InputError(
        broken.map((file) => ({
          message: `data input "${name}": the file ${JSON.stringify(path.relative(root, file))} has a line break in its name, which $${dataEnvName(name)} (one path a line) cannot carry; rename the file`
        })),
        "data-file-name"
      );
    }
    const files = [];
    for (const file of absolutePaths) {
      const [sha256, info] = await Promise.all([sha256File(file), stat(file)]);
      files.push({ path: path.relative(root, file).split(path.sep).join("/"), sha256, size: info.size });
    }
    const hash = createHash("sha256");
    for (const f of files) hash.update(`${f.path}\0${f.sha256}
`);
    resolved[name] = { name, absolutePaths, files, fingerprint: hash.digest("hex") };
  }
  if (problems.length > 0) throw new InputError(problems, "missing-data");
  return resolved;
}
function findLeaks(evaluation, training) {
  const trainingByHash = /* @__PURE__ */ new Map();
  for (const [name, input] of Object.entries(training)) {
    trainingByHash.set(input.fingerprint, name);
    for (const f of input.files) if (f.size > 0) trainingByHash.set(f.sha256, name);
  }
  const leaks = [];
  for (const [name, input] of Object.entries(evaluation)) {
    const whole = trainingByHash.get(input.fingerprint);
    if (whole !== void 0) leaks.push({ evaluationInput: name, trainingInput: whole, file: "(the whole input)" });
    for (const f of input.files) {
      const hit = f.size > 0 ? trainingByHash.get(f.sha256) : void 0;
      if (hit !== void 0 && whole === void 0) leaks.push({ evaluationInput: name, trainingInput: hit, file: f.path });
    }
  }
  return leaks;
}

export {
  fingerprintData,
  findLeaks
};
