package org.shannon4j.dependence;

import org.shannon4j.internal.Entropies;

/**
 * The plug-in information measures of a count table from its sums T = Σ c·ln c (over the table's cells and over
 * its marginals), in nats: the formulas every count path of this package reduces to, public for engines that count
 * many tables and keep the sums of the marginals they share (feature selection counts one table per candidate and
 * step, with the same target and selected-feature marginals). n is the table's total count (&gt; 0); a sum T of
 * integer counts is what {@link org.shannon4j.spi.CountingKernels#nLogN(long[], int, int)} returns.
 */
public final class PlugInSums {

    private PlugInSums() {
    }

    /**
     * H = ln n − T/n, clamped at 0.
     *
     * @param n the total count
     * @param t Σ c·ln c over the cells
     * @return the entropy in nats
     * @throws IllegalArgumentException if n is not positive and finite or t is NaN
     */
    public static double entropy(double n, double t) {
        check(n, t, 0, 0, 0);
        return Entropies.fromSums(n, t);
    }

    /**
     * I(X;Y) = (T_XY − T_X − T_Y)/n + ln n, clamped to [0, min(H(X), H(Y))].
     *
     * @param n the total count
     * @param tJoint Σ c·ln c over the (x, y) cells
     * @param tX Σ c·ln c over the x marginal
     * @param tY Σ c·ln c over the y marginal
     * @return the mutual information in nats
     * @throws IllegalArgumentException if n is not positive and finite or a sum is NaN
     */
    public static double mutualInformation(double n, double tJoint, double tX, double tY) {
        check(n, tJoint, tX, tY, 0);
        // max(0, min(H(X), H(Y))) = min(max(0, H(X)), max(0, H(Y))): the same bits as clamping the minimum
        return Math.min(Math.max(0.0, (tJoint - tX - tY) / n + Math.log(n)),
                Math.min(Entropies.fromSums(n, tX), Entropies.fromSums(n, tY)));
    }

    /**
     * I(X;Y|Z) = (T_XYZ + T_Z − T_XZ − T_YZ)/n, clamped at 0.
     *
     * @param n the total count
     * @param tXYZ Σ c·ln c over the (x, y, z) cells
     * @param tZ Σ c·ln c over the z marginal
     * @param tXZ Σ c·ln c over the (x, z) marginal
     * @param tYZ Σ c·ln c over the (y, z) marginal
     * @return the conditional mutual information in nats
     * @throws IllegalArgumentException if n is not positive and finite or a sum is NaN
     */
    public static double conditionalMutualInformation(double n, double tXYZ, double tZ, double tXZ, double tYZ) {
        check(n, tXYZ, tZ, tXZ, tYZ);
        return Math.max(0.0, (tXYZ + tZ - tXZ - tYZ) / n);
    }

    /** n a positive count and the sums numbers: else the formulas give NaN or ±∞ without a word. */
    private static void check(double n, double a, double b, double c, double d) {
        if (!(n > 0 && n < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("n = " + n + ": the total count must be positive and finite");
        }
        if (Double.isNaN(a + b + c + d)) {
            throw new IllegalArgumentException("a sum T is NaN (" + a + ", " + b + ", " + c + ", " + d
                    + "): each must be Σ c·ln c of counts");
        }
    }
}
