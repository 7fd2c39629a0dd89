#!/usr/bin/python3
"""Golden values of histogram mutual information for continuous/src/test/.../registration.tsv.gz.

The joint histogram is numpy's own np.histogram2d(a, b, bins=bins, range=...) (histogramdd: edges by
np.linspace(min, max, bins + 1), bin = searchsorted(edges, v, side='right') - 1, a value equal to the last edge
moved into the last bin, values outside the range dropped). CLAMP cases clip the data to the range first
(np.clip), which is what the Java CLAMP policy means. The measures are then computed from the integer counts with
mpmath at 40 digits, so the golden values are exact to the last double digit:
  I = sum c/n ln(c n / (a_i b_j)), H = -sum c/n ln(c/n), NMI = (H(A)+H(B))/H(A,B), ECC = 2 I/(H(A)+H(B))
with NMI = 1, ECC = 0 when H(A,B) = 0 (both images constant), as the Java side documents.
Each case also records checksums of the counts, so a single misplaced pair is seen.

Run: /usr/bin/python3 continuous/tools/generate_registration.py  (numpy 1.24, mpmath; seeded, reproducible)
"""
import gzip
import os

import mpmath
import numpy as np

mpmath.mp.dps = 40
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'org', 'shannon4j', 'continuous',
                   'registration', 'registration.tsv.gz')


def smooth(rng, h, w):
    y, x = np.mgrid[0:h, 0:w]
    img = (np.sin(x / 5.0) + np.cos(y / 7.0) + 0.5 * np.sin((x + y) / 11.0)) * 40.0 + 100.0
    return img + rng.normal(0, 0.5, size=img.shape)


def measures(hist):
    c = [mpmath.mpf(int(v)) for v in hist.ravel() if v > 0]
    n = mpmath.fsum(c)
    ra = [mpmath.mpf(int(v)) for v in hist.sum(axis=1) if v > 0]
    rb = [mpmath.mpf(int(v)) for v in hist.sum(axis=0) if v > 0]

    def h(cs):
        return -mpmath.fsum(v / n * mpmath.log(v / n) for v in cs)
    ha, hb, hab = h(ra), h(rb), h(c)
    mi = ha + hb - hab
    if hab == 0:
        nmi, ecc = mpmath.mpf(1), mpmath.mpf(0)
    else:
        nmi, ecc = (ha + hb) / hab, 2 * mi / (ha + hb)
    return int(n), mi, nmi, ecc, ha, hb, hab


def hexs(arr):
    return ','.join(float(v).hex() for v in arr)


def case(lines, name, a, b, bins, rng_a=None, rng_b=None, policy='IGNORE'):
    dtype = a.dtype
    assert b.dtype == dtype
    if rng_a is None:
        rng = None
        aa, bb = a, b
    else:
        rng = [rng_a, rng_b]
        if policy == 'CLAMP':
            aa = np.clip(a, dtype.type(rng_a[0]), dtype.type(rng_a[1]))
            bb = np.clip(b, dtype.type(rng_b[0]), dtype.type(rng_b[1]))
        else:
            aa, bb = a, b
    # float32 data is binned as the float64 values it holds. numpy 1.24 does the same except for one comparison:
    # histogramdd moves a value onto the last bin when sample == edges[-1], and with a float32 sample that
    # comparison is made in float32 (value-based casting of the float64 scalar), so a float32 value equal to
    # float32(max) but below max (a given max not representable in float32) leaves the last bin for the one before.
    # numpy 2 (NEP 50) compares in float64, as here; so do the Java measures. Casting first gives numpy 2's counts.
    hist, ea, eb = np.histogram2d(aa.astype(np.float64), bb.astype(np.float64), bins=bins, range=rng)
    if rng is not None and policy == 'CLAMP':
        # np.clip with a range endpoint that is not exactly representable in the dtype would change the bin;
        # only representable endpoints are used here.
        assert float(dtype.type(rng_a[0])) == rng_a[0] and float(dtype.type(rng_b[1])) == rng_b[1]
    hi = hist.astype(np.int64)
    idx = np.arange(bins * bins, dtype=np.int64).reshape(bins, bins)
    s1 = int((hi * idx).sum())
    s2 = int((hi * (idx * idx % 1000003)).sum())
    n, mi, nmi, ecc, ha, hb, hab = measures(hi)
    r = ['-'] * 4 if rng is None else [float(rng_a[0]).hex(), float(rng_a[1]).hex(), float(rng_b[0]).hex(),
                                       float(rng_b[1]).hex()]
    ln2 = mpmath.log(2)
    lines.append('\t'.join(['C', name, 'float' if dtype == np.float32 else 'double', str(bins), policy] + r
                           + [str(len(a)), str(n), str(s1), str(s2)]
                           + [float(v).hex() for v in (mi, nmi, ecc, ha, hb, hab, mi / ln2)]))
    lines.append('A\t' + hexs(a))
    lines.append('B\t' + hexs(b))


def main():
    rng = np.random.default_rng(20261206)
    lines = []
    for dt in (np.float64, np.float32):
        img = smooth(rng, 48, 40)
        a = img.ravel().astype(dt)
        shifted = np.roll(img, (2, 3), axis=(0, 1)).ravel().astype(dt)
        noisy = (np.roll(img, (1, 0), axis=(0, 1)) + rng.normal(0, 8, size=img.shape)).ravel().astype(dt)
        tag = 'f32' if dt == np.float32 else 'f64'
        case(lines, tag + '-identical', a, a.copy(), 256)
        case(lines, tag + '-shifted', a, shifted, 256)
        case(lines, tag + '-noisy', a, noisy, 256)
        case(lines, tag + '-noisy-64', a, noisy, 64)
        case(lines, tag + '-noisy-7', a, noisy, 7)
        const = np.full(a.shape, 3.25, dtype=dt)
        case(lines, tag + '-constant-a', const, noisy, 256)
        case(lines, tag + '-constant-both', const, const.copy(), 256)
        few = rng.integers(0, 8, size=a.shape).astype(dt)
        few2 = ((few.astype(np.int64) + rng.integers(0, 2, size=a.shape)) % 8).astype(dt)
        case(lines, tag + '-few', few, few2, 256)
        case(lines, tag + '-few-range', few, few2, 256, (0.0, 7.0), (0.0, 7.0))
        case(lines, tag + '-few-8', few, few2, 8, (0.0, 8.0), (0.0, 8.0))
        case(lines, tag + '-uint8-like', np.round(a / 2).astype(dt), np.round(noisy / 2).astype(dt), 256,
             (0.0, 255.0), (0.0, 255.0))
        # a range narrower than the data: numpy drops the pairs outside (IGNORE); CLAMP clips first
        case(lines, tag + '-range-ignore', a, noisy, 256, (80.0, 160.0), (70.0, 150.0))
        case(lines, tag + '-range-clamp', a, noisy, 256, (80.0, 160.0), (70.0, 150.0), 'CLAMP')
        case(lines, tag + '-range-odd', a, noisy, 100, (0.1, 199.7), (-3.3, 250.9))
        # values on every edge and one ulp either side, of the dtype
        for bins, lo, hi in ((256, 0.1, 199.7), (256, -1.0, 1.0), (100, 3.0, 1e6), (256, 0.0, 256.0),
                             (17, 1e-3, 1e-3 + 1e-9)):
            edges = np.linspace(lo, hi, bins + 1)
            ev = np.concatenate([edges, np.nextafter(edges, np.inf), np.nextafter(edges, -np.inf)]).astype(dt)
            ev = np.concatenate([ev, np.nextafter(ev, dt(np.inf)), np.nextafter(ev, dt(-np.inf))])
            eb = rng.permutation(ev)
            case(lines, '%s-edges-%d-%g-%g' % (tag, bins, lo, hi), ev, eb, bins, (lo, hi), (lo, hi))
            case(lines, '%s-edges-measured-%d-%g-%g' % (tag, bins, lo, hi), ev, eb, bins)
    with gzip.open(OUT, 'wt', encoding='ascii') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
