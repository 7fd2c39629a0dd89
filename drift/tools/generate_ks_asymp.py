#!/usr/bin/python3
# p-values of scipy 1.10's ks_2samp (method 'auto', two-sided: Evidently's ks stattest) above 10,000 values per
# column, where scipy uses kstwo.sf(d, round(n1*n2/(n1+n2))). The statistic d is computed by ks_2samp from the data
# (normal samples, shifted or not, and integer ties); only (n1, n2, d, p) are stored, as hex.
# Rerun from the repository root:  /usr/bin/python3 drift/tools/generate_ks_asymp.py
import os
import warnings
import numpy as np
from scipy import stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "test", "resources", "org",
                   "shannon4j", "drift", "ks_asymp.tsv")


def main():
    rng = np.random.default_rng(20261206)
    sizes = [(10001, 10001), (10001, 7), (10001, 140), (10001, 141), (12000, 10000), (20000, 15000),
             (50000, 50000), (100000, 3000), (200000, 200000), (1000000, 999999), (3000000, 3000000),
             (3000000, 500), (2500000, 2600000)]
    shifts = [0.0, 0.002, 0.01, 0.03, 0.1, 0.5, 3.0]
    rows = []
    for n1, n2 in sizes:
        for s in shifts:
            a = rng.normal(size=n1)
            b = rng.normal(loc=s, size=n2)
            rows.append((n1, n2, a, b))
        a = rng.integers(0, 50, size=n1).astype(float)
        rows.append((n1, n2, a, rng.integers(0, 50, size=n2).astype(float)))  # ties
        rows.append((n1, n2, a, a[:n2].copy()))  # identical prefix
    with open(OUT, "w") as f:
        f.write("# scipy %s ks_2samp(a, b)[1]: n1 n2 d_hex p_hex; drift/tools/generate_ks_asymp.py\n"
                % __import__("scipy").__version__)
        for n1, n2, a, b in rows:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                r = stats.ks_2samp(a, b)
            f.write("%d\t%d\t%s\t%s\n" % (n1, n2, float(r.statistic).hex(), float(r.pvalue).hex()))
        # the statistic itself swept (kstwo.sf branches: tiny d, DMTW, Pelz-Good, smirnov, the >1e6 approximation)
        for n1, n2 in sizes:
            m, n = max(n1, n2), min(n1, n2)
            en = int(np.round(m * n / (m + n)))
            for d in np.concatenate([[0.4 / en, 0.9 / en, 1.0 / en], np.geomspace(1.5 / en, 0.99, 40)]):
                p = float(np.clip(stats.distributions.kstwo.sf(d, en), 0, 1))
                f.write("%d\t%d\t%s\t%s\n" % (n1, n2, float(d).hex(), p.hex()))


if __name__ == "__main__":
    main()
