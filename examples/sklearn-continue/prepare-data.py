"""Rebuilds data/*.csv from the breast cancer diagnostic data set that scikit-learn ships.

Run with Debian's interpreter, where python3-sklearn is importable:

    /usr/bin/python3 prepare-data.py

569 tumours, 30 numeric features measured on a cell-nucleus image; the label is 1 for malignant,
0 for benign (scikit-learn's target inverted, so that the positive class is the one to find). A fixed
shuffle (seed 0) splits the rows into a held-out evaluation set and two training batches that arrive
one after the other. A third batch is the second one with every label inverted: a planted regression,
the kind a broken labelling job produces, that the rules must reject.
"""
import csv
import os

import numpy as np
from sklearn.datasets import load_breast_cancer

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

bunch = load_breast_cancer()
features = [name.replace(" ", "_") for name in bunch.feature_names]
label = 1 - bunch.target  # 1 = malignant

order = np.random.RandomState(0).permutation(len(label))
eval_rows, batch1, batch2 = order[:169], order[169:369], order[369:]


def write(name, rows, flip=False):
    with open(os.path.join(DATA, name), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", *features, "label"])
        for i in sorted(rows):
            y = int(label[i])
            out.writerow([int(i), *(repr(float(v)) for v in bunch.data[i]), 1 - y if flip else y])


os.makedirs(DATA, exist_ok=True)
write("eval.csv", eval_rows)
write("batch-1.csv", batch1)
write("batch-2.csv", batch2)
write("batch-3-mislabeled.csv", batch2, flip=True)
write("train.csv", batch1)  # the spec's current training slot starts as batch 1
print("eval", len(eval_rows), "batch-1", len(batch1), "batch-2", len(batch2))
