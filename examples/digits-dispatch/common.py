"""Reading a batch: id, p0..p63 (pixel intensities 0-16), label. Features are scaled to [0, 1]."""
import csv

import numpy as np

MODEL_FILE = "model.joblib"  # the whole training state, loaded with joblib
STATE_FILE = "state.json"  # its counters and history, readable without Python


def read_csv(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header[0] != "id" or header[-1] != "label" or len(header) != 66:
            raise SystemExit(f"{path}: expected the columns id, p0..p63, label")
        rows = list(reader)
    ids = [r[0] for r in rows]
    X = np.array([[float(v) for v in r[1:-1]] for r in rows]) / 16.0
    y = np.array([int(r[-1]) for r in rows])
    return ids, X, y
