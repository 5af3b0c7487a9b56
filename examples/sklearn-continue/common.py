"""Shared by train.py and evaluate.py: reading the CSV batches and the bundle's files."""
import csv
import os

import numpy as np

MODEL_FILE = "model.joblib"  # the whole training state, loaded with joblib
STATE_FILE = "state.json"  # the same counters and history, readable without Python
WEIGHTS_FILE = "weights.json"  # read by the report's weight comparison


def data_paths(variable):
    """The files of a data input: the contract gives one absolute path per line."""
    paths = [p for p in os.environ.get(variable, "").split("\n") if p]
    if not paths:
        raise SystemExit(f"{variable} is empty: run this through retrain, or set it to a CSV file")
    return paths


def read_batches(paths):
    """Reads CSV files with the columns id, <features...>, label. Returns ids, X, y, feature names."""
    ids, rows, labels, features = [], [], [], None
    for path in paths:
        with open(path, newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            if header[0] != "id" or header[-1] != "label":
                raise SystemExit(f"{path}: expected the columns id, <features...>, label; got {header[0]}...{header[-1]}")
            if features is None:
                features = header[1:-1]
            elif header[1:-1] != features:
                raise SystemExit(f"{path}: its feature columns differ from {paths[0]}'s")
            for row in reader:
                ids.append(row[0])
                rows.append([float(v) for v in row[1:-1]])
                labels.append(int(row[-1]))
    return ids, np.array(rows, dtype=np.float64), np.array(labels, dtype=np.int64), features
