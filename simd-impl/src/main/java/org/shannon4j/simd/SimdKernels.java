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
 * <p>Rule: no method of ours takes or returns a vector. C2 stops inlining when a compilation reaches its
 * node-count cutoff, which vector-heavy loops do; a helper of ours that is then left out-of-line boxes every
 * vector it receives or returns (kB per call, 10-50× slower). Only the JDK's {@code @ForceInline} vector
 * methods are exempt, so conversions and constants are written inline.
 *
 * <p>Structure: a driver walks the input in blocks of {@value #BLOCK} elements and calls a small block method
 * per block. The block method is pure vector code — two vector accumulators per quantity, one
 * {@code reduceLanes} at its end — and writes its sums into the caller's {@code aux} array. Keeping the vector
 * loops in small methods keeps each compilation under that cutoff. The driver adds the block sums into compensated
 * (Neumaier) totals, handles the scalar tail, and recomputes a block with the exact scalar terms of
 * {@link KernelMath} when its fast sum is not finite.
 *
 * <p>Zero leading factors are excluded with a masked add (or a blend), so {@code 0·ln 0} never reaches a sum.
 * Validity is fused: each block returns whether its vector minimum is ≥ 0, and NaN or infinite entries make
 * the plain sums non-finite. Float entropy and cross-entropy use float lanes (float log, one-signed terms) and
 * are widened before accumulation; float KL and JS widen first, because their terms cancel when p ≈ q.
 *
 * <p>The fast ratio formulas of KL and JS can over- or underflow for extreme but valid inputs (p/q beyond the
 * double range); such a lane makes its block sum non-finite and the block is recomputed with the exact scalar
 * terms. A genuinely infinite KL (p &gt; 0 where q = 0) takes the same path and stays infinite.
 */
final class SimdKernels implements Kernels {

    static final SimdKernels INSTANCE = new SimdKernels();

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();
    /** Elements per block: a multiple of every lane count, so blocks split only at the tail. */
    static final int BLOCK = 1024;
    /** Per-thread scratch for one block of float logs (4 kB, stays in L1). */
    private static final ThreadLocal<float[]> FLOAT_LOGS = ThreadLocal.withInitial(() -> new float[BLOCK]);

    // Block outputs, in the caller's aux array (AUX_LENGTH = 4).
    private static final int OUT_A = 0;
    private static final int OUT_B = 1;
    private static final int OUT_P = 2;
    private static final int OUT_Q = 3;

    private static final int SUM = 0;
    private static final int X_LOG_X = 1;
    private static final int CROSS = 2;
    private static final int KL = 3;
    private static final int JS = 4;

    private SimdKernels() {
    }

    // ------------------------------------------------------------------------------------------------ SPI

    @Override
    public double sum(double[] a, int offset, int length, double[] aux) {
        return single(SUM, a, offset, length, D.loopBound(length), aux);
    }

    @Override
    public double sum(float[] a, int offset, int length, double[] aux) {
        return single(SUM, a, offset, length, F.loopBound(length), aux);
    }

    @Override
    public double xLogX(double[] p, int offset, int length, double[] aux) {
        return single(X_LOG_X, p, offset, length, D.loopBound(length), aux);
    }

    @Override
    public double xLogX(float[] p, int offset, int length, double[] aux) {
        return single(X_LOG_X, p, offset, length, F.loopBound(length), aux);
    }

    @Override
    public double xLogY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pair(CROSS, p, pOffset, q, qOffset, length, D.loopBound(length), 1.0, aux);
    }

    @Override
    public double xLogY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pair(CROSS, p, pOffset, q, qOffset, length, F.loopBound(length), 1.0, aux);
    }

    @Override
    public double xLogXOverY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pair(KL, p, pOffset, q, qOffset, length, D.loopBound(length), 1.0, aux);
    }

    @Override
    public double xLogXOverY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pair(KL, p, pOffset, q, qOffset, length, F.loopBound(length), 1.0, aux);
    }

    @Override
    public double jensenShannonTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                                     double[] aux) {
        return pair(JS, p, pOffset, q, qOffset, length, D.loopBound(length), c, aux);
    }

    @Override
    public double jensenShannonTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
                                     double[] aux) {
        return pair(JS, p, pOffset, q, qOffset, length, F.loopBound(length), c, aux);
    }

    // ------------------------------------------------------------------------------------------------ drivers

    private static double at(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    private static boolean finite(double x) {
        return Math.abs(x) < Double.POSITIVE_INFINITY;
    }

    /**
     * Σ terms and Σ p over one array; {@code vectorLength} is the vectorised prefix (a lane multiple). The
     * compensated totals are plain locals (value, compensation) rather than small objects: escape analysis
     * removed such objects in some compilations and not in others (128 B per call in float kernels).
     */
    private static double single(int kind, Object p, int offset, int length, int vectorLength, double[] aux) {
        double terms = 0, termsC = 0, sum = 0, sumC = 0;
        boolean valid = true;
        int vecEnd = offset + vectorLength;
        float[] logs = kind == X_LOG_X && p instanceof float[] && vectorLength > 0 ? FLOAT_LOGS.get() : null;
        for (int i = offset; i < vecEnd; i += BLOCK) {
            int to = Math.min(vecEnd, i + BLOCK);
            valid &= p instanceof double[] d
                    ? (kind == SUM ? sumBlock(d, i, to, aux) : xLogXBlock(d, i, to, aux))
                    : (kind == SUM ? sumBlock((float[]) p, i, to, aux) : xLogXBlock((float[]) p, i, to, aux, logs));
            double t = terms + aux[OUT_A];
            termsC += sumError(terms, aux[OUT_A], t);
            terms = t;
            t = sum + aux[OUT_P];
            sumC += sumError(sum, aux[OUT_P], t);
            sum = t;
        }
        double tailTerms = 0;
        double tailSum = 0;
        for (int i = vecEnd, end = offset + length; i < end; i++) {
            double x = at(p, i);
            tailTerms += KernelMath.xLogX(x);
            tailSum += x;
            valid &= x >= 0;
        }
        double t = terms + tailTerms;
        termsC += sumError(terms, tailTerms, t);
        terms = t;
        t = sum + tailSum;
        sumC += sumError(sum, tailSum, t);
        double s = compensated(t, sumC);
        aux[SUM_P] = s;
        if (!valid || !(s < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        return kind == SUM ? s : compensated(terms, termsC);
    }

    /** The pair kernels: A (and B for JS), Σp, Σq; blocks whose fast KL/JS sums are not finite are redone exactly. */
    private static double pair(int kind, Object p, int pOffset, Object q, int qOffset, int length, int vectorLength,
                               double c, double[] aux) {
        // Compensated totals (value, compensation) of A, B, Σp, Σq.
        double a = 0, aC = 0, b = 0, bC = 0, sp = 0, spC = 0, sq = 0, sqC = 0;
        boolean valid = true;
        int shift = qOffset - pOffset;
        int vecEnd = pOffset + vectorLength;
        for (int i = pOffset; i < vecEnd; i += BLOCK) {
            int to = Math.min(vecEnd, i + BLOCK);
            valid &= p instanceof double[] pd ? pairBlock(kind, pd, (double[]) q, i, to, shift, c, aux)
                    : pairBlock(kind, (float[]) p, (float[]) q, i, to, shift, c, aux);
            double blockA = aux[OUT_A];
            double blockB = aux[OUT_B];
            if (kind != CROSS && !(finite(blockA) && finite(blockB))) {
                blockA = 0;
                blockB = 0;
                for (int j = i; j < to; j++) {
                    blockA += termA(kind, at(p, j), at(q, j + shift), c);
                    blockB += termB(kind, at(p, j), at(q, j + shift), c);
                }
            }
            double t = a + blockA;
            aC += sumError(a, blockA, t);
            a = t;
            t = b + blockB;
            bC += sumError(b, blockB, t);
            b = t;
            t = sp + aux[OUT_P];
            spC += sumError(sp, aux[OUT_P], t);
            sp = t;
            t = sq + aux[OUT_Q];
            sqC += sumError(sq, aux[OUT_Q], t);
            sq = t;
        }
        double tailA = 0, tailB = 0, tailP = 0, tailQ = 0;
        for (int i = vecEnd, end = pOffset + length; i < end; i++) {
            double x = at(p, i);
            double y = at(q, i + shift);
            tailA += termA(kind, x, y, c);
            tailB += termB(kind, x, y, c);
            tailP += x;
            tailQ += y;
            valid &= x >= 0 & y >= 0;
        }
        double t = a + tailA;
        aC += sumError(a, tailA, t);
        a = t;
        t = b + tailB;
        bC += sumError(b, tailB, t);
        b = t;
        t = sp + tailP;
        spC += sumError(sp, tailP, t);
        sp = t;
        t = sq + tailQ;
        sqC += sumError(sq, tailQ, t);
        sq = t;
        double sumP = compensated(sp, spC);
        double sumQ = compensated(sq, sqC);
        aux[SUM_P] = sumP;
        aux[SUM_Q] = sumQ;
        aux[JS_Q_TERMS] = compensated(b, bC);
        return valid && sumP < Double.POSITIVE_INFINITY && sumQ < Double.POSITIVE_INFINITY ? compensated(a, aC) : Double.NaN;
    }

    private static double termA(int kind, double p, double q, double c) {
        return switch (kind) {
            case CROSS -> KernelMath.xLogY(p, q);
            case KL -> KernelMath.xLogXOverY(p, q);
            default -> KernelMath.jensenShannonP(p, q, c);
        };
    }

    private static double termB(int kind, double p, double q, double c) {
        return kind == JS ? KernelMath.jensenShannonQ(p, q, c) : 0.0;
    }

    private static boolean pairBlock(int kind, double[] p, double[] q, int from, int to, int shift, double c,
                                     double[] out) {
        return switch (kind) {
            case CROSS -> xLogYBlock(p, q, from, to, shift, out);
            case KL -> klBlock(p, q, from, to, shift, out);
            default -> jsBlock(p, q, from, to, shift, c, out);
        };
    }

    private static boolean pairBlock(int kind, float[] p, float[] q, int from, int to, int shift, double c,
                                     double[] out) {
        return switch (kind) {
            case CROSS -> xLogYBlock(p, q, from, to, shift, out);
            case KL -> klBlock(p, q, from, to, shift, out);
            default -> jsBlock(p, q, from, to, shift, c, out);
        };
    }

    // ------------------------------------------------------------------------------------------------ blocks
    // Each block method covers [from, to), a multiple of its lane count, and returns min(elements) >= 0.

    private static boolean sumBlock(double[] a, int from, int to, double[] out) {
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, a, i);
            DoubleVector y = DoubleVector.fromArray(D, a, i + DL);
            s0 = s0.add(x);
            s1 = s1.add(y);
            min = min.min(x).min(y);
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, a, i);
            s0 = s0.add(x);
            min = min.min(x);
        }
        out[OUT_A] = 0;
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }

    private static boolean sumBlock(float[] a, int from, int to, double[] out) {
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            s0 = s0.add((DoubleVector) x.convert(F2D, 0));
            s1 = s1.add((DoubleVector) x.convert(F2D, 1));
            min = min.min(x);
        }
        out[OUT_A] = 0;
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }

    private static boolean xLogXBlock(double[] p, int from, int to, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, p, i + DL);
            s0 = s0.add(x);
            s1 = s1.add(y);
            min = min.min(x).min(y);
            t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(y.mul(y.lanewise(LOG)), y.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            s0 = s0.add(x);
            min = min.min(x);
            t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }

    /**
     * Float entropy: the logs of the block come from {@link FloatLog} (inline polynomial, measured faster than
     * the library call) through the per-thread {@code logs} scratch, then one pass widens and accumulates.
     * Zero lanes keep x itself (= 0) under the masked multiply, so 0·ln 0 never appears.
     */
    private static boolean xLogXBlock(float[] p, int from, int to, double[] out, float[] logs) {
        FloatLog.logInto(p, from, to, logs, 0);
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, p, i);
            min = min.min(x);
            FloatVector term = x.mul(FloatVector.fromArray(F, logs, i - from), x.compare(GT, 0f));
            s0 = s0.add((DoubleVector) x.convert(F2D, 0));
            s1 = s1.add((DoubleVector) x.convert(F2D, 1));
            t0 = t0.add((DoubleVector) term.convert(F2D, 0));
            t1 = t1.add((DoubleVector) term.convert(F2D, 1));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }

    private static boolean xLogYBlock(double[] p, double[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
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
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            min = min.min(x).min(y);
            t0 = t0.add(x.mul(y.lanewise(LOG)), x.compare(GT, 0.0));
        }
        return pairOut(t0.add(t1), null, p0.add(p1), q0.add(q1), min, out);
    }

    private static boolean xLogYBlock(float[] p, float[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        FloatVector zero = FloatVector.zero(F);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, p, i);
            FloatVector y = FloatVector.fromArray(F, q, i + shift);
            min = min.min(x).min(y);
            FloatVector term = zero.blend(x.mul(y.lanewise(LOG)), x.compare(GT, 0f));
            p0 = p0.add((DoubleVector) x.convert(F2D, 0));
            p1 = p1.add((DoubleVector) x.convert(F2D, 1));
            q0 = q0.add((DoubleVector) y.convert(F2D, 0));
            q1 = q1.add((DoubleVector) y.convert(F2D, 1));
            t0 = t0.add((DoubleVector) term.convert(F2D, 0));
            t1 = t1.add((DoubleVector) term.convert(F2D, 1));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }

    private static boolean klBlock(double[] p, double[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
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
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            min = min.min(x).min(y);
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
        }
        return pairOut(t0.add(t1), null, p0.add(p1), q0.add(q1), min, out);
    }

    private static boolean klBlock(float[] p, float[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        for (int i = from; i < to; i += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            min = min.min(xf).min(yf);
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1), y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x);
            p1 = p1.add(x2);
            q0 = q0.add(y);
            q1 = q1.add(y2);
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(x2.div(y2).lanewise(LOG)), x2.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }

    private static boolean jsBlock(double[] p, double[] q, int from, int to, int shift, double c, double[] out) {
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
        DoubleVector min = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from; i < to; i += DL) {
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
        return pairOut(a0, b0, p0, q0, min, out);
    }

    private static boolean jsBlock(float[] p, float[] q, int from, int to, int shift, double c, double[] out) {
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
        FloatVector min = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from; i < to; i += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            min = min.min(xf).min(yf);
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1), y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x).add(x2);
            q0 = q0.add(y).add(y2);
            DoubleVector cy = y.mul(cv), cy2 = y2.mul(cv);
            DoubleVector scale = two.div(x.add(cy)), scale2 = two.div(x2.add(cy2));
            a0 = a0.add(x.mul(x.mul(scale).lanewise(LOG)), x.compare(GT, 0.0))
                    .add(x2.mul(x2.mul(scale2).lanewise(LOG)), x2.compare(GT, 0.0));
            b0 = b0.add(y.mul(cy.mul(scale).lanewise(LOG)), y.compare(GT, 0.0))
                    .add(y2.mul(cy2.mul(scale2).lanewise(LOG)), y2.compare(GT, 0.0));
        }
        out[OUT_A] = a0.reduceLanes(ADD);
        out[OUT_B] = b0.reduceLanes(ADD);
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }

    private static boolean pairOut(DoubleVector a, DoubleVector b, DoubleVector sp, DoubleVector sq, DoubleVector min,
                                   double[] out) {
        out[OUT_A] = a.reduceLanes(ADD);
        out[OUT_B] = b == null ? 0 : b.reduceLanes(ADD);
        out[OUT_P] = sp.reduceLanes(ADD);
        out[OUT_Q] = sq.reduceLanes(ADD);
        return min.reduceLanes(MIN) >= 0;
    }
}
