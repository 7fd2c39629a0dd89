package org.shannon4j;

/**
 * What a measure does with a vector that does not sum to 1.
 *
 * <p>Both policies reject NaN, negative and infinite entries, empty vectors and all-zero vectors. Both
 * return the measure of the <em>normalised</em> vector p/Σp: under {@link #REQUIRE} that differs from the
 * raw vector by at most the tolerance, and costs nothing extra (see the DESIGN note on one-pass
 * normalisation).
 */
public enum Normalization {
    /**
     * The default: every probability vector must sum to 1 within
     * {@link #sumTolerance(int, boolean) sumTolerance(n, float32)} = 16·ε·√n, where ε is the machine epsilon
     * of the input type (2.2e-16 for double, 1.2e-7 for float) and n the length. That admits vectors
     * normalised in the input precision by ordinary summation and rejects genuinely unnormalised input
     * (counts, scores) with a message that points to {@link #NORMALIZE}. The check is made on the input's sum,
     * not on one backend's rounding of it, so every backend accepts and rejects the same vectors: where a
     * kernel's sum lies closer to the tolerance than its summation error could move it, the input is added
     * again in index order with compensation, and that sum decides (and is the one an error reports).
     */
    REQUIRE,
    /**
     * Divide by the sum first, as scipy's {@code entropy} and {@code jensenshannon} do, so counts and
     * unnormalised weights are accepted. The sum must be positive and finite.
     */
    NORMALIZE;

    /**
     * The tolerance of {@link #REQUIRE}: |Σp − 1| must not exceed {@code 16·ε·sqrt(max(n, 1))}.
     *
     * @param length  the number of entries n
     * @param float32 whether the entries are float (ε = 2^-23) rather than double (ε = 2^-52)
     * @return the largest allowed |Σp − 1|
     */
    public static double sumTolerance(int length, boolean float32) {
        return sumTolerance((long) length, float32);
    }

    /**
     * {@link #sumTolerance(int, boolean)} for inputs longer than an array (memory segments).
     *
     * @param length the number of entries n
     * @param float32 whether the input is float (else double)
     * @return the largest allowed |Σp − 1|
     */
    public static double sumTolerance(long length, boolean float32) {
        double epsilon = float32 ? Math.ulp(1.0f) : Math.ulp(1.0);
        return 16 * epsilon * Math.sqrt(Math.max(length, 1L));
    }
}
