package org.shannon4j.spi;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;
import static org.shannon4j.spi.Terms.CROSS;
import static org.shannon4j.spi.Terms.HELLINGER;
import static org.shannon4j.spi.Terms.JS;
import static org.shannon4j.spi.Terms.KL;
import static org.shannon4j.spi.Terms.SUM;
import static org.shannon4j.spi.Terms.X_LOG_X;

/**
 * A base for backends that compute the distribution sums block by block: a backend overrides the block loops it
 * vectorises (the hot, backend-specific part), and this class supplies everything around them once: walking the
 * input in blocks, adding block sums into compensated (Neumaier) totals, the scalar tail beyond the backend's
 * lane multiple, recomputing with the exact {@link KernelMath} terms a KL or JS block whose fast sum came out
 * non-finite (a ratio beyond the double range), and folding the validity flags.
 *
 * <p>Every block method defaults to the reference plain-Java loop: blocks of {@value #REFERENCE_BLOCK} elements
 * with four independent accumulators (so the adds pipeline and each partial sum holds at most 64 terms), in a
 * fixed order of operations, so results are reproducible bit for bit. Float input is widened block by block
 * into a per-thread scratch and summed by the double loops, so a float vector gives exactly the result of its
 * widened double copy. This class with nothing overridden is the reference behind the defaults of
 * {@link DistributionKernels}; a vector backend calls {@code super}'s block for the cases it does not vectorise.
 *
 * <p>Block methods cover {@code [from, to)} with {@code to − from ≤ blockLength()} and a multiple of
 * {@link #laneMultiple(boolean)}; they write their sums into {@code out} at {@link #OUT_A}, {@link #OUT_B},
 * {@link #OUT_P}, {@link #OUT_Q} (the caller's aux array, reused as scratch) and return false if any element
 * they read is negative or NaN (a running minimum is enough; infinities show up in the sums). Pair kinds are
 * the {@link Terms} codes {@link Terms#CROSS}, {@link Terms#KL} and {@link Terms#JS}.
 */
public abstract class BlockedKernels implements Kernels {

    /** For subclasses: a backend overrides the block loops it accelerates. */
    protected BlockedKernels() {
    }

    /** Block output index: the main term sum. */
    protected static final int OUT_A = 0;
    /** Block output index: the second term sum (JS q half), 0 otherwise. */
    protected static final int OUT_B = 1;
    /** Block output index: Σp. */
    protected static final int OUT_P = 2;
    /** Block output index: Σq. */
    protected static final int OUT_Q = 3;

    /** Elements per block of the reference loops: the default {@link #blockLength()}. */
    protected static final int REFERENCE_BLOCK = 256;

    /** Per-thread scratch for widened float blocks: one per operand, grown if a subclass's blocks are longer. */
    private static final ThreadLocal<double[][]> WIDENED =
            ThreadLocal.withInitial(() -> new double[2][REFERENCE_BLOCK]);

    /**
     * Elements per block; partial sums in a block stay short, and its data stays in L1.
     *
     * @return elements per block
     */
    protected int blockLength() {
        return REFERENCE_BLOCK;
    }

    /**
     * Blocks cover the longest prefix that is a multiple of this (1 for scalar code); the rest is the tail.
     *
     * @param float32 whether the input is float (else double)
     * @return the multiple
     */
    protected int laneMultiple(boolean float32) {
        return 1;
    }

    /**
     * Σ a into OUT_A and OUT_P.
     *
     * @param a the values
     * @param from first index of the block
     * @param to end index of the block (exclusive)
     * @param out the caller's aux array, receiving the block sums
     * @return false if an element read is negative or NaN
     */
    protected boolean sumBlock(double[] a, int from, int to, double[] out) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        boolean valid = true;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
            s0 += a0;
            s1 += a1;
            s2 += a2;
            s3 += a3;
            valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
        }
        for (; i < to; i++) {
            s0 += a[i];
            valid &= a[i] >= 0;
        }
        out[OUT_A] = 0;
        out[OUT_P] = (s0 + s1) + (s2 + s3);
        return valid;
    }

    /**
     * Float form of {@link #sumBlock(double[], int, int, double[])}.
     *
     * @param a the values
     * @param from first index of the block
     * @param to end index of the block (exclusive)
     * @param out the caller's aux array, receiving the block sums
     * @return false if an element read is negative or NaN
     */
    protected boolean sumBlock(float[] a, int from, int to, double[] out) {
        return sumBlock(widen(a, from, to, 0), 0, to - from, out);
    }

    /**
     * Σ p·ln p into OUT_A and Σ p into OUT_P.
     *
     * @param p the p entry or array
     * @param from first index of the block
     * @param to end index of the block (exclusive)
     * @param out the caller's aux array, receiving the block sums
     * @return false if an element read is negative or NaN
     */
    protected boolean xLogXBlock(double[] p, int from, int to, double[] out) {
        double t0 = 0, t1 = 0, t2 = 0, t3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        boolean valid = true;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double a0 = p[i], a1 = p[i + 1], a2 = p[i + 2], a3 = p[i + 3];
            t0 += KernelMath.xLogX(a0);
            t1 += KernelMath.xLogX(a1);
            t2 += KernelMath.xLogX(a2);
            t3 += KernelMath.xLogX(a3);
            s0 += a0;
            s1 += a1;
            s2 += a2;
            s3 += a3;
            valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
        }
        for (; i < to; i++) {
            t0 += KernelMath.xLogX(p[i]);
            s0 += p[i];
            valid &= p[i] >= 0;
        }
        out[OUT_A] = (t0 + t1) + (t2 + t3);
        out[OUT_P] = (s0 + s1) + (s2 + s3);
        return valid;
    }

    /**
     * Float form of {@link #xLogXBlock(double[], int, int, double[])}.
     *
     * @param p the values
     * @param from first index of the block
     * @param to end index of the block (exclusive)
     * @param out the caller's aux array, receiving the block sums
     * @return false if an element read is negative or NaN
     */
    protected boolean xLogXBlock(float[] p, int from, int to, double[] out) {
        return xLogXBlock(widen(p, from, to, 0), 0, to - from, out);
    }

    /**
     * The {@code kind} terms of p[i] against q[i + shift] into OUT_A (and OUT_B for JS), Σp, Σq.
     *
     * @param kind the measure: {@link Terms#CROSS}, {@link Terms#KL} or {@link Terms#JS}
     * @param p the p entry or array
     * @param q the q entry or array
     * @param from first index of the block
     * @param to end index of the block (exclusive)
     * @param shift offset of q relative to p
     * @param c the mixture ratio Σp/Σq
     * @param out the caller's aux array, receiving the block sums
     * @return false if an element read is negative or NaN
     */
    protected boolean pairBlock(int kind, double[] p, double[] q, int from, int to, int shift, double c,
                                double[] out) {
        // The pair term is picked by an int that is constant for the whole call; the log dominates the cost.
        double a0 = 0, a1 = 0, b0 = 0, b1 = 0, p0 = 0, p1 = 0, q0 = 0, q1 = 0;
        boolean valid = true;
        int i = from;
        for (; i + 1 < to; i += 2) {
            double x0 = p[i], x1 = p[i + 1], y0 = q[i + shift], y1 = q[i + 1 + shift];
            a0 += termA(kind, x0, y0, c);
            a1 += termA(kind, x1, y1, c);
            b0 += termB(kind, x0, y0, c);
            b1 += termB(kind, x1, y1, c);
            p0 += x0;
            p1 += x1;
            q0 += y0;
            q1 += y1;
            valid &= x0 >= 0 & x1 >= 0 & y0 >= 0 & y1 >= 0;
        }
        for (; i < to; i++) {
            double x = p[i], y = q[i + shift];
            a0 += termA(kind, x, y, c);
            b0 += termB(kind, x, y, c);
            p0 += x;
            q0 += y;
            valid &= x >= 0 & y >= 0;
        }
        out[OUT_A] = a0 + a1;
        out[OUT_B] = b0 + b1;
        out[OUT_P] = p0 + p1;
        out[OUT_Q] = q0 + q1;
        return valid;
    }

    /**
     * Float form of {@link #pairBlock(int, double[], double[], int, int, int, double, double[])}.
     *
     * @param kind the measure: {@link Terms#CROSS}, {@link Terms#KL} or {@link Terms#JS}
     * @param p the p array
     * @param q the q array
     * @param from first index of the block
     * @param to end index of the block (exclusive)
     * @param shift offset of q relative to p
     * @param c the mixture ratio Σp/Σq
     * @param out the caller's aux array, receiving the block sums
     * @return false if an element read is negative or NaN
     */
    protected boolean pairBlock(int kind, float[] p, float[] q, int from, int to, int shift, double c,
                                double[] out) {
        return pairBlock(kind, widen(p, from, to, 0), widen(q, from + shift, to + shift, 1), 0, to - from, 0, c,
                out);
    }

    /** {@code a[from, to)} widened into this thread's scratch {@code which} (0 or 1), from index 0. */
    private static double[] widen(float[] a, int from, int to, int which) {
        double[][] scratch = WIDENED.get();
        double[] into = scratch[which];
        if (into.length < to - from) {
            into = new double[to - from];
            scratch[which] = into;
        }
        for (int i = from; i < to; i++) {
            into[i - from] = a[i];
        }
        return into;
    }

    // ------------------------------------------------------------------------------------- DistributionKernels

    @Override
    public final double sum(double[] a, int offset, int length, double[] aux) {
        return single(SUM, a, offset, length, aux);
    }

    @Override
    public final double sum(float[] a, int offset, int length, double[] aux) {
        return single(SUM, a, offset, length, aux);
    }

    @Override
    public final double xLogX(double[] p, int offset, int length, double[] aux) {
        return single(X_LOG_X, p, offset, length, aux);
    }

    @Override
    public final double xLogX(float[] p, int offset, int length, double[] aux) {
        return single(X_LOG_X, p, offset, length, aux);
    }

    @Override
    public final double xLogY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pair(CROSS, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public final double xLogY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pair(CROSS, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public final double xLogXOverY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pair(KL, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public final double xLogXOverY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pair(KL, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public final double jensenShannonTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                                           double[] aux) {
        return pair(JS, p, pOffset, q, qOffset, length, c, aux);
    }

    @Override
    public final double jensenShannonTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
                                           double[] aux) {
        return pair(JS, p, pOffset, q, qOffset, length, c, aux);
    }

    @Override
    public final double hellingerTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                                       double[] aux) {
        return pair(HELLINGER, p, pOffset, q, qOffset, length, c, aux);
    }

    @Override
    public final double hellingerTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
                                       double[] aux) {
        return pair(HELLINGER, p, pOffset, q, qOffset, length, c, aux);
    }

    // ------------------------------------------------------------------------------------------------ drivers

    private static double at(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    private static boolean finite(double x) {
        return Math.abs(x) < Double.POSITIVE_INFINITY;
    }

    /**
     * The pair term of {@code kind} for one element: the exact scalar semantics the blocks must match.
     *
     * @param kind the measure: {@link Terms#CROSS}, {@link Terms#KL} or {@link Terms#JS}
     * @param p the p entry or array
     * @param q the q entry or array
     * @param c the mixture ratio Σp/Σq
     * @return the term
     */
    protected static double termA(int kind, double p, double q, double c) {
        return switch (kind) {
            case CROSS -> KernelMath.xLogY(p, q);
            case KL -> KernelMath.xLogXOverY(p, q);
            case JS -> KernelMath.jensenShannonP(p, q, c);
            case HELLINGER -> KernelMath.hellinger(p, q, c);
            default -> throw new IllegalArgumentException("not a pair kind: " + kind);
        };
    }

    /**
     * The second pair term (JS q half; 0 for the other kinds).
     *
     * @param kind the measure: {@link Terms#CROSS}, {@link Terms#KL} or {@link Terms#JS}
     * @param p the p entry or array
     * @param q the q entry or array
     * @param c the mixture ratio Σp/Σq
     * @return the term
     */
    protected static double termB(int kind, double p, double q, double c) {
        return kind == JS ? KernelMath.jensenShannonQ(p, q, c) : 0.0;
    }

    // The totals are (value, compensation) locals rather than small objects: escape analysis removed such
    // objects in some compilations and not in others (128 B per call seen with -prof gc).

    private double single(int kind, Object p, int offset, int length, double[] aux) {
        boolean isDouble = p instanceof double[];
        int multiple = laneMultiple(!isDouble);
        int block = blockLength();
        double terms = 0, termsC = 0, sum = 0, sumC = 0;
        boolean valid = true;
        int vecEnd = offset + length / multiple * multiple;
        for (int i = offset; i < vecEnd; i += block) {
            int to = Math.min(vecEnd, i + block);
            valid &= isDouble
                    ? (kind == SUM ? sumBlock((double[]) p, i, to, aux) : xLogXBlock((double[]) p, i, to, aux))
                    : (kind == SUM ? sumBlock((float[]) p, i, to, aux) : xLogXBlock((float[]) p, i, to, aux));
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
            tailTerms += kind == SUM ? 0 : KernelMath.xLogX(x);
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

    private double pair(int kind, Object p, int pOffset, Object q, int qOffset, int length, double c, double[] aux) {
        boolean isDouble = p instanceof double[];
        int multiple = laneMultiple(!isDouble);
        int block = blockLength();
        double a = 0, aC = 0, b = 0, bC = 0, sp = 0, spC = 0, sq = 0, sqC = 0;
        boolean valid = true;
        int shift = qOffset - pOffset;
        int vecEnd = pOffset + length / multiple * multiple;
        for (int i = pOffset; i < vecEnd; i += block) {
            int to = Math.min(vecEnd, i + block);
            valid &= isDouble ? pairBlock(kind, (double[]) p, (double[]) q, i, to, shift, c, aux)
                    : pairBlock(kind, (float[]) p, (float[]) q, i, to, shift, c, aux);
            double blockA = aux[OUT_A];
            double blockB = aux[OUT_B];
            if (kind != CROSS && !(finite(blockA) && finite(blockB))) {
                // A ratio left the double range in the fast formula (or p > 0 met q = 0): redo exactly.
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
        return valid && sumP < Double.POSITIVE_INFINITY && sumQ < Double.POSITIVE_INFINITY
                ? compensated(a, aC) : Double.NaN;
    }
}
