#!/usr/bin/python3
# Golden values for the shannon4j mutual-information family.
#
# Generated with: Debian python3, scikit-learn 1.2.1, scipy 1.10.1, numpy 1.24.2.
# Rerun (deterministic: fixed seeds) from the repository root with
#
#     /usr/bin/python3 conformance/tools/generate_golden_mutual_information.py
#
# It rewrites conformance/src/main/resources/org/shannon4j/conformance/golden/mutual_information.tsv.
# No Python runs at test time.
#
# Sources of the expected values (all in nats; NMI/AMI unitless):
#   labels / counts rows   sklearn.metrics.mutual_info_score (labels, and contingency=...),
#                          normalized_mutual_info_score for every average_method (JOINT: mi / H(X,Y) with
#                          scipy.stats.entropy of the joint counts), adjusted_mutual_info_score for every
#                          average_method; joint entropy, H(X|Y) = H(rows | cols) and VI from scipy.stats.entropy
#                          of the counts.
#   cmi rows               I(X;Y|Z) = H(XZ) + H(YZ) - H(XYZ) - H(Z), scipy.stats.entropy of the counts.
#   entropy / mi-est rows  the published formulas of the R package 'entropy' (Hausser & Strimmer), written
#                          out below independently of the Java code (plug-in, Miller-Madow, Chao-Shen,
#                          James-Stein shrinkage, Dirichlet a = 1/2, 1, 1/K, sqrt(N)/K); MI for shrink and
#                          Dirichlet as R's mi.shrink / mi.Dirichlet (plug-in MI of the smoothed joint), for
#                          Miller-Madow and Chao-Shen as H(X) + H(Y) - H(X,Y) of the estimates.
#   lgamma / chi2sf rows   scipy.special.gammaln, scipy.stats.chi2.sf.
#   gtest rows             scipy.stats.chi2_contingency(table, correction=False, lambda_="log-likelihood").
#   emi rows               sklearn.metrics.cluster._expected_mutual_info_fast.expected_mutual_information(
#                          contingency, n_samples), the E[I] (nats) that adjusted_mutual_info_score subtracts;
#                          and the same sum in mpmath at 30 digits (exact_emi below), since sklearn's lgamma
#                          differences carry ~1e-12 of rounding on the larger tables.
#   label-entropy rows     sklearn.metrics.cluster.entropy(labels) (nats).
import os
from collections import Counter

import mpmath
import numpy as np
from scipy import special, stats
from sklearn import metrics
from sklearn.metrics.cluster import entropy as sklearn_label_entropy
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information

OUT = "conformance/src/main/resources/org/shannon4j/conformance/golden/mutual_information.tsv"
AVERAGES = ["arithmetic", "geometric", "min", "max"]


def H(counts):
    c = np.asarray(counts, dtype=np.float64).ravel()
    c = c[c > 0]
    return float(stats.entropy(c)) if c.size else 0.0


def table(x, y):
    _, xi = np.unique(x, return_inverse=True)
    _, yi = np.unique(y, return_inverse=True)
    t = np.zeros((xi.max() + 1, yi.max() + 1), dtype=np.int64)
    np.add.at(t, (xi, yi), 1)
    return t


def scores(x, y, contingency=None):
    t = table(x, y) if contingency is None else contingency
    hxy, hx, hy = H(t), H(t.sum(axis=1)), H(t.sum(axis=0))
    if contingency is not None and t.sum() > 1e7:
        # sklearn forms products of marginals in int64, which overflow for such totals (its issue #9772):
        # MI from scipy entropies instead; NMI/AMI (which sklearn computes from labels) are not given.
        mi = hx + hy - hxy
        return [mi, hxy, hxy - hy, hx + hy - 2 * mi] + [float("nan")] * 9
    mi = metrics.mutual_info_score(None, None, contingency=t) if contingency is not None \
        else metrics.mutual_info_score(x, y)
    out = [mi, hxy, hxy - hy, hx + hy - 2 * mi]  # cond = H(X|Y), X = x = the rows
    if contingency is None:
        out += [metrics.normalized_mutual_info_score(x, y, average_method=a) for a in AVERAGES]
        out += [(0.0 if mi == 0 else mi / hxy) if not (t.shape[0] == 1 and t.shape[1] == 1) else 1.0]
        out += [metrics.adjusted_mutual_info_score(x, y, average_method=a) for a in AVERAGES]
    else:
        # sklearn's NMI/AMI take labels: expand the table into labels
        xs = np.repeat(np.repeat(np.arange(t.shape[0]), t.shape[1]), t.ravel())
        ys = np.repeat(np.tile(np.arange(t.shape[1]), t.shape[0]), t.ravel())
        return out + scores(xs, ys)[4:]
    return out


def exact_emi(t):
    """E[I] = sum_ij sum_n P(n | a_i, b_j, N) (n/N) ln(N n / (a_i b_j)), hypergeometric P, in 30-digit mpmath."""
    mpmath.mp.dps = 30
    a = Counter(int(v) for v in t.sum(axis=1) if v > 0)
    b = Counter(int(v) for v in t.sum(axis=0) if v > 0)
    n = int(t.sum())
    lf = {}

    def lfact(k):
        if k not in lf:
            lf[k] = mpmath.loggamma(k + 1)
        return lf[k]
    total = mpmath.mpf(0)
    for ai, ma in a.items():
        for bj, mb in b.items():
            s = mpmath.mpf(0)
            for nij in range(max(1, ai + bj - n), min(ai, bj) + 1):
                lp = (lfact(ai) + lfact(bj) + lfact(n - ai) + lfact(n - bj) - lfact(n) - lfact(nij)
                      - lfact(ai - nij) - lfact(bj - nij) - lfact(n - ai - bj + nij))
                s += mpmath.exp(lp) * mpmath.mpf(nij) / n * mpmath.log(mpmath.mpf(n) * nij / (ai * bj))
            total += ma * mb * s
    return float(total)


def fmt(v):
    return repr(float(v))


def ints(a):
    return ",".join(str(int(v)) for v in np.asarray(a).ravel())


# --------------------------------------------------------------------------------- R 'entropy' formulas
def freqs(y, method, K):
    y = np.asarray(y, dtype=np.float64)
    n = y.sum()
    if method == "ML":
        return y / n
    if method in ("Jeffreys", "Laplace", "Perks", "minimax"):
        a = {"Jeffreys": 0.5, "Laplace": 1.0, "Perks": 1.0 / K, "minimax": np.sqrt(n) / K}[method]
        return (y + a) / (n + K * a)
    if method == "shrink":
        u = y / n
        target = 1.0 / K
        if n <= 1:
            lam = 1.0
        else:
            msp = np.sum((u - target) ** 2)
            lam = 1.0 if msp == 0 else min(1.0, max(0.0, (1 - np.sum(u ** 2)) / ((n - 1) * msp)))
        return lam * target + (1 - lam) * u
    raise ValueError(method)


def plugin(p):
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)))


def entropy_est(y, method):
    y = np.asarray(y, dtype=np.float64).ravel()
    n = y.sum()
    if method == "MM":
        return plugin(y / n) + (np.count_nonzero(y) - 1) / (2 * n)
    if method == "CS":
        f1 = np.sum(y == 1)
        if f1 == n:
            f1 = n - 1
        C = 1 - f1 / n
        pa = C * y[y > 0] / n
        la = 1 - (1 - pa) ** n
        return float(-np.sum(pa * np.log(pa) / la))
    return plugin(freqs(y, method, y.size))


def mi_est(t, method):
    t = np.asarray(t, dtype=np.float64)
    if method in ("MM", "CS"):
        return entropy_est(t.sum(axis=1), method) + entropy_est(t.sum(axis=0), method) - entropy_est(t, method)
    p = freqs(t.ravel(), method, t.size).reshape(t.shape)
    return plugin(p.sum(axis=1)) + plugin(p.sum(axis=0)) - plugin(p.ravel())


EST = {"ML": "PLUG_IN", "MM": "MILLER_MADOW", "CS": "CHAO_SHEN", "shrink": "JAMES_STEIN",
       "Jeffreys": "JEFFREYS", "Laplace": "LAPLACE", "Perks": "PERKS", "minimax": "MINIMAX"}


def main():
    rng = np.random.default_rng(20240611)
    lines = ["# shannon4j golden values for the mutual-information family; generated by",
             "# conformance/tools/generate_golden_mutual_information.py (see it for sources and versions).",
             "# labels <name> <x> <y> mi joint cond(H(X|Y)) vi nmi_arith nmi_geo nmi_min nmi_max nmi_joint ami_arith ami_geo ami_min ami_max",
             "# counts <name> <rows> <cols> <counts> (same 13 values)",
             "# cmi <name> <x> <y> <z> value | entropy <ESTIMATOR> <counts> value | mi-est <ESTIMATOR> <rows> <cols> <counts> value",
             "# lgamma <x> value | chi2sf <x> <df> value | gtest <rows> <cols> <counts> G df p",
             "# emi <rows> <cols> <counts> sklearn exact | label-entropy <labels> value"]
    cases = []
    cases.append(("identical", np.array([0, 0, 1, 1, 2, 2]), np.array([0, 0, 1, 1, 2, 2])))
    cases.append(("permuted-names", np.array([0, 0, 1, 1, 2, 2]), np.array([5, 5, -3, -3, 9, 9])))
    cases.append(("independent", np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])))
    cases.append(("one-side-constant", np.array([0, 1, 2, 3, 0]), np.array([7, 7, 7, 7, 7])))
    cases.append(("worse-than-chance", np.array([0, 0, 1, 1]), np.array([0, 1, 1, 0]) * 0 + np.array([0, 1, 0, 1])))
    cases.append(("sklearn-doc", np.array([0, 0, 0, 1, 1, 1]), np.array([0, 0, 1, 1, 2, 2])))
    for (n, kx, ky) in [(50, 3, 4), (200, 10, 10), (1000, 5, 20), (3000, 100, 100), (5000, 2, 300),
                        (997, 17, 31)]:
        x = rng.integers(0, kx, n)
        y = np.where(rng.random(n) < 0.4, x % ky, rng.integers(0, ky, n))
        cases.append((f"random-n{n}-k{kx}x{ky}", x, y))
    x = rng.integers(-1_000_000_000, 1_000_000_000, 400) // 100_000_000 * 100_000_007
    y = rng.integers(0, 5, 400) * 1_000_000_000 - 2_000_000_000
    cases.append(("wide-range", x, y))
    x = rng.integers(0, 1200, 2000)
    y = (x * 7 + rng.integers(0, 3, 2000)) % 1100
    cases.append(("sparse-pairs", x, y))
    x = np.array([np.iinfo(np.int32).min, np.iinfo(np.int32).max, 0, np.iinfo(np.int32).max])
    cases.append(("int-extremes", x, np.array([1, 2, 1, 2])))
    for name, x, y in cases:
        lines.append("\t".join(["labels", name, ints(x), ints(y)] + [fmt(v) for v in scores(x, y)]))
    for name, t in [("2x3", np.array([[10, 0, 3], [2, 8, 1]])),
                    ("with-empty-row", np.array([[5, 5], [0, 0], [1, 9]])),
                    ("big-counts", np.array([[3_000_000_000, 1_000_000_000], [500_000_000, 4_000_000_000]])),
                    ("random-6x7", rng.integers(0, 40, (6, 7)))]:
        lines.append("\t".join(["counts", name, str(t.shape[0]), str(t.shape[1]), ints(t)]
                               + [fmt(v) for v in scores(None, None, contingency=t)]))
    for (n, k) in [(100, 4), (300, 10), (60, 30)]:
        x = rng.integers(0, k, n)
        y = (x + rng.integers(0, 2, n)) % k
        z = rng.integers(0, 3, n)
        x = np.where(z == 0, y, x)
        cmi = H(table(x, z)) + H(table(y, z)) - H(np.unique(np.stack([x, y, z]), axis=1, return_counts=True)[1]) \
            - H(np.unique(z, return_counts=True)[1])
        lines.append("\t".join(["cmi", f"n{n}-k{k}", ints(x), ints(y), ints(z), fmt(cmi)]))
    count_cases = [np.array([4, 2, 3, 0, 2, 4, 0, 0, 2, 1, 1]), np.array([1, 1, 1, 1, 1]), np.array([7]),
                   np.array([10, 0, 0, 0]), rng.integers(0, 5, 50), np.array([1000, 1, 1, 2, 500, 0, 3]),
                   np.array([1, 2])]
    for c in count_cases:
        for m, name in EST.items():
            lines.append("\t".join(["entropy", name, ints(c), fmt(entropy_est(c, m) if m != "ML" else plugin(c / c.sum()))]))
    for t in [np.array([[4, 2, 0], [1, 5, 3]]), np.array([[1, 0], [0, 1]]), rng.integers(0, 6, (4, 5)),
              np.array([[20, 1, 0, 0], [0, 15, 2, 0], [1, 0, 0, 9]])]:
        for m, name in EST.items():
            v = mi_est(t, m) if m != "ML" else mi_est(t, "Jeffreys") * 0 + (plugin(t.sum(1) / t.sum()) + plugin(t.sum(0) / t.sum()) - plugin(t.ravel() / t.sum()))
            lines.append("\t".join(["mi-est", name, str(t.shape[0]), str(t.shape[1]), ints(t), fmt(v)]))
    for x in [1e-300, 1e-10, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.7, 7.0, 11.99, 12.0, 12.5, 30.25, 100.0, 1234.5,
              1e6 + 0.5, 1e10, 3.3e15, 1e300]:
        lines.append("\t".join(["lgamma", repr(x), fmt(special.gammaln(x))]))
    for x, df in [(0.5, 1), (3.84, 1), (10, 4), (100, 4), (1, 10), (30, 10), (500, 400), (1e4, 9801), (2000, 9),
                  (0.001, 2), (50, 1), (7, 7)]:
        lines.append("\t".join(["chi2sf", repr(float(x)), repr(float(df)), fmt(stats.chi2.sf(x, df))]))
    for t in [np.array([[10, 20, 30], [6, 9, 17]]), np.array([[100, 5], [5, 100]]), rng.integers(1, 30, (4, 6))]:
        g, p, dof, _ = stats.chi2_contingency(t, correction=False, lambda_="log-likelihood")
        lines.append("\t".join(["gtest", str(t.shape[0]), str(t.shape[1]), ints(t), fmt(g), fmt(dof), fmt(p)]))
    # drawn after every other row so that the rows above keep their values
    emi_tables = [np.array([[10, 0, 3], [2, 8, 1]]), np.array([[5, 5], [0, 0], [1, 9]]), np.array([[5, 5, 3]]),
                  np.array([[4], [9]]), np.array([[1, 0], [0, 1]]), rng.integers(0, 40, (6, 7)),
                  rng.integers(0, 12, (30, 20)), table(rng.integers(0, 100, 5000), rng.integers(0, 80, 5000)),
                  np.array([[1000, 1, 0], [2, 0, 3], [0, 0, 500]])]
    for t in emi_tables:
        lines.append("\t".join(["emi", str(t.shape[0]), str(t.shape[1]), ints(t),
                                 fmt(expected_mutual_information(t, int(t.sum()))), fmt(exact_emi(t))]))
    label_cases = [np.array([0, 0, 1, 5]), np.array([7]), np.array([3, 3, 3]),
                   np.array([np.iinfo(np.int32).min, np.iinfo(np.int32).max, 0, np.iinfo(np.int32).max]),
                   rng.integers(0, 50, 1000), rng.integers(-2_000_000_000, 2_000_000_000, 300) // 1000 * 1000,
                   np.repeat(np.arange(6), [1, 2, 3, 50, 7, 1])]
    for labels in label_cases:
        lines.append("\t".join(["label-entropy", ints(labels), fmt(sklearn_label_entropy(labels))]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
