#!/usr/bin/python3
# Golden values of Evidently 0.7.x's numeric-column drift (shannon4j-drift: Drift.numeric with DriftPreset.EVIDENTLY).
#
# Evidently is not installed here (and pulls in pandas); its formulas are re-implemented below line by line from its
# source (github.com/evidentlyai/evidently, Apache-2.0, tag v0.7.21), with numpy and scipy themselves doing the
# arithmetic. Sources, all under src/evidently/legacy/calculations/:
#   data_drift.py            get_one_column_drift: column.replace([-inf, inf], nan).dropna(); empty -> ValueError
#   stattests/utils.py       get_binned_data (bins, shares, the empty-share fill "feel_zeroes")
#   stattests/psi.py         _psi
#   stattests/kl_div.py      _kl_div
#   stattests/jensenshannon.py  _jensenshannon
#   stattests/hellinger_distance.py  _hellinger_distance (numeric branch)
#   stattests/wasserstein_distance_norm.py  _wasserstein_distance_norm
# pandas stand-ins: Series.nunique() = number of distinct non-NaN values; value_counts = counts per distinct value;
# np.std(series) calls Series.std(ddof=0), i.e. pandas nanops.nanvar without bottleneck:
#   avg = values.sum(dtype=float64) / count; sqr = (avg - values) ** 2; var = sqr.sum(dtype=float64) / count.
# Lines: C name | R hex,... (reference) | U hex,... (current) | V name method value_hex threshold drift
# Rerun from the repository root:  /usr/bin/python3 drift/tools/generate_evidently.py
import gzip
import io
import os

import numpy as np
from scipy import stats
from scipy.spatial import distance

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "test", "resources", "org",
                   "shannon4j", "drift", "evidently.tsv.gz")
THRESHOLD = 0.1  # default_threshold=0.1 of psi, kl_div, jensenshannon, hellinger, wasserstein


def clean(a):
    # data_drift.py get_one_column_drift: replace([-np.inf, np.inf], np.nan).dropna()
    a = np.asarray(a, dtype=np.float64)
    return a[np.isfinite(a)]


def value_counts(a):
    vals, counts = np.unique(a, return_counts=True)
    return dict(zip(vals.tolist(), counts.tolist()))


def get_binned_data(reference_data, current_data, n, feel_zeroes=True):
    # stattests/utils.py get_binned_data, feature_type == Numerical
    n_vals = len(set(reference_data.tolist()))  # reference_data.nunique()
    if n_vals > 20:
        combined = np.concatenate([reference_data, current_data])  # pd.concat([...]).values
        bins = np.histogram_bin_edges(combined, bins="sturges")
        reference_percents = np.histogram(reference_data, bins)[0] / len(reference_data)
        current_percents = np.histogram(current_data, bins)[0] / len(current_data)
    else:
        # get_unique_not_nan_values_list_from_series: list(set(ref.unique()) | set(cur.unique()))
        keys = list(set(np.unique(reference_data).tolist()) | set(np.unique(current_data).tolist()))
        ref_feature_dict = {**dict.fromkeys(keys, 0), **value_counts(reference_data)}
        current_feature_dict = {**dict.fromkeys(keys, 0), **value_counts(current_data)}
        reference_percents = np.array([ref_feature_dict[key] / len(reference_data) for key in keys])
        current_percents = np.array([current_feature_dict[key] / len(current_data) for key in keys])
    if feel_zeroes:
        np.place(
            reference_percents,
            reference_percents == 0,
            min(reference_percents[reference_percents != 0]) / 10**6
            if min(reference_percents[reference_percents != 0]) <= 0.0001
            else 0.0001,
        )
        np.place(
            current_percents,
            current_percents == 0,
            min(current_percents[current_percents != 0]) / 10**6
            if min(current_percents[current_percents != 0]) <= 0.0001
            else 0.0001,
        )
    return reference_percents, current_percents


def psi(ref, cur):
    # stattests/psi.py _psi (n_bins=30 is unused for numeric columns)
    r, c = get_binned_data(ref, cur, 30)
    psi_values = (r - c) * np.log(r / c)
    return np.sum(psi_values)


def kl_div(ref, cur):
    # stattests/kl_div.py _kl_div
    r, c = get_binned_data(ref, cur, 30)
    return stats.entropy(r, c)


def jensenshannon(ref, cur):
    # stattests/jensenshannon.py _jensenshannon: no fill, base=None
    r, c = get_binned_data(ref, cur, 30, False)
    return distance.jensenshannon(r, c, None)


def hellinger(ref, cur):
    # stattests/hellinger_distance.py _hellinger_distance, feature_type != Categorical
    keys = list(set(np.unique(ref).tolist()) | set(np.unique(cur).tolist()))
    bins = np.histogram_bin_edges(keys, bins="sturges")
    h1 = np.histogram(ref, bins=bins, density=True)[0]
    h2 = np.histogram(cur, bins=bins, density=True)[0]
    bin_width = (max(bins) - min(bins)) / (len(bins) - 1)
    hd = 0.0
    for i in range(len(h1)):
        hd += np.sqrt(float(h1[i]) * float(h2[i])) * bin_width  # math.sqrt in Evidently: both correctly rounded
    hd = np.clip(hd, 0, 1)
    return np.sqrt(1 - hd)


def pandas_std0(values):
    # np.std(pd.Series) -> Series.std(ddof=0) -> nanops.nanstd = sqrt(nanvar)
    count = values.size
    avg = values.sum(dtype=np.float64) / count
    sqr = (avg - values) ** 2
    return np.sqrt(sqr.sum(dtype=np.float64) / count)


def wasserstein(ref, cur):
    # stattests/wasserstein_distance_norm.py _wasserstein_distance_norm
    norm = max(float(pandas_std0(ref)), 0.001)
    return stats.wasserstein_distance(ref, cur) / norm


def ks(ref, cur):
    # stattests/ks_stattest.py _ks_stat_test: the p-value of ks_2samp (method 'auto': exact up to 10,000 values
    # per column; larger sizes are covered by generate_ks_asymp.py); drift if p <= threshold
    return stats.ks_2samp(ref, cur)[1]


METHODS = [("psi", psi), ("kl_div", kl_div), ("jensenshannon", jensenshannon), ("hellinger", hellinger),
           ("wasserstein", wasserstein), ("ks", ks)]
KS_THRESHOLD = 0.05


def chisquare_numeric(ref, cur):
    # chisquare_stattest.py on a numeric column (Evidently's default with 3 to 5 distinct values, <= 1000 rows)
    keys = sorted(set(ref.tolist()) | set(cur.tolist()))
    rc, cc = value_counts(ref), value_counts(cur)
    k_norm = len(cur) / len(ref)
    f_exp = [rc.get(k, 0) * k_norm for k in keys]
    f_obs = [cc.get(k, 0) for k in keys]
    with np.errstate(divide="ignore"):
        return stats.chisquare(f_obs, f_exp)[1]


def cases():
    rng = np.random.default_rng(20260115)
    c = {}
    c["normal_vs_shifted"] = (rng.normal(size=5000), rng.normal(loc=0.3, scale=1.1, size=5000))
    c["normal_vs_same_law"] = (rng.normal(size=4000), rng.normal(size=4000))
    c["normal_large_small_shift"] = (rng.normal(size=20000), rng.normal(loc=0.02, size=15000))
    c["heavy_tails_cauchy"] = (rng.standard_cauchy(size=3000), rng.standard_cauchy(size=3000) * 1.5 + 0.2)
    c["heavy_tails_lognormal"] = (rng.lognormal(size=3000), rng.lognormal(mean=0.2, sigma=1.2, size=2500))
    c["ties_few_values"] = (rng.integers(0, 5, size=2000).astype(float),
                            rng.integers(0, 7, size=1500).astype(float))
    c["ties_20_values"] = (rng.integers(0, 20, size=3000).astype(float),
                           rng.integers(2, 24, size=3000).astype(float))
    c["ties_21_values"] = (rng.integers(0, 21, size=3000).astype(float),
                           rng.integers(0, 21, size=2000).astype(float) * 1.0 + 0.0)
    c["ties_one_sided_values"] = (rng.choice([0.5, 1.5, 2.5], size=1000),
                                  rng.choice([1.5, 2.5, 3.5, 4.5], size=800))
    c["poisson"] = (rng.poisson(3.0, size=5000).astype(float), rng.poisson(3.5, size=5000).astype(float))
    c["constant_reference"] = (np.full(1000, 2.5), rng.normal(loc=2.5, size=1000))
    c["constant_both_equal"] = (np.full(500, -1.0), np.full(300, -1.0))
    c["constant_both_different"] = (np.full(500, 4.0), np.full(700, 5.0))
    c["constant_reference_near"] = (np.full(800, 1.0), 1.0 + rng.integers(0, 2, size=800) * 1e-3)
    ref = rng.normal(size=3000)
    ref[rng.integers(0, 3000, size=40)] = np.nan
    ref[[5, 77]] = np.inf
    ref[[9]] = -np.inf
    cur = rng.normal(loc=0.1, size=2000)
    cur[rng.integers(0, 2000, size=30)] = np.nan
    cur[[3]] = -np.inf
    c["nan_and_infinities"] = (ref, cur)
    c["different_lengths"] = (rng.normal(size=10000), rng.normal(loc=-0.2, scale=0.8, size=700))
    c["short_columns"] = (rng.normal(size=25), rng.normal(size=7))
    c["uniform_vs_normal"] = (rng.uniform(-2, 2, size=4000), rng.normal(size=4000))
    c["identical_columns"] = (np.arange(100.0), np.arange(100.0))
    c["large_offset"] = (1e6 + rng.normal(size=3000), 1e6 + rng.normal(loc=0.5, size=3000))
    # added with the ks test (after the cases above, so their data stay as they were)
    c["ks_small_unequal"] = (rng.normal(size=300), rng.normal(loc=0.1, size=457))
    c["ks_10000_vs_7"] = (rng.normal(size=10000), rng.normal(loc=0.5, size=7))
    c["ks_equal_sizes_shift"] = (rng.normal(size=800), rng.normal(loc=0.12, size=800))
    c["ks_tiny"] = (np.array([1.0, 2.0, 3.0]), np.array([2.5, 3.5]))
    c["four_values"] = (rng.integers(0, 4, size=600).astype(float),
                        rng.choice([0.0, 1.0, 2.0, 3.0], p=[0.2, 0.25, 0.25, 0.3], size=500))
    c["three_values_same_law"] = (rng.integers(-1, 2, size=900).astype(float),
                                  rng.integers(-1, 2, size=800).astype(float))
    # values one ulp apart (0.1 + 0.2 next to 0.3): Hellinger's Sturges edges over them repeat, numpy counts
    # between repeated edges (zero-width bins: densities n/0 and 0/0), Evidently gives 0.0 here and NaN below
    noise = 0.1 + 0.2
    c["float_noise_two_values"] = (np.array([0.3] * 200 + [noise] * 5), np.array([0.3] * 50 + [noise] * 50))
    c["float_noise_hellinger_nan"] = (np.array([0.3, noise] * 10), np.array([0.3] * 20))
    # three subnormal values: Sturges' width over 3 distinct values is one unit (2 bins, densities inf, NaN),
    # over the 12 values an upper bound would count it underflows to 0 (1 bin)
    t = 5e-324
    c["subnormal_three_values"] = (np.array([-t] * 8 + [0.0, t]), np.array([0.0, t]))
    return c


def hexs(a):
    return ",".join(float(v).hex() for v in a)


def main():
    buf = io.StringIO()
    buf.write("# numpy %s, scipy %s; Evidently 0.7 formulas, see drift/tools/generate_evidently.py\n"
              % (np.__version__, __import__("scipy").__version__))
    for name, (ref, cur) in cases().items():
        buf.write("C\t%s\n" % name)
        buf.write("R\t%s\n" % hexs(ref))
        buf.write("U\t%s\n" % hexs(cur))
        r, c = clean(ref), clean(cur)
        if 2 < len(set(r.tolist()) | set(c.tolist())) <= 5:
            v = float(chisquare_numeric(r, c))
            buf.write("V\t%s\tchisquare\t%s\t%r\t%s\n" % (name, v.hex(), KS_THRESHOLD,
                                                            "true" if v < KS_THRESHOLD else "false"))
        for method, f in METHODS:
            if method == "ks":
                if max(len(r), len(c)) > 10000:
                    continue
                v = float(f(r, c))
                buf.write("V\t%s\t%s\t%s\t%r\t%s\n" % (name, method, v.hex(), KS_THRESHOLD,
                                                       "true" if v <= KS_THRESHOLD else "false"))
                continue
            v = float(f(r, c))
            buf.write("V\t%s\t%s\t%s\t%r\t%s\n" % (name, method, v.hex(), THRESHOLD,
                                                   "true" if v >= THRESHOLD else "false"))
    with open(OUT, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(buf.getvalue().encode("ascii"))


if __name__ == "__main__":
    main()
