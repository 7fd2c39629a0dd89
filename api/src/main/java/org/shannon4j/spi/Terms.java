package org.shannon4j.spi;

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

    private Terms() {
    }
}
