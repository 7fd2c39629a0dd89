package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.MIN;
import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Kernels;

/**
 * Vector-API kernels with the preferred species.
 *
 * <p>Shape of every loop: blocks of {@value #BLOCK} elements, two vector accumulators per quantity inside a
 * block (each lane sums at most BLOCK/(2·lanes) terms), one {@code reduceLanes} per block into a compensated
 * (Neumaier) scalar total, a scalar tail. Zero leading factors are excluded with a masked add, so
 * {@code 0·ln 0} never reaches the sum. Validity is fused: a running vector minimum catches negatives, and
 * NaN or infinite entries make the plain sums non-finite. Float entropy and cross-entropy are computed in float
 * lanes (float log) and widened to double before they are accumulated; float KL and JS are widened first.
 *
 * <p>Ratio kernels (KL, JS) can over- or underflow in the fast formula for extreme but valid inputs; such a
 * lane makes its block's sum non-finite, and that block alone is recomputed with the exact scalar terms of
 * {@link KernelMath}. A genuinely infinite result (p &gt; 0 where q = 0) takes the same path and stays infinite.
 */
final class SimdKernels implements Kernels {

    static final SimdKernels INSTANCE = new SimdKernels();

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();
    static final int BLOCK = 1024;

    private SimdKernels() {
    }

    private static DoubleVector lo(FloatVector v) {
        return (DoubleVector) v.convert(F2D, 0);
    }

    private static DoubleVector hi(FloatVector v) {
        return (DoubleVector) v.convert(F2D, 1);
    }

    private static boolean finite(double x) {
        return Math.abs(x) < Double.POSITIVE_INFINITY;
    }

    // ------------------------------------------------------------------------------------------------ sum

    @Override
    public double sum(double[] a, int offset, int length) {
        double total = 0, totalC = 0;
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int end = offset + length;
        int vecEnd = offset + D.loopBound(length);
        int i = offset;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
            for (; i <= blockEnd - 2 * DL; i += 2 * DL) {
                DoubleVector x = DoubleVector.fromArray(D, a, i);
                DoubleVector y = DoubleVector.fromArray(D, a, i + DL);
                s0 = s0.add(x);
                s1 = s1.add(y);
                min = min.min(x).min(y);
            }
            if (i < blockEnd) {
                DoubleVector x = DoubleVector.fromArray(D, a, i);
                s0 = s0.add(x);
                min = min.min(x);
                i += DL;
            }
            double b = s0.add(s1).reduceLanes(ADD);
            double t = total + b;
            totalC += sumError(total, b, t);
            total = t;
        }
        double tail = 0;
        boolean valid = min.reduceLanes(MIN) >= 0;
        for (; i < end; i++) {
            tail += a[i];
            valid &= a[i] >= 0;
        }
        double t = total + tail;
        totalC += sumError(total, tail, t);
        total = compensated(t, totalC);
        return valid && total < Double.POSITIVE_INFINITY ? total : Double.NaN;
    }

    @Override
    public double sum(float[] a, int offset, int length) {
        double total = 0, totalC = 0;
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        int end = offset + length;
        int vecEnd = offset + F.loopBound(length);
        int i = offset;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
            for (; i < blockEnd; i += FL) {
                FloatVector x = FloatVector.fromArray(F, a, i);
                s0 = s0.add(lo(x));
                s1 = s1.add(hi(x));
                min = min.min(x);
            }
            double b = s0.add(s1).reduceLanes(ADD);
            double t = total + b;
            totalC += sumError(total, b, t);
            total = t;
        }
        double tail = 0;
        boolean valid = min.reduceLanes(MIN) >= 0;
        for (; i < end; i++) {
            tail += a[i];
            valid &= a[i] >= 0;
        }
        double t = total + tail;
        totalC += sumError(total, tail, t);
        total = compensated(t, totalC);
        return valid && total < Double.POSITIVE_INFINITY ? total : Double.NaN;
    }

    // ------------------------------------------------------------------------------------------------ x ln x

    @Override
    public double xLogX(double[] p, int offset, int length, double[] aux) {
        double terms = 0, termsC = 0, sum = 0, sumC = 0;
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int end = offset + length;
        int vecEnd = offset + D.loopBound(length);
        int i = offset;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
            for (; i <= blockEnd - 2 * DL; i += 2 * DL) {
                DoubleVector x = DoubleVector.fromArray(D, p, i);
                DoubleVector y = DoubleVector.fromArray(D, p, i + DL);
                s0 = s0.add(x);
                s1 = s1.add(y);
                min = min.min(x).min(y);
                t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
                t1 = t1.add(y.mul(y.lanewise(LOG)), y.compare(GT, 0.0));
            }
            if (i < blockEnd) {
                DoubleVector x = DoubleVector.fromArray(D, p, i);
                s0 = s0.add(x);
                min = min.min(x);
                t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
                i += DL;
            }
            double bt = t0.add(t1).reduceLanes(ADD);
            double bs = s0.add(s1).reduceLanes(ADD);
            double t = terms + bt;
            termsC += sumError(terms, bt, t);
            terms = t;
            t = sum + bs;
            sumC += sumError(sum, bs, t);
            sum = t;
        }
        double tailT = 0, tailS = 0;
        boolean valid = min.reduceLanes(MIN) >= 0;
        for (; i < end; i++) {
            tailT += KernelMath.xLogX(p[i]);
            tailS += p[i];
            valid &= p[i] >= 0;
        }
        return finishSingle(valid, terms, termsC, tailT, sum, sumC, tailS, aux);
    }

    @Override
    public double xLogX(float[] p, int offset, int length, double[] aux) {
        double terms = 0, termsC = 0, sum = 0, sumC = 0;
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        FloatVector zero = FloatVector.zero(F);
        int end = offset + length;
        int vecEnd = offset + F.loopBound(length);
        int i = offset;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
            for (; i < blockEnd; i += FL) {
                FloatVector x = FloatVector.fromArray(F, p, i);
                min = min.min(x);
                FloatVector term = zero.blend(x.mul(x.lanewise(LOG)), x.compare(GT, 0f));
                s0 = s0.add(lo(x));
                s1 = s1.add(hi(x));
                t0 = t0.add(lo(term));
                t1 = t1.add(hi(term));
            }
            double bt = t0.add(t1).reduceLanes(ADD);
            double bs = s0.add(s1).reduceLanes(ADD);
            double t = terms + bt;
            termsC += sumError(terms, bt, t);
            terms = t;
            t = sum + bs;
            sumC += sumError(sum, bs, t);
            sum = t;
        }
        double tailT = 0, tailS = 0;
        boolean valid = min.reduceLanes(MIN) >= 0;
        for (; i < end; i++) {
            tailT += KernelMath.xLogX(p[i]);
            tailS += p[i];
            valid &= p[i] >= 0;
        }
        return finishSingle(valid, terms, termsC, tailT, sum, sumC, tailS, aux);
    }

    private static double finishSingle(boolean valid, double terms, double termsC, double tailT, double sum,
                                       double sumC, double tailS, double[] aux) {
        double t = terms + tailT;
        termsC += sumError(terms, tailT, t);
        double s = sum + tailS;
        sumC += sumError(sum, tailS, s);
        s = compensated(s, sumC);
        aux[SUM_P] = s;
        return valid && s < Double.POSITIVE_INFINITY ? compensated(t, termsC) : Double.NaN;
    }

    // ------------------------------------------------------------------------------------------------ p ln q

    @Override
    public double xLogY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        CompensatedSum terms = new CompensatedSum(), sp = new CompensatedSum(), sq = new CompensatedSum();
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        int vecEnd = pOffset + D.loopBound(length);
        int i = pOffset;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
            for (; i <= blockEnd - 2 * DL; i += 2 * DL) {
                DoubleVector x = DoubleVector.fromArray(D, p, i);
                DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
                DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
                DoubleVector y2 = DoubleVector.fromArray(D, q, i + DL + shift);
                p0 = p0.add(x);
                q0 = q0.add(y);
                p1 = p1.add(x2);
                q1 = q1.add(y2);
                min = min.min(x).min(y).min(x2).min(y2);
                t0 = t0.add(x.mul(y.lanewise(LOG)), x.compare(GT, 0.0));
                t1 = t1.add(x2.mul(y2.lanewise(LOG)), x2.compare(GT, 0.0));
            }
            if (i < blockEnd) {
                DoubleVector x = DoubleVector.fromArray(D, p, i);
                DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
                p0 = p0.add(x);
                q0 = q0.add(y);
                min = min.min(x).min(y);
                t0 = t0.add(x.mul(y.lanewise(LOG)), x.compare(GT, 0.0));
                i += DL;
            }
            terms.add(t0.add(t1).reduceLanes(ADD));
            sp.add(p0.add(p1).reduceLanes(ADD));
            sq.add(q0.add(q1).reduceLanes(ADD));
        }
        boolean valid = min.reduceLanes(MIN) >= 0;
        double tailT = 0, tailP = 0, tailQ = 0;
        for (; i < end; i++) {
            double x = p[i], y = q[i + shift];
            tailT += KernelMath.xLogY(x, y);
            tailP += x;
            tailQ += y;
            valid &= x >= 0 & y >= 0;
        }
        terms.add(tailT);
        sp.add(tailP);
        sq.add(tailQ);
        return finishPair(valid, terms.value(), 0, sp.value(), sq.value(), aux);
    }

    @Override
    public double xLogY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        CompensatedSum terms = new CompensatedSum(), sp = new CompensatedSum(), sq = new CompensatedSum();
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        FloatVector zero = FloatVector.zero(F);
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        int vecEnd = pOffset + F.loopBound(length);
        int i = pOffset;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
            for (; i < blockEnd; i += FL) {
                FloatVector x = FloatVector.fromArray(F, p, i);
                FloatVector y = FloatVector.fromArray(F, q, i + shift);
                min = min.min(x).min(y);
                FloatVector term = zero.blend(x.mul(y.lanewise(LOG)), x.compare(GT, 0f));
                p0 = p0.add(lo(x));
                p1 = p1.add(hi(x));
                q0 = q0.add(lo(y));
                q1 = q1.add(hi(y));
                t0 = t0.add(lo(term));
                t1 = t1.add(hi(term));
            }
            terms.add(t0.add(t1).reduceLanes(ADD));
            sp.add(p0.add(p1).reduceLanes(ADD));
            sq.add(q0.add(q1).reduceLanes(ADD));
        }
        boolean valid = min.reduceLanes(MIN) >= 0;
        double tailT = 0, tailP = 0, tailQ = 0;
        for (; i < end; i++) {
            double x = p[i], y = q[i + shift];
            tailT += KernelMath.xLogY(x, y);
            tailP += x;
            tailQ += y;
            valid &= x >= 0 & y >= 0;
        }
        terms.add(tailT);
        sp.add(tailP);
        sq.add(tailQ);
        return finishPair(valid, terms.value(), 0, sp.value(), sq.value(), aux);
    }

    // ------------------------------------------------------------------------------------------------ p ln(p/q)

    @Override
    public double xLogXOverY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        CompensatedSum terms = new CompensatedSum(), sp = new CompensatedSum(), sq = new CompensatedSum();
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        int vecEnd = pOffset + D.loopBound(length);
        int i = pOffset;
        while (i < vecEnd) {
            int start = i;
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
            for (; i <= blockEnd - 2 * DL; i += 2 * DL) {
                DoubleVector x = DoubleVector.fromArray(D, p, i);
                DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
                DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
                DoubleVector y2 = DoubleVector.fromArray(D, q, i + DL + shift);
                p0 = p0.add(x);
                q0 = q0.add(y);
                p1 = p1.add(x2);
                q1 = q1.add(y2);
                min = min.min(x).min(y).min(x2).min(y2);
                t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
                t1 = t1.add(x2.mul(x2.div(y2).lanewise(LOG)), x2.compare(GT, 0.0));
            }
            if (i < blockEnd) {
                DoubleVector x = DoubleVector.fromArray(D, p, i);
                DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
                p0 = p0.add(x);
                q0 = q0.add(y);
                min = min.min(x).min(y);
                t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
                i += DL;
            }
            double block = t0.add(t1).reduceLanes(ADD);
            terms.add(finite(block) ? block : scalarKl(p, q, start, i, shift));
            sp.add(p0.add(p1).reduceLanes(ADD));
            sq.add(q0.add(q1).reduceLanes(ADD));
        }
        boolean valid = min.reduceLanes(MIN) >= 0;
        double tailP = 0, tailQ = 0;
        for (int j = i; j < end; j++) {
            tailP += p[j];
            tailQ += q[j + shift];
            valid &= p[j] >= 0 & q[j + shift] >= 0;
        }
        terms.add(scalarKl(p, q, i, end, shift));
        sp.add(tailP);
        sq.add(tailQ);
        return finishPair(valid, terms.value(), 0, sp.value(), sq.value(), aux);
    }

    /**
     * Float KL is computed in double lanes: the float ratio would carry 6e-8 of absolute error into every
     * ln(p/q), which is large against a KL of two nearby distributions (terms cancel). Entropy and
     * cross-entropy terms have one sign, so they keep float lanes and their relative accuracy.
     */
    @Override
    public double xLogXOverY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        CompensatedSum terms = new CompensatedSum(), sp = new CompensatedSum(), sq = new CompensatedSum();
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        int vecEnd = pOffset + F.loopBound(length);
        int i = pOffset;
        while (i < vecEnd) {
            int start = i;
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
            for (; i < blockEnd; i += FL) {
                FloatVector xf = FloatVector.fromArray(F, p, i);
                FloatVector yf = FloatVector.fromArray(F, q, i + shift);
                min = min.min(xf).min(yf);
                DoubleVector x = lo(xf), x2 = hi(xf), y = lo(yf), y2 = hi(yf);
                p0 = p0.add(x);
                p1 = p1.add(x2);
                q0 = q0.add(y);
                q1 = q1.add(y2);
                t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
                t1 = t1.add(x2.mul(x2.div(y2).lanewise(LOG)), x2.compare(GT, 0.0));
            }
            double block = t0.add(t1).reduceLanes(ADD);
            terms.add(finite(block) ? block : scalarKl(p, q, start, i, shift));
            sp.add(p0.add(p1).reduceLanes(ADD));
            sq.add(q0.add(q1).reduceLanes(ADD));
        }
        boolean valid = min.reduceLanes(MIN) >= 0;
        double tailP = 0, tailQ = 0;
        for (int j = i; j < end; j++) {
            tailP += p[j];
            tailQ += q[j + shift];
            valid &= p[j] >= 0 & q[j + shift] >= 0;
        }
        terms.add(scalarKl(p, q, i, end, shift));
        sp.add(tailP);
        sq.add(tailQ);
        return finishPair(valid, terms.value(), 0, sp.value(), sq.value(), aux);
    }

    private static double scalarKl(double[] p, double[] q, int from, int to, int shift) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += KernelMath.xLogXOverY(p[j], q[j + shift]);
        }
        return s;
    }

    private static double scalarKl(float[] p, float[] q, int from, int to, int shift) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += KernelMath.xLogXOverY(p[j], q[j + shift]);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------ JS

    @Override
    public double jensenShannonTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                                     double[] aux) {
        CompensatedSum ta = new CompensatedSum(), tb = new CompensatedSum();
        CompensatedSum sp = new CompensatedSum(), sq = new CompensatedSum();
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        int vecEnd = pOffset + D.loopBound(length);
        int i = pOffset;
        while (i < vecEnd) {
            int start = i;
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
            for (; i < blockEnd; i += DL) {
                DoubleVector x = DoubleVector.fromArray(D, p, i);
                DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
                p0 = p0.add(x);
                q0 = q0.add(y);
                min = min.min(x).min(y);
                DoubleVector cy = y.mul(cv);
                DoubleVector scale = two.div(x.add(cy)); // 2/m, shared by both halves
                a0 = a0.add(x.mul(x.mul(scale).lanewise(LOG)), x.compare(GT, 0.0));
                b0 = b0.add(y.mul(cy.mul(scale).lanewise(LOG)), y.compare(GT, 0.0));
            }
            double blockA = a0.reduceLanes(ADD);
            double blockB = b0.reduceLanes(ADD);
            if (!finite(blockA) || !finite(blockB)) {
                blockA = scalarJsP(p, q, start, i, shift, c);
                blockB = scalarJsQ(p, q, start, i, shift, c);
            }
            ta.add(blockA);
            tb.add(blockB);
            sp.add(p0.reduceLanes(ADD));
            sq.add(q0.reduceLanes(ADD));
        }
        boolean valid = min.reduceLanes(MIN) >= 0;
        double tailP = 0, tailQ = 0;
        for (int j = i; j < end; j++) {
            tailP += p[j];
            tailQ += q[j + shift];
            valid &= p[j] >= 0 & q[j + shift] >= 0;
        }
        ta.add(scalarJsP(p, q, i, end, shift, c));
        tb.add(scalarJsQ(p, q, i, end, shift, c));
        sp.add(tailP);
        sq.add(tailQ);
        return finishPair(valid, ta.value(), tb.value(), sp.value(), sq.value(), aux);
    }

    /** Float JS in double lanes, for the same reason as float KL: its terms cancel when p ≈ q. */
    @Override
    public double jensenShannonTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
                                     double[] aux) {
        CompensatedSum ta = new CompensatedSum(), tb = new CompensatedSum();
        CompensatedSum sp = new CompensatedSum(), sq = new CompensatedSum();
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        int vecEnd = pOffset + F.loopBound(length);
        int i = pOffset;
        while (i < vecEnd) {
            int start = i;
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
            for (; i < blockEnd; i += FL) {
                FloatVector xf = FloatVector.fromArray(F, p, i);
                FloatVector yf = FloatVector.fromArray(F, q, i + shift);
                min = min.min(xf).min(yf);
                DoubleVector x = lo(xf), x2 = hi(xf), y = lo(yf), y2 = hi(yf);
                p0 = p0.add(x).add(x2);
                q0 = q0.add(y).add(y2);
                DoubleVector cy = y.mul(cv), cy2 = y2.mul(cv);
                DoubleVector scale = two.div(x.add(cy)), scale2 = two.div(x2.add(cy2));
                a0 = a0.add(x.mul(x.mul(scale).lanewise(LOG)), x.compare(GT, 0.0))
                        .add(x2.mul(x2.mul(scale2).lanewise(LOG)), x2.compare(GT, 0.0));
                b0 = b0.add(y.mul(cy.mul(scale).lanewise(LOG)), y.compare(GT, 0.0))
                        .add(y2.mul(cy2.mul(scale2).lanewise(LOG)), y2.compare(GT, 0.0));
            }
            double blockA = a0.reduceLanes(ADD);
            double blockB = b0.reduceLanes(ADD);
            if (!finite(blockA) || !finite(blockB)) {
                blockA = scalarJsP(p, q, start, i, shift, c);
                blockB = scalarJsQ(p, q, start, i, shift, c);
            }
            ta.add(blockA);
            tb.add(blockB);
            sp.add(p0.reduceLanes(ADD));
            sq.add(q0.reduceLanes(ADD));
        }
        boolean valid = min.reduceLanes(MIN) >= 0;
        double tailP = 0, tailQ = 0;
        for (int j = i; j < end; j++) {
            tailP += p[j];
            tailQ += q[j + shift];
            valid &= p[j] >= 0 & q[j + shift] >= 0;
        }
        ta.add(scalarJsP(p, q, i, end, shift, c));
        tb.add(scalarJsQ(p, q, i, end, shift, c));
        sp.add(tailP);
        sq.add(tailQ);
        return finishPair(valid, ta.value(), tb.value(), sp.value(), sq.value(), aux);
    }

    private static double scalarJsP(double[] p, double[] q, int from, int to, int shift, double c) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += KernelMath.jensenShannonTerm(p[j], p[j], p[j] + c * q[j + shift]);
        }
        return s;
    }

    private static double scalarJsQ(double[] p, double[] q, int from, int to, int shift, double c) {
        double s = 0;
        for (int j = from; j < to; j++) {
            double cq = c * q[j + shift];
            s += KernelMath.jensenShannonTerm(q[j + shift], cq, p[j] + cq);
        }
        return s;
    }

    private static double scalarJsP(float[] p, float[] q, int from, int to, int shift, double c) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += KernelMath.jensenShannonTerm(p[j], p[j], p[j] + c * q[j + shift]);
        }
        return s;
    }

    private static double scalarJsQ(float[] p, float[] q, int from, int to, int shift, double c) {
        double s = 0;
        for (int j = from; j < to; j++) {
            double cq = c * q[j + shift];
            s += KernelMath.jensenShannonTerm(q[j + shift], cq, p[j] + cq);
        }
        return s;
    }

    private static double finishPair(boolean valid, double a, double b, double sp, double sq, double[] aux) {
        aux[SUM_P] = sp;
        aux[SUM_Q] = sq;
        aux[JS_Q_TERMS] = b;
        return valid && sp < Double.POSITIVE_INFINITY && sq < Double.POSITIVE_INFINITY ? a : Double.NaN;
    }
}
