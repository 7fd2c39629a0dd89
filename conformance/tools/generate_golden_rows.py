#!/usr/bin/python3
"""Golden values for the per-row measures (RowMeasures) and PyTorch's kl_div (Losses.klDiv).

Run with Debian's /usr/bin/python3 (numpy 1.24, scipy 1.10, torch 1.13, mpmath 1.2):
    /usr/bin/python3 conformance/tools/generate_golden_rows.py > \
        conformance/src/main/resources/org/shannon4j/conformance/golden/rows.tsv

Format (tab-separated, '#' comments): name, measure (entropy|kl|js|kl_div), dtype (double|float),
rows, classes, option (row measures: base e|2; kl_div: reduction/logTarget, e.g. batchmean/false),
p or input (comma-separated), q or target (comma-separated, '-' for entropy), expected (comma-separated:
one per row for the row measures, one per element for kl_div 'none', else one value).
Numbers are Python repr (round-trip exact); Infinity/-Infinity/NaN as Java spells them.

Expected values: the row measures are the exact values of the normalised rows (mpmath, 50 digits) rounded to a
double; the script asserts scipy (stats.entropy, stats.entropy(p, q), spatial.distance.jensenshannon²) agrees
within 1e-12 relative (+1e-15). kl_div: torch.nn.functional.kl_div itself (float64, on the float inputs widened
to float64 for 'float' cases, since shannon4j computes float input in double); cases where shannon4j
deliberately differs from torch (0·(-inf) = NaN there) are not here but in the bad-input/edge tests.
"""
import math
import sys

import mpmath
import numpy as np
import scipy.spatial.distance as ssd
import scipy.stats as ss
import torch
import torch.nn.functional as F

mpmath.mp.dps = 50
rng = np.random.default_rng(20261206)


def fmt(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return repr(x)


def join(a):
    return ",".join(fmt(v) for v in np.asarray(a, dtype=np.float64).ravel())


def exact_entropy(row):
    s = mpmath.fsum(mpmath.mpf(float(v)) for v in row)
    return -mpmath.fsum((mpmath.mpf(float(v)) / s) * mpmath.log(mpmath.mpf(float(v)) / s) for v in row if v > 0)


def exact_kl(p, q):
    sp = mpmath.fsum(mpmath.mpf(float(v)) for v in p)
    sq = mpmath.fsum(mpmath.mpf(float(v)) for v in q)
    t = []
    for a, b in zip(p, q):
        if a > 0:
            if b == 0:
                return mpmath.inf
            a, b = mpmath.mpf(float(a)) / sp, mpmath.mpf(float(b)) / sq
            t.append(a * mpmath.log(a / b))
    return mpmath.fsum(t)


def exact_js(p, q):
    sp = mpmath.fsum(mpmath.mpf(float(v)) for v in p)
    sq = mpmath.fsum(mpmath.mpf(float(v)) for v in q)
    t = []
    for a, b in zip(p, q):
        a, b = mpmath.mpf(float(a)) / sp, mpmath.mpf(float(b)) / sq
        m = (a + b) / 2
        if a > 0:
            t.append(a * mpmath.log(a / m))
        if b > 0:
            t.append(b * mpmath.log(b / m))
    return mpmath.fsum(t) / 2


def close(a, b):
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-12 * abs(b) + 1e-15


def matrix(rows, classes, kind, dtype):
    if kind == "dirichlet":
        m = rng.dirichlet(np.full(classes, 0.5), size=rows)
    elif kind == "skewed":
        m = rng.dirichlet(np.full(classes, 0.05), size=rows)
    elif kind == "zeros":
        m = rng.dirichlet(np.ones(classes), size=rows)
        m[rng.random((rows, classes)) < 0.3] = 0.0
        m[:, 0] += 1e-3
    elif kind == "counts":
        m = rng.integers(0, 20, size=(rows, classes)).astype(np.float64)
        m[:, 0] += 1
    elif kind == "onehot":
        m = np.zeros((rows, classes))
        m[np.arange(rows), rng.integers(0, classes, rows)] = 1.0
    else:
        raise ValueError(kind)
    if kind not in ("counts", "onehot"):
        m = m / m.sum(axis=1, keepdims=True)
    m = m.astype(dtype)
    if kind not in ("counts", "onehot"):
        # renormalise in the input precision (REQUIRE's tolerance applies to the stored values)
        m = (m / m.sum(axis=1, keepdims=True, dtype=np.float64)).astype(dtype)
    return m


def row_cases(out):
    n = 0
    for dtype, dname in ((np.float64, "double"), (np.float32, "float")):
        for rows, classes in ((1, 1), (3, 2), (5, 3), (17, 10), (9, 16), (4, 33), (2, 100)):
            for kind in ("dirichlet", "skewed", "zeros", "counts", "onehot"):
                p = matrix(rows, classes, kind, dtype)
                q = matrix(rows, classes, "dirichlet" if kind != "onehot" else "zeros", dtype)
                if kind == "zeros":
                    q = matrix(rows, classes, "zeros", dtype)  # p > 0 with q = 0 happens: KL = inf
                pw = p.astype(np.float64)
                qw = q.astype(np.float64)
                bases = ((None, "e", 1.0), (2, "2", 1 / math.log(2))) if kind == "dirichlet" else ((None, "e", 1.0),)
                for base, bname, scale in bases:
                    h = [float(exact_entropy(r)) * scale for r in pw]
                    kl = [float(exact_kl(a, b) * scale) for a, b in zip(pw, qw)]
                    js = [float(exact_js(a, b) * scale) for a, b in zip(pw, qw)]
                    for i, (a, b) in enumerate(zip(pw, qw)):
                        assert close(float(ss.entropy(a, base=base)), h[i]), (kind, h[i])
                        assert close(float(ss.entropy(a, b, base=base)), kl[i]), (kind, kl[i])
                        assert close(float(ssd.jensenshannon(a, b, base=base)) ** 2, js[i]), (kind, js[i])
                    name = f"{kind}-{rows}x{classes}-{dname}-base{bname}"
                    out.write(f"{name}\tentropy\t{dname}\t{rows}\t{classes}\t{bname}\t{join(p)}\t-\t{join(h)}\n")
                    out.write(f"{name}\tkl\t{dname}\t{rows}\t{classes}\t{bname}\t{join(p)}\t{join(q)}\t{join(kl)}\n")
                    out.write(f"{name}\tjs\t{dname}\t{rows}\t{classes}\t{bname}\t{join(p)}\t{join(q)}\t{join(js)}\n")
                    n += 3
    return n


def kl_div_cases(out):
    n = 0
    for dtype, dname in ((np.float64, "double"), (np.float32, "float")):
        for rows, classes in ((1, 1), (4, 3), (16, 10), (7, 33)):
            for special in (False, True):
                logits = rng.normal(0, 3, (rows, classes))
                inp = torch.log_softmax(torch.tensor(logits), dim=1).numpy().astype(dtype)
                tgt = matrix(rows, classes, "zeros" if special else "dirichlet", dtype)
                if special:
                    # -inf input against a zero target (torch: 0 - 0*(-inf) = NaN is avoided: only where t > 0),
                    # huge logits; -inf input with t > 0 gives +inf
                    inp = inp.copy()
                    inp[0, 0] = -1e4
                    if rows > 1:
                        inp[1, 0] = -np.inf
                        tgt[1, 0] = max(tgt[1, 0], dtype(0.25))
                for log_target in (False, True):
                    if log_target:
                        with np.errstate(divide="ignore"):
                            t = np.log(tgt.astype(np.float64)).astype(dtype)
                        # torch gives NaN where t = -inf (exp(-inf)·(-inf - x)); shannon4j 0: keep t finite here
                        t[np.isinf(t)] = dtype(-800.0)
                    else:
                        t = tgt
                    ti = torch.tensor(inp.astype(np.float64))
                    tt = torch.tensor(t.astype(np.float64))
                    for red in ("none", "sum", "mean", "batchmean"):
                        v = F.kl_div(ti, tt, reduction=red, log_target=log_target).numpy()
                        assert not np.isnan(v).any(), (red, log_target, special)
                        name = f"kl_div-{rows}x{classes}-{dname}-{'special' if special else 'plain'}-{red}-{log_target}"
                        out.write(f"{name}\tkl_div\t{dname}\t{rows}\t{classes}\t{red}/{str(log_target).lower()}"
                                  f"\t{join(inp)}\t{join(t)}\t{join(v)}\n")
                        n += 1
    return n


def main():
    out = sys.stdout
    out.write("# generated by conformance/tools/generate_golden_rows.py (see its docstring for the format)\n")
    out.write("# name\tmeasure\tdtype\trows\tclasses\toption\tp_or_input\tq_or_target\texpected\n")
    n = row_cases(out) + kl_div_cases(out)
    print(f"{n} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
