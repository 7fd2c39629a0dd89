#!/usr/bin/python3
# Golden values for the shannon4j distribution measures (entropy, crossEntropy, klDivergence, jsDivergence,
# jsDistance) in every unit (NATS, BITS, BANS), both policies (REQUIRE, NORMALIZE) and both input types
# (double, float), plus the bad-input errors.
#
# Generated with: Debian python3, scipy 1.10.1, numpy 1.24.2, mpmath 1.2.1.
# Rerun (deterministic: fixed seeds, no clock, no environment input) from the repository root with
#
#     /usr/bin/python3 conformance/tools/generate_golden_distributions.py
#
# (the Debian interpreter: it has scipy, numpy and mpmath). It rewrites
# conformance/src/main/resources/org/shannon4j/conformance/golden/distributions.tsv; a rerun with the same
# library versions reproduces the file byte for byte. No Python runs at test time.
#
# How each expected value is obtained
#   The semantics are scipy's: the measure of the normalised vectors p' = p/sum(p), q' = q/sum(q):
#     entropy       scipy.stats.entropy(p, base=b)
#     klDivergence  scipy.stats.entropy(p, q, base=b)
#     crossEntropy  -sum(scipy.special.xlogy(p', q')) / ln b          (+inf if some p > 0 where q = 0)
#     jsDivergence  0.5*(sum(rel_entr(p', m)) + sum(rel_entr(q', m))) / ln b,  m = (p' + q')/2
#                   (checked against scipy.spatial.distance.jensenshannon(p, q, base=b)**2)
#     jsDistance    scipy.spatial.distance.jensenshannon(p, q, base=b)
#   scipy itself rounds (p/sum(p) is rounded before the log, KL and JS cancel when p ~ q), so the value
#   written is the EXACT measure of the exact (double or float32) input values, evaluated with mpmath at 60
#   significant digits and rounded once to the nearest double. The script asserts that scipy's own float64
#   result agrees with it (relative 1e-12, or absolute ~64 eps times the size of the terms where they
#   cancel), so the file is scipy's answer without scipy's rounding.
#
# Inputs
#   REQUIRE cases are normalised in the input precision (float64, or float32 for float) and the script
#   asserts |fsum - 1| <= sumTolerance(n)/4 with sumTolerance = 16*eps*sqrt(n) (Normalization.sumTolerance),
#   so the library's own sum check passes with margin. NORMALIZE cases use unnormalised inputs (counts,
#   weights summing to 37.5 or 1e6, values > 1). float cases hold float32 values exactly (written as
#   repr(float(np.float32(x)))); their expected value is computed from those exact values.
import math
import os
import sys

import mpmath
import numpy as np
import scipy
import scipy.special
import scipy.stats
from scipy.spatial.distance import jensenshannon

mpmath.mp.dps = 60

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "main", "resources", "org",
                   "shannon4j", "conformance", "golden", "distributions.tsv")

UNITS = {"NATS": None, "BITS": 2, "BANS": 10}
MEASURES = ["entropy", "crossEntropy", "klDivergence", "jsDivergence", "jsDistance"]
SHORT = {"entropy": "h", "crossEntropy": "ce", "klDivergence": "kl", "jsDivergence": "js", "jsDistance": "jsd"}
EPS = {"double": 2.0 ** -52, "float": 2.0 ** -23}


def sum_tolerance(n, dtype):
    return 16 * EPS[dtype] * math.sqrt(max(n, 1))


def fmt(x):
    """repr of a Python float: the shortest string that reads back exactly (Double.parseDouble too)."""
    return repr(float(x))


def to_dtype(values, dtype):
    a = np.asarray(values, dtype=np.float64)
    if dtype == "float":
        a = a.astype(np.float32).astype(np.float64)
    return [float(x) for x in a]


def normalised_in(values, dtype):
    """values / sum in the input precision (what a user would pass under REQUIRE)."""
    if dtype == "double":
        a = np.asarray(values, dtype=np.float64)
        return [float(x) for x in a / a.sum()]
    a = np.asarray(values, dtype=np.float32)
    return [float(x) for x in (a / a.sum(dtype=np.float32)).astype(np.float32)]


# ---------------------------------------------------------------------------------------------------------
# Exact values (mpmath)
# ---------------------------------------------------------------------------------------------------------

def mp_normalise(v):
    s = mpmath.fsum(mpmath.mpf(x) for x in v)
    return [mpmath.mpf(x) / s for x in v]


def exact_nats(measure, p, q):
    """(value in nats as mpf or +inf, sum of |terms| for the cancellation bound)."""
    P = mp_normalise(p)
    if measure == "entropy":
        terms = [-x * mpmath.log(x) for x in P if x > 0]
        return mpmath.fsum(terms), mpmath.fsum(abs(t) for t in terms)
    Q = mp_normalise(q)
    if measure in ("crossEntropy", "klDivergence"):
        if any(x > 0 and y == 0 for x, y in zip(P, Q)):
            return mpmath.inf, mpmath.mpf(0)
        if measure == "crossEntropy":
            terms = [-x * mpmath.log(y) for x, y in zip(P, Q) if x > 0]
        else:
            terms = [x * mpmath.log(x / y) for x, y in zip(P, Q) if x > 0]
        return mpmath.fsum(terms), mpmath.fsum(abs(t) for t in terms)
    terms = []
    for x, y in zip(P, Q):
        m = (x + y) / 2
        if x > 0:
            terms.append(x * mpmath.log(x / m) / 2)
        if y > 0:
            terms.append(y * mpmath.log(y / m) / 2)
    return mpmath.fsum(terms), mpmath.fsum(abs(t) for t in terms)


def to_double(x):
    if x == mpmath.inf:
        return math.inf
    return float(mpmath.nstr(x, 40, strip_zeros=False, min_fixed=1, max_fixed=0))  # correctly rounded


def exact_value(measure, unit, p, q):
    nats, scale = exact_nats("jsDivergence" if measure == "jsDistance" else measure, p, q)
    base = UNITS[unit]
    if nats == mpmath.inf:
        return math.inf, math.inf
    value = nats if base is None else nats / mpmath.log(base)
    scale = scale if base is None else scale / mpmath.log(base)
    if measure == "jsDistance":
        value = mpmath.sqrt(value)
    return to_double(value), float(scale)


# ---------------------------------------------------------------------------------------------------------
# scipy's float64 values (the cross-check)
# ---------------------------------------------------------------------------------------------------------

def scipy_value(measure, unit, p, q):
    base = UNITS[unit]
    lnb = 1.0 if base is None else math.log(base)
    p = np.asarray(p, dtype=np.float64)
    if measure == "entropy":
        return float(scipy.stats.entropy(p, base=base))
    q = np.asarray(q, dtype=np.float64)
    pn, qn = p / p.sum(), q / q.sum()
    if measure == "klDivergence":
        return float(scipy.stats.entropy(p, q, base=base))
    if measure == "crossEntropy":
        return float(-np.sum(scipy.special.xlogy(pn, qn)) / lnb)
    m = (pn + qn) / 2
    js = 0.5 * (np.sum(scipy.special.rel_entr(pn, m)) + np.sum(scipy.special.rel_entr(qn, m))) / lnb
    with np.errstate(invalid="ignore"):
        jsd = float(jensenshannon(p, q, base=base))
    assert abs(jsd ** 2 - js) <= 1e-12 * max(1.0, js), (measure, jsd ** 2, js)
    return float(js) if measure == "jsDivergence" else jsd


# ---------------------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------------------

ROWS = []
KEYS = set()
WORST = {}


def check_require(name, v, dtype):
    s = math.fsum(v)
    tol = sum_tolerance(len(v), dtype)
    assert abs(s - 1) <= tol / 4, f"{name}: sum {s!r} not within {tol / 4} of 1"


def scipy_overflows(p, q):
    """Whether scipy's float64 arithmetic turns a finite term infinite: q/sum(q) rounds a positive q to 0 where
    p > 0, or the ratio p'/q' inside rel_entr overflows (p' = 0.5, q' = 5e-324). scipy then reports inf."""
    with np.errstate(divide="ignore", over="ignore", under="ignore"):
        pn = np.asarray(p) / np.sum(p)
        qn = np.asarray(q) / np.sum(q)
        return any(x > 0 and y > 0 and (b == 0 or a / b == math.inf) for x, y, a, b in zip(p, q, pn, qn))


def emit(case_id, measure, dtype, unit, policy, p, q):
    key = (case_id, unit, policy, dtype)
    assert key not in KEYS, key
    KEYS.add(key)
    p = to_dtype(p, dtype) if dtype == "float" else [float(x) for x in p]
    q = [] if measure == "entropy" else (to_dtype(q, dtype) if dtype == "float" else [float(x) for x in q])
    for x in p + q:
        assert x >= 0 and math.isfinite(x)
        if dtype == "float":
            assert float(np.float32(x)) == x
    if policy == "REQUIRE":
        check_require(case_id + " p", p, dtype)
        if q:
            check_require(case_id + " q", q, dtype)
    expected, scale = exact_value(measure, unit, p, q)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        theirs = scipy_value(measure, unit, p, q)
    if math.isinf(expected):
        assert theirs == math.inf, (case_id, theirs)
    elif math.isinf(theirs) and q and scipy_overflows(p, q):
        pass  # an accident of scipy's float64 arithmetic; the exact value is finite
    else:
        # scipy rounds p/sum(p) before the log: an absolute error of a few eps per unit of term size, which
        # is all that is left of a value that cancels (KL, JS when p ~ q) or is itself tiny.
        bound = 1e-12 * abs(expected) + 64 * 2.0 ** -52 * (scale + 1)
        if measure == "jsDistance":
            bound = max(bound, math.sqrt(64 * 2.0 ** -52 * (scale + 1)))
        err = abs(theirs - expected)
        assert err <= bound, f"{case_id} {measure} {unit} {policy} {dtype}: scipy {theirs!r} exact {expected!r}"
        rel = err / abs(expected) if expected else err
        WORST[measure] = max(WORST.get(measure, 0.0), rel)
    ROWS.append("\t".join([case_id, measure, dtype, unit, policy, ",".join(fmt(x) for x in p),
                           ",".join(fmt(x) for x in q), fmt(expected)]))


def emit_error(case_id, measure, dtype, unit, policy, p, q, exception, message):
    key = (case_id, unit, policy, dtype)
    assert key not in KEYS, key
    KEYS.add(key)
    if dtype == "float":
        for x in p + q:
            assert math.isnan(x) or float(np.float32(x)) == x
    ROWS.append("\t".join([case_id, measure, dtype, unit, policy, ",".join(fmt(x) for x in p),
                           ",".join(fmt(x) for x in q), f"error:{exception}:{message}"]))


UNIT_CYCLE = ["NATS", "BITS", "BANS"]
_unit_counter = [0]


def next_unit():
    u = UNIT_CYCLE[_unit_counter[0] % 3]
    _unit_counter[0] += 1
    return u


def scenario(name, p, q=None, *, raw_p=None, raw_q=None, full=False, dtypes=("double", "float"),
             policies=("REQUIRE", "NORMALIZE"), measures=MEASURES, normalise_require=True):
    """One pair of distributions, emitted for each measure.

    p, q: the (nearly) normalised weights used under REQUIRE (re-normalised in the input precision unless
    normalise_require is False); raw_p, raw_q: the unnormalised inputs used under NORMALIZE (default: p, q).
    full: every unit; otherwise the unit cycles from case to case so each unit appears throughout.
    """
    raw_p = p if raw_p is None else raw_p
    raw_q = q if raw_q is None else raw_q
    for measure in measures:
        if measure != "entropy" and q is None:
            continue
        for policy in policies:
            for dtype in dtypes:
                if policy == "REQUIRE":
                    pp = normalised_in(p, dtype) if normalise_require else to_dtype(p, dtype)
                    qq = None if q is None else (normalised_in(q, dtype) if normalise_require else to_dtype(q, dtype))
                else:
                    pp = to_dtype(raw_p, dtype)
                    qq = None if raw_q is None else to_dtype(raw_q, dtype)
                for unit in (UNIT_CYCLE if full else [next_unit()]):
                    emit(f"{SHORT[measure]}-{name}", measure, dtype, unit, policy, pp, qq)


def main():
    # --- small hand cases: every unit, policy and type ----------------------------------------------------
    scenario("blog-0.8-0.2", [0.8, 0.2], [0.5, 0.5], raw_p=[8, 2], raw_q=[37.5, 37.5], full=True)
    scenario("blog-3", [0.1, 0.4, 0.5], [0.8, 0.15, 0.05], raw_p=[10, 40, 50], raw_q=[16, 3, 1], full=True,
             normalise_require=False)
    scenario("uniform-4-vs-skewed", [0.25] * 4, [0.5, 0.25, 0.125, 0.125], raw_p=[3, 3, 3, 3],
             raw_q=[4e5, 2e5, 1e5, 1e5])
    scenario("half-half", [0.5, 0.5], [0.9, 0.1], raw_p=[1e6, 1e6], raw_q=[9, 1], normalise_require=False)
    scenario("uniform-3", [1 / 3] * 3, [0.2, 0.3, 0.5], raw_p=[1, 1, 1], raw_q=[2, 3, 5])
    scenario("uniform-7", [1 / 7] * 7, [0.04, 0.06, 0.1, 0.1, 0.2, 0.2, 0.3], raw_p=[5.5] * 7,
             raw_q=[4, 6, 10, 10, 20, 20, 30])
    scenario("one-hot-3", [1, 0, 0], [1, 0, 0], raw_p=[7, 0, 0], raw_q=[2.5, 0, 0])
    scenario("one-hot-vs-spread", [0, 1, 0], [0.25, 0.5, 0.25], raw_p=[0, 4, 0], raw_q=[1, 2, 1])
    scenario("length-1", [1.0], [1.0], raw_p=[7.0], raw_q=[0.001])

    # --- zeros --------------------------------------------------------------------------------------------
    scenario("p-zero-where-q-positive", [0.5, 0, 0.5, 0], [0.25] * 4, raw_p=[2, 0, 2, 0], raw_q=[1, 1, 1, 1])
    scenario("both-zero", [0.5, 0, 0.25, 0.25, 0], [0.5, 0, 0.125, 0.125, 0.25], raw_p=[4, 0, 2, 2, 0],
             raw_q=[40, 0, 10, 10, 20])
    scenario("q-zero-where-p-positive", [0.5, 0.25, 0.25], [0.5, 0.5, 0], raw_p=[2, 1, 1], raw_q=[3, 3, 0])
    scenario("disjoint-support", [0.5, 0.5, 0, 0], [0, 0, 0.75, 0.25], raw_p=[1, 1, 0, 0], raw_q=[0, 0, 3, 1])
    scenario("counts-with-zeros", [3, 0, 9, 0, 0, 1, 12, 0], [0, 1, 5, 2, 0, 4, 8, 1],
             raw_p=[3, 0, 9, 0, 0, 1, 12, 0], raw_q=[0, 1, 5, 2, 0, 4, 8, 1])

    # --- tiny values and subnormals ----------------------------------------------------------------------
    tiny_p = [0.3, 1e-300, 5e-324, 0.7, 1e-310, 0.0]
    tiny_q = [0.2, 0.2, 1e-310, 0.2, 5e-324, 0.4]
    scenario("tiny-subnormal", tiny_p, tiny_q, raw_p=[x * 37.5 for x in tiny_p], raw_q=[x * 1e6 for x in tiny_q],
             dtypes=("double",), full=True, normalise_require=False)
    scenario("tiny-subnormal-raw", [0.5, 0.5], [0.5, 0.5], raw_p=[1e-300, 5e-324, 3.0, 1e-310],
             raw_q=[5e-324, 1e-300, 2.0, 1e-310], dtypes=("double",), policies=("NORMALIZE",), full=True)
    # q subnormal where p is not: p/q overflows, the term p*ln(p/q) is finite (~370 nats)
    scenario("q-subnormal", [0.5, 0.5], [1.0, 5e-324], raw_p=[3.0, 3.0], raw_q=[2.0, 1e-310],
             dtypes=("double",), full=True, normalise_require=False)
    scenario("q-tiny", [0.5, 0.25, 0.25], [1.0, 1e-300, 1e-200], raw_p=[2, 1, 1], raw_q=[1e6, 1e-294, 1e-194],
             dtypes=("double",), normalise_require=False)
    # float32 subnormals (down to 1.4e-45)
    scenario("float-subnormal", [0.5, 0.5, 0.0], [1.0, 0.0, 0.0], raw_p=[3.0, 1e-40, 1e-45, 2.5],
             raw_q=[1e-45, 2.0, 1e-38, 5.0], dtypes=("float",), policies=("NORMALIZE",), full=True)
    scenario("float-q-subnormal", [0.5, 0.5], [1.0, 1e-45], raw_p=[0.25, 0.75], raw_q=[1e-40, 3.0],
             dtypes=("float",), normalise_require=False)

    # --- values near 1 ------------------------------------------------------------------------------------
    scenario("near-one", [1 - 1e-12, 1e-12], [0.5, 0.5], raw_p=[37.5 * (1 - 1e-12), 37.5e-12], raw_q=[1, 1],
             dtypes=("double",), full=True, normalise_require=False)
    scenario("near-one-3", [1 - 1e-12, 4e-13, 6e-13], [1 - 1e-9, 5e-10, 5e-10], raw_p=[1 - 1e-12, 4e-13, 6e-13],
             raw_q=[1e6 * (1 - 1e-9), 5e-4, 5e-4], dtypes=("double",), normalise_require=False)
    scenario("near-one-float", [1 - 2 ** -20, 2 ** -21, 2 ** -21], [0.5, 0.25, 0.25],
             raw_p=[3 * (1 - 2 ** -20), 3 * 2 ** -21, 3 * 2 ** -21], raw_q=[2, 1, 1], dtypes=("float",),
             normalise_require=False)

    # --- random Dirichlet ---------------------------------------------------------------------------------
    rng = np.random.default_rng(20240611)
    alphas = [1.0, 0.3, 5.0, 0.05]
    lengths = [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1000]
    for i, n in enumerate(lengths):
        for alpha in ([alphas[i % 4]] + ([0.05] if n in (17, 33, 100) and alphas[i % 4] != 0.05 else [])):
            p = rng.dirichlet([alpha] * n)
            q = rng.dirichlet([alpha] * n)
            scale_p = [37.5, 1e6, 3.0][i % 3]
            counts_q = rng.integers(0, 50, n).astype(np.float64)
            counts_q[counts_q == 0] = 1  # keep q > 0 where p > 0: the infinities are covered above
            raw_q = q * 1e6 if n == 1000 else counts_q
            name = f"dirichlet-a{alpha:g}-{n}"
            if n == 1000:
                scenario(name, p, q, raw_p=p * scale_p, raw_q=raw_q, dtypes=("double", "float"))
            else:
                scenario(name, p, q, raw_p=p * scale_p, raw_q=raw_q)

    # --- p == q and p ~ q (KL = JS = 0, and heavy cancellation) ---------------------------------------------
    p = rng.dirichlet([1.0] * 33)
    scenario("equal-33", p, p, raw_p=p * 1e6, raw_q=p * 1e6)
    scenario("equal-counts-9", [1, 2, 3, 0, 5, 6, 7, 8, 9], [1, 2, 3, 0, 5, 6, 7, 8, 9],
             raw_p=[1, 2, 3, 0, 5, 6, 7, 8, 9], raw_q=[1, 2, 3, 0, 5, 6, 7, 8, 9])
    for n in (16, 100):
        p = rng.dirichlet([2.0] * n)
        q = p * (1 + 1e-6 * rng.standard_normal(n))
        scenario(f"close-1e-6-{n}", p, q, raw_p=p * 37.5, raw_q=q * 37.5, dtypes=("double",))
        qf = p * (1 + 1e-3 * rng.standard_normal(n))
        scenario(f"close-1e-3-{n}", p, qf, raw_p=p * 3, raw_q=qf * 5)

    # --- errors -------------------------------------------------------------------------------------------
    iae = "IllegalArgumentException"
    ok = [0.5, 0.25, 0.25]
    errors = [
        ("negative-p", [0.5, -0.25, 0.75], ok, "p[1] = -0.25: probabilities must be >= 0"),
        ("negative-q", ok, [0.5, -0.25, 0.75], "q[1] = -0.25: probabilities must be >= 0"),
        ("negative-q-where-p-zero", [0.5, 0.0, 0.5], [0.5, -0.25, 0.75], "q[1] = -0.25: probabilities must be >= 0"),
        ("nan-p", [0.5, 0.25, math.nan], ok, "p[2] = NaN: probabilities must not be NaN"),
        ("nan-q", ok, [math.nan, 0.5, 0.5], "q[0] = NaN: probabilities must not be NaN"),
        ("nan-q-where-p-zero", [0.5, 0.0, 0.5], [0.5, math.nan, 0.5], "q[1] = NaN: probabilities must not be NaN"),
        ("infinite-p", [math.inf, 0.25, 0.25], ok, "p[0] = Infinity: probabilities must be finite"),
        ("minus-infinite-p", [0.5, 0.5, -math.inf], ok, "p[2] = -Infinity: probabilities must be finite"),
        ("infinite-q", ok, [0.5, math.inf, 0.5], "q[1] = Infinity: probabilities must be finite"),
        ("all-zero-p", [0.0, 0.0, 0.0], ok, "p is all zeros"),
        ("all-zero-q", ok, [0.0, 0.0, 0.0], "q is all zeros"),
        ("empty", [], [], "p is empty"),
        ("length-mismatch", ok, [0.25] * 4, "p.length = 3 but q.length = 4"),
    ]
    for name, ep, eq, message in errors:
        for measure in MEASURES:
            if measure == "entropy" and (name.endswith("-q") or "-q-" in name or name == "length-mismatch"):
                continue
            for policy in ("REQUIRE", "NORMALIZE"):
                for dtype in ("double", "float"):
                    emit_error(f"{SHORT[measure]}-err-{name}", measure, dtype, next_unit(), policy, ep,
                               [] if measure == "entropy" else eq, iae, message)
    # sums that are not 1 under REQUIRE (fine under NORMALIZE: covered by every NORMALIZE case above)
    for measure in MEASURES:
        for dtype in ("double", "float"):
            emit_error(f"{SHORT[measure]}-err-sum-p", measure, dtype, next_unit(), "REQUIRE", [0.5, 0.75],
                       [] if measure == "entropy" else [0.5, 0.5], iae, "p sums to")
            if measure != "entropy":
                emit_error(f"{SHORT[measure]}-err-sum-q", measure, dtype, next_unit(), "REQUIRE", [0.5, 0.5],
                           [0.25, 0.25], iae, "q sums to")
        # just outside the tolerance: 1 + 64 eps with n = 3 (tolerance 16 eps sqrt 3 = 27.7 eps)
        emit_error(f"{SHORT[measure]}-err-sum-p-just-over", measure, "double", next_unit(), "REQUIRE",
                   [0.5, 0.25, 0.25 + 64 * 2.0 ** -52], [] if measure == "entropy" else ok, iae, "p sums to")

    header = [
        "# shannon4j golden values for the distribution measures. GENERATED by",
        "# conformance/tools/generate_golden_distributions.py (scipy %s, numpy %s, mpmath %s): do not edit, rerun it."
        % (scipy.__version__, np.__version__, mpmath.__version__),
        "# Format: UTF-8, one case per line, 8 TAB-separated columns; lines starting with # are comments.",
        "#   id             case name; (id, unit, normalization, dtype) is unique",
        "#   measure        entropy | crossEntropy | klDivergence | jsDivergence | jsDistance (Shannon method names)",
        "#   dtype          double | float (float values are exact float32 values)",
        "#   unit           NATS | BITS | BANS (InfoUnit)",
        "#   normalization  REQUIRE | NORMALIZE (Normalization)",
        "#   p, q           comma-separated Python repr() of doubles (read exactly by Double.parseDouble;",
        "#                  inf, -inf and nan spell the non-finite values); q is empty for entropy",
        "#   expected       repr() of the exact result rounded to the nearest double, or inf; or",
        "#                  error:<ExceptionSimpleName>:<substring of its message>",
        "# Expected values: the exact (60-digit mpmath) measure of the normalised inputs p/sum(p), q/sum(q) in the",
        "# unit, scipy semantics (scipy.stats.entropy, scipy.spatial.distance.jensenshannon), checked against",
        "# scipy's float64 results by the generator (except where scipy's q/sum(q) underflows or its p/q",
        "# overflows: scipy then says inf where the exact value is finite).",
        "#id\tmeasure\tdtype\tunit\tnormalization\tp\tq\texpected",
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + ROWS) + "\n")
    counts = {}
    for row in ROWS:
        m = row.split("\t")[1]
        counts[m] = counts.get(m, 0) + 1
    print(f"wrote {len(ROWS)} cases to {os.path.normpath(OUT)} ({os.path.getsize(OUT)} bytes): {counts}",
          file=sys.stderr)
    print("largest relative deviation of scipy from the exact value: "
          + ", ".join(f"{m} {v:.2e}" for m, v in sorted(WORST.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
