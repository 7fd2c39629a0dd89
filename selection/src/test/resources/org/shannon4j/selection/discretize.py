#!/usr/bin/python3
"""Expected codes of the discretisers, from numpy itself (regenerate: /usr/bin/python3 discretize.py > discretize.tsv).

Equal width: np.digitize(x, np.linspace(x.min(), x.max(), bins + 1)[1:-1]).
Equal frequency: np.digitize(x, np.unique(np.quantile(x, np.linspace(0, 1, bins + 1)[1:-1]))).
Columns: name, kind, bins, values (repr, comma-separated), codes (comma-separated).
"""
import numpy as np

rng = np.random.default_rng(20260114)
cases = {
    "small": np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]),
    "thirds": np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),  # edges land near values
    "negative": np.array([-3.5, -1.25, 0.0, 2.75, -0.5, 1.0, 3.5, -2.0]),
    "ties": np.array([1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 1.0, 1.0, 5.0, 5.0, 1.0]),
    "normal": rng.normal(size=200),
    "uniform": rng.uniform(-1e3, 1e3, size=157),
    "tiny_range": 1.0 + np.arange(9) * np.finfo(float).eps,
}
print("name\tkind\tbins\tvalues\tcodes")
for name, x in cases.items():
    for bins in (1, 2, 3, 7, 10):
        width = np.digitize(x, np.linspace(x.min(), x.max(), bins + 1)[1:-1])
        freq = np.digitize(x, np.unique(np.quantile(x, np.linspace(0, 1, bins + 1)[1:-1])))
        vals = ",".join(repr(float(v)) for v in x)
        print(f"{name}\twidth\t{bins}\t{vals}\t{','.join(str(int(c)) for c in width)}")
        print(f"{name}\tfrequency\t{bins}\t{vals}\t{','.join(str(int(c)) for c in freq)}")
