#!/usr/bin/python3
"""Table 2^(j/16), j = 0..15, and ln2/16 split for DoubleExp/FloatExp (simd-impl), as Java hex literals.
Run: /usr/bin/python3 simd-impl/tools/exp_tables.py"""
import struct
import mpmath as mp

mp.mp.prec = 200


def tofloat(x):
    return struct.unpack('<f', struct.pack('<f', float(x)))[0]


print('double T = {' + ', '.join(float(mp.mpf(2) ** (mp.mpf(j) / 16)).hex() for j in range(16)) + '}')
print('float  T = {' + ', '.join(tofloat(mp.mpf(2) ** (mp.mpf(j) / 16)).hex() + 'f' for j in range(16)) + '}')
ln2_16 = mp.log(2) / 16
# hi with trailing zero bits so that n*hi is exact for |n| < 2^15 (double) / 2^11 (float)
hi = float(mp.floor(ln2_16 * 2 ** 38) / 2 ** 38)
print('double LN2_16_HI', hi.hex(), 'LO', float(ln2_16 - hi).hex(), 'INV', float(16 / mp.log(2)).hex())
hif = tofloat(mp.floor(ln2_16 * 2 ** 16) / 2 ** 16)
print('float  LN2_16_HI', hif.hex(), 'LO', tofloat(ln2_16 - hif).hex(), 'INV', tofloat(16 / mp.log(2)).hex())
