"""Trains the tumour classifier, continuing the champion when there is one.

Load the saved model and continue training: with a champion, RETRAIN_BASELINE_DIR holds its bundle,
and this step loads model.joblib from it and continues with partial_fit on the new batch. What
continues is the whole training state, not only the coefficients:

- the SGDClassifier itself: coef_, intercept_ and t_ (its step counter, which sets the step size of
  the 'optimal' schedule, 1 / (alpha * (t + t0)): a continued model takes the small steps it had
  reached, so new data refines it rather than overwriting it);
- the StandardScaler fitted on the first batch, kept frozen so every coefficient keeps its meaning;
- the shuffling generator's state, so the next epochs continue the random stream;
- this script's own counters: epochs and examples seen over all generations, and a history with the
  starting point of each run (to check that a warm start really started from the champion).

Run by retrain with /usr/bin/python3 (Debian's python3-sklearn). Params: RETRAIN_PARAM_EPOCHS,
RETRAIN_PARAM_ALPHA, RETRAIN_PARAM_SEED.
"""
import json
import os
import sys

import joblib
import numpy as np
import sklearn
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler

from common import MODEL_FILE, STATE_FILE, WEIGHTS_FILE, data_paths, read_batches

# The contract's helper, shipped with the tool (RETRAIN_HELPERS_DIR); or copy it beside your script.
sys.path.insert(0, os.path.join(os.environ.get("RETRAIN_HELPERS_DIR", ""), "python"))
from retrain_contract import confirm_warm_start  # noqa: E402

CLASSES = np.array([0, 1])


def param(name, kind, default):
    value = os.environ.get(f"RETRAIN_PARAM_{name}", "")
    return kind(value) if value != "" else default


def cold_start(features, X, seed, alpha):
    return {
        "format": 1,
        "features": features,
        "scaler": StandardScaler().fit(X),
        # shuffle=False: the epochs are shuffled here, with a generator whose state is saved, because
        # partial_fit reseeds its own shuffling from random_state on every call.
        "model": SGDClassifier(loss="log_loss", alpha=alpha, learning_rate="optimal", shuffle=False, random_state=seed),
        "rng": np.random.default_rng(seed).bit_generator.state,
        "epochs_total": 0,
        "examples_seen": 0,
        "history": [],
    }


def main():
    epochs = param("EPOCHS", int, 5)
    alpha = param("ALPHA", float, 0.001)
    seed = param("SEED", int, 0)
    ids, X, y, features = read_batches(data_paths("RETRAIN_DATA_TRAIN"))
    out_dir = os.environ["RETRAIN_MODEL_DIR"]
    baseline_dir = os.environ.get("RETRAIN_BASELINE_DIR", "")
    baseline_version = os.environ.get("RETRAIN_BASELINE_VERSION", "")
    policy = os.environ.get("RETRAIN_WARM_START", "fallback")
    report_file = os.environ.get("RETRAIN_TRAINING_REPORT", "")

    state, cold_reason = None, None
    if baseline_dir:
        state = joblib.load(os.path.join(baseline_dir, MODEL_FILE))
        if state["features"] != features:
            missing = sorted(set(state["features"]) - set(features))
            added = sorted(set(features) - set(state["features"]))
            cold_reason = f"the new batch's features differ from the champion's (missing {missing}, new {added})"
            if policy == "required":
                sys.exit(f"warm start is required but impossible: {cold_reason}")
            state = None
    if state is not None:
        confirm_warm_start()  # continued from exactly the champion's bundle
    if state is None:
        state = cold_start(features, X, seed, alpha)
        if cold_reason and report_file:
            with open(report_file, "w") as f:
                json.dump({"warmStart": False, "reason": cold_reason}, f)

    model = state["model"]
    Xs = state["scaler"].transform(X)  # the scaler stays as the first batch fitted it
    warm = hasattr(model, "coef_")
    run = {
        "run": len(state["history"]) + 1,
        "start": "warm" if warm else "cold",
        "parent_version": baseline_version if warm else None,
        "t_before": float(model.t_) if warm else None,
        "epochs_before": state["epochs_total"],
        "examples_before": state["examples_seen"],
        "coef_before": [float(c) for c in model.coef_[0]] if warm else [0.0] * len(features),
        "intercept_before": float(model.intercept_[0]) if warm else 0.0,
        "loss_before": float(log_loss(y, model.predict_proba(Xs)[:, 1], labels=CLASSES)) if warm else None,
    }
    if warm:
        print(f"warm start from version {baseline_version}: t_={model.t_:g}, {state['epochs_total']} epochs and "
              f"{state['examples_seen']} examples so far, log loss on the new batch before training {run['loss_before']:.4f}")
    else:
        print(f"cold start: {len(features)} features, scaler fitted on {len(y)} examples")

    rng = np.random.default_rng()
    rng.bit_generator.state = state["rng"]
    for epoch in range(epochs):
        order = rng.permutation(len(y))
        model.partial_fit(Xs[order], y[order], classes=CLASSES)
    state["rng"] = rng.bit_generator.state
    state["epochs_total"] += epochs
    state["examples_seen"] += epochs * len(y)

    run.update({
        "epochs": epochs,
        "examples": len(y),
        "t_after": float(model.t_),
        "loss_after": float(log_loss(y, model.predict_proba(Xs)[:, 1], labels=CLASSES)),
    })
    state["history"].append(run)
    print(f"trained {epochs} epochs on {len(y)} examples: t_={model.t_:g}, log loss on the batch {run['loss_after']:.4f}")

    joblib.dump(state, os.path.join(out_dir, MODEL_FILE))
    readable = {
        "format": state["format"],
        "sklearn": sklearn.__version__,
        "features": features,
        "t_": float(model.t_),
        "epochs_total": state["epochs_total"],
        "examples_seen": state["examples_seen"],
        "coef": [float(c) for c in model.coef_[0]],
        "intercept": float(model.intercept_[0]),
        "history": state["history"],
    }
    with open(os.path.join(out_dir, STATE_FILE), "w") as f:
        json.dump(readable, f, indent=1, sort_keys=True)
    # The coefficients on standardized features (the frozen scaler's units), for the weight comparison.
    weights = {name: float(c) for name, c in zip(features, model.coef_[0])}
    weights["(bias)"] = float(model.intercept_[0])
    with open(os.path.join(out_dir, WEIGHTS_FILE), "w") as f:
        json.dump({"weights": weights}, f, indent=1)


if __name__ == "__main__":
    main()
