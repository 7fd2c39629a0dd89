#!/usr/bin/python3
# Golden values of NannyML's univariate drift methods (shannon4j-drift: Drift.numeric with DriftPreset.NANNYML).
#
# NannyML is not installed here (and pulls in pandas); its formulas are re-implemented below line by line from its
# source (github.com/NannyML/nannyml, Apache-2.0, commit 4c86ee3 of 2025-07), with numpy and scipy doing the
# arithmetic. Sources:
#   nannyml/drift/univariate/methods.py   ContinuousJensenShannonDistance, KolmogorovSmirnovStatistic,
#                                         WassersteinDistance, ContinuousHellingerDistance (_fit, _calculate),
#                                         Method.fit (thresholds from reference chunks), Method.alert
#   nannyml/drift/univariate/calculator.py DEFAULT_THRESHOLDS: StandardDeviationThreshold(std_lower_multiplier=None)
#   nannyml/thresholds.py                 StandardDeviationThreshold.thresholds, calculate_threshold_values
#   nannyml/chunk.py                      DefaultChunker (chunk_size = n // 10), SizeBasedChunker(incomplete='keep')
#   nannyml/base.py                       _remove_nans (drops NaN only; +-inf stay)
# Lines: C name | R hex,... (reference) | U hex,... (current) | V name method value_hex threshold_hex drift
#        (threshold: the default one; drift: value > threshold)
# Rerun from the repository root:  /usr/bin/python3 drift/tools/generate_nannyml.py
import gzip
import io
import os

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import ks_2samp, wasserstein_distance

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "test", "resources", "org",
                   "shannon4j", "drift", "nannyml.tsv.gz")


def remove_nans(a):
    a = np.asarray(a, dtype=np.float64)
    return a[~np.isnan(a)]


class JensenShannon:
    upper_limit = None

    def fit(self, ref):
        ref = remove_nans(ref)
        self.bins = np.histogram_bin_edges(ref.astype("float64"), bins='doane')
        self.ref = np.histogram(ref, bins=self.bins)[0] / len(ref)

    def binned(self, data):
        r = self.ref.copy()
        c = np.histogram(data, bins=self.bins)[0] / len(data)
        leftover = 1 - np.sum(c)
        if leftover > 0:
            c = np.append(c, leftover)
            r = np.append(r, 0)
        return r, c

    def calculate(self, data):
        data = remove_nans(data)
        if data.size == 0:
            return np.nan
        r, c = self.binned(data)
        return jensenshannon(r, c, base=2)


class Hellinger(JensenShannon):
    def calculate(self, data):
        data = remove_nans(data)
        if data.size == 0:
            return np.nan
        r, c = self.binned(data)
        return np.sqrt(np.sum((np.sqrt(r) - np.sqrt(c)) ** 2)) / np.sqrt(2)


class KolmogorovSmirnov:
    upper_limit = 1

    def fit(self, ref):
        ref = remove_nans(ref)
        if len(ref) < 10_000:
            self.ref_data = ref
        else:
            quantile_range = np.linspace(np.min(ref), np.max(ref), 10_000 + 1)
            counts, self.qts = np.histogram(ref, quantile_range)
            self.ref_rel_freqs = np.cumsum(counts / len(ref))
        self.size = len(ref)

    def calculate(self, data):
        data = remove_nans(data)
        if data.size == 0:
            return np.nan
        if self.size >= 10_000:
            chunk_proba_in_qts, _ = np.histogram(data, self.qts)
            chunk_rel_freqs = chunk_proba_in_qts / len(data)
            rel_freq_lower_than_edges = len(data[data < self.qts[0]]) / len(data)
            chunk_rel_freqs = rel_freq_lower_than_edges + np.cumsum(chunk_rel_freqs)
            return np.max(abs(self.ref_rel_freqs - chunk_rel_freqs))
        return ks_2samp(self.ref_data, data)[0]


def ecdf(vec):
    vec = np.sort(vec)
    x, counts = np.unique(vec, return_counts=True)
    return x, np.cumsum(counts) / len(vec)


class Wasserstein:
    upper_limit = None

    def fit(self, ref):
        ref = remove_nans(ref)
        if len(ref) < 10_000:
            self.ref_data = ref
        else:
            counts, self.edges = np.histogram(ref, bins=10_000)
            rel = counts / len(ref)
            self.width = self.edges[1] - self.edges[0]
            self.ref_min = self.edges[0]
            self.ref_max = self.edges[-1]
            self.ref_cdf = np.cumsum(rel)
        self.size = len(ref)

    def calculate(self, data):
        data = remove_nans(data)
        if data.size == 0:
            return np.nan
        if self.size < 10_000:
            return wasserstein_distance(self.ref_data, data)
        data_smaller = data[data < self.ref_min]
        data_bigger = data[data > self.ref_max]
        n_smaller, n_bigger = len(data_smaller), len(data_bigger)
        if n_smaller > 0:
            amount_smaller = (n_smaller + 1) / len(data)
            x, y = ecdf(np.concatenate((data_smaller, [self.ref_min])))
            term_smaller = np.sum(y[:-1] * np.diff(x)) * amount_smaller
        else:
            term_smaller, amount_smaller = 0, 0
        if n_bigger > 0:
            amount_bigger = (n_bigger + 1) / len(data)
            x, y = ecdf(np.concatenate(([self.ref_max], data_bigger)))
            term_bigger = np.sum((1 - y)[:-1] * np.diff(x)) * amount_bigger
        else:
            term_bigger = 0
        hist = np.histogram(data, bins=self.edges)[0] / len(data)
        data_cdf = np.cumsum(hist) + amount_smaller
        term_within = np.sum(np.abs(self.ref_cdf - data_cdf) * self.width)
        return term_within + term_smaller + term_bigger


def default_threshold(method, ref):
    # Method.fit: values of the reference's DefaultChunker chunks, StandardDeviationThreshold(None, 3), limits
    n = len(ref)
    size = n // 10
    chunks = [ref[i:i + size] for i in range(0, n, size) if i + size - 1 < n]
    if n % size != 0:
        chunks.append(ref[size * (n // size):])
    values = np.asarray([method.calculate(c) for c in chunks])
    upper = np.nanmean(values) + np.nanstd(values) * 3
    if method.upper_limit is not None and upper >= method.upper_limit:
        upper = method.upper_limit
    return float(upper)


METHODS = [("jensen_shannon", JensenShannon), ("hellinger", Hellinger), ("kolmogorov_smirnov", KolmogorovSmirnov),
           ("wasserstein", Wasserstein)]


def cases():
    rng = np.random.default_rng(20260206)
    c = {}
    c["normal_vs_shifted"] = (rng.normal(size=5000), rng.normal(loc=0.3, scale=1.1, size=5000))
    c["normal_vs_same_law"] = (rng.normal(size=4000), rng.normal(size=4000))
    c["heavy_tails_cauchy"] = (rng.standard_cauchy(size=3000), rng.standard_cauchy(size=3000) * 1.5 + 0.2)
    c["heavy_tails_lognormal"] = (rng.lognormal(size=3000), rng.lognormal(mean=0.2, sigma=1.2, size=2500))
    c["ties_few_values"] = (rng.integers(0, 5, size=2000).astype(float),
                            rng.integers(0, 7, size=1500).astype(float))
    c["ties_poisson"] = (rng.poisson(3.0, size=5000).astype(float), rng.poisson(3.5, size=5000).astype(float))
    c["current_outside_both_sides"] = (rng.uniform(-1, 1, size=3000), rng.uniform(-1.5, 1.8, size=2000))
    c["constant_reference"] = (np.full(1000, 2.5), rng.normal(loc=2.5, size=1000))
    c["constant_both_equal"] = (np.full(500, -1.0), np.full(300, -1.0))
    c["constant_both_different"] = (np.full(500, 4.0), np.full(700, 5.0))
    ref = rng.normal(size=3000)
    ref[rng.integers(0, 3000, size=40)] = np.nan
    ref[:400:37] = np.nan  # a chunk with more NaN than the others
    cur = rng.normal(loc=0.1, size=2000)
    cur[rng.integers(0, 2000, size=30)] = np.nan
    c["nan"] = (ref, cur)
    c["different_lengths"] = (rng.normal(size=9000), rng.normal(loc=-0.2, scale=0.8, size=700))
    c["short_columns"] = (rng.normal(size=25), rng.normal(size=7))
    c["uneven_chunks"] = (rng.normal(size=107), rng.normal(loc=0.5, size=50))
    c["large_offset"] = (1e6 + rng.normal(size=3000), 1e6 + rng.normal(loc=0.5, size=3000))
    # from 10,000 reference values on: KS and Wasserstein binned (and NaN rows still counted by the chunker)
    c["approx_normal_vs_shifted"] = (rng.normal(size=30000), rng.normal(loc=0.2, scale=1.3, size=12000))
    c["approx_same_law"] = (rng.normal(size=20000), rng.normal(size=20000))
    c["approx_current_outside"] = (rng.uniform(0, 1, size=10000), rng.uniform(-0.3, 1.4, size=5000))
    c["approx_current_far_outside"] = (rng.normal(size=12000),
                                       np.concatenate([rng.normal(size=3000), [-50.0, -50.0, -20.0, 40.0, 60.0]]))
    c["approx_heavy_tails"] = (rng.standard_cauchy(size=15000), rng.standard_cauchy(size=4000))
    c["approx_ties"] = (rng.integers(0, 30, size=25000).astype(float), rng.integers(0, 33, size=9000).astype(float))
    ref = rng.normal(size=10050)
    ref[rng.integers(0, 10050, size=50)] = np.nan
    c["approx_nan_in_reference"] = (ref, rng.normal(loc=0.05, size=3000))
    # +-inf in the current column (NannyML keeps them): outside the reference's edges, so in the leftover bin;
    # counted by ks_2samp; Wasserstein (inf or NaN in NannyML) is an error in shannon4j and has no line here
    cur = rng.normal(loc=0.1, size=2000)
    cur[[4, 50, 51]] = np.inf
    cur[[7]] = -np.inf
    cur[[9]] = np.nan
    c["current_infinities"] = (rng.normal(size=3000), cur)
    cur = rng.normal(size=4000)
    cur[[1, 2]] = np.inf
    cur[[3]] = -np.inf
    c["approx_current_infinities"] = (rng.normal(size=11000), cur)
    # values one ulp apart (0.1 + 0.2 next to 0.3): the Doane edges repeat, numpy counts between them
    noise = 0.1 + 0.2
    c["float_noise_two_values"] = (np.array([0.3] * 200 + [noise] * 5), np.array([0.3] * 50 + [noise] * 50))
    c["float_noise_approx"] = (np.array([0.3] * 9000 + [noise] * 1500), np.array([0.3] * 50 + [noise] * 70))
    return c


def hexs(a):
    return ",".join(float(v).hex() for v in a)


def main():
    buf = io.StringIO()
    buf.write("# numpy %s, scipy %s; NannyML formulas, see drift/tools/generate_nannyml.py\n"
              % (np.__version__, __import__("scipy").__version__))
    for name, (ref, cur) in cases().items():
        buf.write("C\t%s\n" % name)
        buf.write("R\t%s\n" % hexs(ref))
        buf.write("U\t%s\n" % hexs(cur))
        for method_name, cls in METHODS:
            if method_name == "wasserstein" and np.isinf(cur).any():
                continue
            m = cls()
            m.fit(ref)
            v = float(m.calculate(cur))
            t = default_threshold(m, np.asarray(ref, dtype=np.float64))
            buf.write("V\t%s\t%s\t%s\t%s\t%s\n" % (name, method_name, v.hex(), t.hex(),
                                                   "true" if v > t else "false"))
    with open(OUT, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(buf.getvalue().encode("ascii"))


if __name__ == "__main__":
    main()
