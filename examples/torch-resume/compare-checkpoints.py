"""Whether two checkpoints hold bit for bit the same trainer: weights, Adam's state, the scheduler,
the epoch counter and the shuffling generator. Prints one JSON object; exits 1 when they differ.

    /usr/bin/python3 compare-checkpoints.py A/checkpoint.pt B/checkpoint.pt
"""
import json
import sys

import torch


def differences(a, b, where=""):
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        return [] if a.dtype == b.dtype and a.shape == b.shape and torch.equal(a, b) else [where]
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return [f"{where} (keys)"]
        return [d for k in a for d in differences(a[k], b[k], f"{where}/{k}")]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return [f"{where} (length)"]
        return [d for i, (u, v) in enumerate(zip(a, b)) for d in differences(u, v, f"{where}[{i}]")]
    return [] if a == b else [where]


a, b = torch.load(sys.argv[1]), torch.load(sys.argv[2])
parts = ["model", "optimizer", "scheduler", "generator", "epoch", "mean", "std"]
found = [d for part in parts for d in differences(a[part], b[part], part)]
print(json.dumps({"identical": not found, "compared": parts, "differences": found}))
sys.exit(1 if found else 0)
