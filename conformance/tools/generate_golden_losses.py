#!/usr/bin/python3
# Golden values for the shannon4j cross-entropy losses: softmaxCrossEntropy (class-index and probability
# targets), binaryCrossEntropy, binaryCrossEntropyWithLogits and logLoss, with their options (class weights,
# ignore index, label smoothing, reductions, pos_weight, clipping, per-element weights of the binary losses and
# per-sample weights of log loss), units, float and double, and bad input.
#
# Generated with: Debian python3, torch 1.13 (python3-torch), scikit-learn 1.2.1, scipy 1.10.1, numpy 1.24.2,
# mpmath 1.2.1. Rerun (deterministic: fixed seeds) from the repository root with
#
#     /usr/bin/python3 conformance/tools/generate_golden_losses.py
#
# It rewrites conformance/src/main/resources/org/shannon4j/conformance/golden/losses.tsv. No Python at test time.
#
# How each expected value is obtained
#   The semantics are torch.nn.functional's (cross_entropy, binary_cross_entropy, binary_cross_entropy_with_logits)
#   and sklearn.metrics.log_loss's. The value written is the EXACT loss of the exact (double or float32) inputs,
#   evaluated with mpmath at 50 digits and rounded once to a double. For every case where the library is
#   defined the same way, the script asserts that the library's float64 result agrees (relative 1e-12, or
#   absolute 1e-15 for values near 0); the library value is kept in the `library` column. Where shannon4j
#   deliberately differs (DESIGN.md "Loss conventions"), the case says so in `note` and the library's value
#   (NaN, 100, a clipped number) is recorded, not asserted:
#     * a mean over zero contributing targets: 0 here, NaN in torch;
#     * BCE with p = 0 (or 1) against the opposite target: +inf here, 100 in torch (log clamped at -100);
#     * a zero weight / zero target on a -inf logit: contributes 0 here, NaN in torch;
#     * log loss with p_y = 0: +inf here unless clipping is asked for (sklearn clips at finfo(dtype).eps).
import math
import os

import mpmath
import numpy as np
import torch
import torch.nn.functional as F
import sklearn
from sklearn.metrics import log_loss
import scipy
import scipy.special

mpmath.mp.dps = 50
torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "main", "resources", "org",
                   "shannon4j", "conformance", "golden", "losses.tsv")
LN = {"NATS": mpmath.mpf(1), "BITS": mpmath.log(2), "BANS": mpmath.log(10)}
INF = float("inf")
rng = np.random.default_rng(20260404)
# The weighted cases draw from their own stream, so that adding them left every older case as it was.
rng_w = np.random.default_rng(20260405)
lines = []


def fmt(x):
    return repr(float(x))


def fl(values, dtype):
    a = np.asarray(values, dtype=np.float64)
    if dtype == "float":
        a = a.astype(np.float32).astype(np.float64)
    return [float(x) for x in a]


def mpf(x):
    return mpmath.mpf(x)  # +-inf allowed


# ------------------------------------------------------------------------------------------- exact references

def softmax_rows(z, rows, C, ys=None, q=None, weights=None, ignore=-100, eps=0.0):
    """Per-row exact losses (or None for ignored rows) and per-row weights (w[y] or A_r)."""
    out = []
    for r in range(rows):
        zr = [mpf(v) for v in z[r * C:(r + 1) * C]]
        m = max(zr)
        lse = m + mpmath.log(mpmath.fsum(mpmath.exp(v - m) for v in zr))
        if ys is not None:
            y = ys[r]
            if y == ignore:
                out.append((None, 0))
                continue
            a = [(1 - mpf(eps)) * (weights[y] if weights else 1) * (1 if c == y else 0)
                 + mpf(eps) / C * (weights[c] if weights else 1) for c in range(C)]
            wrow = mpf(weights[y] if weights else 1)
        else:
            a = [(weights[c] if weights else 1) * ((1 - mpf(eps)) * mpf(q[r * C + c]) + mpf(eps) / C)
                 for c in range(C)]
            wrow = mpmath.fsum(a)
        loss = mpmath.fsum(a[c] * (lse - zr[c]) for c in range(C) if a[c] > 0)
        out.append((loss, wrow))
    return out


def reduce(rows_losses, reduction, mean_by_weight):
    contrib = [(l, w) for l, w in rows_losses if l is not None]
    s = mpmath.fsum(l for l, _ in contrib) if contrib else mpf(0)
    wsum = mpmath.fsum(w for _, w in contrib) if contrib else mpf(0)
    n = len(contrib)
    if reduction in ("NONE", "SUM"):
        return s
    by_w = reduction == "MEAN_BY_WEIGHT" or (reduction == "MEAN" and mean_by_weight)
    d = wsum if by_w else n
    return mpf(0) if d == 0 else s / d


def to_double(x, unit):
    v = x / LN[unit]
    if mpmath.isinf(v):
        return INF if v > 0 else -INF
    return float(v)


def agree(ours, lib, where, rel=1e-12):
    if math.isnan(lib) or math.isinf(ours) or math.isinf(lib):
        assert (math.isinf(ours) and ours == lib), (where, ours, lib)
        return
    assert abs(ours - lib) <= rel * abs(ours) + 1e-15, (where, ours, lib)


def emit(cid, measure, dtype, unit, policy, rows, classes, x, targets, options, expected, row_values,
         library, note, error_class="", error_message=""):
    lines.append("\t".join([
        cid, measure, dtype, unit, policy, str(rows), str(classes),
        ",".join(fmt(v) for v in x), ",".join(str(t) if isinstance(t, int) else fmt(t) for t in targets),
        options or "-", "" if error_class else fmt(expected),
        ",".join(fmt(v) for v in row_values) if row_values else "-",
        "-" if library is None else fmt(library), note or "-", error_class or "-", error_message or "-"]))


def opts_string(weights=None, ignore=None, eps=None, reduction=None, pos_weight=None, clip=None, element_weights=None,
                sample_weights=None):
    parts = []
    if element_weights is not None:
        parts.append("elementWeights=" + ",".join(fmt(w) for w in element_weights))
    if sample_weights is not None:
        parts.append("sampleWeights=" + ",".join(fmt(w) for w in sample_weights))
    if weights is not None:
        parts.append("weights=" + ",".join(fmt(w) for w in weights))
    if ignore is not None:
        parts.append("ignore=" + str(ignore))
    if eps:
        parts.append("smoothing=" + fmt(eps))
    if reduction:
        parts.append("reduction=" + reduction)
    if pos_weight is not None:
        parts.append("posWeight=" + fmt(pos_weight))
    if clip is not None:
        parts.append("clip=" + (clip if isinstance(clip, str) else fmt(clip)))
    return ";".join(parts)


TORCH_RED = {"NONE": "none", "SUM": "sum", "MEAN": "mean"}


# ------------------------------------------------------------------------------------------------- softmax

def softmax_index_case(cid, z, rows, C, ys, dtype="double", unit="NATS", weights=None, ignore=-100, eps=0.0,
                       reduction="MEAN", note=None, compare=True):
    z = fl(z, dtype)
    per = softmax_rows(z, rows, C, ys=ys, weights=weights, ignore=ignore, eps=eps)
    exact = reduce(per, reduction, True)
    expected = to_double(exact, unit)
    row_values = [to_double(l if l is not None else mpf(0), unit) for l, _ in per] if reduction == "NONE" else None
    lib = None
    if reduction in TORCH_RED:
        zt = torch.tensor(z).reshape(rows, C)
        yt = torch.tensor(ys, dtype=torch.long)
        wt = torch.tensor(weights) if weights else None
        v = F.cross_entropy(zt, yt, weight=wt, ignore_index=ignore, label_smoothing=eps,
                            reduction=TORCH_RED[reduction])
        v = v.sum() if reduction == "NONE" else v
        lib = float(v) / float(LN[unit])
        if compare:
            agree(expected, lib, cid)
    emit(cid, "softmaxIndex", dtype, unit, "REQUIRE", rows, C, z, ys,
         opts_string(weights, None if ignore == -100 else ignore, eps, reduction), expected, row_values, lib, note)


def softmax_probs_case(cid, z, rows, C, q, dtype="double", unit="NATS", weights=None, eps=0.0, reduction="MEAN",
                       note=None, compare=True):
    z = fl(z, dtype)
    q = fl(q, dtype)
    per = softmax_rows(z, rows, C, q=q, weights=weights, eps=eps)
    exact = reduce(per, reduction, False)
    expected = to_double(exact, unit)
    row_values = [to_double(l, unit) for l, _ in per] if reduction == "NONE" else None
    lib = None
    if reduction in TORCH_RED:
        v = F.cross_entropy(torch.tensor(z).reshape(rows, C), torch.tensor(q).reshape(rows, C),
                            weight=torch.tensor(weights) if weights else None, label_smoothing=eps,
                            reduction=TORCH_RED[reduction])
        v = v.sum() if reduction == "NONE" else v
        lib = float(v) / float(LN[unit])
        if compare:
            agree(expected, lib, cid)
    emit(cid, "softmaxProbs", dtype, unit, "REQUIRE", rows, C, z, q, opts_string(weights, None, eps, reduction),
         expected, row_values, lib, note)


def rand_logits(rows, C, scale=3.0):
    return list(rng.normal(0, scale, rows * C))


for dtype in ("double", "float"):
    sfx = "-" + dtype
    # The blog example: true class 1, predicted probability 0.8 (logits 0 and ln 4): -ln 0.8 = 0.2231 nats.
    softmax_index_case("blog-softmax" + sfx, [0.0, math.log(4.0)], 1, 2, [1], dtype)
    softmax_index_case("blog-softmax-bits" + sfx, [0.0, math.log(4.0)], 1, 2, [1], dtype, unit="BITS")
    softmax_index_case("small" + sfx, rand_logits(5, 3), 5, 3, [0, 2, 1, 1, 0], dtype)
    ys = list(rng.integers(0, 10, 70))
    ys = [int(v) for v in ys]
    z70 = rand_logits(70, 10)
    softmax_index_case("c10-n70" + sfx, z70, 70, 10, ys, dtype)
    softmax_index_case("c10-n70-sum-bans" + sfx, z70, 70, 10, ys, dtype, unit="BANS", reduction="SUM")
    w10 = [float(v) for v in rng.uniform(0.1, 3.0, 10)]
    ys_ign = [(-100 if i % 7 == 3 else y) for i, y in enumerate(ys)]
    softmax_index_case("c10-n70-weights-ignore" + sfx, z70, 70, 10, ys_ign, dtype, weights=w10)
    softmax_index_case("c10-n70-weights-ignore-bycount" + sfx, z70, 70, 10, ys_ign, dtype, weights=w10,
                       reduction="MEAN_BY_COUNT")
    softmax_index_case("c10-n70-smoothing" + sfx, z70, 70, 10, ys, dtype, eps=0.1)
    softmax_index_case("c10-n70-smoothing-weights" + sfx, z70, 70, 10, ys_ign, dtype, weights=w10, eps=0.2,
                       note="torch divides by sum w[y] although smoothing spreads weight over all classes")
    z7 = rand_logits(7, 40)
    y7 = [int(v) for v in rng.integers(0, 40, 7)]
    softmax_index_case("c40-n7" + sfx, z7, 7, 40, y7, dtype)
    softmax_index_case("c40-n7-none" + sfx, z7, 7, 40, [y7[0], 2, -100, 5, y7[4], 39, 0], dtype, reduction="NONE")
    z3 = rand_logits(3, 300, 5.0)
    softmax_index_case("c300-n3" + sfx, z3, 3, 300, [5, 299, 0], dtype)
    softmax_index_case("ignore-in-range" + sfx, rand_logits(4, 3), 4, 3, [1, 0, 1, 2], dtype, ignore=1)
    softmax_index_case("extreme-1e4" + sfx, [1e4, -1e4, 0.0, -1e4, 1e4, 9999.0], 2, 3, [1, 2], dtype)
    softmax_index_case("dominant-target" + sfx, [50.0, 0.0, 0.0, 40.0, 0.0, 1.0], 2, 3, [0, 0], dtype,
                       note="exact 2e-22-ish losses; logsumexp(z) - z_y would give 0", compare=False)
    softmax_index_case("masked-class" + sfx, [2.0, -INF, 0.5, -INF, 1.0, 3.0], 2, 3, [0, 2], dtype)
    softmax_index_case("masked-target" + sfx, [2.0, -INF, 0.5], 1, 3, [1], dtype)
    softmax_index_case("masked-zero-weight-smoothing" + sfx, [2.0, -INF, 0.5, 1.0, -INF, -1.0], 2, 3, [0, 2],
                       dtype, weights=[1.0, 0.0, 2.0], eps=0.1,
                       note="torch: NaN (0 * inf on the masked class); here the zero-weight term is 0",
                       compare=False)
    softmax_index_case("ties" + sfx, [1.0, 1.0, 1.0, 3.0, 3.0, 0.0], 2, 3, [0, 1], dtype)
    softmax_index_case("all-ignored" + sfx, rand_logits(3, 4), 3, 4, [-100, -100, -100], dtype,
                       note="torch: NaN (mean over zero targets); here 0 with count 0", compare=False)
    softmax_index_case("one-class" + sfx, [3.5, -2.0], 2, 1, [0, 0], dtype)
    # Probability targets.
    qs = rng.dirichlet([0.5] * 4, 6).reshape(-1)
    zq = rand_logits(6, 4)
    softmax_probs_case("probs" + sfx, zq, 6, 4, qs, dtype)
    softmax_probs_case("probs-weights-smoothing-sum" + sfx, zq, 6, 4, qs, dtype, weights=[0.5, 1.0, 2.0, 0.1],
                       eps=0.15, reduction="SUM")
    softmax_probs_case("probs-byweight" + sfx, zq, 6, 4, qs, dtype, weights=[0.5, 1.0, 2.0, 0.1],
                       reduction="MEAN_BY_WEIGHT")
    softmax_probs_case("probs-none-bits" + sfx, zq, 6, 4, qs, dtype, unit="BITS", reduction="NONE")
    qz = rng.dirichlet([1.0] * 20, 70).reshape(-1)
    softmax_probs_case("probs-c20-n70" + sfx, rand_logits(70, 20), 70, 20, qz, dtype)
    softmax_probs_case("probs-masked-zero-target" + sfx, [1.0, -INF, 2.0], 1, 3, [0.25, 0.0, 0.75], dtype,
                       note="torch: NaN (0 * -inf); here the zero target contributes 0", compare=False)

# Bad input (errors checked in the double and float forms by the suite).
E = "java.lang.IllegalArgumentException"
emit("err-target-range", "softmaxIndex", "double", "NATS", "REQUIRE", 2, 3, [0.0] * 6, [0, 3], "-", 0, None, None,
     None, E, "targets[1] = 3: class indices must be in [0, 3)")
emit("err-target-negative", "softmaxIndex", "float", "NATS", "REQUIRE", 2, 3, [0.0] * 6, [-1, 0], "-", 0, None,
     None, None, E, "targets[0] = -1")
emit("err-nan-logit", "softmaxIndex", "double", "NATS", "REQUIRE", 2, 3, [0.0, 1.0, 2.0, 0.0, float("nan"), 1.0],
     [0, 1], "-", 0, None, None, None, E, "logits[4] = NaN (row 1, class 1): logits must not be NaN")
emit("err-posinf-logit", "softmaxIndex", "float", "NATS", "REQUIRE", 1, 3, [0.0, INF, 1.0], [0], "-", 0, None,
     None, None, E, "logits[1] = Infinity (row 0, class 1): logits must not be +Infinity")
emit("err-all-minus-inf", "softmaxIndex", "double", "NATS", "REQUIRE", 1, 2, [-INF, -INF], [0], "-", 0, None,
     None, None, E, "logits row 0 (logits[0..2)) is all -Infinity")
emit("err-weights-length", "softmaxIndex", "double", "NATS", "REQUIRE", 1, 3, [0.0] * 3, [0], "weights=1.0,2.0",
     0, None, None, None, E, "weights.length = 2 but classes = 3")
emit("err-shape", "softmaxIndex", "double", "NATS", "REQUIRE", 2, 2, [0.0] * 5, [0, 1], "-", 0, None, None, None,
     E, "logits.length = 5 but rows × classes = 2 × 2 = 4")
emit("err-prob-target-negative", "softmaxProbs", "double", "NATS", "REQUIRE", 1, 3, [0.0] * 3, [0.5, -0.5, 1.0],
     "-", 0, None, None, None, E, "targets[1] = -0.5 (row 0, class 1): probability targets must be finite and >= 0")


# ---------------------------------------------------------------------------------------------- binary

def bce_exact(y, p, eps):
    y = mpf(y)
    p = mpf(p)
    if eps:
        p = min(max(p, mpf(eps)), 1 - mpf(eps))
    a = -y * mpmath.log(p) if y > 0 else mpf(0)
    b = -(1 - y) * mpmath.log(1 - p) if y < 1 else mpf(0)
    return a + b


def softplus(t):
    return mpmath.log1p(mpmath.exp(t)) if t < 30 else t + mpmath.log1p(mpmath.exp(-t))


def bce_logits_exact(y, x, pw):
    y = mpf(y)
    x = mpf(x)
    a = mpf(pw) * y * (softplus(-x) if not mpmath.isinf(x) else (0 if x > 0 else mpmath.inf)) if y > 0 else mpf(0)
    b = (1 - y) * (softplus(x) if not mpmath.isinf(x) else (mpmath.inf if x > 0 else 0)) if y < 1 else mpf(0)
    return a + b


def binary_case(cid, measure, y, x, dtype="double", unit="NATS", reduction="MEAN", eps=None, pos_weight=None,
                note=None, compare=True, weights=None):
    """weights: per-element (torch's `weight`); MEAN divides by the count as torch does, MEAN_BY_WEIGHT by sum w."""
    y = fl(y, dtype)
    x = fl(x, dtype)
    w = None if weights is None else fl(weights, dtype)
    if measure == "bce":
        e = 0.0 if eps is None else (2.0 ** -52 if dtype == "double" else 2.0 ** -23) if eps == "auto" else eps
        per = [bce_exact(a, b, e) for a, b in zip(y, x)]
    else:
        per = [bce_logits_exact(a, b, 1.0 if pos_weight is None else pos_weight) for a, b in zip(y, x)]
    if w is not None:
        per = [mpf(0) if wi == 0 else mpf(wi) * l for wi, l in zip(w, per)]
    s = mpmath.fsum(per)
    if reduction in ("NONE", "SUM"):
        exact = s
    elif reduction == "MEAN_BY_WEIGHT":
        wsum = mpmath.fsum(mpf(v) for v in w) if w is not None else mpf(len(per))
        exact = mpf(0) if wsum == 0 else s / wsum
    else:
        exact = s / len(per)
    expected = to_double(exact, unit)
    row_values = [to_double(l, unit) for l in per] if reduction == "NONE" else None
    lib = None
    if reduction in TORCH_RED and eps is None:
        wt = None if w is None else torch.tensor(w)
        if measure == "bce":
            v = F.binary_cross_entropy(torch.tensor(x), torch.tensor(y), weight=wt, reduction=TORCH_RED[reduction])
        else:
            v = F.binary_cross_entropy_with_logits(torch.tensor(x), torch.tensor(y), weight=wt,
                                                   reduction=TORCH_RED[reduction],
                                                   pos_weight=None if pos_weight is None else torch.tensor(pos_weight))
        v = v.sum() if reduction == "NONE" else v
        lib = float(v) / float(LN[unit])
        if compare:
            agree(expected, lib, cid)
    emit(cid, measure, dtype, unit, "REQUIRE", len(y), 1, x, y,
         opts_string(reduction=reduction, pos_weight=pos_weight, clip=eps, element_weights=w), expected, row_values,
         lib, note)


for dtype in ("double", "float"):
    sfx = "-" + dtype
    binary_case("blog-bce" + sfx, "bce", [1.0], [0.8], dtype)
    binary_case("blog-bce-bits" + sfx, "bce", [1.0], [0.8], dtype, unit="BITS")
    yb = list(rng.uniform(0, 1, 40))
    yb[:10] = [round(v) for v in yb[:10]]
    pb = list(rng.uniform(0.001, 0.999, 40))
    binary_case("bce-soft" + sfx, "bce", yb, pb, dtype)
    binary_case("bce-soft-sum" + sfx, "bce", yb, pb, dtype, reduction="SUM")
    binary_case("bce-none" + sfx, "bce", yb[:5], pb[:5], dtype, reduction="NONE")
    binary_case("bce-edges" + sfx, "bce", [0.0, 1.0, 0.0, 1.0], [0.0, 1.0, 1e-30, 1 - 2 ** -20], dtype)
    binary_case("bce-p0-y1" + sfx, "bce", [1.0, 0.0], [0.0, 0.5], dtype,
                note="torch clamps ln 0 at -100 (gives 50.35); here +Infinity", compare=False)
    binary_case("bce-p0-y1-clip" + sfx, "bce", [1.0, 0.0], [0.0, 0.5], dtype, eps=1e-7)
    binary_case("bce-p0-y1-clipauto" + sfx, "bce", [1.0, 0.0, 0.3], [0.0, 1.0, 0.5], dtype, eps="auto")
    xl = list(rng.normal(0, 4, 40))
    binary_case("bcel" + sfx, "bceLogits", yb, xl, dtype)
    binary_case("bcel-posweight" + sfx, "bceLogits", yb, xl, dtype, pos_weight=2.5)
    binary_case("bcel-none-bans" + sfx, "bceLogits", yb[:6], xl[:6], dtype, unit="BANS", reduction="NONE",
                pos_weight=0.5)
    binary_case("bcel-extreme" + sfx, "bceLogits", [1.0, 0.0, 1.0, 0.0, 0.25], [1e4, -1e4, -1e4, 1e4, 800.0], dtype)
    binary_case("bcel-tiny" + sfx, "bceLogits", [1.0, 0.0], [40.0, -40.0], dtype)
    binary_case("bcel-infinite" + sfx, "bceLogits", [1.0, 0.0, 0.0], [INF, -INF, INF], dtype,
                note="torch: NaN for x = +inf, y = 1 (inf - inf); here 0; y = 0, x = +inf is +Infinity",
                compare=False)

    # Per-element weights (torch's `weight`), with a zero weight, pos_weight together with weight, and the
    # weighted mean by sum w (sklearn's convention; no torch call) beside torch's mean by count. 37 elements: a
    # vector block and a scalar tail on every lane count.
    wb = [float(v) for v in rng_w.uniform(0, 3, 40)]
    wb[3] = 0.0
    binary_case("bce-weights" + sfx, "bce", yb, pb, dtype, weights=wb)
    binary_case("bce-weights-sum" + sfx, "bce", yb[:37], pb[:37], dtype, weights=wb[:37], reduction="SUM")
    binary_case("bce-weights-byweight" + sfx, "bce", yb, pb, dtype, weights=wb, reduction="MEAN_BY_WEIGHT")
    binary_case("bce-weights-none" + sfx, "bce", yb[:7], pb[:7], dtype, weights=wb[:7], reduction="NONE")
    binary_case("bce-weights-zero-on-infinite" + sfx, "bce", [1.0, 0.0, 1.0], [0.0, 0.5, 0.25], dtype,
                weights=[0.0, 1.0, 2.0], note="torch: NaN (0 * inf); here the zero-weight term is 0", compare=False)
    binary_case("bcel-weights" + sfx, "bceLogits", yb, xl, dtype, weights=wb)
    binary_case("bcel-weights-posweight" + sfx, "bceLogits", yb, xl, dtype, weights=wb, pos_weight=3.0)
    binary_case("bcel-weights-posweight-sum" + sfx, "bceLogits", yb[:37], xl[:37], dtype, weights=wb[:37],
                pos_weight=0.25, reduction="SUM")
    binary_case("bcel-weights-posweight-byweight" + sfx, "bceLogits", yb, xl, dtype, weights=wb, pos_weight=3.0,
                reduction="MEAN_BY_WEIGHT")
    binary_case("bcel-weights-posweight-none" + sfx, "bceLogits", yb[:9], xl[:9], dtype, weights=wb[:9],
                pos_weight=1.5, reduction="NONE")

emit("err-bce-prob", "bce", "double", "NATS", "REQUIRE", 2, 1, [0.5, 1.5], [1.0, 0.0], "-", 0, None, None, None, E,
     "probs[1] = 1.5: probabilities must be in [0, 1]")
emit("err-bce-target", "bce", "float", "NATS", "REQUIRE", 2, 1, [0.5, 0.5], [1.0, -0.25], "-", 0, None, None, None,
     E, "targets[1] = -0.25: targets must be in [0, 1]")
emit("err-bcel-nan", "bceLogits", "double", "NATS", "REQUIRE", 2, 1, [0.5, float("nan")], [1.0, 0.0], "-", 0, None,
     None, None, E, "logits[1] = NaN: logits must not be NaN")
emit("err-bcel-target", "bceLogits", "double", "NATS", "REQUIRE", 1, 1, [0.5], [2.0], "-", 0, None, None, None, E,
     "targets[0] = 2.0: targets must be in [0, 1]")


# --------------------------------------------------------------------------------------------- log loss

def logloss_case(cid, y, p, rows, C, dtype="double", unit="NATS", policy="REQUIRE", reduction="MEAN", clip=None,
                 note=None, compare=True, weights=None):
    """weights: per-sample (sklearn's sample_weight); MEAN is sum w l / sum w, as sklearn's."""
    p = fl(p, dtype)
    w = None if weights is None else fl(weights, dtype)
    e = 0.0 if clip is None else (2.0 ** -52 if dtype == "double" else 2.0 ** -23) if clip == "auto" else clip
    per = []
    for r in range(rows):
        row = [mpf(v) for v in p[r * C:(r + 1) * C]]
        if e:
            row = [min(max(v, mpf(e)), 1 - mpf(e)) for v in row]
        s = mpmath.fsum(row)
        py = row[y[r]]
        l = mpmath.inf if py == 0 else -mpmath.log(py / s)
        if w is not None:
            l = mpf(0) if w[r] == 0 else mpf(w[r]) * l
        per.append(l)
    tot = mpmath.fsum(per)
    wsum = mpf(rows) if w is None else mpmath.fsum(mpf(v) for v in w)
    exact = tot if reduction in ("NONE", "SUM") else mpf(0) if wsum == 0 else tot / wsum
    expected = to_double(exact, unit)
    row_values = [to_double(l, unit) for l in per] if reduction == "NONE" else None
    lib = None
    if reduction == "MEAN":
        arr = np.asarray(p, dtype=np.float64 if dtype == "double" else np.float32).reshape(rows, C)
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lib = float(log_loss(y, arr, labels=list(range(C)), sample_weight=w)) / float(LN[unit])
        if compare:
            # sklearn computes float32 input in float32: float precision only.
            agree(expected, lib, cid, 1e-12 if dtype == "double" else 2e-6)
    emit(cid, "logLoss", dtype, unit, policy, rows, C, p, y,
         opts_string(reduction=reduction, clip=clip, sample_weights=w), expected, row_values, lib, note)


for dtype in ("double", "float"):
    sfx = "-" + dtype
    logloss_case("blog-logloss" + sfx, [0], [0.8, 0.2], 1, 2, dtype)
    pr = rng.dirichlet([1.0] * 5, 20).astype(np.float64 if dtype == "double" else np.float32)
    pr = (pr / pr.sum(axis=1, keepdims=True)).reshape(-1)
    yl = [int(v) for v in rng.integers(0, 5, 20)]
    logloss_case("logloss-c5-n20" + sfx, yl, pr, 20, 5, dtype,
                 compare=True)
    logloss_case("logloss-c5-n20-sum-bits" + sfx, yl, pr, 20, 5, dtype, unit="BITS", reduction="SUM")
    # Unnormalised rows with entries in [0, 1] (sklearn clips to [eps, 1 - eps] BEFORE normalising, so
    # entries above 1 would be clipped there and not here).
    counts = [float(v) / 10 for v in rng.integers(0, 9, 30)]
    for r in range(10):
        counts[r * 3 + (r % 3)] += 0.1
    logloss_case("logloss-normalize" + sfx, [r % 3 for r in range(10)], counts, 10, 3, dtype, policy="NORMALIZE")
    logloss_case("logloss-confident" + sfx, [0, 1], [1 - 1e-12, 1e-12, 1e-9, 1 - 1e-9], 2, 2, "double" if dtype ==
                 "double" else "float", policy="NORMALIZE", compare=False,
                 note="small losses kept exact with log1p; sklearn rounds 1 - 1e-12")
    logloss_case("logloss-zero-prob" + sfx, [1, 0], [1.0, 0.0, 0.5, 0.5], 2, 2, dtype, compare=False,
                 note="sklearn clips at finfo(dtype).eps (36.04 / 15.94 / 2); here +Infinity without clipping")
    logloss_case("logloss-zero-prob-clipauto" + sfx, [1, 0], [1.0, 0.0, 0.5, 0.5], 2, 2, dtype, clip="auto")

    # Per-sample weights (sklearn's sample_weight), with a zero weight; the mean is sum w l / sum w.
    ws = [float(v) for v in rng_w.uniform(0, 2, 20)]
    ws[5] = 0.0
    logloss_case("logloss-weights" + sfx, yl, pr, 20, 5, dtype, weights=ws)
    logloss_case("logloss-weights-sum" + sfx, yl, pr, 20, 5, dtype, weights=ws, reduction="SUM")
    logloss_case("logloss-weights-none" + sfx, yl[:6], pr[:30], 6, 5, dtype, weights=ws[:6], reduction="NONE")
    logloss_case("logloss-weights-zero-on-infinite" + sfx, [1, 0], [1.0, 0.0, 0.5, 0.5], 2, 2, dtype,
                 weights=[0.0, 3.0], compare=False,
                 note="sklearn clips p = 0 at eps; here the zero-weight row contributes 0 without clipping")

emit("err-logloss-target", "logLoss", "double", "NATS", "REQUIRE", 1, 2, [0.5, 0.5], [2], "-", 0, None, None, None,
     E, "targets[0] = 2: class indices must be in [0, 2)")
emit("err-logloss-negative", "logLoss", "float", "NATS", "NORMALIZE", 1, 2, [1.25, -0.25], [0], "-", 0, None, None,
     None, E, "probs[1] = -0.25 (row 0, class 1): probabilities must be >= 0")
emit("err-logloss-rowsum", "logLoss", "double", "NATS", "REQUIRE", 2, 2, [0.5, 0.5, 0.5, 0.6], [0, 1], "-", 0, None,
     None, None, E, "probs row 1 sums to 1.1")

header = """# shannon4j golden values for the cross-entropy losses. GENERATED by conformance/tools/generate_golden_losses.py
# (torch %s, scikit-learn %s, scipy %s, numpy %s, mpmath %s): do not edit, rerun it.
# Format: UTF-8, one case per line, 16 TAB-separated columns; lines starting with # are comments.
#   id          case name, unique
#   measure     softmaxIndex | softmaxProbs | bce | bceLogits | logLoss
#   dtype       double | float (float cases hold float32 values exactly)
#   unit        NATS | BITS | BANS
#   policy      REQUIRE | NORMALIZE (the Shannon normalisation; only logLoss uses it)
#   rows        rows (binary: elements)
#   classes     classes (binary: 1)
#   x           logits (softmax, bceLogits) or probabilities (bce, logLoss), comma-separated, row-major
#   targets     class indices (softmaxIndex, logLoss) or target values (softmaxProbs rows, bce, bceLogits)
#   options     '-' or ';'-separated key=value: weights=w0,w1,..  ignore=INT  smoothing=EPS
#               reduction=NONE|SUM|MEAN|MEAN_BY_WEIGHT|MEAN_BY_COUNT (default MEAN)  posWeight=W  clip=EPS|auto
#               elementWeights=w0,w1,.. (bce, bceLogits: torch's weight)  sampleWeights=w0,.. (logLoss: sklearn's)
#   expected    the exact loss of the input values, rounded to double, in `unit` (empty for error cases)
#   rows_out    for reduction NONE: the exact per-row losses; else '-'
#   library     the torch / sklearn float64 value of the same call where one exists ('-' otherwise)
#   note        where and why shannon4j differs from the library ('-' if it does not)
#   error       exception class for bad-input cases ('-' otherwise)
#   message     a substring of the expected exception message
""" % (torch.__version__, sklearn.__version__, scipy.__version__, np.__version__, mpmath.__version__)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as f:
    f.write(header)
    for line in lines:
        f.write(line + "\n")
print("wrote", len(lines), "cases to", os.path.normpath(OUT))
