#!/usr/bin/python3
# High-precision references for the NSB entropy estimator and the special functions behind it.
#
# Generated with: Debian python3, mpmath 1.2.1, numpy 1.24.2. Rerun (deterministic: fixed seeds) from the
# repository root with
#
#     /usr/bin/python3 conformance/tools/generate_golden_nsb.py
#
# It rewrites conformance/src/main/resources/org/shannon4j/conformance/golden/nsb.tsv (a few minutes).
# No Python runs at test time.
#
# NSB (Nemenman, Shafee, Bialek 2002), posterior mean of H in nats for counts n_1..n_K (N = sum):
#     H_NSB = int <H>_b rho(n|b) xi'(b) db / int rho(n|b) xi'(b) db
#     rho(n|b) = Gamma(K b)/Gamma(N + K b) prod_k Gamma(n_k + b)/Gamma(b)        (Dirichlet-multinomial evidence)
#     xi'(b)   = K psi1(K b + 1) - psi1(b + 1)                                     (flat prior on xi = E[H | b])
#     <H>_b    = psi(A + 1) - sum_k (n_k + b)/A psi(n_k + b + 1),  A = N + K b    (posterior mean given b)
# computed here straight from mpmath's loggamma, psi and quad (tanh-sinh) over t = ln b, at a working
# precision raised with ln b so that the lgamma differences keep 40 digits, with breakpoints around the mode of
# the integrand and the range b in [1e-40/(K (N+1)), 1e40 max(N, 4)^2] (outside, the weight is below 1e-40 of
# the total). Each row also records mpmath's own error estimate of the quadrature; rows are written only when
# it is below 1e-25 relative.
import os

import mpmath as mp
import numpy as np

OUT = "conformance/src/main/resources/org/shannon4j/conformance/golden/nsb.tsv"


BERNOULLI = None


def trigamma(x):
    """psi1(x): mpmath's psi(1, x) below 100 (slow for large x); above, the asymptotic series to B_50, whose
    truncation is below 1e-75 relative there."""
    global BERNOULLI
    if x < 100:
        return mp.psi(1, x)
    if BERNOULLI is None or len(BERNOULLI) < 26:
        with mp.workdps(120):
            BERNOULLI = [mp.bernoulli(2 * k) for k in range(26)]
    u = 1 / (x * x)
    s = 1 / x + u / 2
    p = u / x
    for k in range(1, 26):
        s += BERNOULLI[k] * p
        p *= u
    return s


def hist_of(counts):
    values, mult = np.unique(np.asarray(counts, dtype=np.int64), return_counts=True)
    return {int(v): int(c) for v, c in zip(values, mult) if v > 0}


def nsb_reference(K, hist):
    N = sum(c * m for c, m in hist.items())
    occupied = sum(hist.values())
    if K == 1:
        return mp.mpf(0), mp.mpf(0)
    base = 30 + int(mp.log10(K * (N + 1)))
    cache = {}

    def node(t):
        key = mp.nstr(t, 40)
        if key in cache:
            return cache[key]
        with mp.workdps(base + 10 + int(abs(t) / 2.302585)):
            t = mp.mpf(t)
            b = mp.exp(t)
            Kb = K * b
            ell = -(mp.loggamma(N + Kb) - mp.loggamma(Kb) - N * mp.log(Kb))
            for c, m in hist.items():
                ell += m * (mp.loggamma(c + b) - mp.loggamma(b) - c * mp.log(b))
            slope = K * trigamma(Kb + 1) - trigamma(b + 1)
            ell += mp.log(slope) + t
            A = N + Kb
            h = mp.psi(0, A + 1) - (K - occupied) * b / A * mp.psi(0, b + 1)
            for c, m in hist.items():
                h -= m * (c + b) / A * mp.psi(0, c + b + 1)
            cache[key] = (ell, h)
            return ell, h

    t_lo = float(mp.log(mp.mpf(10) ** -40 / (K * (N + 1))))
    t_hi = float(mp.log(mp.mpf(10) ** 40 * max(N, 4) ** 2))
    grid = np.linspace(t_lo, t_hi, int(t_hi - t_lo) + 1)
    ells = [node(t)[0] for t in grid]
    i = int(np.argmax([float(e) for e in ells]))
    # the mode: golden section inside the cells beside the best grid point
    a, b = mp.mpf(grid[max(i - 1, 0)]), mp.mpf(grid[min(i + 1, len(grid) - 1)])
    g = (mp.sqrt(5) - 1) / 2
    for _ in range(60):
        x1, x2 = b - g * (b - a), a + g * (b - a)
        if node(x1)[0] >= node(x2)[0]:
            b = x2
        else:
            a = x1
    mode = (a + b) / 2
    peak = node(mode)[0]
    step = mp.mpf("1e-4")
    curvature = (2 * peak - node(mode - step)[0] - node(mode + step)[0]) / step ** 2
    sigma = min(1 / mp.sqrt(curvature), mp.mpf(1)) if curvature > 0 else mp.mpf(1)
    points = sorted(set([t_lo, t_hi] + [float(mode + k * sigma) for k in (-40, -12, -4, -1, 0, 1, 4, 12, 40)
                                       if t_lo < mode + k * sigma < t_hi]))
    h_mode = node(mode)[1]
    with mp.workdps(base):
        den, den_err = mp.quad(lambda t: mp.exp(node(t)[0] - peak), points, error=True, maxdegree=8)
        num, num_err = mp.quad(lambda t: mp.exp(node(t)[0] - peak) * (node(t)[1] - h_mode), points, error=True,
                               maxdegree=8)
        value = h_mode + num / den
        error = abs(num_err / den) + abs(num / den) * abs(den_err / den)
    return value, error


def sparse(counts):
    """value:multiplicity pairs of every count value, zeros included (K = the total multiplicity)."""
    values, mult = np.unique(np.asarray(counts, dtype=np.int64), return_counts=True)
    return ",".join(f"{int(v)}:{int(m)}" for v, m in zip(values, mult))


def cases():
    rng = np.random.default_rng(20261206)
    out = []
    # tiny K and N
    out += [("K2-N1", [1, 0]), ("K2-N2-split", [1, 1]), ("K2-N2-same", [2, 0]), ("K3-N5", [3, 1, 1]),
            ("K2-N1000-skew", [990, 10]), ("K2-N1e6-even", [500_000, 500_000])]
    for K, N, alphas in [(10, 5, (0.1, 1.0)), (10, 100, (0.1, 1.0)), (10, 100_000, (0.1, 1.0)),
                         (100, 30, (0.1, 1.0)), (100, 1000, (0.1, 1.0)), (1000, 200, (0.1, 1.0)),
                         (10_000, 5000, (0.1, 1.0)), (100_000, 1000, (0.1, 1.0)),
                         (100_000, 1_000_000, (1.0,))]:
        for alpha in alphas:
            p = rng.dirichlet(np.full(K, alpha))
            out.append((f"K{K}-N{N}-dir{alpha}", rng.multinomial(N, p)))
    # all-distinct counts (every occupied cell seen once), N < K and N = K
    for K, N in [(10, 10), (100, 10), (1000, 1000), (100_000, 50), (100_000, 3000)]:
        out.append((f"K{K}-N{N}-distinct", [1] * N + [0] * (K - N)))
    # one dominating count
    for K, N in [(2, 100), (10, 1000), (1000, 10_000), (100_000, 1_000_000)]:
        c = [0] * K
        c[0] = N - 5
        for j in range(1, 6):
            c[j % K] += 1
        out.append((f"K{K}-N{N}-dominant", c))
    # a single occupied cell, and equal counts everywhere
    for K, N in [(2, 1), (100, 10), (100_000, 1_000_000)]:
        out.append((f"K{K}-N{N}-one-cell", [N] + [0] * (K - 1)))
    for K, c in [(10, 100), (1000, 3)]:
        out.append((f"K{K}-equal{c}", [c] * K))
    return out


def special_rows():
    mp.mp.dps = 40
    rows = []
    for x in ["1e-300", "1e-8", "0.1", "0.5", "1", "1.5", "2", "3.7", "11.999", "12", "12.5", "30.25", "100",
              "1234.5", "1e6", "3.3e15", "1e300"]:
        v = mp.mpf(x)
        rows.append(["trigamma", x, mp.nstr(mp.psi(1, v), 25)])
    for b, d in [("1e-10", "1"), ("0.5", "1e-12"), ("1", "1"), ("2", "1e6"), ("5", "0.001"), ("11.5", "3"),
                 ("12", "1e-9"), ("100", "1"), ("1e6", "1"), ("1e6", "1e6"), ("1e12", "1e-3"), ("1e20", "9e20"),
                 ("3.5", "1e30"), ("1e30", "1e32")]:
        rows.append(["digamma-diff", b, d, mp.nstr(mp.psi(0, mp.mpf(b) + mp.mpf(d)) - mp.psi(0, mp.mpf(b)), 25)])
    with mp.workdps(120):
        for x, n in [("1e-10", 1), ("1e-10", 2), ("1e-10", 1000), ("0.3", 5), ("0.3", 50), ("5.5", 6), ("5.5", 7),
                     ("5.5", 100000), ("12", 2), ("12", 3), ("20", 1), ("20", 2), ("100", 5), ("100", 15),
                     ("1000", 99), ("1000", 100), ("1e6", 1000), ("1e6", 3_000_000), ("1e15", 1_000_000),
                     ("1e30", 1_000_000_000), ("7", 1_000_000_000)]:
            v = mp.mpf(x)
            rows.append(["rising-excess", x, str(n),
                         mp.nstr(mp.loggamma(v + n) - mp.loggamma(v) - n * mp.log(v), 25)])
        for K, b in [(2, "1e-20"), (2, "0.5"), (2, "11.9"), (2, "12"), (2, "1e3"), (2, "1e30"), (10, "1e-3"),
                     (10, "3"), (10, "50"), (100_000, "1e-12"), (100_000, "1e-4"), (100_000, "20"),
                     (100_000, "1e18"), (3, "1e100")]:
            v = mp.mpf(b)
            rows.append(["prior-slope", str(K), b, mp.nstr(K * mp.psi(1, K * v + 1) - mp.psi(1, v + 1), 25)])
    return rows


def main():
    lines = ["# shannon4j NSB and polygamma references (mpmath); generated by conformance/tools/generate_golden_nsb.py.",
             "# trigamma <x> psi1(x) | digamma-diff <b> <d> psi(b+d)-psi(b)",
             "# rising-excess <x> <n> lnGamma(x+n)-lnGamma(x)-n ln x | prior-slope <K> <b> K psi1(K b+1)-psi1(b+1)",
             "# nsb <name> <value:multiplicity,...> <H_NSB nats> <quadrature error estimate>"]
    lines += ["\t".join(r) for r in special_rows()]
    for name, counts in cases():
        counts = np.asarray(counts, dtype=np.int64)
        value, error = nsb_reference(counts.size, hist_of(counts))
        rel = error / max(abs(value), mp.mpf(1e-300))
        assert rel < mp.mpf("1e-25"), (name, value, error)
        lines.append("\t".join(["nsb", name, sparse(counts), mp.nstr(value, 25), mp.nstr(error, 3)]))
        print(name, len(hist_of(counts)), mp.nstr(value, 20), mp.nstr(error, 3), flush=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
