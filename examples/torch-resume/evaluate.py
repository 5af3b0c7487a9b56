"""Scores one model (RETRAIN_EVAL_MODEL_DIR) on the evaluation wines: id, label, prediction and
proba_0..proba_2 per wine in RETRAIN_PREDICTIONS_FILE; retrain computes the metrics."""
import csv
import os

import torch

from trainer import CHECKPOINT, Trainer, read_csv

torch.set_num_threads(1)
trainer = Trainer.restore(os.path.join(os.environ["RETRAIN_EVAL_MODEL_DIR"], CHECKPOINT))
paths = [p for p in os.environ["RETRAIN_DATA_EVAL"].split("\n") if p]
ids, x, y, _ = read_csv(paths[0])
proba = trainer.predict_proba(x)
with open(os.environ["RETRAIN_PREDICTIONS_FILE"], "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["id", "label", "prediction", "proba_0", "proba_1", "proba_2"])
    for i, label, p in zip(ids, y.tolist(), proba):
        out.writerow([i, label, int(p.argmax()), *(repr(float(v)) for v in p)])
print(f"{os.environ.get('RETRAIN_EVAL_ROLE', '')}: {len(ids)} predictions written")
