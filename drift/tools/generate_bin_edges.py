#!/usr/bin/python3
# Golden bin edges for shannon4j-drift (BinEdges, Histogram), from numpy itself.
#
# For every data set below and every rule: np.histogram_bin_edges(a, rule[, range]) and the counts of
# np.histogram(a, edges). Modes:
#   plain  float64 array                                   -> BinEdges.of / inRange
#   range  float64 array with range=(lo, hi)               -> BinEdges.inRange(..., NonFinite.DROP)
#   int1   int64 array, numpy 1.x (this numpy)             -> BinEdges.of (numpy 1.x treats it like float64)
#   int2   int64 array as numpy >= 2.1 computes it: the estimator width raised to 1 when below 1 (gh-12150),
#          emulated with this numpy's own estimators and linspace      -> BinEdges.ofIntegerColumn
#   auto23 float64 array, numpy >= 2.3's 'auto': min(max(fd, sqrt / 2), sturges) (numpy#28426), emulated with this
#          numpy's own estimators and linspace                              -> BinEdges.of(a, AUTO_NUMPY_2_3)
#   quant  np.unique(np.quantile(a, np.linspace(0, 1, bins + 1))) (method 'linear'), a constant column expanded
#          to [v - 0.5, v + 0.5]                               -> BinEdges.quantiles
# Lines: D name values | E name mode rule lo hi edge_count stride edges counts. Values and edges are written as
# float.hex. Deterministic (fixed seeds, gzip without a time stamp).
# Rerun from the repository root with the Debian interpreter:
#     /usr/bin/python3 drift/tools/generate_bin_edges.py
import gzip
import io
import os
import warnings

import numpy as np
from numpy.lib import histograms as H

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "test", "resources", "org",
                   "shannon4j", "drift", "bin_edges.tsv.gz")
RULES = ["auto", "sturges", "doane", "fd", "scott", "rice", "sqrt", 1, 7, 10]


def datasets():
    rng = np.random.default_rng(20260115)
    d = {}
    for n in (1, 2, 3, 4, 5, 7, 8, 16, 100, 1000, 1024, 100000):
        d["normal_%d" % n] = rng.normal(size=n)
    d["shifted_1000"] = rng.normal(loc=0.5, scale=1.3, size=1000)
    d["cauchy_1000"] = rng.standard_cauchy(size=1000)
    d["cauchy_20000"] = rng.standard_cauchy(size=20000)
    d["lognormal_5000"] = rng.lognormal(size=5000)
    d["ties_1000"] = rng.integers(0, 5, size=1000).astype(float)
    d["mostly_zero_1000"] = np.where(rng.random(1000) < 0.9, 0.0, rng.normal(size=1000))
    d["constant_100"] = np.full(100, 3.25)
    d["constant_1"] = np.array([-7.0])
    d["tiny_range_1000"] = 1.0 + rng.random(1000) * 1e-12
    d["subnormal_range_10"] = rng.random(10) * 5e-323
    d["huge_1000"] = rng.normal(size=1000) * 1e300
    d["huge_offset_1000"] = 1e15 + rng.normal(size=1000)
    d["integers_small_5000"] = rng.integers(0, 21, size=5000).astype(float)
    d["integers_wide_1000"] = rng.integers(-10**6, 10**6, size=1000).astype(float)
    d["poisson_3000"] = rng.poisson(3.0, size=3000).astype(float)
    d["two_values_50"] = np.array([1.0, 2.0] * 25)
    d["cube_1000_uniform"] = np.linspace(0.0, 1.0, 1000)
    d["power2_4096"] = rng.uniform(-3, 3, size=4096)
    outlier = rng.normal(size=1000) * 1e-6  # a tiny IQR and one outlier: numpy 1.x's 'auto' asks for 3.8e7 bins
    outlier[17] = 10.0
    d["tiny_iqr_outlier_1000"] = outlier
    return d


def hexs(a):
    return ",".join(float(v).hex() for v in a)


def int2_edges(a, rule):
    # numpy >= 2.1's _get_bin_edges for an integer dtype, built from this numpy's pieces
    first, last = H._get_outer_edges(a, None)
    width = H._hist_bin_selectors[rule](a, (first, last))
    if width:
        if width < 1:
            width = 1
        nb = int(np.ceil(H._unsigned_subtract(last, first) / width))
    else:
        nb = 1
    return np.linspace(first, last, nb + 1, endpoint=True, dtype=np.result_type(first, last, a, float))


def auto23_edges(a):
    # numpy >= 2.3's _hist_bin_auto (a float array), built from this numpy's pieces
    first, last = H._get_outer_edges(a, None)
    r = (first, last)
    width = min(max(H._hist_bin_fd(a, r), H._hist_bin_sqrt(a, r) / 2), H._hist_bin_sturges(a, r))
    nb = int(np.ceil(H._unsigned_subtract(last, first) / width)) if width else 1
    return np.linspace(first, last, nb + 1, endpoint=True, dtype=np.result_type(first, last, a, float))


def quantile_edges(a, bins):
    e = np.unique(np.quantile(a, np.linspace(0, 1, bins + 1)))
    if e.size == 1:
        e = np.array([e[0] - 0.5, e[0] + 0.5])
    return e


def main():
    warnings.simplefilter("ignore", RuntimeWarning)  # np.std of huge_1000 overflows (that case is an error)
    buf = io.StringIO()
    buf.write("# numpy %s; see drift/tools/generate_bin_edges.py\n" % np.__version__)
    for name, a in datasets().items():
        a = np.asarray(a, dtype=np.float64)
        buf.write("D\t%s\t%s\n" % (name, hexs(a)))

        def edge_line(mode, rule, e, lo="", hi=""):
            if e.size < 2 or np.any(np.diff(e) <= 0):
                e, counts = [], ["error"]  # shannon4j rejects these (0 bins, or repeated edges)
            else:
                counts = np.histogram(a, bins=e)[0]
            # Heavy tails give FD hundreds of thousands of bins: above 2,000 edges only every stride-th edge
            # (and the last) is written with the edge count; the counts then as their sum only.
            size = len(e)
            stride = 1 if size <= 2000 else size // 1000
            picked = [e[i] for i in range(0, size, stride)] + ([e[-1]] if (size - 1) % stride else [])
            counts_text = ",".join(str(c) for c in counts) if stride == 1 or isinstance(counts, list) \
                else "sum=%d" % int(np.sum(counts))
            buf.write("E\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n" % (name, mode, rule, lo, hi, size, stride,
                                                                  hexs(picked), counts_text))

        for rule in RULES:
            if name == "tiny_iqr_outlier_1000" and rule in ("auto", "fd"):
                continue  # 3.7e7 edges
            edge_line("plain", rule, np.histogram_bin_edges(a, bins=rule))
        edge_line("auto23", "auto", auto23_edges(a))
        if a.size > 2:
            lo, hi = np.quantile(a, [0.1, 0.8])
            for rule in RULES:
                edge_line("range", rule, np.histogram_bin_edges(a, bins=rule, range=(lo, hi)), lo.hex(), hi.hex())
        if np.all(a == np.rint(a)) and np.all(np.abs(a) < 2.0**53):
            ai = a.astype(np.int64)
            for rule in RULES:
                if isinstance(rule, str):
                    edge_line("int1", rule, np.histogram_bin_edges(ai, bins=rule))
                    edge_line("int2", rule, int2_edges(ai, rule))
        for bins in (1, 4, 10, 20):
            edge_line("quant", bins, quantile_edges(a, bins))
    with open(OUT, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(buf.getvalue().encode("ascii"))


if __name__ == "__main__":
    main()
