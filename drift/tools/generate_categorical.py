#!/usr/bin/python3
# Golden values of Evidently 0.7's and NannyML's categorical-column drift (shannon4j-drift: Drift.categorical),
# and of scipy's chi2.sf for the chi-square p-values.
#
# Neither tool is installed here (both pull in pandas); their formulas are re-implemented below from their source
# (Apache-2.0), numpy and scipy doing the arithmetic, pandas' value_counts/dropna replaced by Counter and a filter:
#   Evidently (github.com/evidentlyai/evidently, src/evidently/legacy/calculations/):
#     data_drift.py get_one_column_drift (dropna), stattests/utils.py get_binned_data (categorical branch),
#     stattests/psi.py, kl_div.py, jensenshannon.py, hellinger_distance.py (categorical branch)
#   NannyML (github.com/NannyML/nannyml, commit 4c86ee3, nannyml/drift/univariate/methods.py):
#     CategoricalJensenShannonDistance, CategoricalHellingerDistance, LInfinityDistance, Chi2Statistic;
#     thresholds as in generate_nannyml.py (DefaultChunker, mean + 3 sd, value > threshold; chi2: p < 0.05)
# Evidently builds its keys as list(set(...)), whose order depends on Python's string hash seed: the sums below run
# over the sorted keys (as shannon4j does), so they are one of the orders Evidently may use.
# Lines: C name | R cats (comma-separated, empty = missing) | U cats | V preset name method value_hex threshold_hex
#        drift p_hex (p: the tests' p-value, else nan) ; P x dof sf_hex (chi2.sf checks) ; N x cdf_hex (norm.cdf)
# Evidently's tests chisquare and z (chisquare_stattest.py, z_stattest.py) report the p-value as the value.
# Rerun from the repository root:  /usr/bin/python3 drift/tools/generate_categorical.py
import gzip
import io
import os
from collections import Counter

import numpy as np
from scipy import stats
from scipy.spatial import distance

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "test", "resources", "org",
                   "shannon4j", "drift", "categorical.tsv.gz")


def clean(a):
    return [x for x in a if x is not None]


# ---------------------------------------------------------------- Evidently

def binned(ref, cur, fill):
    keys = sorted(set(ref) | set(cur))
    rc, cc = Counter(ref), Counter(cur)
    r = np.array([rc[k] / len(ref) for k in keys])
    c = np.array([cc[k] / len(cur) for k in keys])
    if fill:
        for p in (r, c):
            m = min(p[p != 0])
            np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return r, c


def ev_psi(ref, cur):
    r, c = binned(ref, cur, True)
    return np.sum((r - c) * np.log(r / c))


def ev_kl(ref, cur):
    r, c = binned(ref, cur, True)
    return stats.entropy(r, c)


def ev_js(ref, cur):
    r, c = binned(ref, cur, False)
    return distance.jensenshannon(r, c, None)


def ev_hellinger(ref, cur):
    keys = sorted(set(ref) | set(cur))
    rc, cc = Counter(ref), Counter(cur)
    h = 0.0
    for k in keys:
        h += np.sqrt(float(rc[k] / len(ref)) * float(cc[k] / len(cur)))
    h = np.clip(h, 0, 1)
    return np.sqrt(1 - h)


def ev_chisquare(ref, cur):
    # chisquare_stattest.py _chi_stat_test (one category: scipy's p is NaN, shannon4j's 1; no such case below)
    keys = sorted(set(ref) | set(cur))
    rc, cc = Counter(ref), Counter(cur)
    k_norm = len(cur) / len(ref)
    f_exp = [rc[k] * k_norm for k in keys]
    f_obs = [cc[k] for k in keys]
    with np.errstate(divide="ignore"):
        return stats.chisquare(f_obs, f_exp)[1]


def ev_z(ref, cur):
    # z_stattest.py _z_stat_test, proportions_diff_z_stat_ind, proportions_diff_z_test (two-sided)
    if len(set(ref)) == 1 and len(set(cur)) == 1 and ref[0] == cur[0]:
        return 1
    keys = sorted(set(ref) | set(cur))
    a = [0 if x == keys[0] else 1 for x in ref]
    b = [0 if x == keys[0] else 1 for x in cur]
    n1, n2 = len(a), len(b)
    p1 = float(sum(a)) / n1
    p2 = float(sum(b)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return 2 * (1 - stats.norm.cdf(np.abs(z)))


EVIDENTLY = [("psi", ev_psi), ("kl_div", ev_kl), ("jensenshannon", ev_js), ("hellinger", ev_hellinger)]
EVIDENTLY_TESTS = [("chisquare", ev_chisquare), ("z", ev_z)]


# ---------------------------------------------------------------- NannyML

class NmlBinned:
    def __init__(self, hellinger):
        self.hellinger = hellinger

    def fit(self, ref):
        ref = np.array(clean(ref), dtype=object)
        u, counts = np.unique(ref.astype(str), return_counts=True)
        self.bins = list(u)
        self.ref = counts / len(ref)

    def calculate(self, data):
        data = clean(data)
        if not data:
            return np.nan
        dc = Counter(data)
        c = np.array([dc.get(k, 0) for k in self.bins]) / len(data)
        r = self.ref.copy()
        leftover = 1 - np.sum(c)
        if leftover > 0:
            c = np.append(c, leftover)
            r = np.append(r, 0)
        if self.hellinger:
            return np.sqrt(np.sum((np.sqrt(r) - np.sqrt(c)) ** 2)) / np.sqrt(2)
        return distance.jensenshannon(r, c, base=2)


class NmlLInf:
    def fit(self, ref):
        ref = clean(ref)
        self.ref = {k: v / len(ref) for k, v in Counter(ref).items()}

    def calculate(self, data):
        data = clean(data)
        if not data:
            return np.nan
        cur = {k: v / len(data) for k, v in Counter(data).items()}
        return max(abs(self.ref.get(k, 0) - cur.get(k, 0)) for k in set(self.ref) | set(cur))


def nml_chi2(ref, cur):
    ref, cur = clean(ref), clean(cur)
    rc, cc = Counter(ref), Counter(cur)
    keys = sorted(set(rc) | set(cc))
    table = np.array([[float(rc.get(k, 0)), float(cc.get(k, 0))] for k in keys])
    stat, p, _, _ = stats.chi2_contingency(table)
    return float(stat), float(p)


def nml_threshold(method, ref):
    n = len(ref)
    size = n // 10
    chunks = [ref[i:i + size] for i in range(0, n, size) if i + size - 1 < n]
    if n % size != 0:
        chunks.append(ref[size * (n // size):])
    values = np.asarray([method.calculate(c) for c in chunks], dtype=np.float64)
    return float(np.nanmean(values) + np.nanstd(values) * 3)


NANNYML = [("jensen_shannon", lambda: NmlBinned(False)), ("hellinger", lambda: NmlBinned(True)),
           ("l_infinity", NmlLInf)]


def cases():
    rng = np.random.default_rng(20260306)

    def draw(cats, p, n):
        return [str(x) for x in rng.choice(cats, size=n, p=p)]

    c = {}
    five = ["a", "b", "c", "d", "e"]
    c["shifted_shares"] = (draw(five, [0.4, 0.3, 0.15, 0.1, 0.05], 2000), draw(five, [0.3, 0.3, 0.2, 0.1, 0.1], 1500))
    c["same_law"] = (draw(five, [0.4, 0.3, 0.15, 0.1, 0.05], 3000), draw(five, [0.4, 0.3, 0.15, 0.1, 0.05], 3000))
    c["one_sided_categories"] = (draw(["a", "b", "c", "old"], [0.4, 0.3, 0.2, 0.1], 1000),
                                 draw(["a", "b", "c", "new1", "new2"], [0.35, 0.3, 0.2, 0.1, 0.05], 800))
    c["rare_unseen"] = (draw(["x", "y"], [0.7, 0.3], 20000), draw(["x", "y", "z"], [0.69995, 0.3, 0.00005], 20000)
                        + ["z"])
    ref = draw(five, [0.2] * 5, 1000)
    cur = draw(five + ["f"], [0.15] * 5 + [0.25], 700)
    for i in rng.integers(0, 1000, size=60):
        ref[i] = None
    for i in rng.integers(0, 700, size=40):
        cur[i] = None
    ref[:100:9] = [None] * len(ref[:100:9])
    c["missing_values"] = (ref, cur)
    c["binary"] = (draw(["yes", "no"], [0.8, 0.2], 1200), draw(["yes", "no"], [0.75, 0.25], 900))
    c["binary_same"] = (draw(["0", "1"], [0.5, 0.5], 500), draw(["0", "1"], [0.5, 0.5], 500))
    c["constant_reference"] = (["only"] * 300, draw(["only", "other"], [0.9, 0.1], 200))
    c["constant_both_equal"] = (["k"] * 50, ["k"] * 70)
    c["constant_both_different"] = (["k"] * 50, ["m"] * 70)
    zipf = [str(i) for i in range(60)]
    w = 1.0 / np.arange(1, 61)
    c["many_categories_zipf"] = (draw(zipf, w / w.sum(), 10000), draw(zipf, np.roll(w, 3) / w.sum(), 6000))
    c["short_columns"] = (draw(five, [0.2] * 5, 12), draw(five, [0.2] * 5, 9))
    c["numbers_as_text"] = (draw(["1", "2", "3", "10"], [0.4, 0.3, 0.2, 0.1], 600),
                            draw(["1", "2", "3", "10", "1.0"], [0.4, 0.3, 0.1, 0.1, 0.1], 600))
    return c


def main():
    buf = io.StringIO()
    buf.write("# numpy %s, scipy %s; see drift/tools/generate_categorical.py\n"
              % (np.__version__, __import__("scipy").__version__))
    for name, (ref, cur) in cases().items():
        buf.write("C\t%s\n" % name)
        buf.write("R\t%s\n" % ",".join("" if x is None else x for x in ref))
        buf.write("U\t%s\n" % ",".join("" if x is None else x for x in cur))
        r, u = clean(ref), clean(cur)
        for method, f in EVIDENTLY:
            v = float(f(r, u))
            buf.write("V\tevidently\t%s\t%s\t%s\t%s\t%s\tnan\n"
                      % (name, method, v.hex(), (0.1).hex(), "true" if v >= 0.1 else "false"))
        for method, f in EVIDENTLY_TESTS:
            if method == "chisquare" and len(set(r) | set(u)) == 1:
                continue
            p = float(f(r, u))
            buf.write("V\tevidently\t%s\t%s\t%s\t%s\t%s\t%s\n"
                      % (name, method, p.hex(), (0.05).hex(), "true" if p < 0.05 else "false", p.hex()))
        for method, make in NANNYML:
            m = make()
            m.fit(ref)
            v = float(m.calculate(cur))
            t = nml_threshold(m, ref)
            buf.write("V\tnannyml\t%s\t%s\t%s\t%s\t%s\tnan\n"
                      % (name, method, v.hex(), t.hex(), "true" if v > t else "false"))
        stat, p = nml_chi2(ref, cur)
        buf.write("V\tnannyml\t%s\tchi2\t%s\t%s\t%s\t%s\n"
                  % (name, stat.hex(), (0.05).hex(), "true" if p < 0.05 else "false", p.hex()))
    for x, dof in [(0.0, 1), (0.5, 1), (3.84, 1), (1e-3, 3), (2.0, 2), (10.0, 4), (50.0, 10), (100.0, 59),
                   (59.0, 59), (400.0, 59), (1500.0, 1), (0.1, 200), (250.0, 199), (700.0, 4), (30.0, 2)]:
        buf.write("P\t%r\t%d\t%s\n" % (x, dof, float(stats.chi2.sf(x, dof)).hex()))
    for x in [0.0, 1e-3, -0.3, 0.5, 0.70710678, 0.8, 1.0, 1.96, -2.5, 3.0, 5.0, 7.5, -8.0]:
        buf.write("N\t%r\t%s\n" % (x, float(stats.norm.cdf(x)).hex()))
    with open(OUT, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(buf.getvalue().encode("utf-8"))


if __name__ == "__main__":
    main()
