package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x, ln x and ln(1 + x) of double lanes, and a sum in a fixed order, array to array, for the loss kernels
 * ({@link SimdLossKernels}) — written with nothing but IEEE operations (add, multiply, divide, FMA, compares,
 * bit arithmetic), which the Vector API's Java fallback and C2's instructions round identically. So a result
 * has the same bits in the interpreter, C1 and C2, unlike the library's {@code lanewise(EXP/LOG/LOG1P)} (SVML in
 * C2, per-lane {@code Math} calls otherwise) and {@code reduceLanes(ADD)} (a tree in C2, sequential otherwise).
 * Any species (128, 256, 512 bits): no table, no lane permute.
 *
 * <p>Lanes outside the polynomial's domain (|x| &gt; 708 for exp; non-normal or infinite arguments for the
 * logs) send their whole vector through the scalar {@code Math.exp/log/log1p} — the same on every tier: the
 * interpreter calls the stubs C1 and C2 inline, and {@code log1p} is {@code StrictMath}'s — as does the
 * range's tail of fewer than one vector. Every function works in place ({@code out == x, o == from}).
 *
 * <p>Algorithms: exp by Cody–Waite reduction x = n·ln2 + r, |r| ≤ ln2/2 (n by the 1.5·2^52 shift), e^r − 1 by
 * its Taylor polynomial to degree 13 (truncation below 2^-57 relative), 2^n added to the exponent bits. log as
 * fdlibm's {@code __ieee754_log}: x = 2^k·z with z in [√½, √2), f = z − 1 (exact), s = f/(2 + f), and
 * ln(1+f) = f − (f²/2 − s·(f²/2 + R(s²))) with fdlibm's degree-14 minimax R (2^-58.45). log1p(t) as
 * ln u + (t − (u − 1))/u with u = 1 + t: the second term is the rounding error of u, exact, divided by u.
 * Error bounds, measured by {@code LaneMathTest} against {@code StrictMath}: {@value #EXP_ULP} ulp (exp),
 * {@value #LOG_ULP} ulp (log), {@value #LOG1P_ULP} ulp (log1p).
 *
 * <p>Array-to-array for the reason given in {@link SimdKernels}: a method of ours that takes or returns a
 * vector boxes whenever C2 does not inline it.
 */
final class LaneMath {

    static final double EXP_ULP = 1.0;
    static final double LOG_ULP = 1.0;
    static final double LOG1P_ULP = 1.0;

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();

    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double LN2_HI = 0x1.62e42fee00000p-1; // n·LN2_HI exact for |n| < 2^21
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double SHIFT = 0x1.8p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** Beyond ±EXP_RANGE the scaled result could leave the normal range: scalar lanes. */
    private static final double EXP_RANGE = 708.0;

    private static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;

    private LaneMath() {
    }

    /** out[o + i] = e^x[from + i] for i in [0, to − from). */
    static void exp(double[] x, int from, int to, double[] out, int o) {
        DoubleVector inv = DoubleVector.broadcast(D, INV_LN2);
        DoubleVector shift = DoubleVector.broadcast(D, SHIFT);
        DoubleVector minusHi = DoubleVector.broadcast(D, -LN2_HI);
        DoubleVector minusLo = DoubleVector.broadcast(D, -LN2_LO);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        int end = from + (to - from) / DL * DL;
        int i = from;
        for (; i < end; i += DL, o += DL) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            // "not |x| <= 708" is also true for NaN
            if (v.abs().compare(jdk.incubator.vector.VectorOperators.LE, EXP_RANGE).not().anyTrue()) {
                for (int j = 0; j < DL; j++) {
                    out[o + j] = Math.exp(x[i + j]);
                }
                continue;
            }
            DoubleVector kd = v.fma(inv, shift);
            LongVector n = kd.viewAsIntegralLanes().sub(SHIFT_BITS);
            DoubleVector nd = kd.sub(shift);
            DoubleVector r = nd.fma(minusHi, v);
            r = nd.fma(minusLo, r);
            DoubleVector q = r.mul(1.0 / 6227020800.0).add(1.0 / 479001600.0)
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 39916800.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 3628800.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 362880.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 40320.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 5040.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 720.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 120.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 24.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 6.0))
                    .fma(r, DoubleVector.broadcast(D, 0.5));
            DoubleVector y = r.mul(r).fma(q, r).add(one); // 1 + (r + r²·q) = e^r in [0.7, 1.42]
            y.viewAsIntegralLanes().add(n.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles()
                    .intoArray(out, o);
        }
        for (; i < to; i++, o++) {
            out[o] = Math.exp(x[i]);
        }
    }

    /** out[o + i] = ln x[from + i] for i in [0, to − from). */
    static void log(double[] x, int from, int to, double[] out, int o) {
        logs(false, x, from, to, out, o);
    }

    /** out[o + i] = ln(1 + x[from + i]) for i in [0, to − from). */
    static void log1p(double[] x, int from, int to, double[] out, int o) {
        logs(true, x, from, to, out, o);
    }

    /** ln u with u = x (plus1 false) or u = 1 + x and the rounding error of u added back (plus1 true). */
    private static void logs(boolean plus1, double[] x, int from, int to, double[] out, int o) {
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        DoubleVector half = DoubleVector.broadcast(D, 0.5);
        DoubleVector ln2Hi = DoubleVector.broadcast(D, LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(D, LN2_LO);
        DoubleVector lg1 = DoubleVector.broadcast(D, LG1);
        DoubleVector lg2 = DoubleVector.broadcast(D, LG2);
        DoubleVector lg3 = DoubleVector.broadcast(D, LG3);
        DoubleVector lg4 = DoubleVector.broadcast(D, LG4);
        DoubleVector lg5 = DoubleVector.broadcast(D, LG5);
        DoubleVector lg6 = DoubleVector.broadcast(D, LG6);
        int end = from + (to - from) / DL * DL;
        int i = from;
        for (; i < end; i += DL, o += DL) {
            DoubleVector t = DoubleVector.fromArray(D, x, i);
            DoubleVector u = plus1 ? t.add(one) : t;
            // normal and finite (false for NaN), else the scalar log of the whole vector
            if (u.compare(GE, Double.MIN_NORMAL).and(u.compare(LT, Double.POSITIVE_INFINITY)).not().anyTrue()) {
                for (int j = 0; j < DL; j++) {
                    out[o + j] = plus1 ? Math.log1p(x[i + j]) : Math.log(x[i + j]);
                }
                continue;
            }
            LongVector b = u.viewAsIntegralLanes();
            LongVector k = b.sub(SQRT_HALF_BITS).lanewise(ASHR, 52);
            DoubleVector f = b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles().sub(one);
            DoubleVector kd = (DoubleVector) k.convert(L2D, 0);
            DoubleVector s = f.div(f.add(two));
            DoubleVector z = s.mul(s);
            DoubleVector rr = z.mul(LG7).add(lg6).fma(z, lg5).fma(z, lg4).fma(z, lg3).fma(z, lg2).fma(z, lg1).mul(z);
            DoubleVector hfsq = half.mul(f).mul(f);
            // k·ln2_hi − ((hfsq − (s·(hfsq + R) + k·ln2_lo)) − f), fdlibm's order of operations
            DoubleVector l = kd.mul(ln2Hi).sub(hfsq.sub(s.fma(hfsq.add(rr), kd.mul(ln2Lo))).sub(f));
            if (plus1) {
                l = l.add(t.sub(u.sub(one)).div(u));
            }
            l.intoArray(out, o);
        }
        for (; i < to; i++, o++) {
            out[o] = plus1 ? Math.log1p(x[i]) : Math.log(x[i]);
        }
    }

    /**
     * Σ a[from .. to) in a fixed order: one vector accumulator over whole vectors, its lanes added first to last,
     * then the tail in index order.
     */
    static double sum(double[] a, int from, int to) {
        DoubleVector acc = DoubleVector.zero(D);
        int end = from + (to - from) / DL * DL;
        int i = from;
        for (; i < end; i += DL) {
            acc = acc.add(DoubleVector.fromArray(D, a, i));
        }
        double s = 0;
        for (int j = 0; j < DL; j++) {
            s += acc.lane(j);
        }
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }
}
