package org.shannon4j.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The kinds of distribution term the kernels sum, as the int codes every pass, block loop and re-scan uses to
 * say which one it computes: the one vocabulary of the distribution plumbing (api passes, {@link BlockedKernels}
 * block loops, the segment walk, a backend's own loops). Codes are small, distinct and ordered as listed, so a
 * loop can test {@code kind >= CROSS} for "has a second operand". Plain ints rather than an enum so that a
 * kind passed as a constant folds away in a hot loop.
 */
public final class Terms {

    /** Σ p (no log). */
    public static final int SUM = 0;
    /** Σ p·ln p, the entropy terms ({@link DistributionKernels#xLogX(double[], int, int, double[])}). */
    public static final int X_LOG_X = 1;
    /**
     * Σ p·ln q, the cross-entropy terms
     * ({@link DistributionKernels#xLogY(double[], int, double[], int, int, double[])}).
     */
    public static final int CROSS = 2;
    /**
     * Σ p·ln(p/q), the Kullback–Leibler terms
     * ({@link DistributionKernels#xLogXOverY(double[], int, double[], int, int, double[])}).
     */
    public static final int KL = 3;
    /**
     * The two Jensen–Shannon halves with mixture ratio c
     * ({@link DistributionKernels#jensenShannonTerms(double[], int, double[], int, int, double, double[])}).
     */
    public static final int JS = 4;
    /**
     * Σ (√p − c·√q)², the Hellinger terms with scale c
     * ({@link DistributionKernels#hellingerTerms(double[], int, double[], int, int, double, double[])}).
     */
    public static final int HELLINGER = 5;

    private Terms() {
    }

    /**
     * The kernel of pair kind {@code kind} ({@link #CROSS} and above) over {@code double[]} ranges: the one place
     * that maps a code to its kernel method, so the passes and the segment walk need no edit for a new kind.
     *
     * @param k the kernels
     * @param kind a pair kind
     * @param p the first operand
     * @param pOffset index of its first element
     * @param q the second operand
     * @param qOffset index of its first element
     * @param length number of elements read
     * @param c the kind's parameter (JS mixture ratio, Hellinger scale; ignored by the others)
     * @param aux the kernel's aux array
     * @return the kernel's result
     * @throws IllegalArgumentException for a code that is not a pair kind
     */
    public static double pair(DistributionKernels k, int kind, double[] p, int pOffset, double[] q, int qOffset,
                              int length, double c, double[] aux) {
        return switch (kind) {
            case CROSS -> k.xLogY(p, pOffset, q, qOffset, length, aux);
            case KL -> k.xLogXOverY(p, pOffset, q, qOffset, length, aux);
            case JS -> k.jensenShannonTerms(p, pOffset, q, qOffset, length, c, aux);
            case HELLINGER -> k.hellingerTerms(p, pOffset, q, qOffset, length, c, aux);
            default -> throw new IllegalArgumentException("not a pair kind: " + kind);
        };
    }

    /**
     * {@link #pair(DistributionKernels, int, double[], int, double[], int, int, double, double[])} over
     * {@code float[]} ranges.
     *
     * @param k the kernels
     * @param kind a pair kind
     * @param p the first operand
     * @param pOffset index of its first element
     * @param q the second operand
     * @param qOffset index of its first element
     * @param length number of elements read
     * @param c the kind's parameter (JS mixture ratio, Hellinger scale; ignored by the others)
     * @param aux the kernel's aux array
     * @return the kernel's result
     * @throws IllegalArgumentException for a code that is not a pair kind
     */
    public static double pair(DistributionKernels k, int kind, float[] p, int pOffset, float[] q, int qOffset,
                              int length, double c, double[] aux) {
        return switch (kind) {
            case CROSS -> k.xLogY(p, pOffset, q, qOffset, length, aux);
            case KL -> k.xLogXOverY(p, pOffset, q, qOffset, length, aux);
            case JS -> k.jensenShannonTerms(p, pOffset, q, qOffset, length, c, aux);
            case HELLINGER -> k.hellingerTerms(p, pOffset, q, qOffset, length, c, aux);
            default -> throw new IllegalArgumentException("not a pair kind: " + kind);
        };
    }

    /**
     * {@link #pair(DistributionKernels, int, double[], int, double[], int, int, double, double[])} over segment
     * ranges.
     *
     * @param k the kernels
     * @param kind a pair kind
     * @param p the first operand
     * @param pOffset index of its first element
     * @param q the second operand
     * @param qOffset index of its first element
     * @param count number of elements read
     * @param layout the element layout of both segments
     * @param c the kind's parameter (JS mixture ratio, Hellinger scale; ignored by the others)
     * @param aux the kernel's aux array
     * @return the kernel's result
     * @throws IllegalArgumentException for a code that is not a pair kind
     */
    public static double pair(DistributionKernels k, int kind, MemorySegment p, long pOffset, MemorySegment q,
                              long qOffset, long count, ValueLayout layout, double c, double[] aux) {
        return switch (kind) {
            case CROSS -> k.xLogY(p, pOffset, q, qOffset, count, layout, aux);
            case KL -> k.xLogXOverY(p, pOffset, q, qOffset, count, layout, aux);
            case JS -> k.jensenShannonTerms(p, pOffset, q, qOffset, count, layout, c, aux);
            case HELLINGER -> k.hellingerTerms(p, pOffset, q, qOffset, count, layout, c, aux);
            default -> throw new IllegalArgumentException("not a pair kind: " + kind);
        };
    }
}
