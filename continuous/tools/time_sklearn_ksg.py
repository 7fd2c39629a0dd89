#!/usr/bin/python3
"""Times scikit-learn's mutual_info_regression (KSG, n_neighbors=3) on KsgBenchmark's data.

Run: /usr/bin/python3 continuous/tools/time_sklearn_ksg.py [n ...] [--csv FILE]   (default 100000)
The data are bench/.../KsgBenchmark.sample(n, 0.5): splitmix64 uniforms through Box-Muller. Prints the best of
three wall times and sklearn's estimate (with its noise, random_state=0) next to _compute_mi_cc without noise.
With --csv FILE the times are also written as CSV (library,case,shape,dtype,unit,value; unit ms/call), as
`bin/shannon4j report` runs it for its "Continuous MI and registration" section.
"""
import csv
import sys
import time

import numpy as np
from sklearn.feature_selection import mutual_info_regression
from sklearn.feature_selection._mutual_info import _compute_mi_cc

MASK = (1 << 64) - 1


def sample(n, rho):
    state = 20261206
    u = np.empty(2 * n)
    for i in range(2 * n):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        u[i] = (z >> 11) * 2.0 ** -53
    u1, u2 = u[0::2], u[1::2]
    r = np.sqrt(-2 * np.log1p(-u1))
    x = r * np.cos(2 * np.pi * u2)
    y = rho * x + np.sqrt(1 - rho * rho) * r * np.sin(2 * np.pi * u2)
    return x, y


args = sys.argv[1:]
csv_file = None
if "--csv" in args:
    csv_file = args[args.index("--csv") + 1]
    del args[args.index("--csv"):args.index("--csv") + 2]
rows = []
for n in [int(a) for a in args] or [100000]:
    x, y = sample(n, 0.5)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        mi = mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=0)[0]
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    raw = _compute_mi_cc(x, y, 3)
    t_raw = time.perf_counter() - t
    print("n = %d: mutual_info_regression best of 3 %.3f s (all: %s), mi = %.15g; _compute_mi_cc %.3f s, mi = %.15g"
          % (n, min(times), ", ".join("%.3f" % v for v in times), mi, t_raw, raw))
    sys.stdout.flush()
    rows.append(["scikit-learn", "mutual_info_regression", str(n), "float64", "ms/call", "%.6g" % (min(times) * 1e3)])
    rows.append(["scikit-learn", "_compute_mi_cc", str(n), "float64", "ms/call", "%.6g" % (t_raw * 1e3)])
if csv_file:
    with open(csv_file, "w", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([["library", "case", "shape", "dtype", "unit", "value"]] + rows)
