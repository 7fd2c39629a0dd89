#!/usr/bin/python3
"""Golden values of the 1-D x 1-D KSG estimator from scikit-learn itself (Debian python3-sklearn 1.2).

Run from the repository root: /usr/bin/python3 continuous/tools/generate_ksg.py
Writes continuous/src/test/resources/org/shannon4j/continuous/ksg_data.tsv.gz (the samples: one column pair per
data set, 10,000 float32 values widened to double, so that Java reads them exactly; smaller n are prefixes) and
ksg_sklearn.tsv.gz (one line per data set, n, k and scaling):
  mi_sklearn   sklearn.feature_selection._mutual_info._compute_mi_cc(x, y, k) itself (clipped at 0)
  mi_raw       the same function's body without the final max(0, mi): copied below, and checked to give
               mi_sklearn after the clip
  mean_psi_x   mean(digamma(nx + 1)) and mean(digamma(ny + 1)) of that body (ksg's sums / n)
  mean_psi_y
With scaled = 1, x and y first go through mutual_info_regression's scale(., with_mean=False) (x as a column of X,
y as the target), without its noise.
"""
import gzip
import os

import numpy as np
from scipy.special import digamma
from sklearn.feature_selection._mutual_info import _compute_mi_cc
from sklearn.neighbors import KDTree, NearestNeighbors
from sklearn.preprocessing import scale

OUT = "continuous/src/test/resources/org/shannon4j/continuous"
N = 10000


def raw(x, y, n_neighbors):
    """_compute_mi_cc of scikit-learn 1.2 without its final max(0, mi)."""
    n_samples = x.size
    x = x.reshape((-1, 1))
    y = y.reshape((-1, 1))
    xy = np.hstack((x, y))
    nn = NearestNeighbors(metric="chebyshev", n_neighbors=n_neighbors)
    nn.fit(xy)
    radius = nn.kneighbors()[0]
    radius = np.nextafter(radius[:, -1], 0)
    kd = KDTree(x, metric="chebyshev")
    nx = kd.query_radius(x, radius, count_only=True, return_distance=False)
    nx = np.array(nx) - 1.0
    kd = KDTree(y, metric="chebyshev")
    ny = kd.query_radius(y, radius, count_only=True, return_distance=False)
    ny = np.array(ny) - 1.0
    px = np.mean(digamma(nx + 1))
    py = np.mean(digamma(ny + 1))
    mi = digamma(n_samples) + digamma(n_neighbors) - px - py
    return mi, px, py


def gaussian(rng, rho):
    z = rng.standard_normal((N, 2))
    return z[:, 0], rho * z[:, 0] + np.sqrt(1 - rho * rho) * z[:, 1]


def datasets():
    rng = np.random.default_rng(20261206)
    out = {}
    for rho in (0.0, 0.5, 0.9):
        out["gauss_rho%s" % rho] = gaussian(rng, rho)
    u = rng.random(N)
    out["uniform_indep"] = (u, rng.random(N))
    out["uniform_dep"] = (u, u + 0.3 * rng.random(N))
    c = rng.standard_cauchy(N)
    out["cauchy_dep"] = (c, c + rng.standard_t(2, N))
    g = gaussian(rng, 0.7)
    out["ties_round1"] = (np.round(g[0], 1), np.round(g[1], 1))  # heavy ties, many eps = 0 at k = 1
    out["ties_int"] = (rng.integers(0, 5, N).astype(float), rng.integers(0, 3, N).astype(float))
    g = gaussian(rng, 0.5)
    out["scales_differ"] = (1000 * g[0] + 5, 0.001 * g[1])
    # float32 widened to double: the TSV's shortest float32 strings parse back to exactly these values
    return {name: (x.astype(np.float32).astype(np.float64), y.astype(np.float32).astype(np.float64))
            for name, (x, y) in out.items()}


def main():
    data = datasets()
    names = list(data)
    with gzip.open(os.path.join(OUT, "ksg_data.tsv.gz"), "wt") as f:
        f.write("\t".join("%s_%s" % (name, v) for name in names for v in "xy") + "\n")
        for i in range(N):
            f.write("\t".join(repr(np.float32(data[name][j][i])) for name in names for j in (0, 1)) + "\n")
    lines = ["dataset\tn\tk\tscaled\tmi_sklearn\tmi_raw\tmean_psi_x\tmean_psi_y"]
    for name in names:
        for n in (10, 100, 1000, 10000):
            for k in (1, 3, 5):
                for scaled in (0, 1):
                    x, y = data[name][0][:n].copy(), data[name][1][:n].copy()
                    if scaled:
                        x = scale(x.reshape(-1, 1), with_mean=False)[:, 0]
                        y = scale(y, with_mean=False)
                    mi_sk = _compute_mi_cc(x, y, k)
                    mi, px, py = raw(x, y, k)
                    assert mi_sk == max(0, mi), (name, n, k, mi_sk, mi)
                    lines.append("%s\t%d\t%d\t%d\t%r\t%r\t%r\t%r" % (name, n, k, scaled, float(mi_sk), float(mi),
                                                                      float(px), float(py)))
    with gzip.open(os.path.join(OUT, "ksg_sklearn.tsv.gz"), "wt") as f:
        f.write("\n".join(lines) + "\n")
    print(len(lines) - 1, "golden values")


if __name__ == "__main__":
    main()
