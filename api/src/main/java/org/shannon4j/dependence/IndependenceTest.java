package org.shannon4j.dependence;

/**
 * The outcome of a test of independence of X and Y based on their mutual information.
 *
 * @param mutualInformation the observed plug-in mutual information, in the unit of the handle that ran the test
 * @param statistic         the observed test statistic G = 2N·I with I in nats (N samples), for both methods: the
 *                          G-test compares it with χ²; the permutation test ranks the permutations by it (with N
 *                          and the marginals fixed, ranking by G is ranking by MI)
 * @param degreesOfFreedom  (r − 1)(c − 1) for the G-test (r, c = non-empty rows and columns), 0 for permutations
 * @param pValue            the p-value: the χ² upper tail P(χ²_dof ≥ G) for the G-test, e^{logPValue} (0.0 once
 *                          that is below the double range, about G &gt; 1.5e3 at one degree of freedom: rank by
 *                          {@code logPValue} then); (1 + b)/(1 + P) for a permutation test with b of P
 *                          permutations at least as large as observed (never 0)
 * @param logPValue         ln of the p-value, finite however small the p-value is (≤ 0; 0 when p = 1): for the
 *                          G-test the log survival function of χ²_dof at G (see {@code SpecialFunctions} for
 *                          its accuracy, tested against mpmath), for a permutation test ln((1 + b)/(1 + P))
 * @param permutations      the number of permutations P, 0 for the G-test
 * @param exceedances       for a permutation test the number b of permutations whose G (equivalently MI) reached
 *                          the observed one (within a relative 1e-12 for rounding); 0 for the G-test
 * @param method            which test
 */
public record IndependenceTest(double mutualInformation, double statistic, double degreesOfFreedom, double pValue,
                               double logPValue, int permutations, int exceedances, Method method) {

    /** The test that produced the p-value. */
    public enum Method {
        /** Analytic: G = 2N·I(nats) is asymptotically χ² with (r − 1)(c − 1) degrees of freedom under independence. */
        G_TEST,
        /** Monte-Carlo permutation test: y is shuffled, x and both marginals kept. */
        PERMUTATION
    }
}
