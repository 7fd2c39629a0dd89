package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.OR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.BlockedKernels;

/**
 * The SIMD block loops on our own log ({@link DoubleLog}) instead of the JDK's
 * {@code lanewise(LOG)}; {@link SimdKernels} calls them when {@code -Dshannon4j.simd.log=own} (opt-in: not yet faster than the JDK
 * path for entropy and JS in the A/B so far).
 *
 * <p>Shape: the logs of a block (1024 elements) go through a per-thread L1 scratch — pass 1 reads p and q once,
 * accumulating Σp, Σq and the sign bits and storing the log arguments (q, p/q, or the two JS ratios); pass 2 is
 * {@code logInto} in place; pass 3 multiplies and accumulates with the zero lanes masked out. Why not one fused
 * pass with a {@code DoubleVector log(DoubleVector)} helper: see the class comment of {@link SimdKernels} — a
 * helper of ours that takes or returns vectors boxes them whenever C2 leaves it out of line (it does once the
 * helper has been compiled on its own into more than InlineSmallCode bytes, which a vector log always is), so
 * 0 B/op would depend on the JIT's warm-up history. The extra passes stay in L1 and cost a load and a store per
 * vector. Writes OUT_A (and OUT_B for JS), OUT_P, OUT_Q like the other blocks; returns false if a sign bit was
 * seen and the block holds a negative.
 */
final class OwnLogBlocks {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();
    private static final int OUT_A = 0;
    private static final int OUT_B = 1;
    private static final int OUT_P = 2;
    private static final int OUT_Q = 3;
    /** Two blocks of doubles (JS needs two logs per element), 16 kB per thread. */
    private static final ThreadLocal<double[]> SCRATCH =
            ThreadLocal.withInitial(() -> new double[2 * SimdKernels.BLOCK]);

    private OwnLogBlocks() {
    }

    static boolean xLogX(double[] p, int from, int to, double[] out) {
        double[] logs = SCRATCH.get();
        DoubleLog.logInto(p, from, to, logs, 0);
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, p, i + DL);
            s0 = s0.add(x);
            s1 = s1.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            t0 = t0.add(x.mul(DoubleVector.fromArray(D, logs, i - from)), x.compare(GT, 0.0));
            t1 = t1.add(y.mul(DoubleVector.fromArray(D, logs, i - from + DL)), y.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            s0 = s0.add(x);
            signs = signs.or(x.viewAsIntegralLanes());
            t0 = t0.add(x.mul(DoubleVector.fromArray(D, logs, i - from)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, from, to);
    }

    /** kind: 0 = Σ p·ln q, 1 = Σ p·ln(p/q). */
    static boolean pair(int kind, double[] p, double[] q, int from, int to, int shift, double[] out) {
        double[] logs = SCRATCH.get();
        int n = to - from;
        DoubleVector p0 = DoubleVector.zero(D), q0 = p0;
        LongVector signs = LongVector.zero(L);
        boolean ratio = kind != 0;
        for (int i = from, o = 0; i < to; i += DL, o += DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            (ratio ? x.div(y) : y).intoArray(logs, o);
        }
        DoubleLog.logInto(logs, 0, n, logs, 0);
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0;
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
            t0 = t0.add(x.mul(DoubleVector.fromArray(D, logs, i - from)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(DoubleVector.fromArray(D, logs, i - from + DL)), x2.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            t0 = t0.add(x.mul(DoubleVector.fromArray(D, logs, i - from)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    static boolean js(double[] p, double[] q, int from, int to, int shift, double c, double[] out) {
        double[] logs = SCRATCH.get();
        int n = to - from;
        int b = SimdKernels.BLOCK;
        DoubleVector p0 = DoubleVector.zero(D), q0 = p0;
        LongVector signs = LongVector.zero(L);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from, o = 0; i < to; i += DL, o += DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            DoubleVector cy = y.mul(cv);
            DoubleVector scale = two.div(x.add(cy)); // 2/m, shared by both halves
            x.mul(scale).intoArray(logs, o);
            cy.mul(scale).intoArray(logs, b + o);
        }
        DoubleLog.logInto(logs, 0, n, logs, 0);
        DoubleLog.logInto(logs, b, b + n, logs, b);
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0;
        for (int i = from, o = 0; i < to; i += DL, o += DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            a0 = a0.add(x.mul(DoubleVector.fromArray(D, logs, o)), x.compare(GT, 0.0));
            b0 = b0.add(y.mul(DoubleVector.fromArray(D, logs, b + o)), y.compare(GT, 0.0));
        }
        out[OUT_A] = a0.reduceLanes(ADD);
        out[OUT_B] = b0.reduceLanes(ADD);
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    // ------------------------------------------------------------------------------------------------ float input

    /** Float KL, widened to double before the ratio (the terms cancel when p ≈ q). */
    static boolean kl(float[] p, float[] q, int from, int to, int shift, double[] out) {
        double[] logs = SCRATCH.get();
        int n = to - from;
        DoubleVector p0 = DoubleVector.zero(D), q0 = p0;
        IntVector signs = IntVector.zero(I);
        for (int i = from, o = 0; i < to; i += FL, o += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(xf.viewAsIntegralLanes()).or(yf.viewAsIntegralLanes());
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1);
            DoubleVector y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x).add(x2);
            q0 = q0.add(y).add(y2);
            x.div(y).intoArray(logs, o);
            x2.div(y2).intoArray(logs, o + DL);
        }
        DoubleLog.logInto(logs, 0, n, logs, 0);
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0;
        for (int i = from, o = 0; i < to; i += FL, o += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1);
            t0 = t0.add(x.mul(DoubleVector.fromArray(D, logs, o)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(DoubleVector.fromArray(D, logs, o + DL)), x2.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    /** Float JS in double lanes. */
    static boolean js(float[] p, float[] q, int from, int to, int shift, double c, double[] out) {
        double[] logs = SCRATCH.get();
        int n = to - from;
        int b = SimdKernels.BLOCK;
        DoubleVector p0 = DoubleVector.zero(D), q0 = p0;
        IntVector signs = IntVector.zero(I);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from, o = 0; i < to; i += FL, o += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(xf.viewAsIntegralLanes()).or(yf.viewAsIntegralLanes());
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1);
            DoubleVector y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x).add(x2);
            q0 = q0.add(y).add(y2);
            DoubleVector cy = y.mul(cv), cy2 = y2.mul(cv);
            DoubleVector scale = two.div(x.add(cy)), scale2 = two.div(x2.add(cy2));
            x.mul(scale).intoArray(logs, o);
            x2.mul(scale2).intoArray(logs, o + DL);
            cy.mul(scale).intoArray(logs, b + o);
            cy2.mul(scale2).intoArray(logs, b + o + DL);
        }
        DoubleLog.logInto(logs, 0, n, logs, 0);
        DoubleLog.logInto(logs, b, b + n, logs, b);
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0;
        for (int i = from, o = 0; i < to; i += FL, o += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1);
            DoubleVector y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            a0 = a0.add(x.mul(DoubleVector.fromArray(D, logs, o)), x.compare(GT, 0.0))
                    .add(x2.mul(DoubleVector.fromArray(D, logs, o + DL)), x2.compare(GT, 0.0));
            b0 = b0.add(y.mul(DoubleVector.fromArray(D, logs, b + o)), y.compare(GT, 0.0))
                    .add(y2.mul(DoubleVector.fromArray(D, logs, b + o + DL)), y2.compare(GT, 0.0));
        }
        out[OUT_A] = a0.reduceLanes(ADD);
        out[OUT_B] = b0.reduceLanes(ADD);
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean noNegatives(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean noNegatives(double[] p, double[] q, int from, int to, int shift) {
        return noNegatives(p, from, to) && noNegatives(q, from + shift, to + shift);
    }

    private static boolean noNegatives(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean noNegatives(float[] p, float[] q, int from, int to, int shift) {
        return noNegatives(p, from, to) && noNegatives(q, from + shift, to + shift);
    }
}
