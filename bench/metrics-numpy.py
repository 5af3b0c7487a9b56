# The NumPy side of bench/metrics.bench.mjs, written in NumPy's best form for this computation:
#   - both predictions files read with numpy.loadtxt (ours reads its CSV too), rows aligned by id;
#   - one global sort of each model's scores (negatives first within a tie), tie groups found once;
#     every per-example array is first put in the candidate's score order (resampling is uniform
#     over examples, so the order changes nothing), so the candidate's AUC reads the counts in
#     sequence and the baseline's nearly so;
#   - per resample, weights: multinomial counts by np.bincount(rng.integers(0, n, n), minlength=n)
#     or rng.multinomial(n, [1/n] * n), or Poisson(1) weights by rng.poisson(1, n) (the scheme ours
#     uses), whichever is fastest here (timed first, on a few draws; BENCH_NUMPY_DRAW picks one);
#   - the means of both models (accuracy, log loss) as one product counts @ M, M the (n, 4) matrix
#     of per-example vectors;
#   - ROC AUC from weighted cumulative sums over the sorted order, ties by np.add.reduceat over the
#     tie groups (skipped when a model has no ties);
#   - all resamples (no scaling) in 2 threads (NumPy releases the GIL in its loops and BLAS), each
#     resample's generator seeded by its index, so the result does not depend on the threads.
# Prints one JSON object: timings, point values, percentile bounds, peak memory (ru_maxrss).
#
#   python3 bench/metrics-numpy.py CANDIDATE.csv BASELINE.csv RESAMPLES SEED THREADS
import json
import os

# One BLAS thread per Python thread: the resamples are spread over threads already, and a
# multithreaded BLAS under two threads of ours is several times slower here.
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

candidate_file, baseline_file = sys.argv[1], sys.argv[2]
resamples, seed, threads = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
eps = np.finfo(np.float64).eps

t0 = time.perf_counter()
# Columns id,label,score,prediction (the bench writes them so).
C = np.loadtxt(candidate_file, delimiter=",", skiprows=1)
B = np.loadtxt(baseline_file, delimiter=",", skiprows=1)
if not np.array_equal(C[:, 0], B[:, 0]):
    C = C[np.argsort(C[:, 0], kind="stable")]
    B = B[np.argsort(B[:, 0], kind="stable")]
    if not np.array_equal(C[:, 0], B[:, 0]):
        raise SystemExit("the two files hold different ids")
label = C[:, 1].astype(np.int64)
if not np.array_equal(label, B[:, 1].astype(np.int64)):
    raise SystemExit("the labels differ")
n = label.shape[0]
t_read = time.perf_counter() - t0

t0 = time.perf_counter()
first = np.lexsort((label, C[:, 2]))
C, B, label = C[first], B[first], label[first]


def per_example(table):
    s = table[:, 2]
    correct = (table[:, 3].astype(np.int64) == label).astype(np.float64)
    p = np.clip(s, eps, 1 - eps)
    loss = -np.log(np.where(label == 1, p, 1 - p) / ((1 - p) + p))
    order = np.lexsort((label, s))  # by score, negatives first within a tie
    ss = s[order]
    new_group = np.r_[True, ss[1:] != ss[:-1]]
    starts = np.flatnonzero(new_group)
    pos = label[order].astype(np.float64)
    in_order = bool(np.array_equal(order, np.arange(n)))
    return correct, loss, (None if in_order else order), pos, 1.0 - pos, (starts if len(starts) < n else None)


pc = per_example(C)
pb = per_example(B)
M = np.ascontiguousarray(np.column_stack([pc[0], pb[0], pc[1], pb[1]]))  # (n, 4)
goal = np.array([1.0, -1.0, 1.0])


def auc(w, prep):
    _, _, order, pos, neg, starts = prep
    ws = w if order is None else w[order]
    pw = ws * pos
    nw = ws * neg
    if starts is None:
        # No ties: a positive outranks the negatives before it (pw * nw is 0 element-wise).
        return (pw @ np.cumsum(nw)) / (pw.sum() * nw.sum())
    pw = np.add.reduceat(pw, starts)
    nw = np.add.reduceat(nw, starts)
    below = np.cumsum(nw)
    below -= 0.5 * nw  # negatives below each group, half of those tied with it
    return (pw @ below) / (pw.sum() * nw.sum())


def metrics(w):
    means = (w @ M) / w.sum()
    return np.array([means[0], means[2], auc(w, pc)]), np.array([means[1], means[3], auc(w, pb)])


ones = np.ones(n)
point_c, point_b = metrics(ones)
t_prepare = time.perf_counter() - t0


def draw_bincount(rng):
    return np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)


uniform = None


def draw_multinomial(rng):
    return rng.multinomial(n, uniform).astype(np.float64)


def draw_poisson(rng):
    # The Poisson bootstrap, as ours draws it: an independent Poisson(1) weight per example.
    return rng.poisson(1.0, n).astype(np.float64)


def seconds_of(draw):
    t0 = time.perf_counter()
    for b in range(3):
        draw(np.random.default_rng([seed, 10**9 + b]))
    return (time.perf_counter() - t0) / 3


# Pick the fastest way of drawing weights on this machine (a few draws each; not part of the timing).
uniform = np.full(n, 1.0 / n)
draw_seconds = {"bincount": seconds_of(draw_bincount), "multinomial": seconds_of(draw_multinomial), "poisson": seconds_of(draw_poisson)}
if os.environ.get("BENCH_NUMPY_DRAW"):
    fastest = os.environ["BENCH_NUMPY_DRAW"]
else:
    fastest = min(draw_seconds, key=draw_seconds.get)
draw = {"bincount": draw_bincount, "multinomial": draw_multinomial, "poisson": draw_poisson}[fastest]
if draw is not draw_multinomial:
    uniform = None

diffs = np.empty((resamples, 3))


def run(b):
    w = draw(np.random.default_rng([seed, b]))
    c, a = metrics(w)
    diffs[b] = goal * (c - a)


t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=threads) as pool:
    list(pool.map(run, range(resamples), chunksize=8))
t_boot = time.perf_counter() - t0

diffs.sort(axis=0)
lower = diffs[max(int(np.floor(0.05 * (resamples + 1) + 1e-9)), 1) - 1]
upper = diffs[min(int(np.floor(0.95 * (resamples + 1) + 1e-9)), resamples) - 1]
json.dump(
    {
        "read": t_read,
        "prepare": t_prepare,
        "bootstrap": t_boot,
        "counts": fastest,
        "drawSeconds": draw_seconds,
        "candidate": point_c.tolist(),
        "baseline": point_b.tolist(),
        "lower": lower.tolist(),
        "upper": upper.tolist(),
        "peakMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    },
    sys.stdout,
)
