#!/usr/bin/python3
# numpy / scikit-learn timings on the shapes of MutualInformationBenchmark, for comparison:
#   MI from labels, n = 1e7, k = 10, 100, 1000 (y = x for a third of the samples, as in the benchmark):
#     numpy: np.bincount(x * k + y, minlength=k*k) then the plug-in formula (the fastest numpy route)
#     sklearn: sklearn.metrics.mutual_info_score(x, y)
#   AMI: sklearn.metrics.adjusted_mutual_info_score at n = 1e6, k = 100.
# Run with the Debian interpreter (it has numpy and scikit-learn):  /usr/bin/python3 bench/tools/python_baseline_mi.py
# --csv FILE also writes the figures as CSV (library,case,shape,dtype,unit,value), which `bin/shannon4j report`
# shows next to its own when the file is python-baseline-mi.csv in the results directory.
import csv
import sys
import time
import numpy as np
from sklearn import metrics


def labels(n, k, seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, k, n)
    y = np.where(rng.integers(0, 3, n) == 0, x, rng.integers(0, k, n))
    return x, y


def numpy_mi(x, y, k):
    c = np.bincount(x * k + y, minlength=k * k).astype(np.float64)
    n = c.sum()
    a = c.reshape(k, k).sum(axis=1)
    b = c.reshape(k, k).sum(axis=0)
    nz = c[c > 0]
    return (np.sum(nz * np.log(nz)) - np.sum(a[a > 0] * np.log(a[a > 0])) - np.sum(b[b > 0] * np.log(b[b > 0]))) / n + np.log(n)


def best(f, reps):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


import sklearn

rows = []
n = 10_000_000
for k in (10, 100, 1000):
    x, y = labels(n, k, 42)
    t_np = best(lambda: numpy_mi(x, y, k), 3)
    t_sk = best(lambda: metrics.mutual_info_score(x, y), 1)
    print(f"MI n=1e7 k={k}: numpy bincount {t_np / n * 1e9:.2f} ns/sample, sklearn mutual_info_score {t_sk / n * 1e9:.1f} ns/sample")
    rows.append([f"numpy {np.__version__}", f"MI: bincount + plug-in", f"n=1e7 k={k}", f"int64", f"ns/sample", f"{t_np / n * 1e9:.4f}"])
    rows.append([f"sklearn {sklearn.__version__}", f"MI: mutual_info_score", f"n=1e7 k={k}", f"int64", f"ns/sample", f"{t_sk / n * 1e9:.4f}"])
x, y = labels(1_000_000, 100, 43)
t = best(lambda: metrics.adjusted_mutual_info_score(x, y), 1)
print(f"AMI n=1e6 k=100: sklearn adjusted_mutual_info_score {t * 1e3:.0f} ms")
rows.append([f"sklearn {sklearn.__version__}", f"AMI: adjusted_mutual_info_score", f"n=1e6 k=100", f"int64", f"ms/call", f"{t * 1e3:.3f}"])
if "--csv" in sys.argv:
    with open(sys.argv[sys.argv.index("--csv") + 1], "w", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([["library", "case", "shape", "dtype", "unit", "value"]] + rows)
