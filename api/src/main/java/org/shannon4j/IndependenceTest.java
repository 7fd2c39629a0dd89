package org.shannon4j;

/**
 * The outcome of a test of independence of X and Y based on their mutual information.
 *
 * @param mutualInformation the observed plug-in mutual information, in the unit of the handle that ran the test
 * @param statistic         the G statistic 2N·I (I in nats) for {@link Method#G_TEST}; for
 *                          {@link Method#PERMUTATION} the number of permutations whose MI reached the observed one
 * @param degreesOfFreedom  (r − 1)(c − 1) for the G-test (r, c = non-empty rows and columns), 0 for permutations
 * @param pValue            the p-value: the χ² upper tail for the G-test; (1 + b)/(1 + P) for a permutation test
 *                          with b of P permutations at least as large as observed (never 0)
 * @param permutations      the number of permutations P, 0 for the G-test
 * @param method            which test
 */
public record IndependenceTest(double mutualInformation, double statistic, double degreesOfFreedom, double pValue,
                               int permutations, Method method) {

    /** The test that produced the p-value. */
    public enum Method {
        /** Analytic: G = 2N·I(nats) is asymptotically χ² with (r − 1)(c − 1) degrees of freedom under independence. */
        G_TEST,
        /** Monte-Carlo permutation test: y is shuffled, x and both marginals kept. */
        PERMUTATION
    }
}
