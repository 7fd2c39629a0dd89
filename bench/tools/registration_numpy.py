#!/usr/bin/python3
"""numpy's time for RegistrationBenchmark: histogram2d(a, b, bins=256) + the MI formula on the same two 1e7-voxel
float32 images (the formula of RegistrationBenchmark.images; sin/cos may differ from Java's in the last ulp).
Prints seconds and ns/voxel (best of 3). Run: /usr/bin/python3 bench/tools/registration_numpy.py [voxels] [--csv FILE]
(voxels: default 1e7, the benchmark's; fewer only to check that it runs). With --csv FILE the time is also written
as CSV (library,case,shape,dtype,unit,value; unit ns/voxel), as `bin/shannon4j report` runs it."""
import csv
import sys
import time

import numpy as np

args = sys.argv[1:]
csv_file = None
if "--csv" in args:
    csv_file = args[args.index("--csv") + 1]
    del args[args.index("--csv"):args.index("--csv") + 2]
n = int(float(args[0])) if args else 10_000_000
i = np.arange(n, dtype=np.int64)
z, y, x = i % 250, (i // 250) % 400, i // 100_000


def smooth(x, y, z):
    return 100 + 40 * np.sin(x / 7.0) + 30 * np.cos(y / 11.0) + 20 * np.sin(z / 13.0 + x / 17.0)


h = (i.astype(np.uint64) + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
h ^= h >> np.uint64(31)
u = (h >> np.uint64(40)).astype(np.float64) * 2.0 ** -24 * 20 - 10
a = smooth(x, y, z).astype(np.float32)
b = (smooth(x + 2, y + 1, z) + u).astype(np.float32)
del i, x, y, z, h, u


def mi(a, b):
    c, _, _ = np.histogram2d(a, b, bins=256)
    p = c / c.sum()
    pa, pb = p.sum(axis=1), p.sum(axis=0)
    nz = p > 0
    return (p[nz] * np.log(p[nz] / np.outer(pa, pb)[nz])).sum()


best = float('inf')
for _ in range(3):
    t = time.perf_counter()
    v = mi(a, b)
    best = min(best, time.perf_counter() - t)
print('numpy %s histogram2d(bins=256) + MI: %.3f s, %.1f ns/voxel, MI = %.12g nats' % (np.__version__, best,
                                                                                   best / n * 1e9, v))
if csv_file:
    with open(csv_file, "w", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([["library", "case", "shape", "dtype", "unit", "value"],
                                                       ["numpy", "histogram2d(bins=256) + MI", str(n), "float32",
                                                        "ns/voxel", "%.6g" % (best / n * 1e9)]])
