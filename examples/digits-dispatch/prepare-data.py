"""Rebuilds data/ from the handwritten digits data set that scikit-learn ships.

Run with Debian's interpreter, where python3-sklearn is importable:

    /usr/bin/python3 prepare-data.py

1797 images of handwritten digits, 8x8 pixels with intensities 0-16 (columns p0..p63), label 0-9.
A fixed shuffle (seed 0) splits them into a held-out evaluation set (397 images) and four monthly
batches of 350 that arrive one after the other, data/batches/2025-01.csv to 2025-04.csv. Batch
2025-04 is a planted regression: its labels were exported shifted by one (a 3 labelled 4, a 9
labelled 0), the kind of bug a labelling export makes; the rules must reject a model trained on it.
"""
import csv
import os

import numpy as np
from sklearn.datasets import load_digits

HERE = os.path.dirname(os.path.abspath(__file__))

digits = load_digits()
order = np.random.RandomState(0).permutation(len(digits.target))
splits = {"eval.csv": order[:397]}
for k in range(4):
    splits[f"batches/2025-{k + 1:02d}.csv"] = order[397 + 350 * k : 397 + 350 * (k + 1)]


def write(name, rows, shift=0):
    with open(os.path.join(HERE, "data", name), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", *(f"p{i}" for i in range(64)), "label"])
        for i in sorted(rows):
            out.writerow([int(i), *(int(v) for v in digits.data[i]), (int(digits.target[i]) + shift) % 10])


os.makedirs(os.path.join(HERE, "data", "batches"), exist_ok=True)
for name, rows in splits.items():
    write(name, rows, shift=1 if name.endswith("2025-04.csv") else 0)
    print(name, len(rows))
