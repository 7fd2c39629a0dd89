"""Fixtures for KsgMixed (scikit-learn convention) and FeatureScoring, from scikit-learn 1.2 (Debian, /usr/bin/python3).

Writes ../src/test/resources/org/shannon4j/continuous/sklearn_mixed.txt.gz in the format of GenerateJidtKsg.java:
  #data name n dx dy dz   rows of x (dx values), y (dy values), z (dz values)
  #case dataset kind ... value
Cases:
  cd      dataset cd k raw|clipped value       _compute_mi_cd(c = x, d = y, k): raw = without its final max(0, mi)
                                                 (the module's max replaced by the identity), clipped = as shipped
  regression / classif  dataset kind k noise mask column value
                                                 mutual_info_regression / mutual_info_classif(X = x, y,
                                                 discrete_features = mask, n_neighbors = k, random_state = ...):
                                                 noise 0 = a generator whose standard_normal is all zeros; noise 1 =
                                                 RandomState(SEED), whose draws are the z block (N x continuous
                                                 columns, then for regression one more column for y);
                                                 noise seed=S = random_state=S (an int), whose draws the Java side
                                                 makes itself (the data block then has no z)
"""
import gzip
import os

import numpy as np
import sklearn
import sklearn.feature_selection._mutual_info as M
from sklearn.datasets import load_diabetes, load_iris, load_wine
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

SEED = 12345


class NoNoise(np.random.RandomState):
    def standard_normal(self, size=None):
        return np.zeros(size)


def fmt(v):
    return repr(float(v))


def data_block(lines, name, x, y, z=None):
    x = np.asarray(x, dtype=float).reshape(len(x), -1)
    y = np.asarray(y, dtype=float).reshape(len(y), -1)
    dz = 0 if z is None else z.shape[1]
    lines.append(f"#data\t{name}\t{len(x)}\t{x.shape[1]}\t{y.shape[1]}\t{dz}")
    for i in range(len(x)):
        row = list(x[i]) + list(y[i]) + ([] if z is None else list(z[i]))
        lines.append("\t".join(fmt(v) for v in row))


def cd_cases(lines):
    rng = np.random.RandomState(7)
    sets = []
    d = rng.randint(0, 3, 300)
    d[17] = 7  # a label that occurs once: dropped by scikit-learn
    sets.append(("cd300", d * 0.7 + rng.standard_normal(300), d))
    d = rng.randint(0, 3, 200)
    d[:2] = 9  # a label with two members: k_i = min(k, 1)
    sets.append(("cd200_ties", np.round(rng.standard_normal(200) * 2) / 2 + d * 0.3, d))
    d = rng.randint(0, 4, 1000)
    sets.append(("cd1000_indep", rng.standard_normal(1000), d))
    # labels of 2 to 11 members: NearestNeighbors searches those with k_i >= N_c // 2 by brute force, whose
    # distances are sqrt((c_i^2 - 2 c_i c_j) + c_j^2), each step rounded
    d = np.repeat(np.arange(30), rng.randint(2, 12, 30))
    sets.append(("cd_small_labels", rng.standard_normal(len(d)) + 0.2 * d, d))
    # a nearly constant column: the brute-force rounding dominates the distances
    d = np.repeat(np.arange(8), 5)
    sets.append(("cd_near_constant", 3.0 + 1e-9 * rng.standard_normal(40), d))
    # squares of the distances underflow to 0 (KDTree compares squared distances): every point ties
    d = np.arange(40) % 2
    sets.append(("cd_underflow", 1e-170 * rng.standard_normal(40), d))
    for name, c, d in sets:
        data_block(lines, name, c, d)
        for k in (1, 3, 5):
            clipped = M._compute_mi_cd(c, d, k)
            M.max = lambda a, b: b
            try:
                raw = M._compute_mi_cd(c, d, k)
            finally:
                del M.max
            assert clipped == max(0, raw)
            lines.append(f"#case\t{name}\tcd\t{k}\traw\t{fmt(raw)}")
            lines.append(f"#case\t{name}\tcd\t{k}\tclipped\t{fmt(clipped)}")


def scoring_cases(lines):
    diabetes = load_diabetes()
    iris = load_iris()
    wine = load_wine()
    wine_x = wine.data.copy()
    wine_x[:, 0] = np.round(wine_x[:, 0])  # a discrete column (ties) for the discrete x discrete path
    sets = [
        ("diabetes", "regression", diabetes.data, diabetes.target.astype(float),
         np.array([i == 1 for i in range(10)])),  # column 1 (sex) takes two values
        ("diabetes_cont", "regression", diabetes.data[:, [0, 2, 3]], diabetes.target.astype(float), None),
        ("iris", "classif", iris.data, iris.target, None),
        ("wine", "classif", wine_x, wine.target, np.array([i == 0 for i in range(13)])),
    ]
    for name, kind, x, y, mask in sets:
        n, p = x.shape
        continuous = p if mask is None else int(np.sum(~mask))
        rng = np.random.RandomState(SEED)
        z = rng.standard_normal(size=(n, continuous))
        if kind == "regression":
            z = np.hstack([z, rng.standard_normal(size=n).reshape(-1, 1)])
        data_block(lines, name, x, y, z)
        mask_text = "none" if mask is None else "".join("1" if b else "0" for b in mask)
        f = mutual_info_regression if kind == "regression" else mutual_info_classif
        for k in (3, 5):
            for noise in (0, 1):
                state = NoNoise(0) if noise == 0 else SEED
                scores = f(x, y, discrete_features=mask if mask is not None else False, n_neighbors=k,
                           random_state=state)
                for j, s in enumerate(scores):
                    lines.append(f"#case\t{name}\t{kind}\t{k}\t{noise}\t{mask_text}\t{j}\t{fmt(s)}")


def seeded_cases(lines):
    # Heavy ties, which only the noise breaks (so every neighbour relation depends on the drawn normals), and an
    # odd count of X draws (2001 x 3), so y's first normal is the one the polar method kept back.
    rng = np.random.RandomState(3)
    n = 2001
    x = np.column_stack([rng.randint(0, 10, n), rng.randint(0, 4, n), np.round(rng.standard_normal(n), 1)])
    x = x.astype(float)
    y = np.round(x[:, 0] + 0.5 * x[:, 1] + rng.standard_normal(n), 1)
    labels = (x[:, 0] + rng.randint(0, 3, n)) % 4
    sets = [
        ("ties_regression", "regression", x, y, None),
        ("ties_classif", "classif", x, labels, None),
        ("ties_mixed", "regression", x, y, np.array([False, True, False])),
    ]
    for name, kind, xs, ys, mask in sets:
        data_block(lines, name, xs, ys)
        mask_text = "none" if mask is None else "".join("1" if b else "0" for b in mask)
        f = mutual_info_regression if kind == "regression" else mutual_info_classif
        for seed in (0, 4294967295):
            scores = f(xs, ys, discrete_features=mask if mask is not None else False, n_neighbors=3,
                       random_state=seed)
            for j, s in enumerate(scores):
                lines.append(f"#case\t{name}\t{kind}\t3\tseed={seed}\t{mask_text}\t{j}\t{fmt(s)}")


def main():
    assert sklearn.__version__.startswith("1.2"), sklearn.__version__
    lines = []
    cd_cases(lines)
    scoring_cases(lines)
    seeded_cases(lines)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "../src/test/resources/org/shannon4j/continuous/sklearn_mixed.txt.gz")
    with gzip.GzipFile(out, "wb", mtime=0) as g:
        g.write(("\n".join(lines) + "\n").encode())
    print(out, len(lines))


if __name__ == "__main__":
    main()
