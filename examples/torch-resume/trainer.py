"""The whole trainer of the wine classifier, and its checkpoint.

A checkpoint (checkpoint.pt in the bundle) holds everything the next epoch depends on: the network's
weights, Adam's state (step counts, first and second moments), the learning-rate scheduler's
position, the epoch counter, the shuffling generator's state and the standardization fitted on the
first data. Restoring it and training k more epochs gives bit for bit the trainer that n + k epochs
in one run give (on the same data, on the same machine and library versions).
"""
import csv

import torch

CHECKPOINT = "checkpoint.pt"
HIDDEN = 16
CLASSES = 3


def read_csv(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    ids = [r[0] for r in rows]
    x = torch.tensor([[float(v) for v in r[1:-1]] for r in rows], dtype=torch.float64)
    y = torch.tensor([int(r[-1]) for r in rows], dtype=torch.int64)
    return ids, x, y, header[1:-1]


class Trainer:
    def __init__(self, features, mean, std, seed, learning_rate, gamma):
        torch.manual_seed(seed)  # the initial weights
        self.features = features
        self.mean, self.std = mean, std
        self.model = torch.nn.Sequential(torch.nn.Linear(len(features), HIDDEN), torch.nn.Tanh(), torch.nn.Linear(HIDDEN, CLASSES)).double()
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=learning_rate)
        self.scheduler = torch.optim.lr_scheduler.ExponentialLR(self.optimizer, gamma=gamma)
        self.generator = torch.Generator().manual_seed(seed)  # the shuffling stream
        self.epoch = 0
        self.history = []

    @classmethod
    def start(cls, features, x, seed=0, learning_rate=0.01, gamma=0.97):
        return cls(features, x.mean(0), x.std(0), seed, learning_rate, gamma)

    @classmethod
    def restore(cls, path):
        c = torch.load(path)
        t = cls(c["features"], c["mean"], c["std"], 0, 0.01, 0.97)
        t.model.load_state_dict(c["model"])
        t.optimizer.load_state_dict(c["optimizer"])
        t.scheduler.load_state_dict(c["scheduler"])
        t.generator.set_state(c["generator"])
        t.epoch = c["epoch"]
        t.history = c["history"]
        return t

    def save(self, path):
        torch.save({
            "features": self.features, "mean": self.mean, "std": self.std,
            "model": self.model.state_dict(), "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(), "generator": self.generator.get_state(),
            "epoch": self.epoch, "history": self.history,
        }, path)

    def inputs(self, x):
        return (x - self.mean) / self.std

    def adam_step(self):
        state = self.optimizer.state_dict()["state"]
        return int(state[0]["step"]) if state else 0

    def loss(self, x, y):
        with torch.no_grad():
            return float(torch.nn.functional.cross_entropy(self.model(self.inputs(x)), y))

    def train(self, x, y, epochs, batch_size=16):
        xs = self.inputs(x)
        for _ in range(epochs):
            order = torch.randperm(len(y), generator=self.generator)
            for start in range(0, len(y), batch_size):
                batch = order[start:start + batch_size]
                self.optimizer.zero_grad()
                torch.nn.functional.cross_entropy(self.model(xs[batch]), y[batch]).backward()
                self.optimizer.step()
            self.scheduler.step()
            self.epoch += 1

    def predict_proba(self, x):
        with torch.no_grad():
            return torch.softmax(self.model(self.inputs(x)), dim=1)
