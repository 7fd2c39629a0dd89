#!/usr/bin/python3
# Times Evidently 0.7's numeric drift formulas on the data of DriftBenchmark (bench/.../DriftBenchmark.java): one
# column, SIZE reference values N(0, 1) and SIZE current values N(0.1, 1.1^2), built by the same splitmix64 and
# Box-Muller as DriftBenchmark.normal (equal up to the last bits of log and cos, which do not change the timing).
#
# Evidently itself is not installable here (no network package index for it, and it pulls in pandas, which is not
# installed either): the formulas are those of generate_evidently.py, a line-by-line numpy/scipy re-implementation
# of its source, with np.unique standing in for pandas' nunique (hash-based in pandas; a sort here). The times are
# therefore those of numpy and scipy doing Evidently's arithmetic, a lower bound on Evidently's own (which adds
# pandas and its per-column bookkeeping). CPU time (time.process_time), best of REPEATS.
#
# Run from the repository root:  /usr/bin/python3 drift/tools/bench_evidently.py [size] [--csv FILE]
# With --csv FILE the times are also written as CSV (library,case,shape,dtype,unit,value; case is the DriftMethod
# name, unit ms/call): `bin/shannon4j report` runs it so and shows them in its "Drift" section.
import csv
import importlib.util
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("generate_evidently", os.path.join(HERE, "generate_evidently.py"))
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)

ARGS = sys.argv[1:]
CSV_FILE = None
if "--csv" in ARGS:
    CSV_FILE = ARGS[ARGS.index("--csv") + 1]
    del ARGS[ARGS.index("--csv"):ARGS.index("--csv") + 2]
SIZE = int(ARGS[0]) if ARGS else 3_000_000
REPEATS = 3


def mix(z):
    z = ((z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9))
    z = ((z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB))
    return z ^ (z >> np.uint64(31))


def normal(n, seed, mean, sd):
    # DriftBenchmark.normal: state += golden gamma before each of the two uniforms
    gamma = np.uint64(0x9E3779B97F4A7C15)
    k = np.arange(1, 2 * n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        states = np.uint64(seed) + k * gamma
        u = (mix(states) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    u1, u2 = u[0::2], u[1::2]
    return mean + sd * (np.sqrt(-2 * np.log1p(-u1)) * np.cos(2 * np.pi * u2))


def nunique(a):
    return np.unique(a).size


def get_binned_data(reference_data, current_data, feel_zeroes=True):
    # ev.get_binned_data, with np.unique for pandas' nunique (Python's set of 3M floats would be unfair)
    if nunique(reference_data) > 20:
        combined = np.concatenate([reference_data, current_data])
        bins = np.histogram_bin_edges(combined, bins="sturges")
        r = np.histogram(reference_data, bins)[0] / len(reference_data)
        c = np.histogram(current_data, bins)[0] / len(current_data)
        if feel_zeroes:
            for p in (r, c):
                m = min(p[p != 0])
                np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)
        return r, c
    return ev.get_binned_data(reference_data, current_data, 30, feel_zeroes)


def psi(ref, cur):
    r, c = get_binned_data(ref, cur)
    return np.sum((r - c) * np.log(r / c))


def kl_div(ref, cur):
    r, c = get_binned_data(ref, cur)
    return ev.stats.entropy(r, c)


def jensenshannon(ref, cur):
    r, c = get_binned_data(ref, cur, False)
    return ev.distance.jensenshannon(r, c, None)


def timed(f, *args):
    best = float("inf")
    value = None
    for _ in range(REPEATS):
        t = time.process_time()
        value = f(*args)
        best = min(best, time.process_time() - t)
    return best, float(value)


def main():
    ref = ev.clean(normal(SIZE, 1, 0.0, 1.0))
    cur = ev.clean(normal(SIZE, 2, 0.1, 1.1))
    print("numpy %s, scipy %s; %d + %d float64 values; CPU seconds, best of %d"
          % (np.__version__, ev.stats.__name__ and __import__("scipy").__version__, SIZE, SIZE, REPEATS))
    rows = []
    for name, f in [("psi", psi), ("kl_div", kl_div), ("jensenshannon", jensenshannon),
                    ("hellinger", ev.hellinger), ("wasserstein", ev.wasserstein)]:
        t, v = timed(f, ref, cur)
        print("%-14s %8.3f s   value %.17g" % (name, t, v))
        rows.append(["numpy+scipy", name.upper(), str(SIZE), "float64", "ms/call", "%.6g" % (t * 1e3)])
    if CSV_FILE:
        with open(CSV_FILE, "w", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows(
                [["library", "case", "shape", "dtype", "unit", "value"]] + rows)


if __name__ == "__main__":
    main()
