"""Continues the champion on one named batch of new data: the pipeline's `batch` param.

    /usr/bin/python3 train.py

The spec's data input `train` is data/batches/${{ params.batch }}.csv: retrain evaluates it before
anything runs, so RETRAIN_DATA_TRAIN holds the one file of the named batch (a name that matches no
file fails the run before training). The model is a scikit-learn MLPClassifier (one hidden layer of
32, Adam) saved with joblib; with a champion (RETRAIN_BASELINE_DIR) it is loaded and continued with
partial_fit, so its weights, Adam's moments and step count (`_optimizer.t`), its epoch count
(`n_iter_`) and examples seen (`t_`) all go on. The shuffling generator's state is saved too.
"""
import json
import os
import sys

import joblib
import numpy as np
import sklearn
from sklearn.neural_network import MLPClassifier

from common import MODEL_FILE, STATE_FILE, read_csv

# The contract's helper, shipped with the tool (RETRAIN_HELPERS_DIR); or copy it beside your script.
sys.path.insert(0, os.path.join(os.environ.get("RETRAIN_HELPERS_DIR", ""), "python"))
from retrain_contract import confirm_warm_start  # noqa: E402

CLASSES = np.arange(10)


def main():
    batch = os.environ["RETRAIN_PARAM_BATCH"]
    epochs = int(os.environ.get("RETRAIN_PARAM_EPOCHS") or 30)
    learning_rate = float(os.environ.get("RETRAIN_PARAM_LEARNING_RATE") or 0.003)
    (path,) = [p for p in os.environ["RETRAIN_DATA_TRAIN"].split("\n") if p]
    ids, X, y = read_csv(path)

    baseline_dir = os.environ.get("RETRAIN_BASELINE_DIR", "")
    if baseline_dir:
        state = joblib.load(os.path.join(baseline_dir, MODEL_FILE))
        confirm_warm_start()  # continued from exactly the champion's bundle
    else:
        state = {
            "format": 1,
            "model": MLPClassifier(hidden_layer_sizes=(32,), learning_rate_init=learning_rate, batch_size=50, random_state=0),
            "rng": np.random.default_rng(0).bit_generator.state,
            "history": [],
        }
    model = state["model"]
    warm = hasattr(model, "coefs_")
    run = {
        "run": len(state["history"]) + 1,
        "batch": batch,
        "start": "warm" if warm else "cold",
        "parent_version": os.environ.get("RETRAIN_BASELINE_VERSION") or None,
        "n_iter_before": int(model.n_iter_) if warm else 0,
        "t_before": int(model.t_) if warm else 0,
        "adam_t_before": int(model._optimizer.t) if warm else 0,
        "first_weight_before": float(model.coefs_[0][0, 0]) if warm else None,
    }
    if warm:
        print(f"warm start from version {run['parent_version']}: {model.n_iter_} epochs, {model.t_} examples, "
              f"Adam step {model._optimizer.t} so far (batches {', '.join(h['batch'] for h in state['history'])})")
    print(f"training on batch {batch}: {len(y)} images, {epochs} epochs")

    rng = np.random.default_rng()
    rng.bit_generator.state = state["rng"]
    for _ in range(epochs):
        order = rng.permutation(len(y))
        model.partial_fit(X[order], y[order], classes=CLASSES)
    state["rng"] = rng.bit_generator.state
    run.update({"epochs": epochs, "examples": len(y), "n_iter_after": int(model.n_iter_), "t_after": int(model.t_),
                "adam_t_after": int(model._optimizer.t), "loss_after": float(model.loss_)})
    state["history"].append(run)
    print(f"done: {model.n_iter_} epochs, Adam step {model._optimizer.t}, training loss {model.loss_:.4f}")

    out = os.environ["RETRAIN_MODEL_DIR"]
    joblib.dump(state, os.path.join(out, MODEL_FILE))
    with open(os.path.join(out, STATE_FILE), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "n_iter_": int(model.n_iter_), "t_": int(model.t_),
                   "adam_t": int(model._optimizer.t), "first_weight": float(model.coefs_[0][0, 0]),
                   "batches": [h["batch"] for h in state["history"]], "history": state["history"]}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
