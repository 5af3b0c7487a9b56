#!/usr/bin/python3
"""scikit-learn's values of the metrics retrain-action computes, for its cross-check tests.

    /usr/bin/python3 scripts/sklearn-metrics/sklearn_metrics.py fixtures > test/metrics/fixtures/sklearn-metrics.json
    /usr/bin/python3 scripts/sklearn-metrics/sklearn_metrics.py evaluate < cases.json   # the live cross-check

A case is {"name", "task": binary|multiclass|regression, "classes": k, "label": [...],
"prediction": [...], "score": [...] (binary), "proba": [[...]] (multiclass), "weight": [...] (optional)};
classification labels are class indexes 0..k-1. Each case gets "expected": metric name -> value, or
null where the metric is undefined: where scikit-learn warns that it is ill-defined or refuses it,
and the cases where scikit-learn returns a finite stand-in (R² of constant labels, MAPE with a zero
label). Needs Debian's python3-sklearn (1.2) and python3-numpy.
"""
import json
import math
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize


def guarded(fn):
    """scikit-learn's value, or None where it warns (ill-defined) or raises (refuses)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            value = float(fn())
        except (Warning, ValueError):
            return None
    return value if math.isfinite(value) else None


def classification(case):
    k = case["classes"]
    y = np.array(case["label"])
    w = np.array(case["weight"], dtype=float) if "weight" in case else None
    out = {}
    if "prediction" in case:
        p = np.array(case["prediction"])
        out["accuracy"] = guarded(lambda: skm.accuracy_score(y, p, sample_weight=w))
        for name, fn in (("precision", skm.precision_score), ("recall", skm.recall_score), ("f1", skm.f1_score)):
            if k == 2:
                out[name] = guarded(lambda: fn(y, p, pos_label=1, average="binary", sample_weight=w))
            for average in ("macro", "weighted"):
                out[f"{name}-{average}"] = guarded(lambda: fn(y, p, average=average, sample_weight=w))
    if k == 2 and "score" in case:
        s = np.array(case["score"], dtype=float)
        out["roc-auc"] = guarded(lambda: skm.roc_auc_score(y, s, sample_weight=w))
        out["average-precision"] = guarded(lambda: skm.average_precision_score(y, s, sample_weight=w))
        if np.all((s >= 0) & (s <= 1)):
            out["log-loss"] = guarded(lambda: skm.log_loss(y, s, labels=[0, 1], sample_weight=w))
            out["brier"] = guarded(lambda: skm.brier_score_loss(y, s, pos_label=1, sample_weight=w))
    if k > 2 and "proba" in case:
        q = np.array(case["proba"], dtype=float)
        out["log-loss"] = guarded(lambda: skm.log_loss(y, q, labels=list(range(k)), sample_weight=w))
        out["roc-auc"] = guarded(lambda: skm.roc_auc_score(y, q, multi_class="ovr", average="macro", sample_weight=w))
        # scikit-learn 1.2 has no multiclass average precision; one-vs-rest macro is the same definition.
        onehot = label_binarize(y, classes=list(range(k)))
        if onehot.sum(axis=0).min() == 0:
            out["average-precision"] = None
        else:
            out["average-precision"] = guarded(lambda: skm.average_precision_score(onehot, q, average="macro", sample_weight=w))
    return out


def regression(case):
    y = np.array(case["label"], dtype=float)
    p = np.array(case["prediction"], dtype=float)
    w = np.array(case["weight"], dtype=float) if "weight" in case else None
    live = y if w is None else y[w > 0]
    constant = live.size < 2 or np.all(live == live[0])
    return {
        "rmse": guarded(lambda: skm.mean_squared_error(y, p, squared=False, sample_weight=w)),
        "mae": guarded(lambda: skm.mean_absolute_error(y, p, sample_weight=w)),
        # scikit-learn divides by machine epsilon where a label is 0: a finite stand-in, undefined here.
        "mape": None if np.any(live == 0) else guarded(lambda: skm.mean_absolute_percentage_error(y, p, sample_weight=w)),
        # For constant labels scikit-learn returns 1 (perfect) or 0: stand-ins, undefined here.
        "r2": None if constant else guarded(lambda: skm.r2_score(y, p, sample_weight=w)),
    }


def expected(case):
    return regression(case) if case["task"] == "regression" else classification(case)


def softmax_rows(rng, n, k, temperature=1.0):
    z = rng.normal(size=(n, k)) / temperature
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def fixture_cases():
    """Varied inputs: tied scores, a single class, constant predictions, multiclass probabilities."""
    rng = np.random.default_rng(20261122)
    cases = []

    def binary(name, y, s, p=None, weight=None):
        y = np.asarray(y).astype(int)
        s = np.asarray(s, dtype=float)
        p = (s >= 0.5).astype(int) if p is None else np.asarray(p).astype(int)
        case = {"name": name, "task": "binary", "classes": 2, "label": y.tolist(), "prediction": p.tolist(), "score": s.tolist()}
        if weight is not None:
            case["weight"] = list(map(int, weight))
        cases.append(case)

    y = (rng.random(200) < 0.4).astype(int)
    s = np.clip(0.35 * y + rng.normal(0.35, 0.2, 200), 0, 1)
    binary("binary, continuous scores", y, s)
    binary("binary, scores rounded to one decimal (many ties)", y, np.round(s, 1))
    binary("binary, three distinct scores", y, rng.choice([0.2, 0.5, 0.8], 200))
    binary("binary, constant scores and predictions", y, np.full(200, 0.3), np.zeros(200))
    binary("binary, single class (all negative)", np.zeros(50), rng.random(50))
    binary("binary, single class (all positive)", np.ones(50), rng.random(50))
    binary("binary, perfect separation", y, y * 0.5 + 0.25 + rng.random(200) * 0.2)
    binary("binary, scores at exactly 0 and 1", y, np.where(rng.random(200) < 0.5, y, 1 - y).astype(float))
    binary("binary, predicts only the positive class", y, rng.random(200), np.ones(200))
    binary("binary, with integer weights", y, np.round(s, 2), None, rng.integers(0, 4, 200))
    binary("binary, two examples", [0, 1], [0.4, 0.6])
    binary("binary, decision margins (not probabilities)", y, 3 * y + rng.normal(0, 2, 200))

    def multiclass(name, y, q, p=None, weight=None):
        y = np.asarray(y).astype(int)
        q = np.asarray(q, dtype=float)
        p = q.argmax(axis=1) if p is None else np.asarray(p).astype(int)
        case = {"name": name, "task": "multiclass", "classes": q.shape[1], "label": y.tolist(), "prediction": p.tolist(), "proba": q.tolist()}
        if weight is not None:
            case["weight"] = list(map(int, weight))
        cases.append(case)

    y3 = rng.integers(0, 3, 300)
    q3 = softmax_rows(rng, 300, 3)
    q3 = 0.5 * q3 + 0.5 * np.eye(3)[y3] * (rng.random((300, 1)) < 0.6)
    q3 = q3 / q3.sum(axis=1, keepdims=True)
    multiclass("three classes, informative probabilities", y3, q3)
    multiclass("three classes, probabilities rounded to 0.1 (ties)", y3, np.round(q3 * 10) / 10 / (np.round(q3 * 10) / 10).sum(axis=1, keepdims=True))
    multiclass("four classes, uniform probabilities", rng.integers(0, 4, 120), np.full((120, 4), 0.25), rng.integers(0, 4, 120))
    multiclass("three classes, one class never predicted", y3, q3, np.where(q3.argmax(axis=1) == 2, 0, q3.argmax(axis=1)))
    multiclass("three classes, one class absent from the labels", np.where(y3 == 1, 0, y3), q3)
    multiclass("five classes, with integer weights", rng.integers(0, 5, 250), softmax_rows(rng, 250, 5, 0.5), None, rng.integers(1, 4, 250))

    def reg(name, y, p, weight=None):
        case = {"name": name, "task": "regression", "classes": 0, "label": list(map(float, y)), "prediction": list(map(float, p))}
        if weight is not None:
            case["weight"] = list(map(int, weight))
        cases.append(case)

    x = rng.normal(10, 3, 200)
    reg("regression, noisy", x, x + rng.normal(0, 1, 200))
    reg("regression, constant prediction", x, np.full(200, x.mean()))
    reg("regression, constant labels", np.full(50, 4.0), rng.normal(4, 1, 50))
    reg("regression, constant labels predicted exactly", np.full(50, 4.0), np.full(50, 4.0))
    reg("regression, a zero label", np.append(x[:99], 0.0), np.append(x[:99] + 0.5, 0.1))
    reg("regression, negative and large values", x * -1e4, x * -1e4 + rng.normal(0, 1e3, 200))
    reg("regression, with integer weights", x, x + rng.normal(0, 2, 200), rng.integers(1, 5, 200))
    reg("regression, one example", [3.0], [2.5])
    return cases


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "fixtures":
        cases = fixture_cases()
    elif command == "evaluate":
        cases = json.load(sys.stdin)
    else:
        sys.exit("usage: sklearn_metrics.py fixtures | evaluate < cases.json")
    for case in cases:
        case["expected"] = expected(case)
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
