package org.shannon4j.continuous;

/**
 * How a KSG estimator counts the marginal neighbours of a point whose k-th joint neighbour is at max-norm distance
 * ε. The two conventions agree whenever ε &gt; 0 (the count is then of the other points strictly within ε, as
 * Kraskov et al. define it); they differ only for points with ε = 0, which exact duplicates produce.
 */
public enum KsgConvention {
    /**
     * scikit-learn's {@code _compute_mi_cc}: n_x = #{j ≠ i : |x_j − x_i| ≤ r} with r = nextafter(ε, 0) (the
     * largest double below ε, so "&lt; ε" when ε &gt; 0) and r = 0 when ε = 0, so that duplicates of x_i are
     * counted when ε = 0. The default.
     */
    SKLEARN,
    /**
     * Kraskov, Stögbauer and Grassberger 2004, algorithm 1, taken literally: n_x = #{j : |x_j − x_i| &lt; ε}
     * (strict), so that a point with ε = 0 has n_x = 0.
     */
    KRASKOV
}
