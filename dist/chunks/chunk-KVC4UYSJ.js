import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/spec/names.ts
import path from "node:path";

// schemas/retrain-spec.schema.json
var retrain_spec_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "retraining spec",
  description: "How to retrain, evaluate and promote one model. Kept in the repository, by default at .github/retrain.yml.",
  type: "object",
  additionalProperties: false,
  required: ["model", "steps", "evaluate", "metrics", "promotion"],
  properties: {
    model: {
      description: "The model's name. Versions, the champion pointer, history and artifact names are keyed by it.",
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
      patternErrorMessage: "a model name starts with a letter or digit and holds at most 64 letters, digits, '.', '_' or '-'"
    },
    description: {
      description: "What this model is for; shown in reports.",
      type: "string"
    },
    root: {
      description: "Directory that relative paths (data, lockfiles, working-directory) resolve against, itself relative to the spec file's directory. Default: the current directory (the workflow's workspace).",
      type: "string",
      minLength: 1
    },
    params: {
      description: "Typed run parameters. workflow_dispatch inputs or `--param name=value` override their defaults; a param without a default must be given at run time. Steps read them as ${{ params.name }} or from RETRAIN_PARAM_<NAME>.",
      type: "object",
      propertyNames: {
        pattern: "^[A-Za-z_][A-Za-z0-9_-]*$",
        patternErrorMessage: "a param name starts with a letter or '_' and holds only letters, digits, '_' or '-'"
      },
      additionalProperties: { $ref: "#/$defs/param" }
    },
    data: {
      description: "Named data inputs: a path or glob, or an object with one or more paths. Paths may hold ${{ }} expressions on params and github (data/batches/${{ params.batch }}.csv), evaluated before the data is fingerprinted; a value must keep the path under root. Fingerprinted by content and recorded in lineage.",
      type: "object",
      propertyNames: {
        pattern: "^[A-Za-z_][A-Za-z0-9_-]*$",
        patternErrorMessage: "a data input name starts with a letter or '_' and holds only letters, digits, '_' or '-'"
      },
      additionalProperties: { $ref: "#/$defs/dataInput" }
    },
    env: {
      description: "Environment variables set for every step and for evaluate. Values may hold ${{ }} expressions, evaluated as data (never as shell text).",
      $ref: "#/$defs/env"
    },
    "warm-start": {
      description: "required: fail when training cannot start from the champion (its bundle holds no model the training can continue, or an incompatible one); fallback: train from scratch then, and record it. A first model (no champion yet) is trained from scratch either way, and first-model decides.",
      enum: ["required", "fallback"],
      default: "fallback"
    },
    lockfiles: {
      description: "Lockfiles whose digests are recorded in the bundle's environment lineage.",
      type: "array",
      items: { type: "string", minLength: 1, description: "A path relative to root." }
    },
    steps: {
      description: "Preprocessing and training commands, run in order. The last one must leave the candidate in $RETRAIN_MODEL_DIR.",
      type: "array",
      minItems: 1,
      items: { $ref: "#/$defs/step" }
    },
    evaluate: { $ref: "#/$defs/evaluate" },
    metrics: {
      description: "The metrics the evaluate command reports, each with its goal and the rules a candidate must pass. At least one rule (a bound or a change rule) is needed overall.",
      type: "object",
      minProperties: 1,
      propertyNames: {
        pattern: "^[A-Za-z_][A-Za-z0-9_.-]*$",
        patternErrorMessage: "a metric name starts with a letter or '_' and holds only letters, digits, '_', '.' or '-'"
      },
      additionalProperties: { $ref: "#/$defs/metric" }
    },
    checks: {
      description: "Checks on the new data, by data input, run before any step: a failing check stops the run (exit 2) before anything runs or changes, with a table naming the input, column, check, expected and found. CSV files with a header row.",
      type: "object",
      propertyNames: {
        pattern: "^[A-Za-z_][A-Za-z0-9_-]*$",
        patternErrorMessage: "a data input name starts with a letter or '_' and holds only letters, digits, '_' or '-'"
      },
      additionalProperties: { $ref: "#/$defs/dataCheck" }
    },
    drift: {
      description: "How `retrain drift` compares the current data with the profile in the champion's bundle (docs/drift.md): per feature, PSI for every feature, Kolmogorov-Smirnov for numbers, chi-square for categories. A feature drifted when its PSI is above psi or a p-value is below ks-p or chi2-p. Default: every data input that is not evaluation data, psi 0.2, ks-p 0.01, chi2-p 0.01.",
      $ref: "#/$defs/driftPolicy"
    },
    "retrain-when": {
      description: "When a run retrains at all. With drift, `retrain run` first compares the data with the champion's profile and, when no feature drifted, skips the whole run: exit 0, decision skipped with the reason and the drift table, no step runs, nothing changes. Without a champion (or one whose bundle has no profile) the run goes ahead.",
      type: "object",
      additionalProperties: false,
      required: ["drift"],
      properties: {
        drift: {
          description: "Retrain only when some feature of these inputs drifted; thresholds not given here come from the spec's drift block, then the defaults.",
          $ref: "#/$defs/driftPolicy"
        }
      }
    },
    challengers: {
      description: "Named challengers trained side by side (retrain plan, run --challenger NAME, select): each overrides some declared params. A param given as a list makes a grid: one challenger per combination, named after the values (grid-epochs-20-l2-0.001).",
      type: "object",
      minProperties: 1,
      maxProperties: 64,
      propertyNames: {
        pattern: "^[a-z0-9][a-z0-9-]{0,39}$",
        patternErrorMessage: "a challenger name is 1 to 40 lower-case letters, digits or '-', starting with a letter or digit (it names artifacts and tags)"
      },
      additionalProperties: { $ref: "#/$defs/challenger" }
    },
    promotion: { $ref: "#/$defs/promotion" },
    retention: { $ref: "#/$defs/retention" }
  },
  $defs: {
    driftPolicy: {
      description: "Which inputs drift compares and its thresholds.",
      type: "object",
      additionalProperties: false,
      properties: {
        inputs: {
          description: "The data inputs to compare. Default: every input that is not evaluation data.",
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }
        },
        psi: { description: "A feature drifted when its population stability index is above this (default 0.2).", type: "number", minimum: 0 },
        "ks-p": {
          description: "A number feature drifted when its Kolmogorov-Smirnov p-value is below this (default 0.01; 0 turns the test off).",
          type: "number",
          minimum: 0,
          maximum: 1
        },
        "chi2-p": {
          description: "A category feature drifted when its chi-square p-value is below this (default 0.01; 0 turns the test off).",
          type: "number",
          minimum: 0,
          maximum: 1
        }
      }
    },
    challenger: {
      description: "Param values this challenger trains with, by param name; a list of values makes a grid (every combination).",
      type: "object",
      minProperties: 1,
      additionalProperties: {
        oneOf: [
          { $ref: "#/$defs/scalar" },
          { type: "array", minItems: 1, items: { $ref: "#/$defs/scalar" } }
        ]
      }
    },
    dataCheck: {
      description: "Checks on one data input (all its files together).",
      type: "object",
      additionalProperties: false,
      properties: {
        "min-rows": {
          description: "The fewest data rows (header excluded) the input may hold.",
          type: "integer",
          minimum: 0
        },
        columns: {
          description: "Columns that must be present, with checks on their values.",
          type: "object",
          additionalProperties: { $ref: "#/$defs/columnCheck" }
        },
        "unexpected-columns": {
          description: "What to do with a column not listed under columns: error (fail the check) or warn. Default: allowed.",
          enum: ["error", "warn"]
        }
      }
    },
    columnCheck: {
      description: "Checks on one column. Empty, NA, NaN and null cells are missing.",
      type: "object",
      additionalProperties: false,
      properties: {
        type: {
          description: "number: every present cell is a finite number; category: any text.",
          enum: ["number", "category"]
        },
        "max-missing": {
          description: "The largest share of missing cells allowed, from 0 to 1.",
          type: "number",
          minimum: 0,
          maximum: 1
        },
        min: { description: "The smallest value allowed (numbers).", type: "number" },
        max: { description: "The largest value allowed (numbers).", type: "number" },
        "max-mean-shift": {
          description: "Compared with the champion's profile (numbers): the column's mean may move by at most this many of the champion's standard deviations. Not checked without a champion or when its bundle has no profile.",
          type: "number",
          exclusiveMinimum: 0
        },
        values: {
          description: "The only values allowed (categories).",
          type: "array",
          minItems: 1,
          items: { type: ["string", "number", "boolean"] }
        }
      }
    },
    scalar: {
      type: ["string", "number", "boolean"]
    },
    env: {
      type: "object",
      propertyNames: {
        pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
        patternErrorMessage: "an environment variable name starts with a letter or '_' and holds only letters, digits or '_'"
      },
      additionalProperties: {
        description: "The variable's value; numbers and booleans are kept as written. May hold ${{ }} expressions.",
        $ref: "#/$defs/scalar"
      }
    },
    shell: {
      description: 'bash (default), sh, python, node, pwsh, or a command template holding {0} for the script file, such as "perl {0}". Only bash and sh (or a template starting with them) may hold ${{ }} expressions in run.',
      anyOf: [
        { title: "one of bash, sh, python, node, pwsh", enum: ["bash", "sh", "python", "node", "pwsh"] },
        { title: "a command template containing {0}", type: "string", pattern: "\\{0\\}" }
      ]
    },
    workingDirectory: {
      description: "Directory the command runs in, relative to root. May hold ${{ }} expressions.",
      type: "string",
      minLength: 1
    },
    timeoutMinutes: {
      description: "The command is stopped and fails after this many minutes.",
      type: "number",
      exclusiveMinimum: 0
    },
    param: {
      description: "A typed run parameter.",
      type: "object",
      additionalProperties: false,
      required: ["type"],
      properties: {
        type: {
          description: "The value's type; values given as text (--param, dispatch inputs) are converted to it.",
          enum: ["string", "number", "integer", "boolean"]
        },
        default: {
          description: "Value used when none is given at run time. Without a default the param is required.",
          $ref: "#/$defs/scalar"
        },
        description: {
          description: "What the param controls; shown in errors and reports.",
          type: "string"
        },
        enum: {
          description: "The only values allowed.",
          type: "array",
          minItems: 1,
          items: { $ref: "#/$defs/scalar" }
        },
        minimum: {
          description: "Smallest allowed value (number and integer params).",
          type: "number"
        },
        maximum: {
          description: "Largest allowed value (number and integer params).",
          type: "number"
        }
      }
    },
    paths: {
      anyOf: [
        { title: "a path or glob", type: "string", minLength: 1 },
        {
          title: "a list of paths or globs",
          type: "array",
          minItems: 1,
          items: { type: "string", minLength: 1 }
        }
      ]
    },
    dataInput: {
      description: "A data input: a path or glob relative to root, or an object with `path` (one or a list) and a description. Paths may hold ${{ }} expressions on params and github.",
      anyOf: [
        { title: "a path or glob", type: "string", minLength: 1 },
        {
          title: "a mapping with path",
          type: "object",
          additionalProperties: false,
          required: ["path"],
          properties: {
            path: {
              description: "A path or glob, or a list of them, relative to root; may hold ${{ }} expressions on params and github.",
              $ref: "#/$defs/paths"
            },
            description: {
              description: "What this data is.",
              type: "string"
            }
          }
        }
      ]
    },
    step: {
      description: "One command: `run` (a script for the shell) or `uses` (a built-in trainer).",
      type: "object",
      additionalProperties: false,
      oneOf: [
        { title: "run", required: ["run"] },
        { title: "uses", required: ["uses"] }
      ],
      dependentRequired: { with: ["uses"] },
      properties: {
        name: {
          description: "Shown in logs and reports.",
          type: "string",
          minLength: 1
        },
        id: {
          description: "Stable identifier, unique among the steps. Default: the name as a slug, else step-N.",
          type: "string",
          pattern: "^[A-Za-z_][A-Za-z0-9_-]*$",
          patternErrorMessage: "a step id starts with a letter or '_' and holds only letters, digits, '_' or '-'"
        },
        run: {
          description: "The script. ${{ }} expressions are passed to it through environment variables, never pasted into the script text.",
          type: "string",
          minLength: 1
        },
        uses: {
          description: "A built-in trainer: builtin/online-gradient-descent, builtin/sgd-logistic, builtin/averaged-perceptron, builtin/linear-svm, builtin/lbfgs-logistic, builtin/lbfgs-maximum-entropy or builtin/lbfgs-poisson.",
          type: "string",
          pattern: "^builtin/[a-z0-9-]+$",
          patternErrorMessage: "uses names a built-in trainer, such as builtin/online-gradient-descent"
        },
        with: {
          description: "Options of the built-in trainer named by uses.",
          type: "object"
        },
        shell: { $ref: "#/$defs/shell" },
        env: {
          description: "Environment variables for this step, added to the spec's env. Values may hold ${{ }} expressions.",
          $ref: "#/$defs/env"
        },
        "working-directory": { $ref: "#/$defs/workingDirectory" },
        "timeout-minutes": { $ref: "#/$defs/timeoutMinutes" },
        cache: { $ref: "#/$defs/stepCache" }
      }
    },
    stepCache: {
      description: "The run-cache: when the step's command, params, spec env, the environment variables and the data and files named here, and the tool version are what they were on an earlier run, the step is skipped and its outputs are restored (locally from .retrain/cache, on GitHub from the Actions cache). See docs/cache.md.",
      type: "object",
      additionalProperties: false,
      required: ["outputs"],
      properties: {
        outputs: {
          description: "What the step writes: files or directories relative to root, or under $RETRAIN_WORK_DIR/ or $RETRAIN_MODEL_DIR/ (the variable alone means the whole directory). A hit restores exactly these. No '..', no absolute paths, no globs, nothing under .git or .retrain.",
          type: "array",
          minItems: 1,
          items: { type: "string", minLength: 1 }
        },
        data: {
          description: "Data inputs (names under data) the step reads: the content of their files is part of the key.",
          type: "array",
          items: { type: "string", minLength: 1 }
        },
        files: {
          description: "Other files the step depends on (its scripts, a lockfile), as paths or globs relative to root: their content is part of the key. Each must match a file.",
          type: "array",
          items: { type: "string", minLength: 1 }
        },
        env: {
          description: "Environment variables the step reads from the runner's environment (the spec's env and the step's env are always part of the key): their values are part of the key. Name RETRAIN_BASELINE_DIGEST when the step reads the champion.",
          type: "array",
          items: {
            type: "string",
            pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
            patternErrorMessage: "an environment variable name starts with a letter or '_' and holds only letters, digits or '_'"
          }
        },
        params: {
          description: "The params the step reads, whose values are part of the key. Default: every param, since every step sees them all.",
          type: "array",
          items: { type: "string", minLength: 1 }
        }
      }
    },
    predictions: {
      description: "Per-example predictions the evaluate command writes at $RETRAIN_PREDICTIONS_FILE for each model; metrics with `compute`, confidence rules and slice rules are computed from them.",
      type: "object",
      additionalProperties: false,
      properties: {
        format: { description: "File format of the predictions: CSV with a header row (default) or JSON Lines.", enum: ["csv", "jsonl"] },
        task: {
          description: "What the labels are: binary (0/1, or the two classes), multiclass, or regression (numbers). Needed by computed metrics.",
          enum: ["binary", "multiclass", "regression"]
        },
        id: { description: "Column holding the example id (default id). Both models' files must hold the same ids.", type: "string", minLength: 1 },
        label: { description: "Column holding the true label (default label).", type: "string", minLength: 1 },
        prediction: { description: "Column holding the predicted class or value (default prediction).", type: "string", minLength: 1 },
        score: { description: "Binary: column holding the positive class's score or probability (default score).", type: "string", minLength: 1 },
        "probability-prefix": {
          description: "Multiclass: class probabilities are in the columns named this prefix plus the class (default proba_, as proba_cat).",
          type: "string",
          minLength: 1
        },
        classes: {
          description: "Binary: [negative, positive] (default [0, 1]); multiclass: every class (default: from the probability columns).",
          type: "array",
          minItems: 2,
          items: { type: ["string", "number", "boolean"] }
        },
        group: {
          description: "Column holding the group (user, session) the bootstrap resamples.",
          type: "string",
          minLength: 1
        },
        slices: {
          description: "Columns whose values define slices.",
          type: "array",
          items: { type: "string", minLength: 1 }
        }
      }
    },
    evaluate: {
      description: "The command that evaluates a model; it runs for the candidate and for the champion with the same data.",
      type: "object",
      additionalProperties: false,
      required: ["run", "data"],
      properties: {
        run: {
          description: "The script. It reads the model under evaluation and writes metrics where the environment says.",
          type: "string",
          minLength: 1
        },
        data: {
          description: "The data input (or list of inputs) holding the evaluation data; each must be declared under data.",
          anyOf: [
            { title: "a data input name", type: "string", minLength: 1 },
            {
              title: "a list of data input names",
              type: "array",
              minItems: 1,
              items: { type: "string", minLength: 1 }
            }
          ]
        },
        shell: { $ref: "#/$defs/shell" },
        env: {
          description: "Environment variables for evaluate, added to the spec's env. Values may hold ${{ }} expressions.",
          $ref: "#/$defs/env"
        },
        "working-directory": { $ref: "#/$defs/workingDirectory" },
        "timeout-minutes": { $ref: "#/$defs/timeoutMinutes" },
        predictions: { $ref: "#/$defs/predictions" },
        bootstrap: {
          description: "The paired bootstrap behind confidence and slice rules: resamples examples (or groups, with a group column) jointly for both models.",
          type: "object",
          additionalProperties: false,
          properties: {
            resamples: { description: "Number of resamples (default 1000).", type: "integer", minimum: 100, maximum: 1e5 },
            seed: { description: "Seed of the resampling (default 0); part of the spec, so of its digest.", type: "integer", minimum: 0, maximum: 4294967295 },
            interval: { description: "bca (default): bias-corrected and accelerated; percentile: plain percentile bounds.", enum: ["bca", "percentile"] }
          }
        }
      }
    },
    changeRule: {
      description: "A rule on the improvement over the baseline; exactly one of margin or relative-margin.",
      type: "object",
      additionalProperties: false,
      oneOf: [
        { title: "margin", required: ["margin"] },
        { title: "relative-margin", required: ["relative-margin"] }
      ],
      properties: {
        margin: {
          description: "The improvement must exceed this (>= 0: must improve by more than it; < 0: may regress by at most its size).",
          type: "number"
        },
        "relative-margin": {
          description: "As margin, on the improvement divided by |baseline|.",
          type: "number"
        },
        confidence: {
          description: "The one-sided lower bound of the improvement at this confidence, under a paired bootstrap, must clear the margin (not the point estimate). Needs a metric with compute.",
          type: "number",
          exclusiveMinimum: 0.5,
          exclusiveMaximum: 1
        },
        against: {
          description: "Compare with the champion (default) or with a pinned version, evaluated too, so non-inferiority margins cannot compound over generations.",
          anyOf: [
            { title: "champion", const: "champion" },
            { title: "a version number >= 1", type: "integer", minimum: 1 }
          ],
          default: "champion"
        }
      }
    },
    metric: {
      description: "A metric the evaluate command reports.",
      type: "object",
      additionalProperties: false,
      required: ["goal"],
      properties: {
        goal: {
          description: "Whether larger (maximize) or smaller (minimize) values are better.",
          enum: ["maximize", "minimize"]
        },
        compute: {
          description: "Computed by the action from both models' predictions (evaluate.predictions), instead of read from the metrics file.",
          enum: ["accuracy", "precision", "recall", "f1", "precision-macro", "recall-macro", "f1-macro", "precision-weighted", "recall-weighted", "f1-weighted", "roc-auc", "average-precision", "log-loss", "brier", "rmse", "mae", "mape", "r2"]
        },
        min: {
          description: "The candidate's value must be at least this, on every run (the first included).",
          type: "number"
        },
        max: {
          description: "The candidate's value must be at most this, on every run (the first included).",
          type: "number"
        },
        change: {
          description: "Rules on the change against the baseline; all must pass.",
          type: "array",
          items: { $ref: "#/$defs/changeRule" }
        },
        slices: {
          description: "No slice (a value of a column in evaluate.predictions.slices) regresses, on evidence, by more than max-regression. Needs a metric with compute.",
          type: "object",
          additionalProperties: false,
          required: ["max-regression"],
          properties: {
            "max-regression": {
              description: "A slice fails when its improvement's upper bound is below minus this (Holm-corrected across slices).",
              type: "number",
              minimum: 0
            },
            "min-size": {
              description: "Slices with a smaller effective size (examples; for AUC the smaller class; groups with a group column) are reported, not judged. Default 30.",
              type: "integer",
              minimum: 1
            },
            confidence: {
              description: "Family-wise confidence across slices (default 0.95).",
              type: "number",
              exclusiveMinimum: 0.5,
              exclusiveMaximum: 1
            }
          }
        }
      }
    },
    retention: {
      description: "How many stored bundles the registry keeps (retrain prune, and after each run that registers a version). Absent: every bundle is kept. Never pruned, whatever the counts: the champion, pending versions, undecided candidates, the champion a pending version was compared with, and versions a rule compares with (against: N). A pruned bundle is deleted for good; the version's record and history stay.",
      type: "object",
      additionalProperties: false,
      properties: {
        "keep-rejected": {
          description: "Keep the bundles of the newest N rejected or not-selected versions (by version number); older ones are pruned. Default: keep all.",
          type: "integer",
          minimum: 0
        },
        "keep-retired": {
          description: "Keep the bundles of the newest N former champions (retired versions, by version number) as rollback targets; older ones are pruned and can no longer be rolled back to. Default: keep all.",
          type: "integer",
          minimum: 0
        }
      }
    },
    promotion: {
      description: "What happens to a candidate that passes every rule.",
      type: "object",
      additionalProperties: false,
      required: ["mode", "first-model"],
      properties: {
        mode: {
          description: "auto: promote; gate: open a gate for a person to approve; dry-run: decide and report, change nothing.",
          enum: ["auto", "gate", "dry-run"]
        },
        "first-model": {
          description: "What to do when there is no champion yet (change rules cannot apply): promote, gate or reject. Explicit on purpose.",
          enum: ["promote", "gate", "reject"]
        },
        borderline: {
          description: "What to do with a borderline candidate: every point estimate passes, but some confidence rule's bound does not clear its margin (and nothing else fails). reject (default) or gate: open the gate for a person to decide, with the numbers. Clear passes and clear failures are not affected.",
          enum: ["reject", "gate"]
        },
        approvers: {
          description: "GitHub logins whose approval counts, besides people with write access.",
          type: "array",
          items: {
            type: "string",
            pattern: "^[A-Za-z0-9][A-Za-z0-9-]*$",
            patternErrorMessage: "an approver is a GitHub login, without '@'"
          }
        }
      }
    }
  }
};

// src/spec/names.ts
var modelField = retrain_spec_schema_default.properties.model;
var MODEL_NAME = new RegExp(modelField.pattern);
function modelNameProblem(name) {
  return MODEL_NAME.test(name) ? null : modelField.patternErrorMessage;
}
function preview(value, max = 80) {
  let text;
  if (typeof value === "string") {
    text = JSON.stringify(value.length > max ? value.slice(0, max) : value);
    if (value.length > max) text = `${text.slice(0, -1)}..." (${value.length} characters)`;
    return text;
  }
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}
function parseVersionText(text) {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
function nulPosition(text) {
  const i = text.indexOf("\0");
  return i < 0 ? null : i + 1;
}
function pathProblem(value, inside) {
  if (value.trim() === "") return "must not be empty";
  const nul = nulPosition(value);
  if (nul !== null) return `contains a NUL byte at character ${nul}`;
  if (inside !== void 0) {
    const relative = path.relative(path.resolve(inside), path.resolve(inside, value));
    if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
      return `must stay inside ${inside} (it resolves to ${path.resolve(inside, value)})`;
    }
  }
  return null;
}
function refNameProblem(ref) {
  const ok = /^[A-Za-z0-9._/-]{1,255}$/.test(ref) && !ref.includes("..") && !ref.includes("//") && !ref.startsWith("/") && !ref.endsWith("/") && !ref.startsWith("-") && !ref.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock"));
  return ok ? null : "a branch or ref holds letters, digits, '.', '_', '-' and '/' between names, without '..', a leading '-' or '/', or a name ending in .lock";
}

export {
  modelNameProblem,
  preview,
  parseVersionText,
  nulPosition,
  pathProblem,
  refNameProblem
};
