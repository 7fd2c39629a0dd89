#!/usr/bin/python3
"""Tables and polynomial coefficients for DoubleLog/FloatLog (simd-impl), printed as Java hex literals.

ln x = k*ln2 + ln c_i + ln(1 + r),  r = z*invc_i - 1,  z = x / 2^k in [OFF, 2*OFF), OFF = 0.703125,
i = the 4 mantissa bits of (bits(x) - bits(OFF)) below the exponent (16 intervals: one vector pair of doubles,
one vector of floats). The interval holding 1 gets c = 1 exactly, so results near 1 are r + r^2*P(r) with r exact.
Elsewhere invc is a double near 1/centre chosen so that ln(invc) is within ~1e-4 ulp of a double (logc exact
for practical purposes). P(r) ~ (ln(1+r) - r)/r^2 is a Chebyshev fit (near-minimax) over the r range.
Run: /usr/bin/python3 simd-impl/tools/log_tables.py
"""
import random
import struct
import mpmath as mp

mp.mp.prec = 200


def d2b(x):
    return struct.unpack('<q', struct.pack('<d', x))[0]


def b2d(b):
    return struct.unpack('<d', struct.pack('<q', b))[0]


def f2b(x):
    return struct.unpack('<i', struct.pack('<f', x))[0]


def b2f(b):
    return struct.unpack('<f', struct.pack('<i', b))[0]


def tofloat(x):
    return struct.unpack('<f', struct.pack('<f', float(x)))[0]


def table(bits_total, mant_bits, off_bits, from_bits, single):
    rows = []
    rmin, rmax = 0, 0
    for i in range(16):
        lo = from_bits(off_bits + (i << (mant_bits - 4)))
        hi = from_bits(off_bits + ((i + 1) << (mant_bits - 4)))
        if lo <= 1.0 < hi:
            invc, logc = 1.0, 0.0
        else:
            centre = (mp.mpf(lo) + mp.mpf(hi)) / 2
            best = None
            base = 1 / centre
            # Random candidates within 2^-12 relative of 1/centre: the centres are simple rationals, so an
            # evenly spaced search would give every candidate the same rounding error of ln(invc).
            rnd = random.Random(i)
            for j in range(6000):
                c = base * (1 + mp.mpf(rnd.uniform(-1, 1)) / 4096)
                cand = float(c) if not single else tofloat(c)
                l = -mp.log(mp.mpf(cand))
                lr = float(l) if not single else tofloat(l)
                err = abs(l - lr) / (mp.mpf(2) ** (mp.floor(mp.log(abs(lr), 2)) - (52 if not single else 23)))
                if best is None or err < best[0]:
                    best = (err, cand, lr)
            _, invc, logc = best
        rlo = mp.mpf(lo) * invc - 1
        rhi = mp.mpf(hi) * invc - 1
        rmin, rmax = min(rmin, rlo), max(rmax, rhi)
        rows.append((invc, logc))
    return rows, rmin, rmax


def fit(rmin, rmax, degree):
    f = lambda r: (mp.log1p(r) - r) / r ** 2 if r != 0 else mp.mpf(-0.5)
    poly, err = mp.chebyfit(f, [rmin, rmax], degree + 1, error=True)
    coeffs = list(reversed(poly))  # constant first
    return coeffs, err


def check(coeffs, rmin, rmax, single):
    worst = 0
    for k in range(2001):
        r = rmin + (rmax - rmin) * k / 2000
        if r == 0:
            continue
        c = [float(x) if not single else tofloat(x) for x in coeffs]
        p = mp.mpf(0)
        for x in reversed(c):
            p = p * r + x
        approx = r + r * r * p
        worst = max(worst, abs(approx - mp.log1p(r)) / abs(mp.log1p(r)))
    return worst


for single, deg in ((False, 7), (True, 3)):
    if single:
        rows, rmin, rmax = table(32, 23, f2b(0.703125), b2f, True)
    else:
        rows, rmin, rmax = table(64, 52, d2b(0.703125), b2d, False)
    coeffs, err = fit(rmin, rmax, deg)
    worst = check(coeffs, rmin, rmax, single)
    name = 'float' if single else 'double'
    print(f'// {name}: r in [{float(rmin):.6f}, {float(rmax):.6f}], P degree {deg}, '
          f'max relative error of r + r^2 P(r) vs log1p(r): {float(worst):.3e} '
          f'(2^{float(mp.log(worst, 2)):.1f})')
    fmt = (lambda x: float(x).hex()) if not single else (lambda x: float(tofloat(x)).hex() + 'f')
    print('INVC = {' + ', '.join(fmt(r[0]) for r in rows) + '}')
    print('LOGC = {' + ', '.join(fmt(r[1]) for r in rows) + '}')
    errs = [abs(-mp.log(r[0]) - r[1]) / mp.mpf(2) ** (mp.floor(mp.log(abs(r[1]), 2)) - (23 if single else 52))
            for r in rows if r[1] != 0]
    print(f'// max |logc - ln(1/invc)| = {float(max(errs)):.2e} ulp')
    print('P = {' + ', '.join(fmt(c) for c in coeffs) + '}')
