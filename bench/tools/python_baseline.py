#!/usr/bin/python3
"""numpy/scipy timings of the distribution measures on the same shapes as DistributionBenchmark.

Run with Debian's interpreter (it has numpy and scipy):  /usr/bin/python3 bench/tools/python_baseline.py
Prints ns per element (best of 7 repetitions) for n = 1e6 and 1e7, float64 and float32. With --csv FILE it
also writes them as CSV (library,case,shape,dtype,unit,value): `bin/shannon4j report` puts them side by side
with its own results when the file is python-baseline.csv in the results directory. The inputs mimic
bench's Distributions: p ~ Dirichlet(0.5) with about 10% exact zeros, q ~ Dirichlet(2), both normalised.
This is a reference point for the JMH figures, not a benchmark of record: Python timings include the
interpreter's call overhead (negligible at these sizes) and numpy's temporaries.
"""
import csv
import sys
import timeit

import numpy as np
import scipy
import scipy.special
import scipy.stats
from scipy.spatial.distance import jensenshannon


def inputs(n, dtype, seed=42):
    rng = np.random.default_rng(seed)
    x = rng.gamma(0.5, size=n)
    x[rng.random(n) < 0.1] = 0.0
    y = rng.gamma(2.0, size=n)
    p = (x / x.sum()).astype(dtype)
    q = (y / y.sum()).astype(dtype)
    return p, q


def best_ns_per_element(fn, n, reps=7):
    fn()  # warm-up
    return min(timeit.repeat(fn, number=1, repeat=reps)) / n * 1e9


def main():
    csv_file = sys.argv[sys.argv.index("--csv") + 1] if "--csv" in sys.argv else None
    rows = []
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}")
    print(f"{'n':>10} {'dtype':>8} {'measure':>34} {'ns/element':>11}")
    for n in (1_000_000, 10_000_000):
        for dtype in (np.float64, np.float32):
            p, q = inputs(n, dtype)
            cases = {
                "entropy: scipy.stats.entropy(p)": lambda: scipy.stats.entropy(p),
                "entropy: scipy.special.entr(p).sum()": lambda: scipy.special.entr(p).sum(),
                "crossEntropy: -xlogy(p, q).sum()": lambda: -scipy.special.xlogy(p, q).sum(),
                "KL: scipy.stats.entropy(p, q)": lambda: scipy.stats.entropy(p, q),
                "KL: rel_entr(p, q).sum()": lambda: scipy.special.rel_entr(p, q).sum(),
                "JS: jensenshannon(p, q)**2": lambda: jensenshannon(p, q) ** 2,
            }
            for name, fn in cases.items():
                t = best_ns_per_element(fn, n)
                print(f"{n:>10} {np.dtype(dtype).name:>8} {name:>34} {t:>11.2f}")
                rows.append([f"scipy {scipy.__version__}", f"{name}", f"{n}", f"{np.dtype(dtype).name}", f"ns/element", f"{t:.4f}"])
    if csv_file:
        with open(csv_file, "w", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows([["library", "case", "shape", "dtype", "unit", "value"]] + rows)


if __name__ == "__main__":
    main()
