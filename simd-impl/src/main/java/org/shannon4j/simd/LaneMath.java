package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
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
 * its Taylor polynomial to degree 13 (truncation below 2^-57 relative) in Estrin's scheme (pairs r·c_{k+1} + c_k
 * combined by r²), 2^n added to the exponent bits. log as fdlibm's {@code __ieee754_log}: x = 2^k·z with z in
 * [√½, √2), f = z − 1 (exact), s = f/(2 + f), and ln(1+f) = f − (f²/2 − s·(f²/2 + R(s²))) with fdlibm's
 * degree-14 minimax R (2^-58.45), also in Estrin's scheme. log1p(t) as ln u + (t − (u − 1))/u with u = 1 + t:
 * the second term is the rounding error of u, exact, divided by u.
 * Error bounds, measured by {@code LaneMathTest} against {@code StrictMath}: {@value #EXP_ULP} ulp (exp),
 * {@value #LOG_ULP} ulp (log), {@value #LOG1P_ULP} ulp (log1p).
 *
 * <p>The loss kernels write these expressions out inside their own loops (the reason is in
 * {@link SimdLossKernels}), operation for operation: a change here must be made there too, and LaneMathTest
 * measures the bounds of the expressions here. Array-to-array, never a vector parameter, for the same reason.
 */
final class LaneMath {

    static final double EXP_ULP = 1.0;
    static final double LOG_ULP = 1.0;
    static final double LOG1P_ULP = 1.0;

    private static final VectorSpecies<Double> D = Species.D;
    private static final int DL = D.length();

    static final double INV_LN2 = 0x1.71547652b82fep0;
    static final double LN2_HI = 0x1.62e42fee00000p-1; // n·LN2_HI exact for |n| < 2^21
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    // Long lanes k (|k| < 2^51) become doubles as bits(k + SHIFT_BITS) − SHIFT, exactly (the same bits as
    // convert(L2D)): the long-to-double conversion is an AVX-512DQ instruction, so on AVX2 C2 does not compile
    // convert(L2D) and its Java fallback allocates a vector per call (56 bytes per element in the log kernels).
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** Beyond ±EXP_RANGE the scaled result could leave the normal range: scalar lanes. */
    static final double EXP_RANGE = 708.0;

    /** 1/k!, the exp polynomial's coefficients. */
    static final double E2 = 1.0 / 2, E3 = 1.0 / 6, E4 = 1.0 / 24, E5 = 1.0 / 120, E6 = 1.0 / 720,
            E7 = 1.0 / 5040, E8 = 1.0 / 40320, E9 = 1.0 / 362880, E10 = 1.0 / 3628800, E11 = 1.0 / 39916800,
            E12 = 1.0 / 479001600, E13 = 1.0 / 6227020800.0;

    static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    static final double LG1 = 6.666666666666735130e-01;
    static final double LG2 = 3.999999999940941908e-01;
    static final double LG3 = 2.857142874366239149e-01;
    static final double LG4 = 2.222219843214978396e-01;
    static final double LG5 = 1.818357216161805012e-01;
    static final double LG6 = 1.531383769920937332e-01;
    static final double LG7 = 1.479819860511658591e-01;

    private LaneMath() {
    }

    /** out[o + i] = e^x[from + i] for i in [0, to − from). */
    static void exp(double[] x, int from, int to, double[] out, int o) {
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
            DoubleVector kd = v.fma(INV_LN2, SHIFT), nd = kd.sub(SHIFT);
            DoubleVector r = nd.fma(minusLo, nd.fma(minusHi, v)), r2 = r.mul(r);
            DoubleVector q = r.fma(E13, E12).fma(r2, r.fma(E11, E10)).fma(r2, r.fma(E9, E8))
                    .fma(r2, r.fma(E7, E6)).fma(r2, r.fma(E5, E4)).fma(r2, r.fma(E3, E2));
            // 1 + (r + r²·q) = e^r in [0.7, 1.42], times 2^n by the exponent bits
            ((DoubleVector) r2.fma(q, r).add(one).viewAsIntegralLanes()
                    .add(kd.viewAsIntegralLanes().sub(SHIFT_BITS).lanewise(LSHL, 52)).viewAsFloatingLanes())
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
            LongVector b = u.viewAsIntegralLanes(), k = b.sub(SQRT_HALF_BITS).lanewise(ASHR, 52);
            DoubleVector f = ((DoubleVector) b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes()).sub(one);
            DoubleVector kf = k.add(SHIFT_BITS).viewAsFloatingLanes().sub(SHIFT), hf = f.mul(f).mul(0.5);
            DoubleVector sf = f.div(f.add(2.0)), z = sf.mul(sf), z2 = z.mul(z);
            DoubleVector rr = z2.mul(LG7).add(z.fma(LG6, LG5)).fma(z2, z.fma(LG4, LG3)).fma(z2, z.fma(LG2, LG1))
                    .mul(z);
            // k·ln2_hi − ((hf − (s·(hf + R) + k·ln2_lo)) − f), fdlibm's order of operations
            DoubleVector l = kf.mul(LN2_HI).sub(hf.sub(sf.fma(hf.add(rr), kf.mul(LN2_LO))).sub(f));
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
