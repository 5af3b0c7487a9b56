"""Scores one model (the candidate or the champion: RETRAIN_EVAL_MODEL_DIR) on the evaluation data.

It writes one prediction per example to RETRAIN_PREDICTIONS_FILE (id, label, score = the probability
of malignant, prediction); retrain computes the metrics the spec names with compute:, the same way
for both models, and the bootstrap behind the confidence rules resamples these rows.
"""
import csv
import os

import joblib

from common import MODEL_FILE, data_paths, read_batches


def main():
    state = joblib.load(os.path.join(os.environ["RETRAIN_EVAL_MODEL_DIR"], MODEL_FILE))
    ids, X, y, features = read_batches(data_paths("RETRAIN_DATA_EVAL"))
    if features != state["features"]:
        raise SystemExit("the evaluation data's features differ from the model's")
    scores = state["model"].predict_proba(state["scaler"].transform(X))[:, 1]
    with open(os.environ["RETRAIN_PREDICTIONS_FILE"], "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "label", "score", "prediction"])
        for i, label, score in zip(ids, y, scores):
            out.writerow([i, int(label), repr(float(score)), int(score >= 0.5)])
    role = os.environ.get("RETRAIN_EVAL_ROLE", "")
    print(f"{role}: {len(ids)} predictions written")


if __name__ == "__main__":
    main()
