"""Scores one model (RETRAIN_EVAL_MODEL_DIR) on the evaluation images: one row per image in
RETRAIN_PREDICTIONS_FILE with id, label, prediction and proba_0..proba_9; retrain computes the
metrics from them, the same way for the candidate and the champion."""
import csv
import os

import joblib

from common import MODEL_FILE, read_csv


def main():
    model = joblib.load(os.path.join(os.environ["RETRAIN_EVAL_MODEL_DIR"], MODEL_FILE))["model"]
    paths = [p for p in os.environ["RETRAIN_DATA_EVAL"].split("\n") if p]
    ids, X, y = read_csv(paths[0])
    proba = model.predict_proba(X)
    with open(os.environ["RETRAIN_PREDICTIONS_FILE"], "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "label", "prediction", *(f"proba_{c}" for c in model.classes_)])
        for i, label, p in zip(ids, y, proba):
            out.writerow([i, int(label), int(model.classes_[p.argmax()]), *(repr(float(v)) for v in p)])
    print(f"{os.environ.get('RETRAIN_EVAL_ROLE', '')}: {len(ids)} predictions written")


if __name__ == "__main__":
    main()
