"""Rebuilds data/*.csv from the wine recognition data set that scikit-learn ships.

Run with Debian's interpreter, where python3-sklearn is importable:

    /usr/bin/python3 prepare-data.py

178 wines from three cultivars (label 0, 1, 2), 13 chemical measurements each. A fixed shuffle
(seed 0) holds out 58 wines for evaluation; the other 120 are the training data. A second copy of
them with every label rotated (0 -> 1 -> 2 -> 0), as a broken join between measurements and
cultivars would deliver it, is a planted regression.
"""
import csv
import os

import numpy as np
from sklearn.datasets import load_wine

HERE = os.path.dirname(os.path.abspath(__file__))
wine = load_wine()
features = [name.replace("/", "_") for name in wine.feature_names]
order = np.random.RandomState(0).permutation(len(wine.target))


def write(name, rows, rotate=0):
    with open(os.path.join(HERE, "data", name), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", *features, "label"])
        for i in sorted(rows):
            out.writerow([int(i), *(repr(float(v)) for v in wine.data[i]), (int(wine.target[i]) + rotate) % 3])


os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
write("eval.csv", order[:58])
write("wines.csv", order[58:])
write("wines-mislabeled.csv", order[58:], rotate=1)
write("train.csv", order[58:])  # the spec's current training data
print("eval", 58, "train", len(order) - 58)
