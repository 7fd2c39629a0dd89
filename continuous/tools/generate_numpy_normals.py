"""Fixtures for NumpyRandomState (scikit-learn's noise from an integer random_state), from numpy 1.24 (Debian,
/usr/bin/python3) and mpmath.

Writes ../src/test/resources/org/shannon4j/continuous/numpy_normals.txt.gz:
  normal seed i value   np.random.RandomState(seed): standard_normal(501), then standard_normal(500) (an odd
                        first call, so the second starts with the normal the polar method kept back), i = 0..1000
  log x value           ln x correctly rounded (mpmath at 200 bits), x in (0, 1) as the polar method's r^2 takes
                        them (uniform, near 1 on either side, tiny), plus the arguments glibc's log rounds the
                        other way among the normals above
Values are written with float.hex, so they are read back to the bit.
"""
import gzip
import math
import os

import mpmath
import numpy as np

SEEDS = (0, 1, 12345, 4294967295)


def main():
    mpmath.mp.prec = 200
    lines = []
    for seed in SEEDS:
        rng = np.random.RandomState(seed)
        z = np.concatenate([rng.standard_normal(501), rng.standard_normal(500)])
        for i, v in enumerate(z):
            lines.append(f"normal\t{seed}\t{i}\t{float(v).hex()}")
    rng = np.random.RandomState(2024)
    xs = list(rng.random_sample(2000))
    xs += [1 - math.ldexp(u, -int(e)) for u, e in zip(rng.random_sample(1000), rng.randint(1, 50, 1000))]
    xs += [1 + math.ldexp(u, -int(e)) for u, e in zip(rng.random_sample(500), rng.randint(1, 50, 500))]
    xs += [math.ldexp(1 + u, -int(e)) for u, e in zip(rng.random_sample(500), rng.randint(1, 1020, 500))]
    # glibc's log misrounds these (from RandomState(0)'s polar method)
    xs += [float.fromhex(h) for h in ("0x1.cbf81fd17b1a6p-1", "0x1.d95a989a7fac6p-1", "0x1.37e4d4bae9833p-1")]
    for x in xs:
        if x > 0:
            lines.append(f"log\t{float(x).hex()}\t{float(mpmath.log(mpmath.mpf(x))).hex()}")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "../src/test/resources/org/shannon4j/continuous/numpy_normals.txt.gz")
    with gzip.GzipFile(out, "wb", mtime=0) as g:
        g.write(("\n".join(lines) + "\n").encode())
    print(out, len(lines))


if __name__ == "__main__":
    main()
