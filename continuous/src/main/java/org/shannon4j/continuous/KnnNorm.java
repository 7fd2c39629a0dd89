package org.shannon4j.continuous;

/** The distance of a k-nearest-neighbour estimator, and with it the volume of its unit ball. */
public enum KnnNorm {
    /** max_c |a_c − b_c|; the unit ball is the cube [−1, 1]^d, of volume 2^d. */
    MAX,
    /** √Σ_c (a_c − b_c)²; the unit ball has volume π^{d/2} / Γ(d/2 + 1). */
    EUCLIDEAN;

    /**
     * ln of the volume of the unit ball of this norm in d dimensions, written out: 2^d for the max-norm; for the
     * Euclidean norm π^m/m! when d = 2m and 2^{m+1}·π^m/(2m+1)!! when d = 2m + 1 (Γ(d/2 + 1) without a log-gamma).
     *
     * @param d the dimension, ≥ 1
     * @return ln V_d
     */
    public double logUnitBallVolume(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d = " + d + ": must be >= 1");
        }
        if (this == MAX) {
            return d * Math.log(2);
        }
        int m = d / 2;
        double logPi = m * Math.log(Math.PI);
        double logDenominator = 0; // ln m! or ln (2m+1)!!
        if (d % 2 == 0) {
            for (int i = 2; i <= m; i++) {
                logDenominator += Math.log(i);
            }
            return logPi - logDenominator;
        }
        for (int i = 3; i <= 2 * m + 1; i += 2) {
            logDenominator += Math.log(i);
        }
        return (m + 1) * Math.log(2) + logPi - logDenominator;
    }
}
