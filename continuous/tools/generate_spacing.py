"""Fixtures for SpacingEntropy, from scipy 1.10's scipy.stats.differential_entropy (Debian, /usr/bin/python3).

Writes ../src/test/resources/org/shannon4j/continuous/scipy_spacing.txt.gz:
  #data name n       then n values, one per line (repr, so they are read back to the bit)
  #case name method window base value
                     differential_entropy(values, window_length=window or None for "default", method=method,
                     base=None for "e" or 2)
Samples: normal, uniform, exponential, Cauchy and lognormal draws at sizes on both sides of 'auto''s switches (10,
1000), partial ties (shorter than a window), values near 1e300 and 1e-300, and an offset of 1e12.
"""
import gzip
import math
import os

import numpy as np
import scipy
from scipy.stats import differential_entropy

METHODS = ("auto", "vasicek", "van es", "ebrahimi", "correa")


def samples():
    rng = np.random.RandomState(20260)
    out = []
    for n in (5, 10, 11, 37, 200, 1000, 1001, 4099):
        out.append((f"normal{n}", rng.standard_normal(n)))
    out.append(("uniform500", rng.random_sample(500)))
    out.append(("exponential700", rng.exponential(2.0, 700)))
    out.append(("cauchy1500", rng.standard_cauchy(1500)))
    out.append(("lognormal300", rng.lognormal(0, 2, 300)))
    out.append(("ties400", np.round(rng.standard_normal(400), 2)))  # runs of up to a few equal values
    out.append(("huge250", 1e300 * rng.standard_normal(250)))
    out.append(("tiny250", 1e-300 * rng.standard_normal(250)))
    out.append(("offset300", 1e12 + rng.standard_normal(300)))
    out.append(("big20000", rng.standard_normal(20000)))
    return out


def fmt(v):
    return repr(float(v))


def main():
    assert scipy.__version__.startswith("1.10"), scipy.__version__
    lines = []
    for name, x in samples():
        lines.append(f"#data\t{name}\t{len(x)}")
        lines.extend(fmt(v) for v in x)
        n = len(x)
        # the largest window scipy allows, where Correa's O(n m) stays small
        windows = ["default", 1, 3, (n - 1) // 2 if n <= 2000 else 100]
        for method in METHODS:
            for w in windows:
                if w != "default" and not 2 <= 2 * w < n:
                    continue
                for base in ("e", 2):
                    with np.errstate(divide="raise", invalid="raise", over="raise"):
                        try:
                            h = differential_entropy(x, window_length=None if w == "default" else w,
                                                     method=method, base=None if base == "e" else base)
                        except FloatingPointError:
                            h = None
                    value = "error" if h is None or not math.isfinite(h) else fmt(h)
                    lines.append(f"#case\t{name}\t{method}\t{w}\t{base}\t{value}")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "../src/test/resources/org/shannon4j/continuous/scipy_spacing.txt.gz")
    with gzip.GzipFile(out, "wb", mtime=0) as g:
        g.write(("\n".join(lines) + "\n").encode())
    print(out, len(lines))


if __name__ == "__main__":
    main()
