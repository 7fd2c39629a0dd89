#!/usr/bin/python3
"""numpy/scipy/sklearn/torch timings of softmax cross-entropy on the same shapes as LossBenchmark.

Run with Debian's interpreter (numpy, scipy, sklearn, torch):  /usr/bin/python3 bench/tools/python_baseline_losses.py
Prints ns per logit (best of 5 repetitions) for N = 1e6 rows x C = 10 classes and N = 1e5 x C = 1000, float64
and float32, logits N(0, 3^2) with uniform class-index targets, mean over rows:
  * scipy route: (logsumexp(z, axis=1) - z[arange, y]).mean()
  * scipy log_softmax route: -log_softmax(z, axis=1)[arange, y].mean()
  * sklearn: log_loss(y, softmax(z)) (the probabilities are computed outside the timing)
  * torch: torch.nn.functional.cross_entropy(z, y) on the CPU, with torch's own threads (set to 1 below so the
    comparison with single-threaded shannon4j is fair; pass --threads N to change)
This is a reference point for the JMH figures, not a benchmark of record. --csv FILE also writes the figures as
CSV (library,case,shape,dtype,unit,value); `bin/shannon4j report` shows them next to its own when the file is
python-baseline-losses.csv in the results directory.
"""
import csv
import sys
import timeit
import warnings

import numpy as np
import scipy
from scipy.special import log_softmax, logsumexp, softmax
import sklearn
from sklearn.metrics import log_loss

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # torch is optional
    torch = None


def best_ns_per_logit(fn, n, reps=5):
    fn()
    return min(timeit.repeat(fn, number=1, repeat=reps)) / n * 1e9


def main():
    threads = 1
    if "--threads" in sys.argv:
        threads = int(sys.argv[sys.argv.index("--threads") + 1])
    if torch is not None:
        torch.set_num_threads(threads)
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"sklearn {sklearn.__version__}, torch {torch.__version__ if torch else 'absent'} ({threads} thread)")
    print(f"{'rows x classes':>15} {'dtype':>8} {'route':>40} {'ns/logit':>9}")
    out_rows = []
    libs = {"scipy": f"scipy {scipy.__version__}", "sklearn": f"sklearn {sklearn.__version__}",
            "torch": f"torch {torch.__version__ if torch else ''} ({threads} thread)"}
    rng = np.random.default_rng(42)
    for rows, classes in ((1_000_000, 10), (100_000, 1000)):
        for dtype in (np.float64, np.float32):
            z = (3 * rng.standard_normal((rows, classes))).astype(dtype)
            y = rng.integers(0, classes, rows)
            idx = np.arange(rows)
            n = rows * classes
            cases = {
                "scipy logsumexp(z) - z[y]": lambda: (logsumexp(z, axis=1) - z[idx, y]).mean(),
                "scipy -log_softmax(z)[y]": lambda: -log_softmax(z, axis=1)[idx, y].mean(),
            }
            p = softmax(z, axis=1)
            labels = np.arange(classes)

            def sk():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return log_loss(y, p, labels=labels)
            cases["sklearn log_loss(y, softmax(z))"] = sk
            if torch is not None:
                zt = torch.from_numpy(z)
                yt = torch.from_numpy(y)
                cases["torch F.cross_entropy(z, y)"] = lambda: F.cross_entropy(zt, yt)
            for name, fn in cases.items():
                t = best_ns_per_logit(fn, n)
                print(f"{rows:>8}x{classes:<6} {np.dtype(dtype).name:>8} {name:>40} {t:>9.2f}")
                out_rows.append([f"{libs[name.split()[0]]}", f"softmax cross-entropy: {name}", f"{rows}x{classes}", f"{np.dtype(dtype).name}", f"ns/logit", f"{t:.4f}"])
    if "--csv" in sys.argv:
        with open(sys.argv[sys.argv.index("--csv") + 1], "w", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows([["library", "case", "shape", "dtype", "unit", "value"]] + out_rows)


if __name__ == "__main__":
    main()
