"""Trains the scikit-learn estimator that matches each built-in trainer (cases.json) on the same rows
(test/trainers/fixtures/data/, from prepare-data.mjs) with the same preparation, and writes their test
metrics and weights to test/trainers/fixtures/sklearn.json for the comparison tests.

Run: /usr/bin/python3 scripts/sklearn-fixtures/make-fixtures.py          (rewrites the fixture)
     /usr/bin/python3 scripts/sklearn-fixtures/make-fixtures.py --stdout (prints it instead)
     /usr/bin/python3 scripts/sklearn-fixtures/make-fixtures.py metrics TASK PREDICTIONS.csv [TASK PREDICTIONS.csv]...
        (scikit-learn's metrics on predictions files written by `retrain evaluate`, as a JSON list)

The preparation mirrors the built-in one: numeric columns standardized with the training mean and
population standard deviation, the others one-hot over their sorted training categories (an unknown
category is all zeros). Objectives: the built-in L-BFGS trainers minimize mean loss + l2/2 |w|^2,
which is LogisticRegression with C = 1 / (n l2) and PoissonRegressor with alpha = l2.
"""
import csv
import json
import math
import os
import sys

import numpy as np
import sklearn
from sklearn import linear_model, metrics, svm

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(REPO, "test", "trainers", "fixtures", "data")
OUT = os.path.join(REPO, "test", "trainers", "fixtures", "sklearn.json")
SEED = 0


def read(name):
    with open(os.path.join(DATA, name), newline="") as f:
        return list(csv.DictReader(f))


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def prepare(train, test, options):
    label = options["label"]
    excluded = {label, "id", *options.get("ignore", [])}
    columns = [c for c in train[0].keys() if c not in excluded]
    forced = set(options.get("categorical", []))
    names, train_cols, test_cols = [], [], []
    for c in columns:
        if c not in forced and all(is_number(r[c]) for r in train):
            a = np.array([float(r[c]) for r in train])
            b = np.array([float(r[c]) for r in test])
            mean, std = a.mean(), a.std()
            std = std if std > 0 else 1.0
            names.append(c)
            train_cols.append((a - mean) / std)
            test_cols.append((b - mean) / std)
        else:
            for cat in sorted({r[c] for r in train}):
                names.append(f"{c}={cat}")
                train_cols.append(np.array([1.0 if r[c] == cat else 0.0 for r in train]))
                test_cols.append(np.array([1.0 if r[c] == cat else 0.0 for r in test]))
    return names, np.column_stack(train_cols), np.column_stack(test_cols)


def estimator(trainer, options, n):
    epochs = options.get("epochs", 20)
    l2 = options.get("l2", 0.0001)
    common = dict(max_iter=epochs, tol=None, shuffle=True, random_state=SEED)
    if trainer == "online-gradient-descent":
        return linear_model.SGDRegressor(loss="squared_error", alpha=l2, learning_rate="invscaling", eta0=0.01, power_t=0.25, **common)
    if trainer == "sgd-logistic":
        return linear_model.SGDClassifier(loss="log_loss", alpha=l2, learning_rate="invscaling", eta0=0.1, power_t=0.25, **common)
    if trainer == "averaged-perceptron":
        return linear_model.SGDClassifier(loss="hinge", penalty=None, learning_rate="constant", eta0=1.0, average=True, **common)
    if trainer == "linear-svm":
        return linear_model.SGDClassifier(loss="hinge", alpha=l2, learning_rate="optimal", **common)
    if trainer == "lbfgs-logistic":
        return linear_model.LogisticRegression(C=1 / (n * l2), solver="lbfgs", tol=1e-10, max_iter=100000)
    if trainer == "lbfgs-maximum-entropy":
        return linear_model.LogisticRegression(C=1 / (n * l2), solver="lbfgs", multi_class="multinomial", tol=1e-10, max_iter=100000)
    if trainer == "lbfgs-poisson":
        return linear_model.PoissonRegressor(alpha=l2, solver="lbfgs", tol=1e-10, max_iter=100000)
    raise ValueError(trainer)


def reference(trainer, options, n):
    """The exact optimum the stochastic trainers approach, for context in the fixture."""
    if trainer == "online-gradient-descent":
        return linear_model.LinearRegression()
    if trainer == "linear-svm":
        return svm.LinearSVC(C=1 / (n * options.get("l2", 0.0001)), loss="hinge", max_iter=1000000, random_state=SEED)
    return None


def scores(task, model, x, y, classes):
    if task in ("regression", "poisson"):
        p = model.predict(x)
        out = {"r2": metrics.r2_score(y, p), "rmse": math.sqrt(metrics.mean_squared_error(y, p))}
        if task == "poisson":
            out["mean_poisson_deviance"] = metrics.mean_poisson_deviance(y, p)
            out["d2"] = metrics.d2_tweedie_score(y, p, power=1)
        return out
    out = {"accuracy": metrics.accuracy_score(y, model.predict(x))}
    if hasattr(model, "predict_proba"):
        try:
            out["log_loss"] = metrics.log_loss(y, model.predict_proba(x), labels=classes)
        except AttributeError:
            pass
    return out


def objective(task, model, x, y, l2):
    """The built-in L-BFGS objective at the estimator's solution: mean loss + l2/2 |w|^2."""
    penalty = 0.5 * l2 * float(np.sum(model.coef_ ** 2))
    if task == "poisson":
        z = x @ model.coef_ + model.intercept_
        return float(np.mean(np.exp(z) - y * z)) + penalty
    p = model.predict_proba(x)[np.arange(len(y)), np.searchsorted(model.classes_, y)]
    return float(-np.mean(np.log(p))) + penalty


TASKS = {
    "online-gradient-descent": "regression",
    "sgd-logistic": "binary",
    "averaged-perceptron": "binary",
    "linear-svm": "binary",
    "lbfgs-logistic": "binary",
    "lbfgs-maximum-entropy": "multiclass",
    "lbfgs-poisson": "poisson",
}


def run_case(case):
    options = case["with"]
    train, test = read(f"{case['data']}-train.csv"), read(f"{case['data']}-test.csv")
    names, x, x_test = prepare(train, test, options)
    task = TASKS[case["trainer"]]
    label = options["label"]
    if task in ("regression", "poisson"):
        y = np.array([float(r[label]) for r in train])
        y_test = np.array([float(r[label]) for r in test])
        classes = None
    else:
        y = np.array([r[label] for r in train])
        y_test = np.array([r[label] for r in test])
        classes = sorted(set(y))
    model = estimator(case["trainer"], options, len(y)).fit(x, y)
    result = {"estimator": repr(model), "metrics": scores(task, model, x_test, y_test, classes)}
    ref = reference(case["trainer"], options, len(y))
    if ref is not None:
        ref.fit(x, y)
        result["reference"] = {"estimator": repr(ref), "metrics": scores(task, ref, x_test, y_test, classes)}
    if case["trainer"].startswith("lbfgs-"):
        result["objective"] = objective(task, model, x, y, options.get("l2", 0.0001))
    if "weights" in case:
        coef = np.atleast_2d(model.coef_)
        intercept = np.atleast_1d(model.intercept_)
        weights = {}
        for k, row in enumerate(coef):
            suffix = f" [{model.classes_[k]}]" if task == "multiclass" else ""
            weights.update({f"{name}{suffix}": float(w) for name, w in zip(names, row)})
            weights[f"(bias){suffix}"] = float(intercept[k])
        result["weights"] = weights
    return result


def prediction_metrics(task, file):
    """scikit-learn's metrics on `retrain evaluate`'s predictions, for the live cross-check test."""
    rows = read(file) if os.path.isabs(file) else read(os.path.abspath(file))
    if task in ("regression", "poisson"):
        y = np.array([float(r["label"]) for r in rows])
        p = np.array([float(r["prediction"]) for r in rows])
        out = {"rmse": math.sqrt(metrics.mean_squared_error(y, p)), "mae": metrics.mean_absolute_error(y, p), "r2": metrics.r2_score(y, p)}
        if task == "poisson":
            out["mean_poisson_deviance"] = metrics.mean_poisson_deviance(y, p)
            out["d2"] = metrics.d2_tweedie_score(y, p, power=1)
        return out
    y = [r["label"] for r in rows]
    predicted = [r["prediction"] for r in rows]
    out = {"accuracy": metrics.accuracy_score(y, predicted)}
    if task == "binary":
        classes = sorted(set(y) | set(predicted))
        positive = [r["prediction"] for r in rows if float(r["score"]) >= 0.5]
        pos = positive[0] if positive else classes[-1]
        truth = [1 if v == pos else 0 for v in y]
        out["auc"] = metrics.roc_auc_score(truth, [float(r["score"]) for r in rows])
        out["f1"] = metrics.f1_score(y, predicted, pos_label=pos)
        out["log_loss"] = metrics.log_loss(truth, [float(r["score"]) for r in rows], labels=[0, 1])
    else:
        classes = [c[len("proba_"):] for c in rows[0].keys() if c.startswith("proba_")]
        out["log_loss"] = metrics.log_loss(y, [[float(r[f"proba_{c}"]) for c in classes] for r in rows], labels=classes)
        out["macro_f1"] = metrics.f1_score(y, predicted, average="macro", labels=classes)
    return out


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "metrics":
        pairs = zip(sys.argv[2::2], sys.argv[3::2])
        print(json.dumps([prediction_metrics(task, file) for task, file in pairs]))
        return
    with open(os.path.join(HERE, "cases.json")) as f:
        cases = json.load(f)["cases"]
    fixture = {
        "generatedBy": "scripts/sklearn-fixtures/make-fixtures.py",
        "sklearnVersion": sklearn.__version__,
        "numpyVersion": np.__version__,
        "cases": {case["name"]: run_case(case) for case in cases},
    }
    text = json.dumps(fixture, indent=2, sort_keys=True) + "\n"
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
    else:
        with open(OUT, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
